import assert from 'node:assert/strict';
import { ChunkCoalescer, type CoalescerClock } from '../../../../backend/server/chunk-coalescer.js';

/** A clock the test moves by hand; timers fire when it passes their time. */
class FakeClock implements CoalescerClock {
  t = 0;
  private timers: Array<{ at: number; fn: () => void }> = [];
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(h: unknown) {
    this.timers = this.timers.filter((x) => x !== h);
  }
  advance(ms: number) {
    this.t += ms;
    for (const timer of this.timers.filter((x) => x.at <= this.t)) {
      this.timers = this.timers.filter((x) => x !== timer);
      timer.fn();
    }
  }
  get pending() {
    return this.timers.length;
  }
}

function setup(interval = 15) {
  const clock = new FakeClock();
  const sent: Array<[number, string]> = [];
  const c = new ChunkCoalescer((text) => sent.push([clock.t, text]), interval, clock);
  return { clock, sent, c };
}

describe('ChunkCoalescer', () => {
  it('sends the first piece at once: first-token latency is untouched', () => {
    const { sent, c } = setup();
    c.push('Hello');
    assert.deepEqual(sent, [[0, 'Hello']]);
  });

  it('joins pieces that come faster than the interval into one message', () => {
    const { clock, sent, c } = setup();
    c.push('a');
    clock.advance(2);
    c.push('b');
    clock.advance(2);
    c.push('c');
    clock.advance(2);
    c.push('d');
    assert.deepEqual(sent, [[0, 'a']]);
    clock.advance(9);
    assert.deepEqual(sent, [
      [0, 'a'],
      [15, 'bcd'],
    ]);
    assert.equal(c.messages, 2);
  });

  it('sends each piece at once when pieces come slower than the interval (real models on a CPU)', () => {
    const { clock, sent, c } = setup();
    for (const p of ['一', '二', '三']) {
      c.push(p);
      clock.advance(80);
    }
    assert.deepEqual(sent, [
      [0, '一'],
      [80, '二'],
      [160, '三'],
    ]);
  });

  it('flushes what is pending before the final event, and drops it on dispose', () => {
    const { clock, sent, c } = setup();
    c.push('a');
    clock.advance(1);
    c.push('b');
    c.flush();
    assert.deepEqual(sent, [
      [0, 'a'],
      [1, 'b'],
    ]);
    assert.equal(clock.pending, 0, 'no timer left behind');
    clock.advance(1);
    c.push('c');
    c.dispose();
    clock.advance(100);
    assert.equal(sent.length, 2);
    c.push('');
    assert.equal(sent.length, 2, 'empty text is not a message');
  });
});
