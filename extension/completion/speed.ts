// How fast this model reads a prompt and writes tokens on this machine, as the backend measures it (its
// `status` at load time, then each request's `done.throughput`). Engines that report nothing (a remote
// server) are measured here from what each request took. The window sizer turns these speeds into tokens.
import type { Throughput } from '../../protocol/messages.js';

export type SpeedSource = 'backend-calibration' | 'backend-requests' | 'measured-here' | 'after-timeout';

export interface Speed {
  readonly promptTokensPerSecond: number;
  readonly decodeTokensPerSecond: number;
  readonly source: SpeedSource;
}

/** What one request says about the speeds when the backend did not report them. */
export interface RequestTiming {
  /** Prompt tokens evaluated (not served from the KV cache). */
  readonly evaluatedInputTokens: number;
  readonly outputTokens: number;
  /** Arrival to first token, and to the end, in the backend (or as seen here). */
  readonly firstTokenMs: number;
  readonly totalMs: number;
  readonly queuedMs?: number;
}

/** Fewer evaluated tokens than this say too little about the prompt speed (fixed costs dominate). */
const MIN_PROMPT_SAMPLE = 32;
const MIN_DECODE_SAMPLE = 4;
/** Weight of a new measurement made here (the backend's numbers are already averaged). */
const SMOOTHING = 0.4;

const valid = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

export class SpeedEstimate {
  private prompt: number | undefined;
  private decode: number | undefined;
  private src: SpeedSource = 'measured-here';

  get current(): Speed | undefined {
    if (this.prompt === undefined || this.decode === undefined) return undefined;
    return { promptTokensPerSecond: this.prompt, decodeTokensPerSecond: this.decode, source: this.src };
  }

  /** The backend's own figures (status at load time, or a request's done). */
  reported(t: Throughput | undefined, source: 'backend-calibration' | 'backend-requests'): void {
    if (!t || !valid(t.promptTokensPerSecond) || !valid(t.decodeTokensPerSecond)) return;
    this.prompt = t.promptTokensPerSecond;
    this.decode = t.decodeTokensPerSecond;
    this.src = source;
  }

  /** A request whose done carried no throughput: derive the speeds from its usage and timings. */
  measured(r: RequestTiming): void {
    const evalMs = r.firstTokenMs - (r.queuedMs ?? 0);
    if (r.evaluatedInputTokens >= MIN_PROMPT_SAMPLE && evalMs > 0) {
      this.prompt = blend(this.prompt, (r.evaluatedInputTokens / evalMs) * 1000);
    }
    const decodeMs = r.totalMs - r.firstTokenMs;
    if (r.outputTokens >= MIN_DECODE_SAMPLE && decodeMs > 0) {
      this.decode = blend(this.decode, ((r.outputTokens - 1) / decodeMs) * 1000);
    }
    if (this.prompt !== undefined && this.decode !== undefined) this.src = 'measured-here';
  }

  /**
   * A request expected to read `tokens` uncached tokens got no text within `ms`: the machine is slower
   * than the estimate (busy, or another lane holds it). Lower the prompt speed so the next windows fit.
   */
  timedOut(tokens: number, ms: number): void {
    if (this.prompt === undefined || !(tokens > 0) || !(ms > 0)) return;
    const atMost = (tokens / ms) * 1000 * 0.8;
    if (atMost < this.prompt) {
      this.prompt = atMost;
      this.src = 'after-timeout';
    }
  }

  reset(): void {
    this.prompt = undefined;
    this.decode = undefined;
    this.src = 'measured-here';
  }
}

function blend(old: number | undefined, next: number): number {
  return old === undefined ? next : old * (1 - SMOOTHING) + next * SMOOTHING;
}
