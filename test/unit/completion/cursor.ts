// Test helper: a filter context from a document with the cursor marked by █.
import { makeFilterContext, type FilterContext } from '../../../extension/completion/filters/context.js';
import type { FilterOutput } from '../../../extension/completion/filters/types.js';

export function at(document: string, languageId = 'typescript', indentUnit?: string): FilterContext {
  const i = document.indexOf('█');
  if (i === -1) throw new Error('no cursor mark');
  return makeFilterContext({ prefix: document.slice(0, i), suffix: document.slice(i + 1), languageId, indentUnit });
}

export function textOf(out: FilterOutput): string {
  return typeof out === 'string' ? out : out.text;
}

export function stops(out: FilterOutput): boolean {
  return typeof out !== 'string';
}
