import assert from 'node:assert/strict';
import { ThroughputMeter } from '../../../../backend/engine/throughput.js';

const m = (promptTokens: number, promptMs: number, decodeTokens = 0, decodeMs = 0) => ({
  promptTokens,
  promptMs,
  decodeTokens,
  decodeMs,
});

describe('ThroughputMeter', () => {
  it('starts at zero, then says what the calibration measured', () => {
    const t = new ThroughputMeter();
    assert.deepEqual(t.current(), { promptTokensPerSecond: 0, decodeTokensPerSecond: 0, measuredAt: 'calibration' });
    t.calibrate(m(47, 470, 5, 500));
    assert.deepEqual(t.current(), { promptTokensPerSecond: 100, decodeTokensPerSecond: 10, measuredAt: 'calibration' });
    assert.equal(t.promptRate, 100);
  });

  it("reports a request's own speeds, and the first request replaces the calibration", () => {
    const t = new ThroughputMeter();
    t.calibrate(m(47, 470, 5, 500));
    assert.deepEqual(t.record(m(200, 1000, 20, 1000)), { promptTokensPerSecond: 200, decodeTokensPerSecond: 20 });
    assert.deepEqual(t.current(), { promptTokensPerSecond: 200, decodeTokensPerSecond: 20, measuredAt: 'requests' });
  });

  it('moves the average by 30% of each later request', () => {
    const t = new ThroughputMeter();
    t.record(m(100, 1000, 10, 1000));
    t.record(m(200, 1000, 20, 1000));
    assert.deepEqual(t.current(), { promptTokensPerSecond: 130, decodeTokensPerSecond: 13, measuredAt: 'requests' });
  });

  it('gives the running estimate where a request had too few tokens to measure, and keeps it', () => {
    const t = new ThroughputMeter();
    t.calibrate(m(47, 470, 5, 500));
    // A completion after a prefill: one prompt token, two decode steps.
    assert.deepEqual(t.record(m(1, 5, 2, 40)), { promptTokensPerSecond: 100, decodeTokensPerSecond: 10 });
    assert.equal(t.current().measuredAt, 'calibration');
  });

  it('leaves the decode average alone for predicted answers, and reports their own speed', () => {
    const t = new ThroughputMeter();
    t.record(m(100, 1000, 10, 1000));
    assert.deepEqual(t.record(m(100, 1000, 50, 1000), { decode: false }), {
      promptTokensPerSecond: 100,
      decodeTokensPerSecond: 50,
    });
    assert.equal(t.current().decodeTokensPerSecond, 10);
  });
});
