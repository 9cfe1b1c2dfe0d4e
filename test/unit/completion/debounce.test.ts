import assert from 'node:assert/strict';
import { AdaptiveDebouncer } from '../../../extension/completion/debounce.js';
import { FakeClock, flush } from './fake-clock.js';

function typed(clock: FakeClock, d: AdaptiveDebouncer, gapMs: number, keys: number): void {
  for (let i = 0; i < keys; i++) {
    clock.advance(gapMs);
    d.recordKeystroke();
  }
}

const options = { minMs: 50, maxMs: 600, initialMs: 200, typingFactor: 1.5, latencyFactor: 0.25 };

describe('AdaptiveDebouncer', () => {
  it('starts from the initial delay', () => {
    assert.equal(new AdaptiveDebouncer(new FakeClock(), undefined, options).delayMs(), 200);
  });

  it('waits a bit longer than the gap between keys of a fast typist', () => {
    const clock = new FakeClock();
    const d = new AdaptiveDebouncer(clock, undefined, options);
    typed(clock, d, 80, 10);
    assert.equal(d.delayMs(), 120);
  });

  it('waits longer for a slower typist, up to the maximum', () => {
    const clock = new FakeClock();
    const d = new AdaptiveDebouncer(clock, undefined, options);
    typed(clock, d, 300, 10);
    assert.equal(d.delayMs(), 450);
    typed(clock, d, 900, 12);
    assert.equal(d.delayMs(), 600);
  });

  it('does not count pauses as typing speed', () => {
    const clock = new FakeClock();
    const d = new AdaptiveDebouncer(clock, undefined, { ...options, pauseMs: 1000 });
    typed(clock, d, 100, 5);
    typed(clock, d, 5000, 3);
    assert.equal(d.delayMs(), 150);
  });

  it('adds a share of the expected latency, and keeps to the minimum', () => {
    const clock = new FakeClock();
    let latency: number | undefined = 800;
    const d = new AdaptiveDebouncer(clock, () => latency, options);
    typed(clock, d, 40, 10);
    assert.equal(d.delayMs(), 260);
    latency = undefined;
    assert.equal(d.delayMs(), 60);
    typed(clock, d, 10, 12);
    assert.equal(d.delayMs(), 50);
  });

  it('wait resolves true after the delay', async () => {
    const clock = new FakeClock();
    const d = new AdaptiveDebouncer(clock, undefined, options);
    let fired: boolean | undefined;
    void d.wait().then((v) => (fired = v));
    clock.advance(199);
    await flush();
    assert.equal(fired, undefined);
    clock.advance(1);
    await flush();
    assert.equal(fired, true);
  });

  it('a newer wait supersedes the pending one, and an abort ends it', async () => {
    const clock = new FakeClock();
    const d = new AdaptiveDebouncer(clock, undefined, options);
    const first = d.wait();
    const controller = new AbortController();
    const second = d.wait(controller.signal);
    assert.equal(await first, false);
    controller.abort();
    assert.equal(await second, false);
    assert.equal(clock.pendingTimers, 0);
  });

  it('a manual trigger does not wait', async () => {
    const d = new AdaptiveDebouncer(new FakeClock(), undefined, options);
    assert.equal(await d.wait(undefined, true), true);
  });
});
