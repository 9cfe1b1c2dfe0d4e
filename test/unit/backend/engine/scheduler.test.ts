import assert from 'node:assert/strict';
import { EvaluationScheduler, PRIORITY } from '../../../../backend/engine/scheduler.js';

const tick = () => new Promise<void>((r) => setImmediate(r));

/** Records when a turn() promise settles. */
function watch(p: Promise<void> | undefined): { settled: boolean; rejected: unknown } {
  const s = { settled: p === undefined, rejected: undefined as unknown };
  p?.then(
    () => {
      s.settled = true;
    },
    (e: unknown) => {
      s.settled = true;
      s.rejected = e;
    },
  );
  return s;
}

describe('EvaluationScheduler', () => {
  it('lets work run at once when nothing outranks it (no promise, no extra turn per token)', () => {
    const s = new EvaluationScheduler();
    const chat = s.enter(PRIORITY.chat);
    const docs = s.enter(PRIORITY.chat);
    assert.equal(chat.turn(), undefined);
    assert.equal(docs.turn(), undefined, 'equal priorities never wait on each other');
    const complete = s.enter(PRIORITY.complete);
    assert.equal(complete.turn(), undefined, 'nothing outranks a completion');
  });

  it('holds chat between its batches while a completion reads its prompt, and lets it go when the completion decodes', async () => {
    const s = new EvaluationScheduler();
    const chat = s.enter(PRIORITY.chat);
    const complete = s.enter(PRIORITY.complete);
    const w = watch(chat.turn());
    await tick();
    assert.equal(w.settled, false, 'chat waits while the completion evaluates its prompt');
    complete.setPhase('decode');
    await tick();
    assert.equal(w.settled, true, 'answers are generated side by side');
    assert.equal(chat.turn(), undefined);
  });

  it('lets chat go when the completion leaves', async () => {
    const s = new EvaluationScheduler();
    const chat = s.enter(PRIORITY.chat);
    const complete = s.enter(PRIORITY.complete);
    const w = watch(chat.turn());
    complete.leave();
    await tick();
    assert.equal(w.settled, true);
    assert.equal(s.size, 1);
  });

  it('runs a prefill only while nothing else evaluates at all, prompt or answer', async () => {
    const s = new EvaluationScheduler();
    const prefill = s.enter(PRIORITY.prefill);
    assert.equal(prefill.turn(), undefined, 'alone it runs');
    const chat = s.enter(PRIORITY.chat);
    const w = watch(prefill.turn());
    chat.setPhase('decode');
    await tick();
    assert.equal(w.settled, false, 'a chat writing its answer still holds the prefill');
    chat.leave();
    await tick();
    assert.equal(w.settled, true);
  });

  it('never holds a completion for a prefill or a chat', () => {
    const s = new EvaluationScheduler();
    s.enter(PRIORITY.prefill);
    s.enter(PRIORITY.chat);
    assert.equal(s.enter(PRIORITY.complete).turn(), undefined);
  });

  it("rejects a waiting turn with the signal's reason when it aborts, and counts the wait", async () => {
    let now = 0;
    const s = new EvaluationScheduler(() => now);
    const prefill = s.enter(PRIORITY.prefill);
    s.enter(PRIORITY.complete);
    const c = new AbortController();
    const w = watch(prefill.turn(c.signal));
    now = 40;
    c.abort(new Error('superseded'));
    await tick();
    assert.equal((w.rejected as Error).message, 'superseded');
    assert.equal(prefill.waitedMs, 40);
    await assert.rejects(prefill.turn(c.signal)!, /superseded/, 'an aborted signal rejects at once');
  });

  it('adds up the time each ticket waited', async () => {
    let now = 0;
    const s = new EvaluationScheduler(() => now);
    const chat = s.enter(PRIORITY.chat);
    const complete = s.enter(PRIORITY.complete);
    const p = chat.turn();
    now = 250;
    complete.leave();
    await p;
    assert.equal(chat.waitedMs, 250);
  });

  it('never holds anything with priorities off (--priorities off, for comparison)', () => {
    const s = new EvaluationScheduler(undefined, false);
    const prefill = s.enter(PRIORITY.prefill);
    s.enter(PRIORITY.complete);
    assert.equal(prefill.turn(), undefined);
  });
});
