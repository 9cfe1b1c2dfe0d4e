// The real fude-backend on the crafted headers the issue lists: each is refused with exit 2 and model_invalid,
// naming the file and what is wrong, as fast and as small as refusing a file that is not a GGUF at all.
// Before the bounded reader, these ran until killed (past 15 s, growing to 200-650 MB on a busy machine).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_BAD_SETUP } from '../../protocol/messages.js';
import { parseSetupError } from './setup-line.js';
import { craftedCases } from '../fixtures/crafted-gguf.js';
import { makeTinyModelDir, removeTinyModelDir } from '../fixtures/preset-files.js';
import { measureBackend, type Measured } from './measure-process.js';

/** A process still running after this long is spinning on the file, as before the fix. */
const LIMIT_MS = 10_000;
/** Slack over the baseline for the noise of a busy machine (2-4 s starts at load 15); the check itself takes milliseconds (unit test). */
const EXTRA_MS = 5_000;
/** Growth over the baseline's peak that still counts as "did not parse what the header claims". */
const EXTRA_MIB = 32;

describe('backend: crafted GGUF headers are refused at once, without growing', function () {
  this.timeout(120_000);
  let dir: string;
  let baseline: Measured;

  before(async () => {
    dir = makeTinyModelDir();
    const path = join(dir, 'not-a-model.gguf');
    writeFileSync(path, 'PK\u0003\u0004 not a model');
    baseline = await measureBackend(['--model', path], LIMIT_MS);
    assert.equal(baseline.code, EXIT_BAD_SETUP, baseline.stderr.join('\n'));
  });
  after(() => removeTinyModelDir(dir));

  for (const c of craftedCases().filter((k) => k.listed)) {
    it(`${c.name}: exit 2, model_invalid with the path and the reason`, async () => {
      const path = join(dir, `${c.name.replace(/\W+/g, '-')}.gguf`);
      writeFileSync(path, c.bytes);
      const m = await measureBackend(['--model', path], LIMIT_MS);
      assert.equal(m.timedOut, false, `still running after ${LIMIT_MS} ms (peak ${m.peakMiB.toFixed(0)} MiB)`);
      assert.equal(m.code, EXIT_BAD_SETUP, m.stderr.join('\n'));
      const errors = m.stderr.map(parseSetupError).filter((e) => e !== undefined);
      assert.equal(errors.length, 1, m.stderr.join('\n'));
      assert.equal(errors[0].code, 'model_invalid');
      assert.ok(errors[0].message.includes(path), errors[0].message);
      assert.match(errors[0].message, c.says);
      assert.ok(!m.stderr.some((l) => /^\s+at /.test(l)), 'no stack trace');
      assert.ok(
        m.ms < baseline.ms + EXTRA_MS,
        `${m.ms.toFixed(0)} ms against ${baseline.ms.toFixed(0)} ms for a file that is not a GGUF`,
      );
      if (Number.isFinite(baseline.peakMiB)) {
        assert.ok(
          m.peakMiB < baseline.peakMiB + EXTRA_MIB,
          `peak ${m.peakMiB.toFixed(0)} MiB against ${baseline.peakMiB.toFixed(0)} MiB for a file that is not a GGUF`,
        );
      }
    });
  }
});
