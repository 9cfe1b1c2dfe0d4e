/**
 * What the request guard's detector costs on parts at the attachment limit (400,000 characters), and how long
 * the event loop (the extension host's, when this runs there) is held at a time: a 1 ms timer records the
 * longest gap between its runs. Each part once in one go (classifyParts) and once paced (classifyPartsPaced,
 * what the notice flow uses). Not a test (it prints figures). Run after `npx tsc -p .`:
 *   node out/test/bench/long-parts-bench.js
 */
import { loadavg } from 'node:os';
import {
  classifyParts,
  classifyPartsPaced,
  type RequestParts,
  type RequestVerdict,
} from '../../extension/notices/request.js';

const REQUEST = 'この症状だとどの薬を何錠飲めばいいですか？';
const fill = (line: string, chars: number) => line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
const prose = fill('今日は会議の議事録を整理して、来週の予定を確認します。\n', 200_000);
const code = fill('const value = computeSomething(input); // 設定を読み込む\n', 200_000);

const cases: Array<[string, RequestParts]> = [
  ['question, 400,000 characters of prose, a request in the middle', { question: `${prose}\n${REQUEST}\n${prose}` }],
  [
    'selection, 400,000 characters of prose, a request in the middle',
    { question: 'これを要約して', selection: `${prose}\n${REQUEST}\n${prose}` },
  ],
  ['selection, 400,000 characters of code', { question: '説明して', selection: `${code}${code}` }],
  [
    'file, 400,000 characters of code',
    { question: 'このファイルを説明して', attachments: [{ name: 'big.ts', text: `${code}${code}` }] },
  ],
  [
    'file, 400,000 characters of markdown',
    { question: '説明して', attachments: [{ name: 'notes.md', text: `${prose}\n${REQUEST}\n${prose}` }] },
  ],
];

async function measure(
  run: () => Promise<RequestVerdict> | RequestVerdict,
): Promise<{ ms: number; longestGapMs: number; categories: string }> {
  let last = performance.now();
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  // The one-go run holds the loop from here to its end; the timer's first run after it records that.
  const verdict = await run();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(timer);
  return {
    ms: Math.round(ms),
    longestGapMs: Math.round(longestGapMs),
    categories: verdict.categories.join(',') || '-',
  };
}

classifyParts({ question: 'warm up: load the model' });
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const [name, parts] of cases) {
  const once = await measure(() => classifyParts(parts));
  const paced = await measure(() => classifyPartsPaced(parts));
  console.log(
    `${name}: in one go ${once.ms} ms (loop held ${once.longestGapMs} ms); paced ${paced.ms} ms, loop held at most ${paced.longestGapMs} ms; found: ${paced.categories}`,
  );
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
