/**
 * Timing of the chat markdown renderer for a streamed answer of about 5 KB.
 * Not a test (timings vary by machine). Run after `npx tsc -p .`:
 *   node out/test/unit/chat/render-bench.js
 * It times Node + jsdom, then real Chromium (the webview's engine) when
 * CHROMIUM_PATH or /usr/bin/chromium exists, and prints the webview bundle size.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { createMarkdownRenderer } from '../../../webview/markdown/render.js';
import { measure, type BenchResult } from './render-bench-measure.js';

const SECTION = [
  '## 変更の概要\n\nこの関数は**配列の合計**を計算します。次の点に注意してください:\n\n',
  '1. 空の配列では `0` を返す\n2. 数値以外は無視する\n3. 詳しくは [MDN](https://developer.mozilla.org/ja/) を参照\n\n',
  '```typescript\nexport function sum(values: unknown[]): number {\n  let total = 0;\n',
  '  for (const value of values) {\n    if (typeof value === "number" && Number.isFinite(value)) total += value;\n  }\n  return total;\n}\n```\n\n',
  '| 入力 | 結果 |\n|:--|--:|\n| `[]` | 0 |\n| `[1, 2]` | 3 |\n\n',
  '```python\ndef total(values):\n    """合計を返す"""\n    return sum(v for v in values if isinstance(v, (int, float)))\n```\n\n',
  '> テストは `npm test` で実行できます。\n\n```bash\nnpm test -- --grep sum\n```\n\n',
].join('');
const CHUNK = 40;

/** Japanese prose and code, cut to at most `bytes` of UTF-8. */
function makeAnswer(bytes: number): string {
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += SECTION;
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, -1);
  return text;
}

function report(where: string, result: BenchResult): void {
  console.log(`${where}: cold render of the whole answer: median ${result.coldMedian.toFixed(2)} ms`);
  console.log(
    `${where}: streamed in ${result.renders} chunks of ${CHUNK} characters, whole answer re-rendered each time: ` +
      `average ${result.streamAverage.toFixed(2)} ms, max ${result.streamMax.toFixed(2)} ms, last (full answer) ${result.streamLast.toFixed(2)} ms`,
  );
}

function benchNode(answer: string): void {
  const window = new JSDOM('').window as unknown as WindowLike;
  report(
    "node + jsdom (jsdom's DOM is far slower than a browser's)",
    measure(
      () => createMarkdownRenderer({ window }),
      answer,
      CHUNK,
      () => performance.now(),
      10,
    ),
  );
}

async function bundle(entry: string, minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify,
    write: false,
  });
  return result.outputFiles[0].text;
}

async function benchChromium(answer: string, executablePath: string): Promise<void> {
  const entry = fileURLToPath(new URL('../../../../test/unit/chat/render-bench-entry.ts', import.meta.url));
  const script = await bundle(entry, true);
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      ([text, chunk]) =>
        (globalThis as unknown as { fudeBench(a: string, c: number): BenchResult }).fudeBench(text, chunk),
      [answer, CHUNK] as const,
    );
    report('chromium', result);
  } finally {
    await browser.close();
  }
}

async function bundleSize(): Promise<void> {
  const entry = fileURLToPath(new URL('../../../../webview/markdown/render.ts', import.meta.url));
  const size = Buffer.byteLength(await bundle(entry, true));
  console.log(`webview bundle of webview/markdown/render.ts, minified: ${(size / 1024).toFixed(0)} KiB`);
}

const answer = makeAnswer(5 * 1024);
console.log(`answer: ${answer.length} characters, ${Buffer.byteLength(answer)} bytes of UTF-8`);
benchNode(answer);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromiumPath)) await benchChromium(answer, chromiumPath);
else console.log(`chromium: skipped, no browser at ${chromiumPath}`);
await bundleSize();
