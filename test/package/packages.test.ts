// Every platform's .vsix, built here with `node out/scripts/package.js --target T` (what `npm run package`
// runs after the build): each carries exactly its platform's node-llama-cpp binaries (its GPU back ends
// included) and nothing of another platform's, and the linux-x64 one installs into code-server and its
// backend starts on the demo model. Heavy (about 30 s to several minutes per package): run by
// `npm run test:package`, not by the unit stage. .vsix files go to test-output/packages/ and are removed
// once checked.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addonEntries, binaryPackagesIn, gpuBackendsIn, PACKAGE_TARGETS } from '../../scripts/packaging/targets.js';
import { codeServerEntry, codeServerNode, repoRoot } from '../harness/repo-paths.js';
import { vsixEntries, vsixText } from './vsix-entries.js';

const outDir = join(repoRoot, 'test-output', 'packages');
const packageScript = join(repoRoot, 'out', 'scripts', 'package.js');
const allBinaries = PACKAGE_TARGETS.flatMap((p) => p.binaries);

function buildPackage(target: string): string {
  const file = join(outDir, `fude-${target}.vsix`);
  rmSync(file, { force: true });
  const t0 = Date.now();
  execFileSync(process.execPath, [packageScript, '--target', target, '--out', file], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(
    `      ${target}: ${(statSync(file).size / 2 ** 20).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  return file;
}

describe('platform packages (.vsix)', function () {
  this.timeout(900_000);
  before(() => mkdirSync(outDir, { recursive: true }));

  for (const p of PACKAGE_TARGETS) {
    it(`${p.target}: carries ${p.binaries.join(', ')}${p.gpu.length ? ` (${p.gpu.join(', ')})` : ''} and no other platform's binaries`, async () => {
      const file = buildPackage(p.target);
      try {
        const entries = await vsixEntries(file);
        assert.deepEqual(
          binaryPackagesIn(entries),
          [...p.binaries].sort(),
          "exactly the target's @node-llama-cpp packages",
        );
        for (const b of p.binaries) assert.equal(addonEntries(entries, b).length, 1, `${b} has its llama-addon.node`);
        assert.ok(
          allBinaries.every(
            (b) => p.binaries.includes(b) || !entries.some((e) => e.includes(`/@node-llama-cpp/${b}/`)),
          ),
          "no other platform's binary",
        );
        assert.deepEqual(gpuBackendsIn(entries), [...p.gpu].sort(), 'its GPU back ends');
        assert.ok(entries.includes('extension/node_modules/node-llama-cpp/package.json'), 'node-llama-cpp itself');
        for (const runtime of [
          'extension/dist/extension.cjs',
          'extension/out/backend/main.js',
          'extension/bin/fude-backend.js',
          'extension/dist/models/fude-demo.gguf',
        ]) {
          assert.ok(entries.includes(runtime), `carries ${runtime}`);
        }
        assert.ok(
          !entries.some(
            (e) =>
              /^extension\/(test|out\/test|src|scripts|\.cache)\//.test(e) ||
              (e.endsWith('.ts') && !e.endsWith('.d.ts')),
          ),
          'no sources or tests',
        );
        assert.match(await vsixText(file, 'extension.vsixmanifest'), new RegExp(`TargetPlatform="${p.target}"`));
      } finally {
        if (p.target !== 'linux-x64') rmSync(file, { force: true });
      }
    });
  }

  it('linux-x64: installs into code-server, and the installed backend starts on the demo model', async () => {
    const file = join(outDir, 'fude-linux-x64.vsix');
    assert.ok(existsSync(file), 'the linux-x64 package was built by its test above');
    const dir = mkdtempSync(join(tmpdir(), 'fude-vsix-install-'));
    try {
      const extensions = join(dir, 'extensions');
      const xdg = {
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_CACHE_HOME: join(dir, 'cache'),
      };
      execFileSync(
        codeServerNode(),
        [
          codeServerEntry(),
          '--install-extension',
          file,
          '--extensions-dir',
          extensions,
          '--user-data-dir',
          join(dir, 'user-data'),
        ],
        { env: { ...process.env, ...xdg, EXTENSIONS_GALLERY: '{}' }, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const installed = readdirSync(extensions).filter((d) => d.startsWith('fude.fude-'));
      assert.equal(installed.length, 1, `one Fude extension installed (${readdirSync(extensions).join(', ')})`);
      const ext = join(extensions, installed[0]);
      const backend = spawn(
        codeServerNode(),
        [
          join(ext, 'bin', 'fude-backend.js'),
          '--model',
          join(ext, 'dist', 'models', 'fude-demo.gguf'),
          '--gpu',
          'cpu',
          '--threads',
          '1',
          '--exit-with-stdin',
        ],
        { env: { ...process.env, FUDE_BACKEND_TOKEN: 'package-test-token' }, stdio: ['pipe', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      backend.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
      });
      const line = await new Promise<string>((resolve, reject) => {
        backend.stdout.setEncoding('utf8').on('data', (d: string) => {
          stdout += d;
          // The first event line that ends the start (`loading` lines may come before it).
          const done = stdout
            .split('\n')
            .slice(0, -1)
            .find((l) => (JSON.parse(l) as { event?: string }).event !== 'loading');
          if (done !== undefined) resolve(done);
        });
        backend.on('exit', (code) =>
          reject(
            new Error(
              `the installed backend exited (${code}) before its ready line: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
            ),
          ),
        );
      });
      const ready = JSON.parse(line) as { event: string; model: { gpu: string } };
      assert.equal(ready.event, 'ready');
      console.log(`      installed backend ready: ${line.slice(0, 160)}`);
      backend.stdin.end(); // --exit-with-stdin
      await once(backend, 'exit');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(file, { force: true });
    }
  });
});
