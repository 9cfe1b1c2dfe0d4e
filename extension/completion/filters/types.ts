// A filter takes the suggestion so far and returns it, changed or not. It may also say `stop`:
// text the model would add after this input cannot change the output any more, so a streaming
// generation can be cancelled. A filter must only say stop on decisions made from complete lines.
import type { FilterContext } from './context.js';

export interface Stop {
  readonly text: string;
  readonly stop: true;
}

export type FilterOutput = string | Stop;

export type Filter = (suggestion: string, ctx: FilterContext) => FilterOutput;

export function stopWith(text: string): Stop {
  return { text, stop: true };
}

export interface ChainResult {
  readonly text: string;
  /** Name of the first filter that said stop, if any. */
  readonly stoppedBy?: string;
}

/** Runs the filters in order; each sees the previous one's output. */
export function runFilters(filters: readonly Filter[], suggestion: string, ctx: FilterContext): ChainResult {
  let text = suggestion;
  let stoppedBy: string | undefined;
  for (const filter of filters) {
    const out = filter(text, ctx);
    if (typeof out === 'string') {
      text = out;
    } else {
      text = out.text;
      stoppedBy ??= filter.name;
    }
  }
  return { text, stoppedBy };
}
