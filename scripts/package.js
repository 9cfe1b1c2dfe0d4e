// Packages the extension as a platform-specific .vsix with @vscode/vsce.
//
//   npm run package [-- --target linux-x64]      (default: this machine's platform)
//
// Platform-specific because the backend runs node-llama-cpp from node_modules, whose native binaries
// are per platform: the .vsix keeps this target's @node-llama-cpp packages and leaves the others out.
// Expects a build (`npm run build`); `npm run package` runs it first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { target: { type: 'string' }, out: { type: 'string' } } });

// VS Code's target names match node's platform-arch, except armv7l → armhf.
const here = `${process.platform}-${process.arch === 'arm' ? 'armhf' : process.arch}`;
const target = values.target ?? here;
const binaryPrefix = target.replace('armhf', 'armv7l');

// @node-llama-cpp/<prefix> and its variants (<prefix>-cuda, <prefix>-vulkan...) run on the target; the rest do not.
const runsOnTarget = (name) => name === binaryPrefix || name.startsWith(`${binaryPrefix}-`);
const binaries = join(root, 'node_modules/@node-llama-cpp');
const installed = existsSync(binaries) ? readdirSync(binaries) : [];
const present = installed.filter(runsOnTarget);
if (!present.length) {
  console.error(`fude package: no node-llama-cpp binary for ${target} in node_modules/@node-llama-cpp (found: ${installed.join(', ') || 'none'}).`);
  console.error(`Run npm install on a ${target} machine, or pass --target with one of those.`);
  process.exit(2);
}

const ignore = [
  readFileSync(join(root, '.vscodeignore'), 'utf8'),
  `# ${target}: other platforms' node-llama-cpp binaries`,
  ...installed.filter((name) => !runsOnTarget(name)).map((name) => `node_modules/@node-llama-cpp/${name}/**`),
].join('\n');
const dir = mkdtempSync(join(tmpdir(), 'fude-package-'));
const ignoreFile = join(dir, '.vscodeignore');
writeFileSync(ignoreFile, ignore);

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const out = values.out ?? join(root, `fude-${target}-${version}.vsix`);
let packaged = false;
try {
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--target', target, '--ignoreFile', ignoreFile, '--out', out],
    { cwd: root, stdio: 'inherit' });
  packaged = true;
} catch {
  // vsce has printed why; a stack trace from here would only hide it.
  console.error(`fude package: vsce could not package ${target} (its message is above).`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (packaged) {
  console.log(`fude package: ${out} (other platforms' node-llama-cpp binaries left out: ${installed.filter((name) => !runsOnTarget(name)).join(', ') || 'none'})`);
}
