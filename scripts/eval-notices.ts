/**
 * Runs the prohibited-use detector on a labelled JSON-lines file and prints
 * per-label precision/recall, then, as its last line, exactly one JSON object:
 *   {"recall": R, "falsePositiveRate": F, "n": N}
 *
 *   node out/scripts/eval-notices.js [FILE.jsonl] [--errors]
 *
 * FILE defaults to test/notices/labelled.jsonl in this repository; a FILE given
 * on the command line is taken relative to the current directory. --errors also
 * lists the missed requests and the false alarms with the cues that fired.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyRequest } from '../extension/notices/detector.js';
import { evaluate, formatTable, parseLabelled, summaryLine } from './notices/evaluate.js';

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
  const result = evaluate(requests, classifyRequest);
  console.log(`file: ${fileArg ?? 'test/notices/labelled.jsonl'}`);
  console.log(formatTable(result));
  if (showErrors) {
    for (const r of result.missed) console.log(`MISSED  [${r.label}] line ${r.line}: ${r.text}`);
    for (const { request: r, predicted } of result.falseAlarms) {
      const why = classifyRequest(r.text).reasons.map((x) => `${x.category}/${x.rule}: ${x.cues.map((c) => c.cue + '=' + JSON.stringify(c.match)).join(', ')}`);
      console.log(`FALSE   [${predicted.join(',')}] line ${r.line}: ${r.text}\n        ${why.join(' | ')}`);
    }
  }
  console.log(summaryLine(result));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
