/**
 * Streaming a 100,000-character answer into the chat webview in real Chromium (the webview's engine): the
 * text arrives at 12,500 characters a second (8 s of generation) and each animation frame paints what has
 * arrived. Prints how long until the whole answer was on screen (against the generation time) and the
 * longest frame. Not a test (timings vary by machine). Run after `npx tsc -p .`:
 *   node out/test/unit/chat/stream-bench.js [painter...]
 * Needs CHROMIUM_PATH or /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { ChunkResult, StreamResult } from './stream-bench-measure.js';

const SECTION = [
  '## 変更の概要\n\nこの関数は**配列の合計**を計算します。次の点に注意してください:\n\n',
  '1. 空の配列では `0` を返す\n2. 数値以外は無視する\n3. 詳しくは [MDN](https://developer.mozilla.org/ja/) を参照\n\n',
  '```typescript\nexport function sum(values: unknown[]): number {\n  let total = 0;\n',
  '  for (const value of values) {\n    if (typeof value === "number" && Number.isFinite(value)) total += value;\n  }\n  return total;\n}\n```\n\n',
  '| 入力 | 結果 |\n|:--|--:|\n| `[]` | 0 |\n| `[1, 2]` | 3 |\n\n',
  '```python\ndef total(values):\n    """合計を返す"""\n    return sum(v for v in values if isinstance(v, (int, float)))\n```\n\n',
  '> テストは `npm test` で実行できます。\n\n```bash\nnpm test -- --grep sum\n```\n\n',
].join('');
const CHARS = 100_000;
const RATE = 12_500;

const answer = SECTION.repeat(Math.ceil(CHARS / SECTION.length)).slice(0, CHARS);
const painters = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['full', 'incremental'];
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.log(`no browser at ${executablePath}; set CHROMIUM_PATH`);
  process.exit(0);
}
const entry = fileURLToPath(new URL('../../../../test/unit/chat/stream-bench-entry.ts', import.meta.url));
const script = (
  await build({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', minify: true, write: false })
).outputFiles[0].text;
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: script });
  console.log(
    `answer: ${answer.length} characters at ${RATE} characters/s; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  type Api = {
    fudeStream: {
      stream(k: string, a: string, r: number): Promise<StreamResult>;
      chunks(k: string, a: string, c: number): ChunkResult;
    };
  };
  for (const kind of painters) {
    const streamed = await page.evaluate(
      ([k, text, rate]) => (globalThis as unknown as Api).fudeStream.stream(k, text, rate),
      [kind, answer, RATE] as const,
    );
    console.log(`${kind}, frames paint what has arrived: ${JSON.stringify(streamed)}`);
    // 12,500 characters a second at 60 frames a second is 208 characters a frame.
    const chunked = await page.evaluate(
      ([k, text, chunk]) => (globalThis as unknown as Api).fudeStream.chunks(k, text, chunk),
      [kind, answer, 208] as const,
    );
    console.log(
      `${kind}, every 208-character delta painted in turn: ${JSON.stringify(chunked)} (generation: ${((CHARS / RATE) * 1000).toFixed(0)} ms)`,
    );
  }
} finally {
  await browser.close();
}
