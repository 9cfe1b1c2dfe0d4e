// Token counts for prompt budgets, learned from the backend's answers. The extension has no tokenizer
// of the model at hand; `roughTokenCount` guesses for a typical code tokenizer, but a model may spell
// code one byte per token (the test fixtures do). The backend reports how many tokens each prompt
// took, so the estimate is scaled to what this model actually does, on the safe side.
import { roughTokenCount } from './token-estimate.js';

export interface TokenCalibrationOptions {
  /**
   * Scale on `roughTokenCount` before anything is learned. 3.5 assumes one token per ASCII
   * character, the worst case for code, so the very first prompt cannot overflow the context.
   */
  readonly initialFactor?: number;
  /** Recent observations kept; the largest one counts. */
  readonly samples?: number;
  /** Added on top of what was observed. */
  readonly margin?: number;
  readonly minFactor?: number;
  readonly maxFactor?: number;
  /** Prompts shorter than this (in rough tokens) say too little about the ratio. */
  readonly minRoughTokens?: number;
}

export class TokenCalibration {
  private readonly seen: number[] = [];
  private current: number;
  private readonly o: Required<TokenCalibrationOptions>;

  constructor(options: TokenCalibrationOptions = {}) {
    this.o = {
      initialFactor: 3.5,
      samples: 8,
      margin: 1.1,
      minFactor: 0.5,
      maxFactor: 8,
      minRoughTokens: 16,
      ...options,
    };
    this.current = this.o.initialFactor;
  }

  /** Current scale on `roughTokenCount`. */
  get factor(): number {
    return this.current;
  }

  /** Estimated tokens of `text` for this model. */
  readonly estimate = (text: string): number => Math.ceil(roughTokenCount(text) * this.current);

  /** The backend said `promptText` took `tokens` tokens (special tokens included, which errs on the safe side). */
  observe(promptText: string, tokens: number): void {
    const rough = roughTokenCount(promptText);
    if (rough < this.o.minRoughTokens || !(tokens > 0)) return;
    this.seen.push(tokens / rough);
    if (this.seen.length > this.o.samples) this.seen.shift();
    this.current = this.clamp(Math.max(...this.seen) * this.o.margin);
  }

  /** A prompt did not fit the context: the estimate was too low, whatever was observed before. */
  overflowed(): void {
    this.seen.length = 0;
    this.current = this.clamp(this.current * 2);
  }

  reset(): void {
    this.seen.length = 0;
    this.current = this.o.initialFactor;
  }

  private clamp(f: number): number {
    return Math.min(this.o.maxFactor, Math.max(this.o.minFactor, f));
  }
}
