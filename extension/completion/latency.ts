// Rolling latency of completion requests, and a verdict for the status bar: a machine too slow for
// the model should be said so, not shown as a spinner forever.

export interface LatencyStats {
  /** Requests in the window (successes and timeouts). */
  readonly count: number;
  readonly timeouts: number;
  readonly timeoutRate: number;
  /** Over successful requests in the window; undefined when there are none. */
  readonly p50: number | undefined;
  readonly p95: number | undefined;
  readonly mean: number | undefined;
}

/** 'unknown': too few requests yet. 'slow': usable but the median is above `slowMs`. */
export type LatencyVerdict = 'unknown' | 'ok' | 'slow' | 'too-slow';

export interface LatencyTrackerOptions {
  /** How many recent requests count. */
  readonly window?: number;
  /** Fewer requests than this give 'unknown'. */
  readonly minSamples?: number;
  readonly slowMs?: number;
  /** Share of the window that timed out from which the verdict is 'too-slow'. */
  readonly tooSlowTimeoutRate?: number;
}

type Sample = { readonly ms: number; readonly timedOut: boolean };

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export class LatencyTracker {
  private readonly samples: Sample[] = [];
  private readonly window: number;
  private readonly minSamples: number;
  private readonly slowMs: number;
  private readonly tooSlowRate: number;

  constructor(options: LatencyTrackerOptions = {}) {
    this.window = options.window ?? 20;
    this.minSamples = options.minSamples ?? 3;
    this.slowMs = options.slowMs ?? 2000;
    this.tooSlowRate = options.tooSlowTimeoutRate ?? 0.5;
  }

  /** A request that gave a result (cancelled requests are not recorded: they say nothing about speed). */
  recordSuccess(ms: number): void {
    this.push({ ms, timedOut: false });
  }

  /** A request that got no text within its time budget. */
  recordTimeout(ms: number): void {
    this.push({ ms, timedOut: true });
  }

  stats(): LatencyStats {
    const ok = this.samples
      .filter((s) => !s.timedOut)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const timeouts = this.samples.length - ok.length;
    return {
      count: this.samples.length,
      timeouts,
      timeoutRate: this.samples.length === 0 ? 0 : timeouts / this.samples.length,
      p50: percentile(ok, 50),
      p95: percentile(ok, 95),
      mean: ok.length === 0 ? undefined : ok.reduce((a, b) => a + b, 0) / ok.length,
    };
  }

  verdict(): LatencyVerdict {
    const s = this.stats();
    if (s.count < this.minSamples) return 'unknown';
    // "Most recent requests time out" is the signal; a single slow one is not.
    if (s.timeoutRate >= this.tooSlowRate) return 'too-slow';
    if (s.p50 !== undefined && s.p50 > this.slowMs) return 'slow';
    return 'ok';
  }

  /**
   * The newest timeout says nothing about this machine's speed (another lane held the model): drop it,
   * so waiting behind a chat never turns the verdict to "too slow".
   */
  excuseLastTimeout(): void {
    for (let i = this.samples.length - 1; i >= 0; i--) {
      if (this.samples[i].timedOut) {
        this.samples.splice(i, 1);
        return;
      }
    }
  }

  reset(): void {
    this.samples.length = 0;
  }

  private push(sample: Sample): void {
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.shift();
  }
}
