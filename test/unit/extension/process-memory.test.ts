// Issue 13: "two VS Code windows load the same model twice" — Fude keeps one backend per window (see the
// README's Security section for why) and Show Status says what one costs.
import assert from 'node:assert/strict';
import { residentBytes } from '../../../extension/engine/local/process-memory.js';

describe('process memory (Show Status)', () => {
  it('reads the resident memory of a running process', async function () {
    // Only Linux (/proc) and macOS (ps) are read; elsewhere Show Status leaves the memory line out, by design.
    if (process.platform !== 'linux' && process.platform !== 'darwin') this.skip();
    const rss = await residentBytes(process.pid);
    const own = process.memoryUsage().rss;
    assert.ok(rss !== undefined && rss > own / 2 && rss < own * 2, `${rss} vs ${own}`);
  });

  it('says unknown rather than guessing for a process that is gone or a bad pid', async () => {
    assert.equal(await residentBytes(2 ** 30), undefined);
    assert.equal(await residentBytes(-1), undefined);
    assert.equal(await residentBytes(1, 'win32'), undefined);
  });
});
