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

export type CollectEnd = 'complete' | BudgetEnd | 'aborted' | 'failed';

export interface BudgetedText {
  readonly text: string;
  readonly end: CollectEnd;
  readonly elapsedMs: number;
  readonly firstTextMs: number | undefined;
  readonly error?: unknown;
}

/**
 * Runs a streaming call under a budget and returns the text that came within it; the call's
 * signal is aborted as soon as the budget is spent, so the backend stops generating too.
 */
export function collectWithinBudget(
  run: (signal: AbortSignal, onText: (delta: string, tokens?: number) => void) => Promise<void>,
  limits: BudgetLimits,
  clock: Clock,
  signal?: AbortSignal,
): Promise<BudgetedText> {
  return new Promise((resolve) => {
    const controller = new AbortController();
    let text = '';
    let settled = false;
    const settle = (end: CollectEnd, error?: unknown): void => {
      if (settled) return;
      settled = true;
      budget.dispose();
      signal?.removeEventListener('abort', onAbort);
      if (end !== 'complete' && end !== 'failed') controller.abort();
      resolve({ text, end, elapsedMs: budget.elapsedMs, firstTextMs: budget.firstTextMs, error });
    };
    const onAbort = (): void => settle('aborted');
    const budget = new RequestBudget(limits, clock, (why) => settle(why));
    if (signal?.aborted) return settle('aborted');
    signal?.addEventListener('abort', onAbort);
    const onText = (delta: string, tokens?: number): void => {
      if (settled) return;
      text += delta;
      if (!budget.add(delta, tokens)) settle('tokens');
    };
    let running: Promise<void>;
    try {
      running = run(controller.signal, onText);
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      () => settle('complete'),
      (error: unknown) => settle('failed', error),
    );
  });
}
