// A generated line equal to the first line below the cursor means the model has reached text that
// is already there (most often the closing `}`): keep what comes before it.
import { completeLines, cutBefore, sameLine } from './lines.js';
import type { FilterContext } from './context.js';
import type { FilterOutput } from './types.js';

export function stopAtLineBelow(suggestion: string, ctx: FilterContext): FilterOutput {
  const below = ctx.lineBelow;
  if (below === undefined || ctx.midLine) return suggestion;
  const lines = completeLines(suggestion);
  for (let i = 1; i < lines.length; i++) {
    if (sameLine(lines[i], below)) return cutBefore(lines, i);
  }
  return suggestion;
}
