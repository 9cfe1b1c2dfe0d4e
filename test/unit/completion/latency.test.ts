import assert from 'node:assert/strict';
import { LatencyTracker } from '../../../extension/completion/latency.js';

describe('LatencyTracker', () => {
  it('computes p50 and p95 over successes in the window', () => {
    const t = new LatencyTracker({ window: 100 });
    for (let ms = 1; ms <= 100; ms++) t.recordSuccess(ms);
    const s = t.stats();
    assert.equal(s.count, 100);
    assert.equal(s.p50, 50);
    assert.equal(s.p95, 95);
    assert.equal(s.mean, 50.5);
    assert.equal(s.timeouts, 0);
  });

  it('forgets requests that left the window', () => {
    const t = new LatencyTracker({ window: 3 });
    t.recordSuccess(1000);
    t.recordSuccess(10);
    t.recordSuccess(20);
    t.recordSuccess(30);
    assert.equal(t.stats().p95, 30);
  });

  it('is unknown with too few requests, ok when fast, slow when the median is high', () => {
    const t = new LatencyTracker({ minSamples: 3, slowMs: 1000 });
    t.recordSuccess(100);
    assert.equal(t.verdict(), 'unknown');
    t.recordSuccess(200);
    t.recordSuccess(300);
    assert.equal(t.verdict(), 'ok');
    const slow = new LatencyTracker({ minSamples: 3, slowMs: 1000 });
    for (const ms of [1500, 1800, 2000]) slow.recordSuccess(ms);
    assert.equal(slow.verdict(), 'slow');
  });

  it('says too slow when most recent requests time out', () => {
    const t = new LatencyTracker({ window: 6 });
    for (let i = 0; i < 6; i++) t.recordSuccess(100);
    t.recordTimeout(5000);
    t.recordTimeout(5000);
    assert.equal(t.verdict(), 'ok');
    t.recordTimeout(5000);
    assert.equal(t.verdict(), 'too-slow');
    assert.equal(t.stats().timeouts, 3);
    assert.equal(t.stats().timeoutRate, 0.5);
  });

  it('recovers once requests succeed again, and resets', () => {
    const t = new LatencyTracker({ window: 4 });
    for (let i = 0; i < 4; i++) t.recordTimeout(5000);
    assert.equal(t.verdict(), 'too-slow');
    for (let i = 0; i < 3; i++) t.recordSuccess(200);
    assert.equal(t.verdict(), 'ok');
    t.reset();
    assert.equal(t.verdict(), 'unknown');
    assert.equal(t.stats().p50, undefined);
  });
});
