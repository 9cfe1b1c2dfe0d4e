/**
 * Timing of the chat markdown renderer for a streamed answer of about 5 KB.
 * Not a test (timings vary by machine). Run after `npx tsc -p .`:
 *   node out/test/unit/chat/render-bench.js
 * It times Node + jsdom, then real Chromium (the webview's engine) when
 * CHROMIUM_PATH or /usr/bin/chromium exists, and prints the webview bundle size.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { JSDOM } from "jsdom";
import type { WindowLike } from "dompurify";
import { createMarkdownRenderer } from "../../../webview/markdown/render.js";
import { createMarkdownIt } from "../../../webview/markdown/markdown-setup.js";
import { createHighlightCache } from "../../../webview/markdown/highlight-cache.js";

const SECTION = [
  "## 変更の概要\n\nこの関数は**配列の合計**を計算します。次の点に注意してください:\n\n",
  "1. 空の配列では `0` を返す\n2. 数値以外は無視する\n3. 詳しくは [MDN](https://developer.mozilla.org/ja/) を参照\n\n",
  "```typescript\nexport function sum(values: unknown[]): number {\n  let total = 0;\n",
  "  for (const value of values) {\n    if (typeof value === \"number\" && Number.isFinite(value)) total += value;\n  }\n  return total;\n}\n```\n\n",
  "| 入力 | 結果 |\n|:--|--:|\n| `[]` | 0 |\n| `[1, 2]` | 3 |\n\n",
  "```python\ndef total(values):\n    \"\"\"合計を返す\"\"\"\n    return sum(v for v in values if isinstance(v, (int, float)))\n```\n\n",
  "> テストは `npm test` で実行できます。\n\n```bash\nnpm test -- --grep sum\n```\n\n",
].join("");
const CHUNK = 40;

/** Japanese prose and code, cut to at most `bytes` of UTF-8. */
function makeAnswer(bytes: number): string {
  let text = "";
  while (Buffer.byteLength(text) < bytes) text += SECTION;
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, -1);
  return text;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void, runs: number): number[] {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

function benchNode(answer: string): void {
  const renderer = createMarkdownRenderer({ window: new JSDOM("").window as unknown as WindowLike });
  const md = createMarkdownIt();
  const uncached = createHighlightCache(0);
  const cached = createHighlightCache();
  const full = time(() => renderer.render(answer), 50);
  const parse = time(() => md.render(answer, { codeBlocks: [], highlight: uncached }), 100);
  const parseCached = time(() => md.render(answer, { codeBlocks: [], highlight: cached }), 100);
  console.log(`node: markdown-it + highlight.js: median ${median(parse).toFixed(2)} ms, ` +
    `${median(parseCached).toFixed(2)} ms with finished blocks cached`);
  console.log(`node: full render with DOMPurify on jsdom: median ${median(full).toFixed(2)} ms (jsdom is far slower than a browser DOM)`);
}

async function bundle(entry: string, minify: boolean): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, format: "iife", platform: "browser", minify, write: false });
  return result.outputFiles[0].text;
}

async function benchChromium(answer: string, executablePath: string): Promise<void> {
  const entry = fileURLToPath(new URL("../../../../test/unit/chat/render-bench-entry.ts", import.meta.url));
  const script = await bundle(entry, true);
  const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(([text, chunk]) =>
      (globalThis as unknown as { fudeBench(a: string, c: number): { full: number; max: number; perChunk: number; renders: number } })
        .fudeBench(text, chunk), [answer, CHUNK] as const);
    console.log(`chromium: full render (markdown-it + highlight.js + DOMPurify): median ${result.full.toFixed(2)} ms, max ${result.max.toFixed(2)} ms`);
    console.log(`chromium: streamed in ${result.renders} chunks of ${CHUNK} chars, re-rendering the whole answer each time: ` +
      `${result.perChunk.toFixed(2)} ms per render on average`);
  } finally {
    await browser.close();
  }
}

async function bundleSize(): Promise<void> {
  const entry = fileURLToPath(new URL("../../../../webview/markdown/render.ts", import.meta.url));
  const size = Buffer.byteLength(await bundle(entry, true));
  console.log(`webview bundle of webview/markdown/render.ts, minified: ${(size / 1024).toFixed(0)} KiB`);
}

const answer = makeAnswer(5 * 1024);
console.log(`answer: ${answer.length} characters, ${Buffer.byteLength(answer)} bytes of UTF-8`);
benchNode(answer);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromiumPath)) await benchChromium(answer, chromiumPath);
else console.log(`chromium: skipped, no browser at ${chromiumPath}`);
await bundleSize();
