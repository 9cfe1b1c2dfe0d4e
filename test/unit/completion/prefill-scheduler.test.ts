// When the completion side warms the model's cache: on opening a file, on a far jump, when idle; one at
// a time, superseded by typing, bounded in time, logged; never when completion may not use the model.
import assert from 'node:assert/strict';
import type { WarmReason } from '../../../extension/completion/pipeline.js';
import { DEFAULT_PAUSE_MS, PrefillScheduler } from '../../../extension/completion/prefill-scheduler.js';
import type { ServiceWarmOutcome } from '../../../extension/completion/service.js';
import { FakeClock, flush } from './fake-clock.js';

interface Warm {
  reason: WarmReason;
  pauseMs: number;
  signal: AbortSignal;
  resolve(o: ServiceWarmOutcome): void;
}

function setup(o: { answer?: (w: Warm) => ServiceWarmOutcome | undefined } = {}) {
  const clock = new FakeClock();
  const warms: Warm[] = [];
  const logs: string[] = [];
  const scheduler = new PrefillScheduler({
    clock,
    idleMs: 2000,
    settleMs: 150,
    timeoutMs: 30_000,
    jumpLines: 40,
    log: (l) => logs.push(l),
    warm: (reason, pauseMs, signal) =>
      new Promise((resolve) => {
        const w: Warm = { reason, pauseMs, signal, resolve };
        warms.push(w);
        // A cancelled prefill ends as the pipeline says it does.
        signal.addEventListener('abort', () => resolve({ kind: 'cancelled', tokens: 400, ms: 1, line: 0 }));
        const now = o.answer?.(w);
        if (now) resolve(now);
      }),
  });
  return { clock, warms, logs, scheduler };
}

const done = { kind: 'done', tokens: 400, evaluatedTokens: 400, ms: 2900, line: 799 } as const;
const at = (line: number, uri = 'file:///a.ts') => ({ uri, line });

describe('PrefillScheduler', () => {
  it('warms a file that becomes active after a short settle, then the whole window when the editor stays idle', async () => {
    const { clock, warms, logs, scheduler } = setup({ answer: () => done });
    scheduler.activated(at(10));
    clock.advance(149);
    assert.equal(warms.length, 0, 'the cursor often moves again at once');
    clock.advance(1);
    assert.deepEqual(
      warms.map((w) => [w.reason, w.pauseMs]),
      [['open', DEFAULT_PAUSE_MS]],
    );
    await flush();
    clock.advance(2 * DEFAULT_PAUSE_MS - 1);
    await flush();
    assert.equal(warms.length, 1, 'not within twice the usual pause before typing: the first key would cut it');
    clock.advance(1);
    await flush();
    assert.deepEqual(
      warms.map((w) => w.reason),
      ['open', 'idle'],
    );
    clock.advance(60_000);
    await flush();
    assert.equal(warms.length, 2, 'idle warms once until something happens');
    assert.match(
      logs[0],
      /^prefill \(open\) of file:\/\/\/a\.ts near line 11: 400 tokens \(about\), 400 evaluated, in 2\.9 s$/,
    );
  });

  it('a far jump warms the new place; a near move or the cursor following typing does not', async () => {
    const { clock, warms, scheduler } = setup({ answer: () => done });
    scheduler.activated(at(10));
    clock.advance(150);
    await flush();
    scheduler.moved(at(30));
    clock.advance(150);
    assert.equal(warms.length, 1, '20 lines is near');
    scheduler.edited(at(30));
    clock.advance(50);
    scheduler.moved(at(130)); // a paste of 100 lines moves the cursor with the edit
    clock.advance(150);
    assert.equal(warms.length, 1);
    clock.advance(1000);
    scheduler.moved(at(900));
    clock.advance(150);
    assert.deepEqual(
      warms.map((w) => w.reason),
      ['open', 'jump'],
    );
    scheduler.moved(at(5, 'file:///b.ts'));
    clock.advance(150);
    assert.deepEqual(
      warms.map((w) => w.reason),
      ['open', 'jump', 'open'],
      'another file is an open',
    );
  });

  it('one at a time: a new prefill stops the running one; typing is logged as what superseded it', async () => {
    const { clock, warms, logs, scheduler } = setup();
    scheduler.activated(at(10));
    clock.advance(150);
    scheduler.moved(at(500));
    clock.advance(150);
    assert.equal(warms[0].signal.aborted, true);
    await flush();
    assert.match(logs[0], /superseded by a newer prefill/);
    // The backend supersedes it when the keystroke's completion comes; it ends cancelled.
    scheduler.edited(at(500));
    warms[1].resolve({ kind: 'cancelled', tokens: 400, ms: 1200, line: 499 });
    await flush();
    assert.match(
      logs[1],
      /^prefill \(jump\) of file:\/\/\/a\.ts near line 501: superseded by typing after 1\.2 s; part of its 400 tokens stays cached$/,
    );
    assert.deepEqual([scheduler.counts.started, scheduler.counts.superseded], [2, 2]);
  });

  it('idle while a prefill runs waits for it, then warms the whole window if nothing happened', async () => {
    const { clock, warms, scheduler } = setup();
    scheduler.activated(at(10));
    clock.advance(150);
    clock.advance(2 * DEFAULT_PAUSE_MS); // idle, but the open prefill still runs
    assert.equal(warms.length, 1);
    warms[0].resolve(done);
    await flush();
    assert.deepEqual(
      warms.map((w) => w.reason),
      ['open', 'idle'],
    );
  });

  it('stops a prefill that runs too long, and says so', async () => {
    const { clock, warms, logs, scheduler } = setup();
    scheduler.activated(at(10));
    clock.advance(150);
    clock.advance(30_000);
    assert.equal(warms[0].signal.aborted, true);
    await flush();
    assert.match(logs[0], /stopped after .* \(longer than 30\.0 s\)/);
    assert.equal(scheduler.counts.timedOut, 1);
  });

  it('learns how long the user pauses after arriving before typing', () => {
    const { clock, scheduler } = setup({ answer: () => done });
    for (const pause of [800, 1200, 1000]) {
      scheduler.moved(at(1000 * pause));
      clock.advance(pause);
      scheduler.edited(at(1000 * pause));
      clock.advance(5000);
    }
    assert.equal(scheduler.expectedPauseMs(), 1000);
  });

  it('says once why it does not warm (completion off, snoozed, demo model, terms, not running)', async () => {
    const { clock, logs, scheduler } = setup({ answer: () => ({ kind: 'off', reason: 'snoozed' }) });
    for (const line of [10, 500, 1000]) {
      scheduler.moved(at(line));
      clock.advance(150);
      await flush();
    }
    assert.deepEqual(logs, ["prefill: not warming the model's cache (completion snoozed)"]);
    assert.equal(scheduler.counts.started, 0);
  });

  it('says once that a remote engine has no cache to warm, and sends nothing more than the engine asks', async () => {
    const { clock, logs, scheduler } = setup({ answer: () => ({ kind: 'unsupported' }) });
    for (const line of [10, 500, 1000]) {
      scheduler.moved(at(line));
      clock.advance(150);
      await flush();
    }
    assert.deepEqual(logs, [
      'prefill: the engine in use has no completion cache to warm (a remote server); nothing is sent ahead of typing',
    ]);
    assert.equal(scheduler.counts.started, 0);
  });

  it('stops what runs when disposed', () => {
    const { clock, warms, scheduler } = setup();
    scheduler.activated(at(1));
    clock.advance(150);
    scheduler.dispose();
    assert.equal(warms[0].signal.aborted, true);
    scheduler.activated(at(900));
    clock.advance(1000);
    assert.equal(warms.length, 1);
  });
});
