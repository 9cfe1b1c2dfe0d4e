import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { EXIT_BAD_SETUP } from '../../protocol/messages.js';
import { parseSetupError } from './setup-line.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend } from './harness.js';

/**
 * Runs the backend expecting it to refuse to start; returns its one error line, with the parameters of the
 * typed `setup_error` event it printed on stdout (the same code: programs read the event, people the line).
 */
async function refusal(args: string[]) {
  const b = spawnBackend(args);
  const { code } = await b.exit;
  assert.equal(code, EXIT_BAD_SETUP, `exit code 2, stderr: ${b.stderr.join(' | ')}`);
  const errors = b.stderr.map(parseSetupError).filter((e) => e !== undefined);
  assert.equal(errors.length, 1, `exactly one error line: ${b.stderr.join(' | ')}`);
  assert.ok(!b.stderr.some((l) => /^\s+at /.test(l)), 'no stack trace');
  const events = b.events.filter((e) => e.event === 'setup_error');
  assert.equal(events.length, 1, `exactly one setup_error event: ${JSON.stringify(b.events)}`);
  const event = events[0];
  assert.ok(event.event === 'setup_error' && event.code === errors[0].code);
  return { ...errors[0], params: event.event === 'setup_error' ? event.params : {} };
}

describe('backend: setup failures are one clear line and exit code 2', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = makeTinyModelDir();
  });
  after(() => removeTinyModelDir(dir));

  it('a missing model file names the path', async () => {
    const path = join(dir, 'nope.gguf');
    const e = await refusal(['--model', path]);
    assert.equal(e.code, 'model_missing');
    assert.ok(e.message.includes(path));
    assert.equal(e.params.path, path);
  });

  it('a file that is not GGUF names the path and what it found', async () => {
    const path = join(dir, 'not-a-model.gguf');
    writeFileSync(path, 'PK\u0003\u0004 this is a zip, not a model');
    const e = await refusal(['--model', path]);
    assert.equal(e.code, 'model_invalid');
    assert.ok(e.message.includes(path));
    assert.match(e.message, /GGUF/);
  });

  it('a truncated GGUF names the path and the sizes', async () => {
    const model = writePresetModel(dir, 'demo');
    const path = join(dir, 'truncated.gguf');
    writeFileSync(path, readFileSync(model.path).subarray(0, Math.floor(model.bytes / 2)));
    const e = await refusal(['--model', path]);
    assert.equal(e.code, 'model_invalid');
    assert.ok(e.message.includes(path));
    assert.match(e.message, /runcated/);
  });

  it('a GGUF cut inside its header is reported as corrupt, not as a crash', async () => {
    const model = writePresetModel(dir, 'demo');
    const path = join(dir, 'header-cut.gguf');
    writeFileSync(path, readFileSync(model.path).subarray(0, 200));
    const e = await refusal(['--model', path]);
    assert.equal(e.code, 'model_invalid');
    assert.ok(e.message.includes(path));
  });

  it('a model and context too big for memory give the numbers needed and free', async () => {
    const model = writePresetModel(dir, 'demo');
    // About 5 KB of KV cache per token for 3 sequences of this model: ask for several times the free memory.
    const contextSize = Math.ceil((freemem() * 3) / 5000);
    const e = await refusal(['--model', model.path, '--context-size', String(contextSize)]);
    assert.equal(e.code, 'model_too_big');
    assert.ok(e.message.includes(model.path));
    assert.match(e.message, /needs about [\d.]+ [KMGT]iB .* but [\d.]+ [KMGT]?i?B is free/);
    assert.match(e.message, /context-size/);
    assert.equal(e.params.memory, 'ram');
    assert.ok(e.params.neededBytes! > e.params.freeBytes!, 'the event carries the numbers');
    assert.equal(e.params.contextSize, contextSize);
  });

  it('refuses a model with terms of use that were not accepted, and says how to accept', async () => {
    const model = writePresetModel(dir, 'llm-jp-3-172b');
    const e = await refusal(['--model', model.path]);
    assert.equal(e.code, 'terms_not_accepted');
    assert.match(e.message, /--accept-terms llm-jp-3-172b-beta1/);
    assert.equal(
      e.params.termsId,
      'llm-jp-3-172b-beta1',
      'the terms id travels as a parameter, not only in the sentence',
    );
  });

  it("refuses when other terms than the model's were accepted", async () => {
    const model = writePresetModel(dir, 'fugaku');
    const e = await refusal(['--model', model.path, '--accept-terms', 'llm-jp-3-172b-beta1']);
    assert.equal(e.code, 'terms_not_accepted');
    assert.match(e.message, /--accept-terms fugaku-llm/);
  });

  it('loads the model once its terms are accepted, and says which terms', async () => {
    const model = writePresetModel(dir, 'llm-jp-3-172b');
    const b = spawnBackend(['--model', model.path, '--accept-terms', 'llm-jp-3-172b-beta1']);
    try {
      const ready = await b.ready;
      assert.equal(ready.model.termsId, 'llm-jp-3-172b-beta1');
      assert.equal(ready.model.family, 'llm-jp-3');
    } finally {
      await b.stop();
    }
  });

  it('recognises the family from the file name when the metadata has no name', async () => {
    const model = writePresetModel(dir, 'demo', { name: '' }, 'my-llm-jp-3-1.8b-q4.gguf');
    const b = spawnBackend(['--model', model.path]);
    try {
      const ready = await b.ready;
      assert.equal(ready.model.family, 'llm-jp-3');
      assert.equal(ready.model.name, 'my-llm-jp-3-1.8b-q4');
    } finally {
      await b.stop();
    }
  });

  it('lets --family override what the metadata says', async () => {
    const model = writePresetModel(dir, 'demo');
    const b = spawnBackend(['--model', model.path, '--family', 'fugaku-llm', '--accept-terms', 'fugaku-llm']);
    try {
      assert.equal((await b.ready).model.family, 'fugaku-llm');
    } finally {
      await b.stop();
    }
  });

  it('refuses a non-loopback --host unless --allow-remote is given', async () => {
    const model = writePresetModel(dir, 'demo');
    const e = await refusal(['--model', model.path, '--host', '0.0.0.0']);
    assert.equal(e.code, 'bad_arguments');
    assert.match(e.message, /--allow-remote/);
  });

  it('rejects bad arguments with the usage', async () => {
    const e = await refusal(['--model', 'x.gguf', '--gpu', 'tpu']);
    assert.equal(e.code, 'bad_arguments');
    assert.match(e.message, /--gpu must be/);
  });

  it('falls back to the CPU with a warning when the GPU asked for is not there', async function () {
    const model = writePresetModel(dir, 'demo');
    copyFileSync(model.path, join(dir, 'gpu.gguf'));
    const b = spawnBackend(['--model', join(dir, 'gpu.gguf'), '--gpu', 'metal']);
    try {
      const ready = await b.ready;
      assert.equal(ready.model.gpu, false);
      assert.ok(
        ready.warnings.some((w) => /metal.*not available.*CPU/i.test(w)),
        ready.warnings.join(' | '),
      );
      assert.ok(b.stderr.some((l) => /\[warn\].*metal/i.test(l)));
      const client = await Client.connect(ready.port);
      assert.equal((await client.request({ id: 's', type: 'status' })).final.type, 'done');
      client.close();
    } finally {
      await b.stop();
    }
  });
});
