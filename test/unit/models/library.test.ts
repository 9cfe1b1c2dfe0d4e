import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelsError } from '../../../backend/models/errors.js';
import { INDEX_FILE, listModels, markUsed, recordDownload, removeModel } from '../../../backend/models/library.js';

describe('the models folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fude-lib-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists downloads with source and last use, files put there by hand, and unfinished downloads', async () => {
    writeFileSync(join(dir, 'a.gguf'), 'GGUF-a');
    writeFileSync(join(dir, 'hand.gguf'), 'GGUF-hand');
    writeFileSync(join(dir, 'b.gguf.part'), 'GGUF-b-part');
    writeFileSync(
      join(dir, 'b.gguf.part.json'),
      JSON.stringify({
        version: 1,
        source: 'hf:o/r/b.gguf',
        url: 'https://x/b.gguf',
        expectedSize: 100,
        catalogId: 'cat-b',
        startedAt: '',
      }),
    );
    writeFileSync(join(dir, 'notes.txt'), 'x');
    await recordDownload(join(dir, 'a.gguf'), {
      source: 'hf:o/r/a.gguf',
      url: 'https://x/a.gguf',
      sha256: 'f'.repeat(64),
      sizeBytes: 6,
      catalogId: 'cat-a',
    });
    await markUsed(join(dir, 'a.gguf'), dir, new Date('2030-01-02T03:04:05Z'));
    await markUsed('/elsewhere/a.gguf', dir);
    const list = await listModels(dir);
    assert.deepEqual(
      list.map((m) => [m.fileName, m.partial]),
      [
        ['a.gguf', false],
        ['b.gguf', true],
        ['hand.gguf', false],
      ],
    );
    const a = list[0];
    assert.equal(a.source, 'hf:o/r/a.gguf');
    assert.equal(a.lastUsedAt, '2030-01-02T03:04:05.000Z');
    assert.equal(a.catalogId, 'cat-a');
    assert.equal(a.sizeBytes, 6);
    const b = list[1];
    assert.equal(b.path, join(dir, 'b.gguf'));
    assert.equal(b.expectedSizeBytes, 100);
    assert.equal(b.source, 'hf:o/r/b.gguf');
    assert.equal(list[2].source, null);
    assert.ok(
      (JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as { models: Record<string, unknown> }).models['a.gguf'],
    );
  });

  it('deletes a model with its part files and index entry, and only .gguf files', async () => {
    writeFileSync(join(dir, 'a.gguf'), 'GGUF');
    writeFileSync(join(dir, 'a.gguf.part'), 'GGUF');
    await recordDownload(join(dir, 'a.gguf'), { source: 's', url: 'u', sha256: 'f'.repeat(64), sizeBytes: 4 });
    const { removed } = await removeModel(join(dir, 'a.gguf'));
    assert.deepEqual(removed, [join(dir, 'a.gguf'), join(dir, 'a.gguf.part')]);
    assert.deepEqual((JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as { models: unknown }).models, {});
    writeFileSync(join(dir, 'keep.txt'), 'x');
    await assert.rejects(
      removeModel(join(dir, 'keep.txt')),
      (e: unknown) => e instanceof ModelsError && e.code === 'bad_input',
    );
    assert.ok(existsSync(join(dir, 'keep.txt')));
    await assert.rejects(
      removeModel(join(dir, 'gone.gguf')),
      (e: unknown) => e instanceof ModelsError && e.code === 'not_found',
    );
  });

  it('lists nothing for a folder that does not exist yet', async () => {
    assert.deepEqual(await listModels(join(dir, 'not-yet')), []);
  });
});
