// Bundles what runs inside VS Code: the extension (CommonJS, `vscode` external) and the in-editor test suite.
// The backend is not bundled: node-llama-cpp finds its native binaries relative to its own files.
// Also writes the demo model the extension uses when no model is configured.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // ws loads these native speed-ups only if present.
  external: ['vscode', 'bufferutil', 'utf-8-validate'],
};

await build({
  ...common,
  entryPoints: [join(root, 'extension/extension.ts')],
  outfile: join(root, 'dist/extension.cjs'),
});
if (existsSync(join(root, 'test/vscode/index.ts'))) {
  await build({
    ...common,
    entryPoints: [join(root, 'test/vscode/index.ts')],
    outfile: join(root, 'dist/test/vscode/index.cjs'),
    external: [...common.external, 'mocha'],
  });
}
if (existsSync(join(root, 'test/profile/index.ts'))) {
  await build({
    ...common,
    entryPoints: [join(root, 'test/profile/index.ts')],
    outfile: join(root, 'dist/test/profile/index.cjs'),
  });
}
for (const entry of ['chat', 'terms', 'docs']) {
  const src = join(root, `webview/${entry}/main.ts`);
  if (!existsSync(src)) continue;
  await build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    external: [],
    entryPoints: [src],
    outfile: join(root, `media/dist/${entry}.js`),
    minify: true,
  });
}

const demo = join(root, 'dist/models/fude-demo.gguf');
mkdirSync(dirname(demo), { recursive: true });
execFileSync(process.execPath, [join(root, 'out/test/fixtures/make-model.js'), '--preset', 'demo', '--out', demo], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
console.log('bundled dist/extension.cjs and wrote the demo model dist/models/fude-demo.gguf');
