import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { killRun, runPids, RUN_MARKER_VAR, statFields } from './process-tree.js';

// The harness is Linux-only: it relies on process groups and /proc.
describe('process-tree', () => {
  it('reads state and process group from /proc/PID/stat, even with spaces in the name', () => {
    assert.deepEqual(statFields('123 (a b) c) S 1 456 456 0 -1'), { state: 'S', pgrp: 456 });
    assert.equal(statFields('9 (x) Z 1 9 9').state, 'Z');
  });

  it('ends a process group and a tagged process that left it with setsid', async function () {
    this.timeout(10_000);
    const runId = randomUUID();
    const child = spawn('sh', ['-c', 'setsid sleep 30 & sleep 30 & wait'], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, [RUN_MARKER_VAR]: runId },
    });
    const deadline = Date.now() + 5000;
    while ((await runPids(child.pid, runId)).length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal((await runPids(child.pid, runId)).length, 3, 'sh + 2 sleeps should be running');
    assert.deepEqual(await killRun(child.pid, runId, 2000), []);
    assert.deepEqual(await runPids(child.pid, runId), []);
  });
});
