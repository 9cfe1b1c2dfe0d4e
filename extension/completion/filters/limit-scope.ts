// Scope of a suggestion: one line in the middle of a line; the current block at the end of one.
import { indentWidth, isBlank } from '../text.js';
import { opensBlock, scanBrackets, startsWithCloser } from './brackets.js';
import type { FilterContext } from './context.js';
import { cutBefore } from './lines.js';
import { stopWith, type FilterOutput } from './types.js';

/**
 * The block ends at the first line that
 * - is indented less than the cursor line, or closes a bracket opened before the cursor line;
 * - when the cursor line opens a block: is back at its indentation (a closer like `}` is kept
 *   and ends the block once brackets balance; `} else {` goes on);
 * - otherwise: is at its indentation after a blank line (a new paragraph).
 */
export function limitScope(suggestion: string, ctx: FilterContext): FilterOutput {
  if (ctx.midLine) {
    const newline = suggestion.indexOf('\n');
    return newline === -1 ? suggestion : stopWith(suggestion.slice(0, newline));
  }
  const lines = suggestion.split('\n');
  const cursorLine = ctx.linePrefix + lines[0];
  const base = indentWidth(cursorLine, ctx.tabSize);
  const opens = opensBlock(cursorLine, ctx.syntax);
  let depth = Math.max(0, scanBrackets(cursorLine, ctx.syntax).delta);
  let afterBlank = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) {
      afterBlank = true;
      continue;
    }
    const width = indentWidth(line, ctx.tabSize);
    const scan = scanBrackets(line, ctx.syntax);
    if (width < base || depth + scan.lowest < 0) return cutBefore(lines, i);
    if (width === base) {
      if (opens && startsWithCloser(line)) {
        depth += scan.delta;
        if (depth <= 0) return stopWith(lines.slice(0, i + 1).join('\n'));
        afterBlank = false;
        continue;
      }
      if (opens || afterBlank) return cutBefore(lines, i);
    }
    depth += scan.delta;
    afterBlank = false;
  }
  return suggestion;
}
