// The engine the features hold: it forwards to the engine in use, and swapping engines ends a request in flight
// with `engine_changed` (what arrived kept) and disposes the old engine.
import assert from 'node:assert/strict';
import type { ChatCall, CompleteCall, Engine, PrefillCall } from '../../../extension/engine/engine.js';
import { EngineError } from '../../../extension/engine/engine-error.js';
import { EngineSwitch } from '../../../extension/engine/engine-switch.js';
import { streamAnswer } from '../../../extension/engine/stream-answer.js';
import { TextStream } from '../../../extension/engine/text-stream.js';

const END = {
  stopReason: 'eos' as const,
  usage: { inputTokens: 1, evaluatedInputTokens: 1, outputTokens: 2 },
  timings: { firstTokenMs: 1, totalMs: 2 },
};

/** An engine whose streams the test feeds by hand. */
class FakeEngine implements Engine {
  readonly streams: Array<{ stream: TextStream; signal?: AbortSignal }> = [];
  disposed = false;
  started = 0;
  constructor(readonly kind: 'local' | 'openai') {}
  async start() {
    this.started++;
  }
  async restart() {}
  async stop() {}
  chat(_call: ChatCall, signal?: AbortSignal) {
    return this.open(signal);
  }
  complete(_call: CompleteCall, signal?: AbortSignal) {
    return this.open(signal);
  }
  readonly prefills: PrefillCall[] = [];
  async prefill(call: PrefillCall) {
    this.prefills.push(call);
    return this.kind === 'local' ? END : undefined;
  }
  async count() {
    return { texts: [7] };
  }
  async details() {
    return {};
  }
  async dispose() {
    this.disposed = true;
  }
  private open(signal?: AbortSignal): TextStream {
    const stream = new TextStream(`fake-${this.streams.length}`);
    signal?.addEventListener('abort', () => stream.fail(new EngineError('cancelled', 'aborted')), { once: true });
    this.streams.push({ stream, signal });
    return stream;
  }
}

const tick = () => new Promise((r) => setImmediate(r));

describe('EngineSwitch', () => {
  it('forwards every call to the engine in use', async () => {
    const local = new FakeEngine('local');
    const sw = new EngineSwitch(local);
    assert.equal(sw.kind, 'local');
    await sw.start();
    assert.equal(local.started, 1);
    assert.deepEqual(await sw.count({ texts: ['x'] }), { texts: [7] });
    assert.deepEqual(await sw.prefill({ prefix: 'p' }), END);
    assert.deepEqual(local.prefills, [{ prefix: 'p' }]);
    const s = sw.complete({ prefix: 'a' });
    local.streams[0].stream.push('b');
    local.streams[0].stream.finish(END);
    assert.equal(await s.text(), 'b');
    assert.deepEqual(await s.done, END);
  });

  it("passes the caller's cancellation through", async () => {
    const local = new FakeEngine('local');
    const sw = new EngineSwitch(local);
    const controller = new AbortController();
    const outcome = streamAnswer(sw, { messages: [] }, controller.signal);
    await tick();
    controller.abort();
    assert.equal((await outcome).kind, 'stopped');
    assert.equal(local.streams[0].signal!.aborted, true);
  });

  it('ends an answer in flight with engine_changed, keeps its text, stops the old engine and uses the new one', async () => {
    const local = new FakeEngine('local');
    const remote = new FakeEngine('openai');
    const sw = new EngineSwitch(local);
    const outcome = streamAnswer(sw, { messages: [] }, new AbortController().signal);
    local.streams[0].stream.push('途中');
    await tick();
    await sw.use(remote, 'Fude switched to the remote engine');
    const o = await outcome;
    assert.equal(o.kind, 'error');
    assert.equal(o.kind === 'error' && o.code, 'engine_changed');
    assert.equal(o.text, '途中');
    assert.equal(local.streams[0].signal!.aborted, true, 'the old request was stopped');
    assert.equal(local.disposed, true);
    assert.equal(sw.kind, 'openai');
    assert.equal(sw.current, remote);
    const next = sw.chat({ messages: [] });
    remote.streams[0].stream.push('新しい');
    remote.streams[0].stream.finish(END);
    assert.equal(await next.text(), '新しい');
  });
});
