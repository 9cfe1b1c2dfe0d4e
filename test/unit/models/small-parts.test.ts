// Retry-After, backoff, speed and time left.
import assert from 'node:assert/strict';
import { backoffMs, parseRetryAfter } from '../../../backend/models/retry-after.js';
import { etaSeconds, formatDuration, SpeedMeter } from '../../../backend/models/speed.js';

describe('Retry-After and backoff', () => {
  it('reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('120'), 120_000);
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
  it('doubles up to a cap', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 1000, 10_000)),
      [1000, 2000, 4000, 8000, 10_000, 10_000],
    );
  });
});

describe('SpeedMeter', () => {
  it('measures over its window and says the time left', () => {
    let t = 0;
    const m = new SpeedMeter(5000, () => t);
    m.add(0);
    t = 1000;
    m.add(1_000_000);
    t = 2000;
    m.add(2_000_000);
    assert.equal(m.bytesPerSecond(), 1_000_000);
    assert.equal(etaSeconds(2_000_000, 12_000_000, m.bytesPerSecond()), 10);
    assert.equal(etaSeconds(5, null, 100), null);
    assert.equal(etaSeconds(10, 10, 0), 0);
  });
  it('formats durations for a status bar', () => {
    assert.equal(formatDuration(45), '45 s');
    assert.equal(formatDuration(200), '3 min 20 s');
    assert.equal(formatDuration(7500), '2 h 05 min');
    assert.equal(formatDuration(null), '?');
  });
});
