import assert from 'node:assert/strict';
import { judge, mochaSummary } from './suite-result.js';

describe('suite-result', () => {
  const passing = ['  harness', '    ✔ works', '', '  3 passing (20ms)', '  1 pending'];

  it('reads mocha summary lines, colours or not', () => {
    assert.deepEqual(mochaSummary(passing), { passing: 3, pending: 1 });
    assert.deepEqual(mochaSummary(['\u001b[92m  2 passing\u001b[0m (1s)', '\u001b[31m  1 failing\u001b[0m']), {
      passing: 2,
      failing: 1,
    });
  });

  it('passes exit 0 with passing tests', () => {
    assert.equal(judge({ exitCode: 0, timedOut: false, lines: passing }).exitCode, 0);
  });

  it('fails a non-zero exit code, keeping the code', () => {
    assert.equal(judge({ exitCode: 3, timedOut: false, lines: passing }).exitCode, 3);
  });

  it('fails a suite that never reported or timed out', () => {
    assert.match(judge({ exitCode: undefined, timedOut: false, lines: [] }).message, /never reported/);
    assert.match(judge({ exitCode: undefined, timedOut: true, timeoutMs: 5, lines: [] }).message, /TIMEOUT.*5 ms/);
  });

  it('fails exit 0 without any passing test unless empty suites are allowed', () => {
    assert.equal(judge({ exitCode: 0, timedOut: false, lines: ['  0 passing (1ms)'] }).exitCode, 1);
    assert.equal(judge({ exitCode: 0, timedOut: false, lines: [] }).exitCode, 1);
    assert.equal(judge({ exitCode: 0, timedOut: false, lines: [], allowEmpty: true }).exitCode, 0);
  });

  it('fails exit 0 when mocha reported failures', () => {
    assert.equal(judge({ exitCode: 0, timedOut: false, lines: ['  1 passing', '  2 failing'] }).exitCode, 1);
  });
});
