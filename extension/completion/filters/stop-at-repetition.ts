// A model stuck in a loop writes the same line or block again and again: keep the first copy.
import { isTrivialLine } from '../text.js';
import { completeLines, cutBefore } from './lines.js';
import type { FilterContext } from './context.js';
import type { FilterOutput } from './types.js';

const MAX_PERIOD = 4;

/** Copies in a row that count as a loop: a single line may legitimately appear twice (`i++; i++;`). */
function copiesNeeded(period: number): number {
  return period === 1 ? 3 : 2;
}

function repeats(lines: readonly string[], start: number, period: number, copies: number): boolean {
  for (let c = 1; c < copies; c++) {
    for (let k = 0; k < period; k++) {
      if (lines[start + k] !== lines[start + c * period + k]) return false;
    }
  }
  return true;
}

export function stopAtRepetition(suggestion: string, ctx: FilterContext): FilterOutput {
  const lines = completeLines(suggestion);
  // Line 0 continues the cursor line: compare it whole.
  const full = [ctx.linePrefix + lines[0], ...lines.slice(1)];
  const trivial = full.map(isTrivialLine);
  // Scanning by where the loop ends keeps the decision stable as a stream grows.
  for (let end = 2; end <= full.length; end++) {
    for (let period = 1; period <= MAX_PERIOD; period++) {
      const copies = copiesNeeded(period);
      const start = end - copies * period;
      if (start < 0) continue;
      if (trivial.slice(start, start + period).every(Boolean)) continue;
      if (repeats(full, start, period, copies)) return cutBefore(lines, start + period);
    }
  }
  return suggestion;
}
