// A webview's script bundled as the extension ships it (one IIFE for the browser), for tests that run it in jsdom.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export async function bundleWebviewScript(panel: 'chat' | 'docs'): Promise<string> {
  const out = await build({
    entryPoints: [`${ROOT}webview/${panel}/main.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
