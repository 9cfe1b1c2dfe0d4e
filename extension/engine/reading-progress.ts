// How far the model has read a long prompt, and about how long it still needs, from the engine's
// progress reports (the local backend sends one per batch while it evaluates a chat or docs prompt).
// Chat and the documentation panel show it instead of a bare "Writing…" before the first words come.
import type { EvaluationProgress } from './engine.js';

export interface ReadingView {
  readonly evaluatedTokens: number;
  readonly totalTokens: number;
  /** Whole seconds left at the speed seen so far; undefined until two reports show a speed. */
  readonly secondsLeft: number | undefined;
}

/** Reports this close together say little about the speed. */
const MIN_SPAN_MS = 50;

export class ReadingProgress {
  private first: { at: number; evaluated: number } | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  update(p: EvaluationProgress): ReadingView {
    const at = this.now();
    const evaluated = Math.max(0, Math.min(p.evaluatedTokens, p.totalTokens));
    // A new prompt (a retry, another request) starts the measurement again.
    if (this.first === undefined || evaluated < this.first.evaluated) this.first = { at, evaluated };
    const span = at - this.first.at;
    const read = evaluated - this.first.evaluated;
    const secondsLeft =
      span >= MIN_SPAN_MS && read > 0 ? Math.ceil(((p.totalTokens - evaluated) / read) * (span / 1000)) : undefined;
    return { evaluatedTokens: evaluated, totalTokens: p.totalTokens, secondsLeft };
  }
}
