// The default post-processing chain, in order. Each step is a small function tested on its own.
import { fixIndent } from './fix-indent.js';
import { limitScope } from './limit-scope.js';
import { stopAtLineBelow } from './stop-at-line-below.js';
import { stopAtRepetition } from './stop-at-repetition.js';
import { stopAtSuffix } from './stop-at-suffix.js';
import type { Filter } from './types.js';
import { dropBlank, normalizeLineEndings, trimTrailingWhitespace } from './whitespace.js';

export const defaultFilters: readonly Filter[] = [
  normalizeLineEndings,
  fixIndent, // before the filters that read indentation
  stopAtRepetition,
  stopAtSuffix,
  stopAtLineBelow,
  limitScope,
  trimTrailingWhitespace,
  dropBlank,
];
