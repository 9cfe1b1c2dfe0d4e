// Line helpers the filters share.
import { isBlank, isTrivialLine } from '../text.js';
import { stopWith, type Stop } from './types.js';

/**
 * The suggestion's lines for analysis. A trailing '' (text ending in '\n', as a stream's complete
 * part does) is not a line yet, so it is left out.
 */
export function completeLines(suggestion: string): string[] {
  const lines = suggestion.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Whether a generated line repeats a document line. Lines with words compare without indentation
 * (models indent loosely); bare closers like `}` compare with it, since a `}` one level deeper
 * closes a different block.
 */
export function sameLine(generated: string, existing: string): boolean {
  if (isBlank(existing)) return false;
  return isTrivialLine(existing) ? generated.trimEnd() === existing.trimEnd() : generated.trim() === existing.trim();
}

/** Keeps lines before `index` (without blank lines left dangling at the end) and says stop. */
export function cutBefore(lines: readonly string[], index: number): Stop {
  let end = index;
  while (end > 1 && isBlank(lines[end - 1])) end--;
  return stopWith(lines.slice(0, end).join('\n'));
}
