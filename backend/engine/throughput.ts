// The model's measured speed on this machine: prompt evaluation and decoding in tokens per second, as moving
// averages over recent requests, seeded by a short evaluation at load time so the first request has numbers.
// A client sizes its prompts with them (a completion window that can answer within its time budget).
import type { Throughput } from '../../protocol/messages.js';

/** Fewer prompt tokens than this say more about overheads than about speed: not recorded. */
export const MIN_PROMPT_TOKENS = 16;
/** Fewer decode intervals than this: not recorded. */
export const MIN_DECODE_TOKENS = 4;
/** Weight of the newest measurement in the moving average. */
const ALPHA = 0.3;

export interface Measured {
  /** Prompt tokens evaluated and the time spent evaluating them (waiting for other work excluded). */
  promptTokens: number;
  promptMs: number;
  /** Tokens decoded after the first, and the time they took (waiting excluded). */
  decodeTokens: number;
  decodeMs: number;
}

export type MeasuredAt = 'calibration' | 'requests';

const round = (x: number) => Math.round(x * 10) / 10;

function rate(tokens: number, ms: number, min: number): number | undefined {
  return tokens >= min && ms > 0 ? (tokens * 1000) / ms : undefined;
}

class Average {
  value = 0;
  fromRequests = false;

  add(sample: number): void {
    // The first request's figure replaces the calibration's outright: calibration is one short batch, the weaker number.
    this.value = this.fromRequests && this.value > 0 ? this.value + ALPHA * (sample - this.value) : sample;
    this.fromRequests = true;
  }
}

export class ThroughputMeter {
  private readonly prompt = new Average();
  private readonly decode = new Average();

  /** The load-time measurement; requests' measurements replace it from then on. */
  calibrate(m: Measured): void {
    // Calibration is short on purpose: take what it measured even below the request thresholds.
    const p = rate(m.promptTokens, m.promptMs, 1);
    const d = rate(m.decodeTokens, m.decodeMs, 1);
    if (p !== undefined) this.prompt.value = p;
    if (d !== undefined) this.decode.value = d;
  }

  /**
   * Adds one request's speeds to the averages, and returns the speeds to report for it: its own where it had
   * enough tokens to measure, else the running estimate. `decode: false` leaves the decode average alone (token
   * prediction makes a request's decode speed depend on its text).
   */
  record(m: Measured, opts: { decode?: boolean } = {}): Throughput {
    const p = rate(m.promptTokens, m.promptMs, MIN_PROMPT_TOKENS);
    const d = rate(m.decodeTokens, m.decodeMs, MIN_DECODE_TOKENS);
    if (p !== undefined) this.prompt.add(p);
    if (d !== undefined && opts.decode !== false) this.decode.add(d);
    return {
      promptTokensPerSecond: round(p ?? this.prompt.value),
      decodeTokensPerSecond: round(d ?? this.decode.value),
    };
  }

  current(): Throughput & { measuredAt: MeasuredAt } {
    return {
      promptTokensPerSecond: round(this.prompt.value),
      decodeTokensPerSecond: round(this.decode.value),
      measuredAt: this.prompt.fromRequests || this.decode.fromRequests ? 'requests' : 'calibration',
    };
  }

  /** Prompt tokens per second to plan with (0 before anything was measured). */
  get promptRate(): number {
    return this.prompt.value;
  }
}
