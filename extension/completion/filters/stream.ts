// Runs the filter chain while text streams in, so the generation can be cancelled as soon as a
// filter says the rest cannot change the suggestion.
import type { FilterContext } from './context.js';
import { runFilters, type ChainResult, type Filter } from './types.js';

export class StreamingFilter {
  private raw = '';
  private stopped: ChainResult | undefined;

  constructor(
    private readonly filters: readonly Filter[],
    private readonly ctx: FilterContext,
  ) {}

  /** Raw text received so far. */
  get received(): string {
    return this.raw;
  }

  /** Whether a filter has said the rest of the generation is not needed. */
  get done(): boolean {
    return this.stopped !== undefined;
  }

  /**
   * Adds streamed text. Returns true once the rest is not needed. Filters only ever see complete
   * lines here: a half-written line (`}` that may become `})`) must not trigger a stop.
   */
  push(delta: string): boolean {
    if (this.stopped) return true;
    this.raw += delta;
    if (!delta.includes('\n')) return false;
    const complete = this.raw.slice(0, this.raw.lastIndexOf('\n') + 1);
    const result = runFilters(this.filters, complete, this.ctx);
    if (result.stoppedBy !== undefined) this.stopped = result;
    return this.stopped !== undefined;
  }

  /**
   * The suggestion. `cutShort`: the generation was stopped by a budget, so its last line may be
   * half-written; it is dropped unless it is the only line.
   */
  finish(cutShort = false): ChainResult {
    if (this.stopped) return this.stopped;
    let text = this.raw;
    if (cutShort && text.includes('\n')) text = text.slice(0, text.lastIndexOf('\n') + 1);
    return runFilters(this.filters, text, this.ctx);
  }
}
