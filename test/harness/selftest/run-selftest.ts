// Self-test of the real-VS-Code harness with the throwaway extension in ./extension:
//   node out/test/harness/selftest/run-selftest.js [--with-timeout]
// Runs run-vscode-tests under code-server in each suite mode and checks the exit codes:
// pass -> 0, fail -> 1, silent (run() never starts mocha) -> 1, hang -> 1 by timeout (optional).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../repo-paths.js';

const selftestDir = path.join(repoRoot, 'test', 'harness', 'selftest');
const cli = path.join(repoRoot, 'out', 'test', 'harness', 'run-vscode-tests.js');

interface Case {
  mode: string;
  expected: number;
  timeoutMs: number;
}

const cases: Case[] = [
  { mode: 'pass', expected: 0, timeoutMs: 120_000 },
  { mode: 'fail', expected: 1, timeoutMs: 120_000 },
  { mode: 'silent', expected: 1, timeoutMs: 120_000 },
];
if (process.argv.includes('--with-timeout')) cases.push({ mode: 'hang', expected: 1, timeoutMs: 30_000 });

let failures = 0;
const rows: string[] = [];
for (const c of cases) {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      cli,
      '--extension-dir',
      path.join(selftestDir, 'extension'),
      '--tests',
      path.join(selftestDir, 'extension', 'suite', 'index.cjs'),
      '--workspace',
      path.join(selftestDir, 'workspace'),
      '--settings',
      JSON.stringify({ 'fudeSelftest.greeting': 'from-settings' }),
      '--timeout-ms',
      String(c.timeoutMs),
      '--out',
      path.join(repoRoot, 'test-output', 'harness-selftest', c.mode),
    ],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, FUDE_TEST_HOST: 'code-server', FUDE_SELFTEST_MODE: c.mode, FUDE_SELFTEST_MARK: 'marked' },
    },
  );
  const ok = r.status === c.expected;
  if (!ok) failures++;
  rows.push(
    `${ok ? 'ok  ' : 'BAD '} mode=${c.mode.padEnd(6)} exit=${r.status} expected=${c.expected} ${Date.now() - started} ms`,
  );
}
console.log(`\n[selftest] results:\n${rows.join('\n')}`);
process.exit(failures === 0 ? 0 : 1);
