// Runs the same tests index in a desktop VS Code through @vscode/test-electron, for machines
// that have one (FUDE_VSCODE_EXECUTABLE) or may download one (FUDE_TEST_HOST=electron).
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { killRun, RUN_MARKER_VAR } from './process-tree.js';
import { mergeSettings, writeUserSettings } from './user-settings.js';
import { judge, type Verdict } from './suite-result.js';
import type { RunOptions } from './cli-args.js';

/** test-electron copies VS Code's output to process.stdout; keep a copy of the lines to judge them. */
function teeStdout(lines: string[]): () => void {
  const original = process.stdout.write.bind(process.stdout);
  let partial = '';
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    partial += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const parts = partial.split(/\r?\n/);
    partial = parts.pop() ?? '';
    lines.push(...parts);
    return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  };
  return () => {
    if (partial) lines.push(partial);
    process.stdout.write = original;
  };
}

export async function runUnderElectron(o: RunOptions, executable: string | undefined): Promise<Verdict> {
  if (executable && !existsSync(executable)) throw new Error(`FUDE_VSCODE_EXECUTABLE does not exist: ${executable}`);
  await mkdir(o.outDir, { recursive: true });
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'fude-vscode-'));
  const userData = path.join(runDir, 'user-data');
  await writeUserSettings(userData, mergeSettings(o.settings));
  const lines: string[] = [];
  const restore = teeStdout(lines);
  let exitCode: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  // test-electron hides its child process; tag it through the inherited environment so a
  // timed-out VS Code can still be found and ended.
  const runId = randomUUID();
  process.env[RUN_MARKER_VAR] = runId;
  try {
    const run = runTests({
      vscodeExecutablePath: executable,
      version: executable ? undefined : (process.env.FUDE_VSCODE_VERSION ?? 'stable'),
      extensionDevelopmentPath: [o.extensionDir, ...o.alsoExtensionDirs],
      extensionTestsPath: o.tests,
      extensionTestsEnv: o.env,
      launchArgs: [
        o.workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--user-data-dir',
        userData,
        '--extensions-dir',
        path.join(runDir, 'extensions'),
      ],
    }).then(
      (code) => code,
      (e: unknown) => {
        // TestRunFailedError: VS Code ran and exited non-zero. Anything else (download, spawn)
        // would otherwise vanish without a word.
        if (e instanceof TestRunFailedError) return typeof e.code === 'number' ? e.code : 1;
        console.error(`[run-vscode-tests] test-electron failed: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      },
    );
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), o.timeoutMs);
    });
    exitCode = await Promise.race([run, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
    restore();
    const left = await killRun(undefined, runId);
    delete process.env[RUN_MARKER_VAR];
    if (left.length > 0) console.error(`[run-vscode-tests] VS Code processes survived: ${left.join(', ')}`);
    await rm(runDir, { recursive: true, force: true }).catch(() => {});
  }
  return judge({ exitCode, timedOut: exitCode === undefined, timeoutMs: o.timeoutMs, lines, allowEmpty: o.allowEmpty });
}
