/**
 * Runs the prohibited-use detector on a labelled JSON-lines file and prints
 * per-label precision/recall, then, as its last line, exactly one JSON object:
 *   {"recall": R, "falsePositiveRate": F, "n": N}
 *
 *   node out/scripts/eval-notices.js [FILE.jsonl] [--errors]
 *
 * It also prints the confident-only rates (a modal in confirm mode) and the latency per
 * request (p50, p95). FILE defaults to test/notices/labelled.jsonl in this repository; a FILE given
 * on the command line is taken relative to the current directory. --errors also
 * lists the missed requests and the false alarms with the cues that fired.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyRequest } from '../extension/notices/detector.js';
import { confidentLine, evaluate, formatTable, parseLabelled, summaryLine } from './notices/evaluate.js';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

function main(argv: string[]): number {
  const showErrors = argv.includes('--errors');
  const fileArg = argv.find((a) => !a.startsWith('--'));
  const file = fileArg ? resolve(process.cwd(), fileArg) : join(repoRoot(), 'test', 'notices', 'labelled.jsonl');
  let requests;
  try {
    requests = parseLabelled(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`eval-notices: ${file}: ${(err as Error).message}`);
    return 2;
  }
  const times: number[] = [];
  const timed = (text: string): ReturnType<typeof classifyRequest> => {
    const start = performance.now();
    const verdict = classifyRequest(text);
    times.push(performance.now() - start);
    return verdict;
  };
  classifyRequest('warm up');
  const result = evaluate(requests, timed);
  console.log(`file: ${fileArg ?? 'test/notices/labelled.jsonl'}`);
  console.log(formatTable(result));
  const confident = confidentLine(result);
  if (confident) console.log(confident);
  times.sort((a, b) => a - b);
  const at = (q: number): string =>
    times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2) : '-';
  console.log(`latency per request: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
  if (showErrors) {
    for (const r of result.missed) console.log(`MISSED  [${r.label}] line ${r.line}: ${r.text}`);
    for (const { request: r, predicted } of result.falseAlarms) {
      const verdict = classifyRequest(r.text);
      const why = verdict.reasons.map(
        (x) =>
          `${x.category}/${x.rule}/${x.grade ?? '-'}: ${x.cues.map((c) => c.cue + '=' + JSON.stringify(c.match)).join(', ')}`,
      );
      console.log(
        `FALSE   [${predicted.join(',')}] ${verdict.grade ?? ''} line ${r.line}: ${r.text}\n        ${why.join(' | ')}`,
      );
    }
  }
  console.log(summaryLine(result));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
