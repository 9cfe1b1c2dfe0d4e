// How long to wait after a keystroke before asking the model. Fixed delays either fire inside a
// burst of typing (wasted requests on a slow machine) or feel sluggish on a fast one; this one
// adapts to the gaps between the user's keystrokes and to how long the model has been taking.
import type { CancelTimer, Clock } from './clock.js';

export interface DebounceOptions {
  readonly minMs?: number;
  readonly maxMs?: number;
  /** Delay before enough keystrokes are seen. */
  readonly initialMs?: number;
  /** Wait this many times the user's usual gap between keys, so a burst does not fire each key. */
  readonly typingFactor?: number;
  /** Add this share of the expected latency: when requests are costly, wasting one costs more. */
  readonly latencyFactor?: number;
  /** Gaps longer than this are pauses, not typing speed. */
  readonly pauseMs?: number;
  /** Recent gaps kept. */
  readonly samples?: number;
}

export class AdaptiveDebouncer {
  private readonly gaps: number[] = [];
  private lastKeyAt: number | undefined;
  private pending: { cancel: CancelTimer; resolve: (fire: boolean) => void } | undefined;
  private readonly o: Required<DebounceOptions>;

  /** `expectedLatency`: for example the latency tracker's p50; undefined when not known yet. */
  constructor(
    private readonly clock: Clock,
    private readonly expectedLatency: () => number | undefined = () => undefined,
    options: DebounceOptions = {},
  ) {
    this.o = {
      minMs: 50,
      maxMs: 600,
      initialMs: 200,
      typingFactor: 1.3,
      // A tenth of the expected latency (was a quarter): a request the next keystroke supersedes is cheap now, since
      // what it evaluated stays in the KV cache and the next request reads only the tail (on a 1.8B model on a
      // 2-core CPU a quarter made the debounce 600 ms, a third of the time to the first suggestion).
      latencyFactor: 0.1,
      pauseMs: 1500,
      samples: 12,
      ...options,
    };
  }

  /** The user's usual gap between keys (median of recent ones), once at least three are known. */
  typicalGap(): number | undefined {
    if (this.gaps.length < 3) return undefined;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  delayMs(): number {
    const gap = this.typicalGap();
    const fromTyping = gap === undefined ? this.o.initialMs : gap * this.o.typingFactor;
    const fromLatency = (this.expectedLatency() ?? 0) * this.o.latencyFactor;
    return Math.round(Math.min(this.o.maxMs, Math.max(this.o.minMs, fromTyping + fromLatency)));
  }

  /** Records a keystroke (an edit) now. */
  recordKeystroke(): void {
    const now = this.clock.now();
    if (this.lastKeyAt !== undefined) {
      const gap = now - this.lastKeyAt;
      if (gap <= this.o.pauseMs) {
        this.gaps.push(gap);
        if (this.gaps.length > this.o.samples) this.gaps.shift();
      }
    }
    this.lastKeyAt = now;
  }

  /**
   * Waits the current delay. Resolves true when it is time to ask the model; false when the signal
   * aborted or a newer `wait` superseded this one. `manual` (an explicit trigger) does not wait.
   */
  wait(signal?: AbortSignal, manual = false): Promise<boolean> {
    this.pending?.cancel();
    this.pending?.resolve(false);
    this.pending = undefined;
    if (signal?.aborted) return Promise.resolve(false);
    if (manual) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (fire: boolean): void => {
        if (this.pending?.resolve === finish) this.pending = undefined;
        signal?.removeEventListener('abort', onAbort);
        resolve(fire);
      };
      const onAbort = (): void => {
        cancel();
        finish(false);
      };
      const cancel = this.clock.schedule(this.delayMs(), () => finish(true));
      this.pending = { cancel, resolve: finish };
      signal?.addEventListener('abort', onAbort);
    });
  }
}
