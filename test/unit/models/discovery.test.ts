// Discovery over fake LM Studio and Ollama trees laid out as those programs do.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRoots, discoverModels } from '../../../backend/models/discovery.js';

const GGUF = Buffer.concat([Buffer.from('GGUF'), Buffer.from([3, 0, 0, 0]), Buffer.alloc(16), Buffer.from('weights')]);
const HEX = 'a'.repeat(64);
const HEX2 = 'b'.repeat(64);

function put(path: string, data: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
}

describe('discoverModels', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'fude-home-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('finds the models folder, LM Studio (both folders) and Ollama blobs named by their manifests', async () => {
    const roots = defaultRoots(join(home, 'models'), home, {});
    put(join(home, 'models', 'mine.gguf'), GGUF);
    put(join(home, 'models', 'sub', 'deeper.gguf'), GGUF); // the models folder is flat
    put(
      join(home, '.lmstudio', 'models', 'mmnga', 'Fugaku-LLM-13B-instruct-gguf', 'Fugaku-LLM-13B-instruct-Q4_K_M.gguf'),
      GGUF,
    );
    put(join(home, '.lmstudio', 'models', 'x', 'vision', 'mmproj-model-f16.gguf'), GGUF);
    put(join(home, '.cache', 'lm-studio', 'models', 'alfredplpl', 'llm-jp', 'llm-jp-3-1.8b-instruct-Q8_0.gguf'), GGUF);
    const ollama = join(home, '.ollama', 'models');
    put(join(ollama, 'blobs', `sha256-${HEX}`), GGUF);
    put(join(ollama, 'blobs', `sha256-${HEX2}`), '{"not":"a model"}');
    put(
      join(ollama, 'manifests', 'registry.ollama.ai', 'library', 'llm-jp-3', '1.8b'),
      JSON.stringify({
        schemaVersion: 2,
        layers: [
          { mediaType: 'application/vnd.ollama.image.template', digest: `sha256:${HEX2}`, size: 10 },
          { mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${HEX}`, size: GGUF.length },
        ],
      }),
    );
    put(
      join(ollama, 'manifests', 'hf.co', 'someone', 'model', 'latest'),
      JSON.stringify({ layers: [{ mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${HEX}` }] }),
    );
    put(
      join(ollama, 'manifests', 'registry.ollama.ai', 'library', 'broken', 'x'),
      JSON.stringify({ layers: [{ mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${HEX2}` }] }),
    );
    put(join(ollama, 'manifests', 'registry.ollama.ai', 'library', 'garbage', 'x'), 'not json');

    const found = await discoverModels(roots);
    assert.deepEqual(
      found.filter((m) => m.origin !== 'ollama').map((m) => `${m.origin}:${m.name}`),
      [
        'models-folder:mine.gguf',
        'lm-studio:mmnga/Fugaku-LLM-13B-instruct-gguf/Fugaku-LLM-13B-instruct-Q4_K_M.gguf',
        'lm-studio:alfredplpl/llm-jp/llm-jp-3-1.8b-instruct-Q8_0.gguf',
      ],
      'the models folder is flat; vision projectors are not models',
    );
    const ollamaFound = found.filter((m) => m.origin === 'ollama');
    assert.equal(ollamaFound.length, 1, 'the same blob is listed once, a non-GGUF blob not at all');
    assert.equal(ollamaFound[0].path, join(ollama, 'blobs', `sha256-${HEX}`));
    assert.ok(['llm-jp-3:1.8b', 'hf.co/someone/model:latest'].includes(ollamaFound[0].name));
    assert.equal(ollamaFound[0].sizeBytes, GGUF.length);
  });

  it('lists a file reached twice (a symlinked folder) once', async () => {
    put(join(home, 'models', 'm.gguf'), GGUF);
    mkdirSync(join(home, '.lmstudio', 'models', 'me'), { recursive: true });
    symlinkSync(join(home, 'models'), join(home, '.lmstudio', 'models', 'me', 'linked'));
    const found = await discoverModels(defaultRoots(join(home, 'models'), home, {}));
    assert.deepEqual(
      found.map((m) => m.origin),
      ['models-folder'],
    );
  });

  it('follows OLLAMA_MODELS and finds nothing where nothing is', async () => {
    const roots = defaultRoots(undefined, home, { OLLAMA_MODELS: join(home, 'elsewhere') });
    assert.deepEqual(roots.ollama, [join(home, 'elsewhere')]);
    assert.deepEqual(await discoverModels(roots), []);
  });
});
