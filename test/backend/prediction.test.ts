// Token prediction on the real backend: a chat with predictFrom "input" (input lookup) and a backend started with
// --draft-model write exactly what they write without prediction at temperature 0, and say what was predicted.
import assert from 'node:assert/strict';
import type { DoneEvent } from '../../protocol/messages.js';
import { join } from 'node:path';
import { translateCommentsMessages, DEFAULT_STYLE } from '../../extension/docs/prompts.js';
import { copyScript, COPY_1_8B_SHAPE, writeCopyModel } from '../fixtures/copy-model.js';
import { CODER_ANSWER, LLM_JP_ANSWER } from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, type BackendProcess, type Collected } from './harness.js';

function done(r: Collected): DoneEvent {
  assert.equal(r.final.type, 'done', JSON.stringify(r.final).slice(0, 300));
  return r.final;
}

describe('backend: token prediction', function () {
  this.timeout(120_000);
  let dir: string;
  const backends: BackendProcess[] = [];
  const clients: Client[] = [];

  async function open(args: string[]): Promise<Client> {
    const b = spawnBackend(args);
    backends.push(b);
    const c = await Client.connect((await b.ready).port);
    clients.push(c);
    return c;
  }

  before(() => {
    dir = makeTinyModelDir();
  });
  after(async () => {
    for (const c of clients) c.close();
    await Promise.all(backends.map((b) => b.stop()));
    removeTinyModelDir(dir);
  });

  it('input lookup: the same answer as without, with the copied tokens predicted and accepted', async () => {
    const c = await open(['--model', writePresetModel(dir, 'llm-jp-3-1.8b').path]);
    // The answer copies the question, as a translation copies the code around its comments.
    const messages = [{ role: 'user', content: `次の文をそのまま書いて: ${LLM_JP_ANSWER}` }];
    const plain = await c.request({ id: 'a1', type: 'chat', messages, temperature: 0 });
    // Another lane, so the second request evaluates the same prompt from scratch too.
    const predicted = await c.request({
      id: 'a2',
      type: 'chat',
      lane: 'docs',
      messages,
      temperature: 0,
      predictFrom: 'input',
    });
    assert.equal(plain.text, LLM_JP_ANSWER);
    assert.equal(predicted.text, plain.text);
    assert.equal(done(plain).prediction, undefined, 'no prediction asked for, none reported');
    const p = done(predicted).prediction!;
    assert.ok(p.acceptedTokens > 0 && p.acceptedTokens <= p.predictedTokens, JSON.stringify(p));
    assert.deepEqual(done(predicted).usage, done(plain).usage);
    // With the cache warm, and with sampling settings of the model card: still the same text.
    const again = await c.request({
      id: 'a3',
      type: 'chat',
      messages,
      predictFrom: 'input',
      temperature: 0,
      repeatPenalty: 1,
    });
    assert.equal(again.text, plain.text);
  });

  it('input lookup accepts several predicted tokens per step where the answer copies a run of its input', async () => {
    // The copy fixture answers the docs panel's comment translation with the excerpt, comment words "translated".
    const script = copyScript();
    const model = writeCopyModel(join(dir, 'copy-thin.gguf'), { ...COPY_1_8B_SHAPE, layers: 1, ff: 256 }, script);
    const c = await open(['--model', model.path, '--context-size', '2048']);
    const messages = translateCommentsMessages(
      { code: script.prompt, languageId: 'typescript' },
      'to-ja',
      DEFAULT_STYLE,
    );
    const plain = await c.request({ id: 't1', type: 'chat', lane: 'docs', messages, temperature: 0, maxTokens: 1024 });
    const predicted = await c.request({
      id: 't2',
      type: 'chat',
      lane: 'docs',
      messages,
      temperature: 0,
      maxTokens: 1024,
      predictFrom: 'input',
    });
    assert.equal(plain.text, script.answer);
    assert.equal(predicted.text, plain.text);
    const p = done(predicted).prediction!;
    const steps = done(predicted).usage.outputTokens - p.acceptedTokens;
    // node-llama-cpp 3.21's own predictor path accepts at most one predicted token per step, so it needs at least
    // half as many steps as tokens; the lookup loop accepts whole copied runs (the code between the comments).
    assert.ok(
      steps < done(plain).usage.outputTokens * 0.5,
      `${steps} steps for ${done(plain).usage.outputTokens} tokens: ${JSON.stringify(p)}`,
    );
  });

  it('a draft model of the same vocabulary: the same answer, drafted tokens accepted', async () => {
    const model = writePresetModel(dir, 'generic-fim').path;
    const plainClient = await open(['--model', model]);
    const drafted = await open(['--model', model, '--draft-model', model]);
    const messages = [{ role: 'user', content: 'hi' }];
    const plain = await plainClient.request({ id: 'd1', type: 'chat', messages, temperature: 0 });
    const withDraft = await drafted.request({ id: 'd2', type: 'chat', messages, temperature: 0 });
    assert.equal(plain.text, CODER_ANSWER);
    assert.equal(withDraft.text, plain.text);
    const p = done(withDraft).prediction!;
    // The draft is the model itself here: every drafted token is right.
    assert.ok(p.acceptedTokens > 0 && p.acceptedTokens === p.predictedTokens, JSON.stringify(p));
    const status = done(await drafted.request({ id: 'd3', type: 'status' })).status!;
    assert.deepEqual(
      status.memory.parts.filter((x) => x.part.startsWith('draft:')).map((x) => x.part),
      ['draft:weights', 'draft:context'],
    );
    // Completions do not use the draft.
    const comp = done(await drafted.request({ id: 'd4', type: 'complete', prefix: 'x', suffix: 'y' }));
    assert.equal(comp.prediction, undefined);
  });

  it('refuses a draft model with another vocabulary before serving', async () => {
    const b = spawnBackend([
      '--model',
      writePresetModel(dir, 'generic-fim').path,
      '--draft-model',
      writePresetModel(dir, 'llm-jp-3-1.8b').path,
    ]);
    backends.push(b);
    const { code } = await b.exit;
    assert.equal(code, 2);
    const setup = b.events.find((e) => e.event === 'setup_error');
    assert.ok(setup && setup.event === 'setup_error');
    assert.equal(setup.code, 'bad_arguments');
    assert.equal(setup.params.option, 'draft-model');
    assert.match(setup.message, /another vocabulary/);
  });
});
