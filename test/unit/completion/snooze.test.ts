import assert from 'node:assert/strict';
import { Snooze } from '../../../extension/completion/snooze.js';

function storage() {
  const m = new Map<string, unknown>();
  return {
    get: (k: string) => m.get(k),
    update: async (k: string, v: unknown) => {
      if (v === undefined) m.delete(k);
      else m.set(k, v);
    },
  };
}

describe('Snooze', () => {
  it('is active until the chosen time, then forgets itself', async () => {
    let now = 1_000_000;
    const s = new Snooze(storage(), () => now);
    assert.equal(s.active, false);
    const until = await s.snooze(15);
    assert.equal(until, 1_000_000 + 15 * 60_000);
    assert.equal(s.until(), until);
    now = until - 1;
    assert.equal(s.active, true);
    now = until;
    assert.equal(s.active, false);
  });

  it('resume ends it at once; nonsense durations are refused', async () => {
    const s = new Snooze(storage(), () => 0);
    await s.snooze(5);
    await s.resume();
    assert.equal(s.until(), undefined);
    await assert.rejects(s.snooze(0));
    await assert.rejects(s.snooze(Number.NaN));
  });
});
