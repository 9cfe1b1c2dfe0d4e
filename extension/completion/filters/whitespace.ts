// Filters about whitespace only.
import { isBlank } from '../text.js';
import type { FilterOutput } from './types.js';

/** Filters work on '\n'; VS Code converts to the document's line ending on insert. */
export function normalizeLineEndings(suggestion: string): FilterOutput {
  return suggestion.replace(/\r\n?/g, '\n');
}

/** Trailing spaces on any line and blank lines at the end are never worth showing. */
export function trimTrailingWhitespace(suggestion: string): FilterOutput {
  return suggestion.replace(/[ \t]+(?=\n)/g, '').replace(/\s+$/u, '');
}

/** Nothing to show: VS Code must get no item at all, not an empty one. */
export function dropBlank(suggestion: string): FilterOutput {
  return isBlank(suggestion) ? '' : suggestion;
}
