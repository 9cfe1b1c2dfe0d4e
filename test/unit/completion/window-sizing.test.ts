// Windows sized by measured speed: the speeds (speed.ts), what the KV cache holds (kv-mirror.ts), the
// plan from speeds to tokens (window-sizer.ts) and the stable window keeping only affordable anchors.
import assert from 'node:assert/strict';
import { commonPrefixLength, KvMirror } from '../../../extension/completion/kv-mirror.js';
import { SpeedEstimate } from '../../../extension/completion/speed.js';
import { StableWindow } from '../../../extension/completion/stable-window.js';
import {
  BUDGET_SHARE,
  MIN_WINDOW_TOKENS,
  OVERHEAD_MS,
  planWindow,
  prefillTokens,
  IDLE_PREFILL_MS,
} from '../../../extension/completion/window-sizer.js';

const chars = (t: string) => t.length;

describe('SpeedEstimate', () => {
  it("takes the backend's figures as they are, and says where they came from", () => {
    const s = new SpeedEstimate();
    assert.equal(new SpeedEstimate().current, undefined, 'no speed before any report');
    s.reported({ promptTokensPerSecond: 137, decodeTokensPerSecond: 11 }, 'backend-calibration');
    assert.deepEqual(s.current, {
      promptTokensPerSecond: 137,
      decodeTokensPerSecond: 11,
      source: 'backend-calibration',
    });
    s.reported({ promptTokensPerSecond: 0, decodeTokensPerSecond: 11 }, 'backend-requests');
    assert.equal(s.current?.promptTokensPerSecond, 137, 'a zero speed is no measurement');
  });

  it('measures from usage and timings when the engine reports no speeds (queue time left out)', () => {
    const s = new SpeedEstimate();
    s.measured({ evaluatedInputTokens: 500, outputTokens: 11, firstTokenMs: 1100, totalMs: 2100, queuedMs: 100 });
    assert.deepEqual(s.current, { promptTokensPerSecond: 500, decodeTokensPerSecond: 10, source: 'measured-here' });
    s.measured({ evaluatedInputTokens: 3, outputTokens: 2, firstTokenMs: 50, totalMs: 60 });
    assert.equal(s.current?.promptTokensPerSecond, 500, 'three tokens say nothing about the prompt speed');
  });

  it('lowers the prompt speed after a timeout, so the next windows fit the budget', () => {
    const s = new SpeedEstimate();
    s.reported({ promptTokensPerSecond: 137, decodeTokensPerSecond: 11 }, 'backend-requests');
    s.timedOut(400, 5000); // 400 tokens did not give text within 5 s: at most 80 tokens/s
    assert.equal(s.current?.promptTokensPerSecond, 64);
    assert.equal(s.current?.source, 'after-timeout');
    s.timedOut(10, 5000);
    assert.equal(s.current?.promptTokensPerSecond, 1.6);
  });
});

describe('KvMirror', () => {
  let now = 0;
  let speed: number | undefined = 100;
  const mirror = () => new KvMirror({ estimate: chars, promptTokensPerSecond: () => speed, now: () => now });
  beforeEach(() => {
    now = 0;
    speed = 100;
  });

  it('a prompt that extends the cached one costs only its tail', () => {
    const m = mirror();
    assert.equal(m.uncachedTokens('abcdef'), 6, 'nothing cached yet');
    m.begin('abcdef').finished();
    assert.equal(m.uncachedTokens('abcdefgh'), 2);
    assert.equal(m.uncachedTokens('abcXYZ'), 3, 'the common start is reused, the rest evaluated');
    assert.equal(m.uncachedTokens('abcdefgh', 'suffix'), 8, 'a FIM suffix after the prefix is always evaluated');
    assert.equal(m.uncachedTokens('zzz'), 3);
  });

  it('a new prompt overwrites what followed the common start', () => {
    const m = mirror();
    m.begin('abcdef').finished();
    m.begin('abXY').finished();
    assert.equal(m.uncachedTokens('abcdef'), 4);
  });

  it('an evaluation in flight or interrupted counts what the time and speed allow (80 %)', () => {
    const m = mirror();
    const t = m.begin('x'.repeat(1000));
    now = 2000; // 2 s at 100 tokens/s, 80 %: 160 tokens
    assert.equal(m.cachedTokens('x'.repeat(1000)), 160);
    now = 3000;
    t.interrupted();
    now = 60_000;
    assert.equal(m.cachedTokens('x'.repeat(1000)), 240, 'frozen when interrupted');
    speed = undefined;
    const u = m.begin('y'.repeat(100));
    now = 70_000;
    u.interrupted();
    assert.equal(m.cachedTokens('y'.repeat(100)), 0, 'without a speed, nothing is assumed');
    m.forget();
    assert.equal(m.cachedTokens('x'.repeat(1000)), 0);
  });

  it('a ticket superseded by a newer request says nothing any more', () => {
    const m = mirror();
    const old = m.begin('aaaa');
    m.begin('bbbb').finished();
    old.finished();
    assert.equal(m.cachedTokens('aaaa'), 0);
    assert.equal(m.cachedTokens('bbbb'), 4);
  });

  it('never splits a surrogate pair when comparing', () => {
    assert.equal(commonPrefixLength('a😀', 'a😃'), 1);
    assert.equal(commonPrefixLength('abc', 'abd'), 2);
  });
});

describe('planWindow: tokens from speeds', () => {
  const base = { targetMs: 1200, firstTextMs: 5000, generateMs: 1000, fullTokens: 1024 };
  it('keeps the setting while the speed is unknown', () => {
    const p = planWindow({ ...base, speed: undefined });
    assert.deepEqual([p.affordableTokens, p.limitedBy], [1024, 'unknown-speed']);
    assert.equal(p.expectedFirstTextMs(100), undefined);
  });

  it('LLM-jp-3 1.8B on two CPU cores (137 / 11 tokens/s): a window read within the target, leaving time to write a few tokens', () => {
    const speed = { promptTokensPerSecond: 137, decodeTokensPerSecond: 11, source: 'backend-calibration' as const };
    const p = planWindow({ ...base, speed });
    const firstToken = 1000 / 11 + OVERHEAD_MS;
    const reserve = (4 / 11) * 1000;
    assert.equal(p.affordableTokens, Math.floor(((1200 - reserve - firstToken) * 137) / 1000));
    assert.equal(p.limitedBy, 'target');
    assert.ok(p.expectedFirstTextMs(p.affordableTokens)! + reserve <= 1200 + 1);
    assert.equal(p.budgetTokens, Math.floor(((5000 * BUDGET_SHARE - firstToken) * 137) / 1000));
  });

  it('a fast machine gets the whole window; a very slow one a few lines, never more than the budget covers', () => {
    const fast = planWindow({
      ...base,
      speed: { promptTokensPerSecond: 5000, decodeTokensPerSecond: 100, source: 'backend-requests' },
    });
    assert.deepEqual([fast.affordableTokens, fast.limitedBy], [1024, 'setting']);
    const slow = planWindow({
      ...base,
      speed: { promptTokensPerSecond: 20, decodeTokensPerSecond: 2, source: 'backend-requests' },
    });
    assert.equal(slow.affordableTokens, MIN_WINDOW_TOKENS, 'the target is out of reach: a few lines');
    const verySlow = planWindow({
      ...base,
      firstTextMs: 2000,
      speed: { promptTokensPerSecond: 10, decodeTokensPerSecond: 2, source: 'backend-requests' },
    });
    assert.equal(verySlow.limitedBy, 'budget');
    assert.ok(
      verySlow.expectedFirstTextMs(verySlow.affordableTokens)! <= 2000 * BUDGET_SHARE,
      'the first-text budget covers the window',
    );
  });

  it('prefills when idle what IDLE_PREFILL_MS reads (a fast machine the whole window); after a jump what can be read before the next keystroke', () => {
    const speed = { promptTokensPerSecond: 137, decodeTokensPerSecond: 11, source: 'backend-requests' as const };
    assert.equal(
      prefillTokens({ ...base, speed, reason: 'idle', expectedPauseMs: 2000 }),
      (IDLE_PREFILL_MS / 1000) * 137,
    );
    const fast = { ...speed, promptTokensPerSecond: 1000 };
    assert.equal(prefillTokens({ ...base, speed: fast, reason: 'idle', expectedPauseMs: 2000 }), 1024);
    const slow = { ...speed, promptTokensPerSecond: 5 };
    const slowIdle = prefillTokens({ ...base, speed: slow, reason: 'idle', expectedPauseMs: 2000 });
    assert.ok(slowIdle >= planWindow({ ...base, speed: slow }).affordableTokens, 'at least a cold window');
    assert.equal(prefillTokens({ ...base, speed, reason: 'jump', expectedPauseMs: 2000 }), Math.floor(2 * 137 * 0.8));
    assert.equal(prefillTokens({ ...base, speed, reason: 'open', expectedPauseMs: 60_000 }), 1024);
    assert.equal(
      prefillTokens({ ...base, speed, reason: 'jump', expectedPauseMs: 100 }),
      planWindow({ ...base, speed }).affordableTokens,
      'at least a cold window',
    );
    assert.equal(prefillTokens({ ...base, speed: undefined, reason: 'jump', expectedPauseMs: 100 }), 1024);
  });
});

describe('StableWindow with costs', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${String(i).padStart(3, '0')}\n`).join('');
  const input = (text: string, offset: number) => ({
    document: 'file:///a.ts',
    text,
    offset,
    tokens: 400,
    hardTokens: 1000,
    estimate: chars,
    suffixShare: 0.2,
  });

  it('starts fresh windows at the affordable size and keeps an anchor only while its cost is affordable', () => {
    const w = new StableWindow();
    const text = lines(200);
    let cost = 0;
    const a = w.build({ ...input(text, 900), freshTokens: 100 });
    assert.ok(a.prefix.length + a.suffix.length <= 100);
    const kept = w.build({ ...input(text, 900 + 5 * 9), freshTokens: 100, cost: () => cost, maxCost: 50 });
    assert.equal(kept.start, a.start, 'cheap: kept, and larger than a fresh window would be');
    assert.ok(kept.prefix.length + kept.suffix.length > 100);
    cost = 51;
    const fresh = w.build({ ...input(text, 900 + 6 * 9), freshTokens: 100, cost: () => cost, maxCost: 50 });
    assert.notEqual(fresh.start, a.start, 'too costly to keep (the cache lost it): fresh');
    assert.equal(w.lastKept, false);
  });

  it('a forced fresh window re-anchors; peek tells without building', () => {
    const w = new StableWindow();
    const text = lines(200);
    w.build({ ...input(text, 900), freshTokens: 50 });
    const big = w.build({ ...input(text, 900), fresh: true });
    assert.ok(big.prefix.length > 200);
    const counts = [w.kept, w.fresh];
    assert.equal(w.peek(input(text, 909)).kept?.start, big.start);
    assert.deepEqual([w.kept, w.fresh], counts);
  });
});
