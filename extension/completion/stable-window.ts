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
  /** At most this size for a fresh window (it is `tokens` × the fresh share otherwise): less when the model reads slowly. */
  readonly freshTokens?: number;
  /**
   * What a window costs to evaluate (uncached tokens), and the most it may cost: the anchored window is
   * kept only while the KV cache makes it affordable. Without them every window within the size is kept.
   */
  readonly cost?: (prefix: string, suffix: string) => number;
  readonly maxCost?: number;
  /** Start a fresh window here whatever the anchor (a prefill choosing where the next prompts start). */
  readonly fresh?: boolean;
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
  /** Whether the last window built kept the anchor. */
  lastKept = false;

  constructor(options: StableWindowOptions = {}) {
    this.slack = options.slack ?? 0.25;
    this.freshShare = options.freshShare ?? 0.85;
  }

  build(input: StableWindowInput): PromptWindow {
    const limit = Math.min(input.hardTokens, Math.floor(input.tokens * (1 + this.slack)));
    // Fresh and kept windows share the suffix part, so keeping a window never makes the suffix
    // (which a FIM prompt re-evaluates on every request) longer.
    const target = Math.min(
      input.hardTokens,
      Math.floor(input.tokens * this.freshShare),
      input.freshTokens ?? Infinity,
    );
    const window = buildPromptWindow({
      text: input.text,
      offset: input.offset,
      budget: { tokens: target, estimate: input.estimate },
      suffixShare: input.suffixShare,
    });
    const kept = input.fresh ? undefined : this.keep(input, window, limit);
    this.lastKept = kept !== undefined;
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

  /** The anchored window `build` would keep now, and the fresh one it would start, without building or counting anything. */
  peek(input: StableWindowInput): { kept: PromptWindow | undefined; fresh: PromptWindow } {
    const limit = Math.min(input.hardTokens, Math.floor(input.tokens * (1 + this.slack)));
    const target = Math.min(
      input.hardTokens,
      Math.floor(input.tokens * this.freshShare),
      input.freshTokens ?? Infinity,
    );
    const fresh = buildPromptWindow({
      text: input.text,
      offset: input.offset,
      budget: { tokens: target, estimate: input.estimate },
      suffixShare: input.suffixShare,
    });
    return { kept: input.fresh ? undefined : this.keep(input, fresh, limit), fresh };
  }

  /** The window with the anchored first line, if that line is still there and the prompt fits. */
  private keep(input: StableWindowInput, window: PromptWindow, limit: number): PromptWindow | undefined {
    const a = this.anchor;
    if (!a || a.document !== input.document) return undefined;
    if (a.start > window.cursor || (a.start > 0 && input.text[a.start - 1] !== '\n')) return undefined;
    if (lineAt(input.text, a.start) !== a.firstLine) return undefined;
    const prefix = input.text.slice(a.start, window.cursor);
    if (input.estimate(prefix) + input.estimate(window.suffix) > limit) return undefined;
    if (input.cost && input.maxCost !== undefined && input.cost(prefix, window.suffix) > input.maxCost)
      return undefined;
    return { ...window, prefix, start: a.start };
  }
}
