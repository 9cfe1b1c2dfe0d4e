// How many prompt tokens a completion may evaluate, from the measured speeds: a request that reads
// nothing from the KV cache must still show its first suggestion within the target, and never need
// more time than the first-text budget gives it. A request that extends the cached prompt pays only
// for its tail, so the window it keeps can be as large as the setting allows.
import type { Speed } from './speed.js';

export interface SizerInput {
  readonly speed: Speed | undefined;
  /** `fude.completion.firstSuggestionTargetMs`: the aim for a request with nothing cached. */
  readonly targetMs: number;
  /** The budget's first-text timeout: a window must never need more. */
  readonly firstTextMs: number;
  /** The budget's time for generating once text flows. */
  readonly generateMs: number;
  /** `fude.completion.promptTokens` (within the model's context). */
  readonly fullTokens: number;
}

export type WindowLimit = 'setting' | 'target' | 'budget' | 'unknown-speed';

export interface WindowPlan {
  /** Most uncached tokens a request may evaluate. */
  readonly affordableTokens: number;
  /** Most uncached tokens the first-text budget covers (with a margin). */
  readonly budgetTokens: number;
  /** What bounds `affordableTokens`. */
  readonly limitedBy: WindowLimit;
  /** Expected time to the first text for a request evaluating `tokens` (undefined when the speed is unknown). */
  expectedFirstTextMs(tokens: number): number | undefined;
  /** Writing time after which what came is shown (the rest when it comes): the short suggestion, at most SHOW_EARLY_MAX_MS. */
  readonly showAfterMs: number | undefined;
}

/** A suggestion worth showing is at least this many tokens: the target leaves time to write them. */
export const SHORT_SUGGESTION_TOKENS = 4;
/**
 * Ghost text within this much writing of the first token, even on a slow CPU (a 1.8B model there writes 5 to 11
 * tokens/s): a shorter suggestion shown sooner, which grows as the model writes on.
 */
export const SHOW_EARLY_MAX_MS = 300;
/** ...and not before this much: a model that writes fast finishes its suggestion within it, shown whole. */
export const SHOW_EARLY_MIN_MS = 250;
/** Time around the evaluation (socket, JSON, sampling, the pipeline): measured at 2 to 7 ms, kept generous. */
export const OVERHEAD_MS = 30;
/** Share of the first-text budget a window may need: the rest absorbs jitter on a busy machine. */
export const BUDGET_SHARE = 0.8;
/** Smallest window worth asking with (a few lines), when the budget covers it. */
export const MIN_WINDOW_TOKENS = 48;

export function planWindow(i: SizerInput): WindowPlan {
  const s = i.speed;
  if (!s) {
    return {
      affordableTokens: i.fullTokens,
      budgetTokens: i.fullTokens,
      limitedBy: 'unknown-speed',
      expectedFirstTextMs: () => undefined,
      showAfterMs: undefined,
    };
  }
  const firstTokenMs = 1000 / s.decodeTokensPerSecond + OVERHEAD_MS;
  const expectedFirstTextMs = (tokens: number) => (Math.max(0, tokens) / s.promptTokensPerSecond) * 1000 + firstTokenMs;
  const toTokens = (ms: number) => Math.max(0, Math.floor((ms * s.promptTokensPerSecond) / 1000));
  const budgetTokens = toTokens(i.firstTextMs * BUDGET_SHARE - firstTokenMs);
  const reserve = Math.min(i.generateMs, (SHORT_SUGGESTION_TOKENS / s.decodeTokensPerSecond) * 1000);
  const targetTokens = toTokens(i.targetMs - reserve - firstTokenMs);
  // The target may be out of reach on a slow machine: still ask with a few lines, if the budget covers them.
  const aimed = Math.max(targetTokens, Math.min(MIN_WINDOW_TOKENS, budgetTokens));
  const affordableTokens = Math.min(i.fullTokens, budgetTokens, aimed);
  const limitedBy: WindowLimit =
    affordableTokens === i.fullTokens ? 'setting' : affordableTokens === budgetTokens ? 'budget' : 'target';
  const showAfterMs = Math.max(SHOW_EARLY_MIN_MS, Math.min(reserve, SHOW_EARLY_MAX_MS));
  return { affordableTokens, budgetTokens, limitedBy, expectedFirstTextMs, showAfterMs };
}

/**
 * An idle prefill reads at most this long: a person's idle pause often ends sooner, and a prefill cut by a keystroke
 * leaves the start of a bigger window in the KV cache instead of the warm one. A fast machine still reads the whole
 * window (137 tokens/s reads about 550 tokens); a slow one grows its window only as far as it can read in a pause.
 */
export const IDLE_PREFILL_MS = 4000;

/**
 * Size of the window to prefill ahead of the keystroke. When idle, the whole window, or what IDLE_PREFILL_MS reads. After opening a
 * file or a jump, the next keystroke tends to come soon: a window the backend can read before it comes
 * (at least a cold window's worth), so that keystroke costs only its tail; later idle time grows it.
 */
export function prefillTokens(
  i: SizerInput & { readonly reason: 'open' | 'jump' | 'idle'; readonly expectedPauseMs: number },
): number {
  const s = i.speed;
  if (!s) return i.fullTokens;
  if (i.reason === 'idle') {
    const inIdle = Math.floor((IDLE_PREFILL_MS / 1000) * s.promptTokensPerSecond);
    return Math.min(i.fullTokens, Math.max(inIdle, planWindow(i).affordableTokens));
  }
  const inPause = Math.floor((i.expectedPauseMs / 1000) * s.promptTokensPerSecond * 0.8);
  return Math.min(i.fullTokens, Math.max(inPause, planWindow(i).affordableTokens));
}
