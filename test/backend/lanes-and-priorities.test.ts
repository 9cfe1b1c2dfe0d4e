// Issue 14 on the real backend with the generated `bench` model (4 layers, FIM, one thread): measured throughput
// and memory per part in `status` and `done`, lanes sized for their use, completion before chat before prefill,
// prefill superseded and preempted, progress while a chat reads a long prompt, and streamed text joined after the
// first piece. Orders of events are asserted, never durations.
import assert from 'node:assert/strict';
import { getLlama, LlamaLogLevel, readGgufFileInfo } from 'node-llama-cpp';
import type { DoneEvent, StatusResult } from '../../protocol/messages.js';
import { estimateResources } from '../../backend/setup/resource-plan.js';
import { CODER_FIM_ANSWER } from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, type BackendProcess, type Collected } from './harness.js';

const CONTEXT = 4096;
const COMPLETE_CONTEXT = 2048;
const BATCH = 256;

function done(r: Collected): DoneEvent {
  assert.equal(r.final.type, 'done', JSON.stringify(r.final).slice(0, 300));
  return r.final;
}

function errorCode(r: Collected): string {
  assert.equal(r.final.type, 'error', JSON.stringify(r.final).slice(0, 300));
  return r.final.type === 'error' ? `${r.final.code}: ${r.final.message}` : '';
}

/** ASCII code text: this vocabulary spells it about one token a character. */
function code(chars: number, seed: string): string {
  const line = `${seed} = compute(input, options); // ${seed}\n`;
  return line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
}

describe('backend: lanes, priorities, prefill, progress, throughput (issue 14)', function () {
  this.timeout(180_000);
  let dir: string;
  let modelPath: string;
  let backend: BackendProcess;
  let c: Client;
  let c2: Client;
  let readyThroughput: unknown;

  const status = async (): Promise<StatusResult> =>
    done(await c2.request({ id: `s${Math.random()}`, type: 'status' })).status!;
  /** Resolves once the completion lane is evaluating a prompt (a prefill holds it). */
  const whileCompleteLaneEvaluates = async () => {
    for (;;) {
      const s = await status();
      if (s.lanes.find((l) => l.name === 'complete')?.evaluating) return;
      await new Promise((r) => setTimeout(r, 2));
    }
  };

  before(async () => {
    dir = makeTinyModelDir();
    modelPath = writePresetModel(dir, 'bench', { contextLength: CONTEXT }).path;
    backend = spawnBackend(['--model', modelPath, '--context-size', String(CONTEXT)]);
    const ready = await backend.ready;
    readyThroughput = ready.throughput;
    c = await Client.connect(ready.port);
    c2 = await Client.connect(ready.port);
  });
  after(async () => {
    c?.close();
    c2?.close();
    await backend?.stop();
    removeTinyModelDir(dir);
  });

  it('reports the load-time calibration, lanes sized for their use, and memory per part as the fit check estimates it', async () => {
    const s = await status();
    assert.equal(s.throughput.measuredAt, 'calibration');
    assert.ok(
      s.throughput.promptTokensPerSecond > 0 && s.throughput.decodeTokensPerSecond > 0,
      JSON.stringify(s.throughput),
    );
    assert.deepEqual(readyThroughput, {
      promptTokensPerSecond: s.throughput.promptTokensPerSecond,
      decodeTokensPerSecond: s.throughput.decodeTokensPerSecond,
      measuredAt: 'calibration',
    });
    assert.deepEqual(
      s.lanes.map((l) => [l.name, l.contextSize, l.busy, l.queued]),
      [
        ['chat', CONTEXT, false, 0],
        ['docs', CONTEXT, false, 0],
        ['complete', COMPLETE_CONTEXT, false, 0],
      ],
    );
    assert.deepEqual(
      s.memory.parts.map((p) => p.part),
      ['weights', 'kv:chat', 'kv:docs', 'compute:chat+docs', 'kv:complete', 'compute:complete'],
    );
    const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    try {
      const e = await estimateResources(llama, await readGgufFileInfo(modelPath), {
        gpuLayers: 'auto',
        contextSize: CONTEXT,
      });
      assert.deepEqual(s.memory.parts, e.parts, 'status says what the fit check says');
      assert.equal(
        e.parts.reduce((n, p) => n + p.bytes, 0),
        e.ramNeededBytes + e.vramNeededBytes,
        'the parts add up to the total',
      );
    } finally {
      await llama.dispose();
    }
    const kv = Object.fromEntries(s.memory.parts.map((p) => [p.part, p.bytes]));
    assert.equal(
      kv['kv:complete'] * 2,
      kv['kv:chat'],
      'the completion lane holds half the tokens, so half the KV cache',
    );
  });

  it('puts this request\'s speeds and its time queued in complete and chat dones, and status then says "requests"', async () => {
    const d = done(await c.request({ id: 't1', type: 'complete', prefix: code(600, 'alpha'), maxTokens: 8 }));
    assert.ok(d.usage.evaluatedInputTokens > 500);
    assert.ok(
      d.throughput!.promptTokensPerSecond > 0 && d.throughput!.decodeTokensPerSecond > 0,
      JSON.stringify(d.throughput),
    );
    assert.ok(d.timings.queuedMs !== undefined && d.timings.queuedMs >= 0);
    const s = await status();
    assert.equal(s.throughput.measuredAt, 'requests');
    assert.equal(
      s.throughput.promptTokensPerSecond,
      d.throughput!.promptTokensPerSecond,
      'the first request replaces the calibration',
    );
    const chat = done(
      await c.request({ id: 't2', type: 'chat', messages: [{ role: 'user', content: 'hi' }], maxTokens: 4 }),
    );
    assert.ok(chat.throughput && chat.timings.queuedMs !== undefined);
  });

  it('evaluates only the changed tail in the complete that follows a prefill', async () => {
    const prefix = code(1500, 'beta');
    const p = done(await c.request({ id: 'p1', type: 'prefill', prefix }));
    assert.equal(p.stopReason, 'none');
    assert.equal(p.usage.outputTokens, 0);
    // BOS and <fim_prefix> are all it shares with what the cache held.
    assert.equal(
      p.usage.evaluatedInputTokens,
      p.usage.inputTokens - 2,
      'a prefill evaluates all the cache does not hold',
    );
    assert.ok(p.throughput!.promptTokensPerSecond > 0);
    const r = await c.request({ id: 'p2', type: 'complete', prefix: `${prefix}x` });
    const d = done(r);
    assert.equal(r.text, CODER_FIM_ANSWER);
    assert.ok(d.usage.evaluatedInputTokens <= 4, `evaluated ${d.usage.evaluatedInputTokens} of ${d.usage.inputTokens}`);
    const again = done(await c.request({ id: 'p3', type: 'prefill', prefix: `${prefix}x` }));
    assert.equal(again.usage.evaluatedInputTokens, 0, 'a prefill of what the cache holds evaluates nothing');
  });

  it('cancels a running prefill when the same connection asks for a completion, or for a newer prefill', async () => {
    const prefix = code(1900, 'gamma');
    const [pre, comp] = await Promise.all([
      c.request({ id: 'q1', type: 'prefill', prefix }),
      c.request({ id: 'q2', type: 'complete', prefix: `${prefix}y` }),
    ]);
    assert.match(errorCode(pre), /^cancelled: superseded by complete q2/);
    assert.equal(comp.text, CODER_FIM_ANSWER);
    const [older, newer] = await Promise.all([
      c.request({ id: 'q3', type: 'prefill', prefix: code(1900, 'delta') }),
      c.request({ id: 'q4', type: 'prefill', prefix: code(1900, 'epsilon') }),
    ]);
    assert.match(errorCode(older), /^cancelled: superseded by prefill q4/);
    assert.equal(done(newer).stopReason, 'none');
  });

  it('gives the completion lane up at once to a completion from another connection', async () => {
    const pre = c.request({ id: 'g1', type: 'prefill', prefix: code(1900, 'zeta') });
    await whileCompleteLaneEvaluates();
    const comp = await c2.request({ id: 'g2', type: 'complete', prefix: 'function f() {' });
    assert.match(errorCode(await pre), /^cancelled: prefill g1 gave way/);
    assert.equal(done(comp).stopReason, 'eos');
  });

  it('pauses a prefill while a chat evaluates, and finishes it afterwards', async () => {
    const prefix = code(1900, 'eta');
    let prefillDoneAt = 0;
    const pre = c.request({ id: 'h1', type: 'prefill', prefix }).then((r) => {
      prefillDoneAt = performance.now();
      return r;
    });
    await whileCompleteLaneEvaluates();
    const chat = await c.request({
      id: 'h2',
      type: 'chat',
      messages: [{ role: 'user', content: 'hello' }],
      maxTokens: 16,
    });
    const chatDoneAt = performance.now();
    const p = done(await pre);
    assert.ok(chatDoneAt < prefillDoneAt, 'the chat ended first');
    assert.equal(done(chat).stopReason === 'eos' || done(chat).stopReason === 'maxTokens', true);
    assert.equal(
      p.usage.evaluatedInputTokens,
      p.usage.inputTokens - 2,
      'the prefill resumed and read everything the cache did not hold',
    );
  });

  it("sends progress while a chat reads a long prompt, and lets a completion run between the chat's batches", async () => {
    const content = code(3600, 'theta');
    const chunksBefore: number[] = [];
    let completionSentAt = 0;
    let completionFirstAt = 0;
    let chatFirstAt = 0;
    const chatPromise = c.request(
      { id: 'l1', type: 'chat', messages: [{ role: 'user', content }], maxTokens: 4 },
      () => {
        if (!chatFirstAt) chatFirstAt = performance.now();
      },
    );
    // Once the chat has read a first batch, type a completion on the other connection.
    for (;;) {
      const s = await status();
      const chatLane = s.lanes.find((l) => l.name === 'chat')!;
      if (chatLane.evaluating && chatLane.evaluating.evaluated > 0) {
        chunksBefore.push(chatLane.evaluating.evaluated);
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    completionSentAt = performance.now();
    const completion = c2.request({ id: 'l2', type: 'complete', prefix: code(1500, 'iota') }, () => {
      if (!completionFirstAt) completionFirstAt = performance.now();
    });
    const [chat, comp] = await Promise.all([chatPromise, completion]);
    const d = done(chat);
    assert.equal(comp.text, CODER_FIM_ANSWER);
    assert.ok(
      completionFirstAt > completionSentAt && completionFirstAt < chatFirstAt,
      'the completion answered before the chat finished reading',
    );
    // Progress: increasing, below the total, the total is what the chat evaluated.
    assert.ok(chat.progress.length >= 1, 'at least one progress event');
    for (let i = 0; i < chat.progress.length; i++) {
      const p = chat.progress[i];
      assert.equal(p.totalTokens, d.usage.evaluatedInputTokens);
      assert.ok(p.evaluatedTokens > 0 && p.evaluatedTokens < p.totalTokens);
      if (i > 0) assert.ok(p.evaluatedTokens > chat.progress[i - 1].evaluatedTokens);
    }
    // While the completion read its prompt, the chat read at most the batch it had started (and nothing more).
    const during = chat.progress
      .filter((p) => p.at > completionSentAt && p.at < completionFirstAt)
      .map((p) => p.evaluatedTokens);
    if (during.length > 0)
      assert.ok(
        Math.max(...during) - chunksBefore[0] <= 2 * BATCH,
        `the chat went from ${chunksBefore[0]} to ${Math.max(...during)} meanwhile`,
      );
  });

  it('streams the first piece of text at once and joins the rest (never loses or reorders any)', async () => {
    // Without FIM tokens a completion is plain prefix text, and after "#" this model writes "x" forever.
    const loop = spawnBackend(['--model', writePresetModel(dir, 'bench', { fim: false }, 'bench-prefix.gguf').path]);
    const lc = await Client.connect((await loop.ready).port);
    let r: Collected;
    try {
      r = await lc.request({ id: 'j1', type: 'complete', prefix: '#', maxTokens: 200 });
    } finally {
      lc.close();
      await loop.stop();
    }
    const d = done(r);
    assert.equal(d.usage.outputTokens, 200);
    assert.equal(r.chunks[0], 'x', 'the first token is its own message');
    assert.equal(r.text, 'x'.repeat(200));
    assert.ok(r.chunks.length <= 200);
  });
});
