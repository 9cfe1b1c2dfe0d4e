// Backpressure on one socket, against a stand-in whose unread byte count the test sets.
import assert from 'node:assert/strict';
import { SocketFlow, type FlowLimits, type FlowSocket } from '../../../../backend/server/socket-flow.js';

class FakeSocket implements FlowSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  paused = false;
  sent: string[] = [];
  send(data: string): void {
    this.sent.push(data);
    this.bufferedAmount += data.length;
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
}

const LIMITS: FlowLimits = { highWaterBytes: 100, lowWaterBytes: 20, stallMs: 150, pollMs: 5 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup() {
  const ws = new FakeSocket();
  const stalls: string[] = [];
  const flow = new SocketFlow(ws, (why) => stalls.push(why), LIMITS);
  return { ws, flow, stalls };
}

describe('SocketFlow', () => {
  it('makes no promise while the client keeps up', () => {
    const { ws, flow } = setup();
    flow.send('x'.repeat(100));
    assert.equal(flow.writable(new AbortController().signal), undefined);
    assert.equal(ws.paused, false);
  });

  it('past the high-water mark, stops reading and holds generation until the client reads down to the low-water mark', async () => {
    const { ws, flow, stalls } = setup();
    flow.send('x'.repeat(101));
    assert.equal(ws.paused, true, "stops reading the client's requests");
    let released = false;
    const wait = flow.writable(new AbortController().signal)!;
    void wait.then(() => {
      released = true;
    });
    ws.bufferedAmount = 50;
    await sleep(30);
    assert.equal(released, false, 'still above the low-water mark');
    ws.bufferedAmount = 20;
    await sleep(30);
    assert.equal(released, true);
    assert.equal(ws.paused, false, 'reads again');
    assert.deepEqual(stalls, []);
  });

  it('gives up on a client that reads nothing while paused, and lets every waiter go', async () => {
    const { ws, flow, stalls } = setup();
    flow.send('x'.repeat(500));
    const waits = [flow.writable(new AbortController().signal)!, flow.writable(new AbortController().signal)!];
    const started = Date.now();
    await Promise.all(waits);
    assert.ok(Date.now() - started >= LIMITS.stallMs - 10, `gave up after ${Date.now() - started} ms`);
    assert.equal(stalls.length, 1);
    assert.match(stalls[0], /read nothing for 0.2 s while 500 bytes of replies waited/);
    assert.equal(ws.paused, true, 'no more requests are read from it');
  });

  it('counts a client that reads slowly as reading', async () => {
    const ws = new FakeSocket();
    const stalls: string[] = [];
    // A generous stall limit: a loaded machine can delay a 50 ms timer by a hundred more.
    const flow = new SocketFlow(ws, (why) => stalls.push(why), { ...LIMITS, stallMs: 1000 });
    flow.send('x'.repeat(1000));
    for (let i = 0; i < 8; i++) {
      await sleep(50);
      ws.bufferedAmount -= 100;
    }
    assert.deepEqual(stalls, [], 'progress every 50 ms is not a stall');
    assert.equal(flow.isPaused, true);
    ws.bufferedAmount = 0;
    await sleep(20);
    assert.equal(flow.isPaused, false);
  });

  it('lets a waiter go when its request is cancelled or the socket closes, and sends nothing to a closed socket', async () => {
    const { ws, flow } = setup();
    flow.send('x'.repeat(200));
    const c = new AbortController();
    const cancelled = flow.writable(c.signal)!;
    c.abort();
    await cancelled;
    const other = flow.writable(new AbortController().signal)!;
    ws.readyState = 3;
    await other;
    flow.send('after close');
    assert.equal(ws.sent.length, 1);
  });
});
