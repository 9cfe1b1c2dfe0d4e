// Puts the suggestion's indentation in the document's style and at the cursor line's level.
import { indentWidth, isBlank, leadingWhitespace, makeIndent } from '../text.js';
import { opensBlock, startsWithCloser } from './brackets.js';
import type { FilterContext } from './context.js';
import type { FilterOutput } from './types.js';

/** Tabs where the document uses spaces and the other way round; the width is kept. */
function restyle(line: string, ctx: FilterContext): string {
  const ws = leadingWhitespace(line);
  if (ws === '') return line;
  const usesTabs = ctx.indentUnit === '\t';
  if (usesTabs ? !ws.includes(' ') : !ws.includes('\t')) return line;
  // A tab in a spaces document stands for one indent unit.
  const width = indentWidth(ws, usesTabs ? ctx.tabSize : ctx.indentUnit.length);
  return makeIndent(width, ctx.indentUnit, ctx.tabSize) + line.slice(ws.length);
}

/**
 * Some models indent a block relative to column 0 instead of the cursor line: the first line after
 * an opener is then not deeper than the opener. Shift such lines by the cursor line's indentation.
 */
function rebaseRelative(lines: string[], ctx: FilterContext): void {
  const base = ctx.cursorIndent;
  if (base === 0 || !opensBlock(ctx.linePrefix + lines[0], ctx.syntax)) return;
  const first = lines.slice(1).find((l) => !isBlank(l));
  if (first === undefined) return;
  const width = indentWidth(first, ctx.tabSize);
  if (width > base || (width === base && startsWithCloser(first))) return;
  for (let i = 1; i < lines.length; i++) {
    if (isBlank(lines[i])) continue;
    const ws = leadingWhitespace(lines[i]);
    lines[i] = makeIndent(indentWidth(ws, ctx.tabSize) + base, ctx.indentUnit, ctx.tabSize) + lines[i].slice(ws.length);
  }
}

export function fixIndent(suggestion: string, ctx: FilterContext): FilterOutput {
  const lines = suggestion.split('\n');
  // On a line that holds only indentation, the model re-indenting its first line would double it.
  if (ctx.linePrefix !== '' && isBlank(ctx.linePrefix)) lines[0] = lines[0].trimStart();
  for (let i = ctx.linePrefix === '' ? 0 : 1; i < lines.length; i++) lines[i] = restyle(lines[i], ctx);
  rebaseRelative(lines, ctx);
  return lines.join('\n');
}
