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
 * When the suggestion should be shown, counted from the request's start: once text flows, generating stops at the
 * deadline (or after `generateMs`, whichever comes first), but never before `minGenerateMs` of text. Without it, a
 * first token that came late still bought the whole `generateMs` (measured: 1.9 to 3 s to a suggestion with a
 * 1.8B model on a 2-core CPU, of which 1 s was writing after the first token).
 */
export interface Deadline {
  readonly ms: number;
  readonly minGenerateMs: number;
}

/** Watches one request: call `add` for each chunk; `onExpire` fires once a time limit passes. */
export class RequestBudget {
  private tokens = 0;
  private readonly startedAt: number;
  private firstAt: number | undefined;
  private timer: CancelTimer | undefined;
  private ended: BudgetEnd | undefined;

  constructor(
    private readonly limits: BudgetLimits,
    private readonly clock: Clock,
    private readonly onExpire: (why: BudgetEnd) => void,
    private readonly estimate: (text: string) => number = roughTokenCount,
    private readonly deadline?: Deadline,
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
      this.timer = this.clock.schedule(this.generateMs(), () => this.expire('time'));
    }
    this.tokens += tokens ?? this.estimate(delta);
    if (this.tokens >= this.limits.maxTokens) {
      this.finish('tokens');
      return false;
    }
    return true;
  }

  /** Time for generating from the first text on. */
  private generateMs(): number {
    const d = this.deadline;
    if (!d) return this.limits.generateMs;
    return Math.min(this.limits.generateMs, Math.max(d.minGenerateMs, d.ms - this.elapsedMs));
  }

  dispose(): void {
    this.timer?.();
    this.timer = undefined;
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
