// The pipeline sizes windows by the measured speed and the KV cache: a cold request reads a small
// window, typing keeps (and grows) it at the cost of its tail, a prefill warms the whole window so the
// next keystroke costs only its tail, and a prefill cut short falls back to a small window.
import assert from 'node:assert/strict';
import type { GenerateFn, GenerationEnd } from '../../../extension/completion/engine.js';
import { IDLE_PREFILL_MS } from '../../../extension/completion/window-sizer.js';
import { CompletionPipeline, type DocumentSnapshot, type PrefillFn } from '../../../extension/completion/pipeline.js';
import { TokenCalibration } from '../../../extension/completion/token-calibration.js';
import { FakeClock, flush } from './fake-clock.js';
import { drive } from './scripted-backend.js';

const SPEED = { promptTokensPerSecond: 137, decodeTokensPerSecond: 11 };

/** A 1,500-line file of 40-character lines; the estimate is one token per character (no calibration). */
const FILE = Array.from(
  { length: 1500 },
  (_, i) => `const value${String(i).padStart(4, '0')} = compute(${String(i).padStart(4, '0')}, 1);\n`,
).join('');
const lineStart = (n: number) => n * FILE.indexOf('\n') + n;

function setup(o: { prefill?: boolean } = {}) {
  const clock = new FakeClock();
  const sent: Array<{ prefix: string; suffix: string }> = [];
  const prefills: Array<{
    prefix: string;
    signal: AbortSignal;
    resolve: (end?: GenerationEnd) => void;
    reject: (e: unknown) => void;
  }> = [];
  const generate: GenerateFn = async (prefix, suffix, signal, onText) => {
    sent.push({ prefix, suffix });
    await new Promise<void>((r) => clock.schedule(5, r));
    if (signal.aborted) return;
    onText('x;');
    return {
      usage: { inputTokens: prefix.length, evaluatedInputTokens: 0, outputTokens: 1 },
      timings: { firstTokenMs: 5, totalMs: 5 },
      throughput: SPEED,
    };
  };
  const prefill: PrefillFn = (prefix, _suffix, signal) =>
    new Promise((resolve, reject) => {
      prefills.push({ prefix, signal, resolve, reject });
      signal.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { code: 'cancelled' })));
    });
  // The estimate stays one token per character: the file is ASCII, and calibration would only lower it.
  const calibration = new TokenCalibration({ initialFactor: 3.5, minFactor: 3.5, maxFactor: 3.5 });
  const pipeline = new CompletionPipeline({
    generate,
    clock,
    calibration,
    prefill: o.prefill === false ? undefined : prefill,
    settings: { promptTokens: 1024, extraContextTokens: 0 },
    isCancellation: (e) => (e as { code?: string }).code === 'cancelled',
  });
  pipeline.speed.reported(SPEED, 'backend-calibration');
  return { clock, sent, prefills, pipeline };
}

const doc = (text: string, offset: number): DocumentSnapshot => ({
  uri: 'file:///big.ts',
  path: 'big.ts',
  languageId: 'typescript',
  text,
  offset,
});
const type = (d: DocumentSnapshot, s: string): DocumentSnapshot => ({
  ...d,
  text: d.text.slice(0, d.offset) + s + d.text.slice(d.offset),
  offset: d.offset + s.length,
});
const ask = (p: CompletionPipeline, clock: FakeClock, d: DocumentSnapshot) =>
  drive(clock, p.provide(d, { contextSize: 4096, manual: true }));

describe('CompletionPipeline: windows sized by speed and the KV cache', () => {
  it('a cold request reads only what the target allows; typing keeps its start and costs the tail', async () => {
    const { clock, sent, pipeline } = setup();
    const affordable = pipeline.plan().affordableTokens;
    let d = doc(FILE, lineStart(800));
    await ask(pipeline, clock, d);
    const first = pipeline.report().last!;
    assert.equal(first.kept, false);
    assert.ok(first.uncachedTokens <= affordable, `${first.uncachedTokens} <= ${affordable}`);
    assert.ok(sent[0].prefix.length <= affordable, 'a prefix-only model reads only the prefix');
    for (const ch of 'let total = 0;') {
      d = type(d, ch);
      await ask(pipeline, clock, d);
      const r = pipeline.report().last!;
      assert.equal(r.kept, true);
      assert.ok(r.uncachedTokens <= 5, `only the typed tail is read: ${r.uncachedTokens}`);
    }
    assert.ok(sent.at(-1)!.prefix.startsWith(sent[0].prefix.slice(0, 40)), 'the prompt start stayed');
  });

  it('once the speed is known, asks to show a short suggestion as soon as it is written', () => {
    const { pipeline } = setup();
    const request = pipeline.prepare(doc(FILE, lineStart(800)), 4096);
    // 4 tokens at 11 tokens/s would be 364 ms: at most 300.
    assert.equal(request.showAfterMs, 300);
    pipeline.reset();
    assert.equal(
      pipeline.prepare(doc(FILE, lineStart(800)), 4096).showAfterMs,
      undefined,
      'no speed: what came within generateMs',
    );
  });

  it('an explicit trigger waits for the whole answer: VS Code would not ask again to show a longer one', async () => {
    const { clock, pipeline } = setup();
    const asked: Array<number | undefined> = [];
    const complete = pipeline.engine.complete.bind(pipeline.engine);
    pipeline.engine.complete = (request, signal) => {
      asked.push(request.showAfterMs);
      return complete(request, signal);
    };
    await drive(clock, pipeline.provide(doc(FILE, lineStart(800)), { contextSize: 4096, manual: true }));
    await drive(clock, pipeline.provide(doc(FILE, lineStart(900)), { contextSize: 4096 }));
    assert.deepEqual(asked, [undefined, 300]);
  });

  it('a far jump gets a small fresh window again: the cache holds the old place', async () => {
    const { clock, pipeline } = setup();
    await ask(pipeline, clock, doc(FILE, lineStart(800)));
    await ask(pipeline, clock, doc(FILE, lineStart(100)));
    const r = pipeline.report().last!;
    assert.equal(r.kept, false);
    assert.ok(r.uncachedTokens <= pipeline.plan().affordableTokens);
  });

  it('a finished prefill warms the whole window: the next keystroke keeps it and reads only its tail', async () => {
    const { clock, sent, prefills, pipeline } = setup();
    const d = doc(FILE, lineStart(800));
    const warming = pipeline.warm(d, {
      contextSize: 4096,
      reason: 'idle',
      expectedPauseMs: 2000,
      signal: new AbortController().signal,
    });
    await flush();
    assert.equal(prefills.length, 1);
    // 4 s of reading at 137 tokens/s: 548 tokens (in whole lines), not the whole 1,024-token window.
    assert.equal(IDLE_PREFILL_MS, 4000);
    const n = prefills[0].prefix.length;
    assert.ok(n > 300 && n < 580, `what an idle pause reads: ${n} characters`);
    assert.ok(FILE.slice(0, lineStart(800)).endsWith(prefills[0].prefix), 'the text before the cursor, whole lines');
    prefills[0].resolve({
      usage: { inputTokens: 800, evaluatedInputTokens: 800, outputTokens: 0 },
      timings: { firstTokenMs: 0, totalMs: 5800 },
      throughput: SPEED,
    });
    const w = await warming;
    assert.equal(w.kind, 'done');
    await ask(pipeline, clock, type(d, 'l'));
    const r = pipeline.report().last!;
    assert.equal(r.kept, true);
    assert.ok(r.uncachedTokens <= 5);
    assert.equal(sent[0].prefix, prefills[0].prefix + 'l', 'the prompt starts where the prefill did');
    const again = await pipeline.warm(type(d, 'l'), {
      contextSize: 4096,
      reason: 'idle',
      expectedPauseMs: 2000,
      signal: new AbortController().signal,
    });
    assert.deepEqual(again, { kind: 'skipped', why: 'already-warm' });
  });

  it('a prefill cut short by typing early leaves too little: the keystroke reads a small fresh window instead', async () => {
    const { clock, prefills, pipeline } = setup();
    const d = doc(FILE, lineStart(800));
    const abort = new AbortController();
    const warming = pipeline.warm(d, {
      contextSize: 4096,
      reason: 'idle',
      expectedPauseMs: 2000,
      signal: abort.signal,
    });
    await flush();
    clock.advance(500); // about 55 tokens read
    abort.abort();
    assert.equal((await warming).kind, 'cancelled');
    await ask(pipeline, clock, type(d, 'l'));
    const r = pipeline.report().last!;
    assert.equal(r.kept, false);
    assert.ok(r.uncachedTokens <= pipeline.plan().affordableTokens);
    assert.ok(prefills[0].prefix.length > 300);
  });

  it('a prefill mostly done when the user types is kept: only the rest and the tail are read', async () => {
    const { clock, pipeline } = setup();
    const d = doc(FILE, lineStart(800));
    const abort = new AbortController();
    const warming = pipeline.warm(d, {
      contextSize: 4096,
      reason: 'jump',
      expectedPauseMs: 2000,
      signal: abort.signal,
    });
    await flush();
    clock.advance(2000); // 2 s at 137 tokens/s (80 %): 219 tokens of a 219-token jump window
    abort.abort();
    await warming;
    await ask(pipeline, clock, type(d, 'l'));
    const r = pipeline.report().last!;
    assert.equal(r.kept, true);
    assert.ok(r.uncachedTokens <= 5, `${r.uncachedTokens}`);
  });

  it('without a prefill function nothing is warmed', async () => {
    const { pipeline } = setup({ prefill: false });
    assert.deepEqual(
      await pipeline.warm(doc(FILE, 10), {
        contextSize: 4096,
        reason: 'open',
        expectedPauseMs: 2000,
        signal: new AbortController().signal,
      }),
      { kind: 'skipped', why: 'no-prefill' },
    );
  });

  it('never a window the first-text budget cannot serve, and a timeout lowers the speed', async () => {
    const { clock, pipeline } = setup();
    pipeline.updateSettings({
      firstSuggestionTargetMs: 30_000,
      budget: { firstTextMs: 2000, generateMs: 1000, maxTokens: 128 },
    });
    await ask(pipeline, clock, doc(FILE, lineStart(800)));
    const r = pipeline.report();
    assert.equal(r.plan.limitedBy, 'budget');
    assert.ok(r.last!.expectedFirstTextMs! <= 2000, `${r.last!.expectedFirstTextMs} ms`);
  });
});
