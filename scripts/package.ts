// Packages the extension as a platform-specific .vsix with @vscode/vsce, for any target from any machine.
//
//   npm run package [-- --target darwin-arm64] [-- --out file.vsix]     (default: this machine's platform)
//
// Per platform because the backend runs node-llama-cpp from node_modules with its native binaries. npm on
// this machine installs only this platform's @node-llama-cpp/* packages, so the package is staged in a
// temporary folder: the built extension's files, and production dependencies installed there by
// `npm ci --omit=dev --os=<target os> --cpu=<target cpu>` from the lock file (npm's cache keeps the other
// platforms' packages after the first download). The stage then keeps exactly the target's binaries
// (scripts/packaging/targets.ts) and vsce packages it. Expects a build; `npm run package` runs it first.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hostTargetName, packageTarget, targetNames, type PackageTarget } from './packaging/targets.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const say = (line: string) => console.log(`fude package: ${line}`);

/** Top-level entries of the repository that never belong to a package (vsce's .vscodeignore does the rest). */
const NOT_STAGED = new Set(['.git', 'node_modules', '.cache', '.vscode-test', 'test-output', 'shared']);

function stageFiles(stage: string): void {
  for (const name of readdirSync(root)) {
    if (NOT_STAGED.has(name) || name.endsWith('.vsix')) continue;
    cpSync(join(root, name), join(stage, name), { recursive: true });
  }
}

/** npm's own CLI when run by `npm run package` (works on Windows too, where `npm` is a .cmd), else npm on the PATH. */
function npm(args: string[], cwd: string): void {
  const cli = process.env.npm_execpath;
  if (cli && /\.c?js$/.test(cli)) execFileSync(process.execPath, [cli, ...args], { cwd, stdio: 'inherit' });
  else execFileSync('npm', args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
}

function installDependencies(stage: string, p: PackageTarget): void {
  // --ignore-scripts: nothing is built or run for another platform; node-llama-cpp's binaries are prebuilt.
  npm(
    [
      'ci',
      '--omit=dev',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `--os=${p.os}`,
      `--cpu=${p.cpu}`,
    ],
    stage,
  );
}

/** Keeps the target's binary packages and removes the rest (npm also installs packages whose cpu list merely includes the target's). */
function keepTargetBinaries(stage: string, p: PackageTarget): string[] {
  const dir = join(stage, 'node_modules', '@node-llama-cpp');
  const installed = existsSync(dir) ? readdirSync(dir) : [];
  const missing = p.binaries.filter((b) => !installed.includes(b));
  if (missing.length) {
    throw new Error(
      `npm did not install @node-llama-cpp/${missing.join(', @node-llama-cpp/')} for ${p.target} ` +
        `(package-lock.json needs every platform's entries: run npm install on a machine that can reach the registry)`,
    );
  }
  const removed = installed.filter((b) => !p.binaries.includes(b));
  for (const b of removed) rmSync(join(dir, b), { recursive: true, force: true });
  return removed;
}

function main(): void {
  const { values } = parseArgs({ options: { target: { type: 'string' }, out: { type: 'string' } } });
  const name = values.target ?? hostTargetName(process.platform, process.arch);
  let p: PackageTarget;
  try {
    p = packageTarget(name);
  } catch (e) {
    console.error(`fude package: ${(e as Error).message}`);
    process.exit(2);
  }
  if (!existsSync(join(root, 'dist', 'extension.cjs')) || !existsSync(join(root, 'out', 'backend'))) {
    console.error(
      'fude package: no build found (dist/extension.cjs, out/backend): run `npm run package`, which builds first.',
    );
    process.exit(2);
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const out = resolve(values.out ?? join(root, `fude-${p.target}-${version}.vsix`));
  const stage = mkdtempSync(join(tmpdir(), `fude-package-${p.target}-`));
  try {
    say(`${p.target}: staging in ${stage}`);
    stageFiles(stage);
    installDependencies(stage, p);
    const removed = keepTargetBinaries(stage, p);
    mkdirSync(dirname(out), { recursive: true });
    say(
      `${p.target}: node-llama-cpp binaries ${p.binaries.join(', ')}${removed.length ? ` (left out: ${removed.join(', ')})` : ''}`,
    );
    // vsce reads the stage's own .vscodeignore (copied from the repository) and lists its dependencies with npm.
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--target', p.target, '--out', out],
      { cwd: stage, stdio: 'inherit' },
    );
  } catch (e) {
    // npm or vsce has printed why; a stack trace from here would only hide it.
    const why = (e as { status?: number }).status !== undefined ? 'its message is above' : (e as Error).message;
    console.error(`fude package: could not package ${p.target} (${why}).`);
    process.exitCode = 1;
    return;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  say(`${out} (${p.target}; targets: ${targetNames().join(', ')})`);
}

main();
