// Parses run-vscode-tests' command line. Pure, so it is unit-tested directly.
import path from 'node:path';
import { parseSettingsJson, type Settings } from './user-settings.js';

export interface RunOptions {
  extensionDir: string;
  /**
   * More extensions to load beside it (--also-extension-dir, repeatable), e.g. a client of its API: desktop VS Code
   * takes them as more development paths; code-server gets them preinstalled (see startCodeServer's `preinstalled`).
   */
  alsoExtensionDirs: string[];
  tests: string;
  workspace: string;
  settings: Settings;
  timeoutMs: number;
  outDir: string;
  /** Extra environment for the extension host (--env KEY=VALUE, repeatable). */
  env: Record<string, string>;
  /** Accept a suite that reports success without any passing test. */
  allowEmpty: boolean;
}

export const usage = `usage: node out/test/harness/run-vscode-tests.js --tests FILE --workspace DIR
  [--extension-dir DIR (default .)] [--also-extension-dir DIR ...] [--settings JSON] [--timeout-ms N (default 180000)]
  [--out DIR (default test-output/vscode)] [--env KEY=VALUE ...] [--allow-empty]
Host: FUDE_VSCODE_EXECUTABLE=path or FUDE_TEST_HOST=electron -> @vscode/test-electron;
      otherwise (or FUDE_TEST_HOST=code-server) -> code-server + headless chromium.`;

export function parseArgs(argv: readonly string[], cwd: string): RunOptions {
  const values = new Map<string, string>();
  const env: Record<string, string> = {};
  const also: string[] = [];
  let allowEmpty = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--allow-empty') {
      allowEmpty = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') throw new Error(usage);
    const known = [
      '--extension-dir',
      '--also-extension-dir',
      '--tests',
      '--workspace',
      '--settings',
      '--timeout-ms',
      '--out',
      '--env',
    ];
    if (!known.includes(flag)) throw new Error(`unknown argument ${flag}\n${usage}`);
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${usage}`);
    if (flag === '--env') {
      const eq = value.indexOf('=');
      if (eq <= 0) throw new Error(`--env wants KEY=VALUE, got ${value}`);
      env[value.slice(0, eq)] = value.slice(eq + 1);
    } else if (flag === '--also-extension-dir') {
      also.push(path.resolve(cwd, value));
    } else {
      values.set(flag, value);
    }
  }
  const tests = values.get('--tests');
  const workspace = values.get('--workspace');
  if (!tests || !workspace) throw new Error(`--tests and --workspace are required\n${usage}`);
  const timeoutText = values.get('--timeout-ms') ?? '180000';
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new Error(`--timeout-ms must be a positive integer, got ${timeoutText}`);
  const settingsText = values.get('--settings');
  return {
    extensionDir: path.resolve(cwd, values.get('--extension-dir') ?? '.'),
    alsoExtensionDirs: also,
    tests: path.resolve(cwd, tests),
    workspace: path.resolve(cwd, workspace),
    settings: settingsText === undefined ? {} : parseSettingsJson(settingsText),
    timeoutMs,
    outDir: path.resolve(cwd, values.get('--out') ?? 'test-output/vscode'),
    env,
    allowEmpty,
  };
}
