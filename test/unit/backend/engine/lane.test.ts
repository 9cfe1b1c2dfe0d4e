import assert from 'node:assert/strict';
import type { LlamaContextSequence } from 'node-llama-cpp';
import { BusyError, Lane } from '../../../../backend/engine/lane.js';

/** Stands in for a context sequence: records who used it, and fails if two jobs use it at once. */
class FakeSequence {
  inUse = 0;
  maxInUse = 0;
  readonly log: string[] = [];
  enter(name: string): void {
    this.inUse++;
    this.maxInUse = Math.max(this.maxInUse, this.inUse);
    this.log.push(`start ${name}`);
  }
  leave(name: string): void {
    this.inUse--;
    this.log.push(`end ${name}`);
  }
}

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

function setup(queueLimit = 8) {
  const seq = new FakeSequence();
  const lane = new Lane('chat', seq as unknown as LlamaContextSequence, queueLimit);
  /** A job that holds the lane until its gate opens. */
  const job = (name: string, gate?: Promise<void>) => async (s: LlamaContextSequence) => {
    const fake = s as unknown as FakeSequence;
    fake.enter(name);
    await tick();
    if (gate) await gate;
    fake.leave(name);
    return name;
  };
  return { seq, lane, job };
}

const never = () => new AbortController().signal;

describe('Lane', () => {
  it("runs a job at once on a free lane, with the lane's sequence", async () => {
    const { seq, lane } = setup();
    const got = await lane.run(async (s) => s, never());
    assert.equal(got, seq);
    assert.equal(lane.busy, false);
    assert.equal(lane.queued, 0);
  });

  it('runs jobs one at a time, in the order they arrived', async () => {
    const { seq, lane, job } = setup();
    const gate = deferred();
    const results = Promise.all([
      lane.run(job('a', gate.promise), never()),
      lane.run(job('b'), never()),
      lane.run(job('c'), never()),
    ]);
    await tick();
    assert.equal(lane.busy, true);
    assert.equal(lane.queued, 2);
    gate.resolve();
    assert.deepEqual(await results, ['a', 'b', 'c']);
    assert.deepEqual(seq.log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    assert.equal(seq.maxInUse, 1);
    assert.equal(lane.busy, false);
  });

  it('refuses work as busy past the queue limit, and takes it again once there is room', async () => {
    const { lane, job } = setup(1);
    const gate = deferred();
    const first = lane.run(job('a', gate.promise), never());
    const second = lane.run(job('b'), never());
    await assert.rejects(
      lane.run(job('c'), never()),
      (e: unknown) => e instanceof BusyError && /chat lane is busy with 1/.test(e.message),
    );
    gate.resolve();
    assert.equal(await first, 'a');
    assert.equal(await second, 'b');
    assert.equal(await lane.run(job('d'), never()), 'd');
  });

  it('with a queue limit of 0, anything arriving while a job runs is busy', async () => {
    const { lane, job } = setup(0);
    const gate = deferred();
    const first = lane.run(job('a', gate.promise), never());
    await assert.rejects(lane.run(job('b'), never()), BusyError);
    gate.resolve();
    await first;
  });

  it('an aborted waiter is removed from the queue, rejects with the abort reason and never runs', async () => {
    const { seq, lane, job } = setup();
    const gate = deferred();
    const first = lane.run(job('a', gate.promise), never());
    const c = new AbortController();
    const waiting = lane.run(job('b'), c.signal);
    const third = lane.run(job('c'), never());
    assert.equal(lane.queued, 2);
    const reason = new Error('cancelled by the client');
    c.abort(reason);
    await assert.rejects(waiting, (e) => e === reason);
    assert.equal(lane.queued, 1);
    gate.resolve();
    assert.equal(await first, 'a');
    assert.equal(await third, 'c');
    assert.ok(!seq.log.includes('start b'), 'b never ran');
  });

  it('a job whose signal is already aborted never runs, on a free lane or a busy one', async () => {
    const { seq, lane, job } = setup();
    const aborted = AbortSignal.abort(new Error('too late'));
    await assert.rejects(lane.run(job('x'), aborted), /too late/);
    const gate = deferred();
    const first = lane.run(job('a', gate.promise), never());
    const queued = lane.run(job('y'), aborted);
    queued.catch(() => undefined);
    gate.resolve();
    await first;
    await assert.rejects(queued, /too late/);
    assert.deepEqual(seq.log, ['start a', 'end a']);
    assert.equal(lane.busy, false);
  });

  it('a failing job frees the lane for the next one', async () => {
    const { lane, job } = setup();
    const failing = lane.run(async () => {
      await tick();
      throw new Error('boom');
    }, never());
    const next = lane.run(job('b'), never());
    await assert.rejects(failing, /boom/);
    assert.equal(await next, 'b');
    assert.equal(lane.busy, false);
  });

  it('a job that throws synchronously also frees the lane', async () => {
    const { lane, job } = setup();
    await assert.rejects(
      lane.run(() => {
        throw new Error('sync');
      }, never()),
      /sync/,
    );
    assert.equal(await lane.run(job('b'), never()), 'b');
  });

  it('never runs two jobs at once, whatever the timing of arrivals, finishes and aborts', async () => {
    // Seeded pseudo-random schedule, so the test is deterministic.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const { seq, lane } = setup(1000);
    const ran: number[] = [];
    const aborted = new Set<number>();
    const all: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const c = new AbortController();
      const steps = rand(3);
      const p = lane.run(async () => {
        seq.enter(String(i));
        ran.push(i);
        for (let s = 0; s < steps; s++) await (rand(2) ? tick() : Promise.resolve());
        seq.leave(String(i));
      }, c.signal);
      all.push(p.catch(() => undefined));
      if (rand(4) === 0) {
        // Abort now, a little later, or (sometimes) after it already started.
        const when = rand(3);
        if (when === 0) c.abort(new Error('now'));
        else setTimeout(() => c.abort(new Error('later')), rand(3));
        aborted.add(i);
      }
      if (rand(3) === 0) await tick();
    }
    await Promise.all(all);
    assert.equal(seq.maxInUse, 1);
    assert.equal(seq.inUse, 0);
    assert.equal(lane.busy, false);
    assert.equal(lane.queued, 0);
    for (let i = 1; i < ran.length; i++) assert.ok(ran[i - 1] < ran[i], 'in arrival order');
    for (let i = 0; i < 200; i++) if (!aborted.has(i)) assert.ok(ran.includes(i), `job ${i} ran`);
  });
});
