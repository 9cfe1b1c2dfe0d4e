// A prompt window whose first line stays put while the user types. The backend reuses its KV cache
// for the longest common start of two prompts, so a window that slides down by one line whenever the
// prefix grows would make every request evaluate the whole prompt again. This keeps the previous
// window's first line as long as the prompt stays within the budget plus some slack, then starts a
// fresh window with room to grow again.
import { buildPromptWindow, type PromptWindow } from './prompt-window.js';

export interface StableWindowInput {
  readonly document: string;
  readonly text: string;
  readonly offset: number;
  /** Target size of the prompt window in tokens (by `estimate`). */
  readonly tokens: number;
  /** What the window may never exceed (the room left in the model's context). */
  readonly hardTokens: number;
  readonly estimate: (text: string) => number;
  readonly suffixShare?: number;
}

export interface StableWindowOptions {
  /** How far past `tokens` a kept window may grow (0.25: by a quarter). */
  readonly slack?: number;
  /** A fresh window starts at this share of `tokens`, so typing has room before the next move. */
  readonly freshShare?: number;
}

interface Anchor {
  readonly document: string;
  /** Where the window's first line started, and that line's text (to notice edits above it). */
  readonly start: number;
  readonly firstLine: string;
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

export class StableWindow {
  private anchor: Anchor | undefined;
  private readonly slack: number;
  private readonly freshShare: number;
  /** Counts for the benchmark and the tests: windows kept vs. started afresh. */
  kept = 0;
  fresh = 0;

  constructor(options: StableWindowOptions = {}) {
    this.slack = options.slack ?? 0.25;
    this.freshShare = options.freshShare ?? 0.85;
  }

  build(input: StableWindowInput): PromptWindow {
    const limit = Math.min(input.hardTokens, Math.floor(input.tokens * (1 + this.slack)));
    // Fresh and kept windows share the suffix part, so keeping a window never makes the suffix
    // (which a FIM prompt re-evaluates on every request) longer.
    const target = Math.min(input.hardTokens, Math.floor(input.tokens * this.freshShare));
    const window = buildPromptWindow({ text: input.text, offset: input.offset, budget: { tokens: target, estimate: input.estimate }, suffixShare: input.suffixShare });
    const kept = this.keep(input, window, limit);
    if (kept) {
      this.kept++;
      return kept;
    }
    this.fresh++;
    this.anchor = { document: input.document, start: window.start, firstLine: lineAt(input.text, window.start) };
    return window;
  }

  forget(): void {
    this.anchor = undefined;
  }

  /** The window with the anchored first line, if that line is still there and the prompt fits. */
  private keep(input: StableWindowInput, window: PromptWindow, limit: number): PromptWindow | undefined {
    const a = this.anchor;
    if (!a || a.document !== input.document) return undefined;
    if (a.start > window.cursor || (a.start > 0 && input.text[a.start - 1] !== '\n')) return undefined;
    if (lineAt(input.text, a.start) !== a.firstLine) return undefined;
    const prefix = input.text.slice(a.start, window.cursor);
    if (input.estimate(prefix) + input.estimate(window.suffix) > limit) return undefined;
    return { ...window, prefix, start: a.start };
  }
}
