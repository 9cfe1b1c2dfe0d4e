// Where the suggestion starts re-typing the text after the cursor, the rest is a duplicate: cut it.
import { isBlank } from '../text.js';
import { completeLines, cutBefore, sameLine } from './lines.js';
import type { FilterContext } from './context.js';
import { stopWith, type FilterOutput } from './types.js';

/**
 * In the middle of a line: the earliest point from which everything the model wrote on the line
 * is a prefix of the rest of the line (`foo(█)` + `a, b)` gives `a, b`). Cutting there leaves the
 * document exactly as the model meant it.
 */
function cutOnLine(line: string, lineSuffix: string): string {
  const targets = [lineSuffix, lineSuffix.trimStart()];
  for (let p = 0; p < line.length; p++) {
    const tail = line.slice(p).trimEnd();
    if (tail !== '' && targets.some((t) => t.startsWith(tail))) return line.slice(0, p);
  }
  return line;
}

/** Lines needed to match: two where the suffix has them, so one common line (`}`) is not enough. */
const MATCH_LINES = 2;

export function stopAtSuffix(suggestion: string, ctx: FilterContext): FilterOutput {
  if (ctx.midLine) {
    const newline = suggestion.indexOf('\n');
    const first = newline === -1 ? suggestion : suggestion.slice(0, newline);
    const cut = cutOnLine(first, ctx.lineSuffix);
    if (newline !== -1) return stopWith(cut);
    return cut;
  }
  const below = ctx.linesBelow.filter((l) => !isBlank(l)).slice(0, MATCH_LINES);
  if (below.length === 0) return suggestion;
  const lines = completeLines(suggestion);
  const nonBlank = lines.map((l, i) => (isBlank(l) ? -1 : i)).filter((i) => i > 0);
  for (let n = 0; n + below.length <= nonBlank.length; n++) {
    if (below.every((b, k) => sameLine(lines[nonBlank[n + k]], b))) return cutBefore(lines, nonBlank[n]);
  }
  return suggestion;
}
