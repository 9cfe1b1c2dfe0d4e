// Time and token limits for one completion request: what arrived within them is what is shown.
import type { CancelTimer, Clock } from './clock.js';
import { roughTokenCount } from './token-estimate.js';

export interface BudgetLimits {
  /** Longest wait for the first text (prompt evaluation included); past it the request timed out. */
  readonly firstTextMs: number;
  /** Time for generating once text flows (llama.vscode uses 500 ms); past it, what came is shown. */
  readonly generateMs: number;
  readonly maxTokens: number;
}

export type BudgetEnd = 'first-text-timeout' | 'time' | 'tokens';

/**
 * Showing a suggestion early: once text flows, `onShow` fires after `afterMs` of writing (a short suggestion's time
 * at the measured speed), while writing goes on to the budget's end. On a CPU a model writes about 10 tokens/s, so
 * waiting for the whole `generateMs` put a second between the first token and any ghost text, even when the prompt
 * was already in the KV cache; the longer text is offered when it is written (CompletionResult.grown).
 */
export interface ShowEarly {
  readonly afterMs: number;
  readonly onShow: () => void;
}

/** Watches one request: call `add` for each chunk; `onExpire` fires once a time limit passes. */
export class RequestBudget {
  private tokens = 0;
  private readonly startedAt: number;
  private firstAt: number | undefined;
  private timer: CancelTimer | undefined;
  private showTimer: CancelTimer | undefined;
  private ended: BudgetEnd | undefined;

  constructor(
    private readonly limits: BudgetLimits,
    private readonly clock: Clock,
    private readonly onExpire: (why: BudgetEnd) => void,
    private readonly estimate: (text: string) => number = roughTokenCount,
    private readonly showEarly?: ShowEarly,
  ) {
    this.startedAt = clock.now();
    this.timer = clock.schedule(limits.firstTextMs, () => this.expire('first-text-timeout'));
  }

  get exceeded(): BudgetEnd | undefined {
    return this.ended;
  }

  get elapsedMs(): number {
    return this.clock.now() - this.startedAt;
  }

  /** Time to the first text, if any came. */
  get firstTextMs(): number | undefined {
    return this.firstAt === undefined ? undefined : this.firstAt - this.startedAt;
  }

  /**
   * Counts a chunk (with the backend's token count when it sends one). Returns false once the
   * token budget is spent: this chunk is still within it, the next ones are not.
   */
  add(delta: string, tokens?: number): boolean {
    if (this.ended) return false;
    if (this.firstAt === undefined && delta !== '') {
      this.firstAt = this.clock.now();
      this.timer?.();
      this.timer = this.clock.schedule(this.limits.generateMs, () => this.expire('time'));
      const show = this.showEarly;
      if (show && show.afterMs < this.limits.generateMs)
        this.showTimer = this.clock.schedule(Math.max(0, show.afterMs), () => {
          this.showTimer = undefined;
          if (!this.ended) show.onShow();
        });
    }
    this.tokens += tokens ?? this.estimate(delta);
    if (this.tokens >= this.limits.maxTokens) {
      this.finish('tokens');
      return false;
    }
    return true;
  }

  dispose(): void {
    this.timer?.();
    this.timer = undefined;
    this.showTimer?.();
    this.showTimer = undefined;
  }

  private finish(why: BudgetEnd): void {
    this.ended ??= why;
    this.dispose();
  }

  private expire(why: BudgetEnd): void {
    if (this.ended) return;
    this.finish(why);
    this.onExpire(why);
  }
}
