// The completion engine's GenerateFn over the model's Engine: one `complete` call per generation,
// streamed into the completion engine; aborting the signal stops the generation in the model. It also
// learns the model's token ratio from the reported usage and keeps counts the status bar, the
// in-editor tests and the benchmark read.
import type { CompleteCall } from '../engine/engine.js';
import { errorCode } from '../engine/engine-error.js';
import type { StreamEnd } from '../engine/text-stream.js';
import type { GenerateFn } from './engine.js';
import type { TokenCalibration } from './token-calibration.js';

export { errorCode };

/** The part of an Engine used here (`Engine` fits), so tests and the benchmark can pass their own. */
export interface CompleteClient {
  complete(call: CompleteCall, signal?: AbortSignal): AsyncIterable<string> & { readonly done: Promise<StreamEnd> };
}

export interface EngineCounts {
  /** `complete` requests sent. */
  sent: number;
  /** Ended with `done`. */
  done: number;
  /** Ended as cancelled (by our `cancel` or superseded in the backend). */
  cancelled: number;
  failed: number;
}

export interface GenerationRecord {
  readonly ok: boolean;
  readonly mode?: 'fim' | 'prefix';
  readonly usage?: StreamEnd['usage'];
  /** The backend's own time for the request (arrival to done). */
  readonly backendMs?: number;
  /** Round trip as seen here, send to done. */
  readonly roundTripMs: number;
  /** Time the backend kept it waiting before evaluating it (behind a chat or docs prompt). */
  readonly queuedMs?: number;
  readonly errorCode?: string;
}

export interface EngineGenerateOptions {
  readonly calibration?: TokenCalibration;
  /** Called when each generation ends (for logs and the benchmark). */
  readonly onRecord?: (record: GenerationRecord) => void;
  readonly now?: () => number;
}

export class EngineGenerate {
  readonly counts: EngineCounts = { sent: 0, done: 0, cancelled: 0, failed: 0 };
  lastMode: 'fim' | 'prefix' | undefined;
  private readonly now: () => number;

  constructor(
    private readonly client: () => CompleteClient | undefined,
    private readonly options: EngineGenerateOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  readonly generate: GenerateFn = async (prefix, suffix, signal, onText, hints) => {
    const client = this.client();
    if (!client) throw Object.assign(new Error('the backend is not running'), { code: 'not_connected' });
    const started = this.now();
    this.counts.sent++;
    const generation = client.complete(
      { prefix, suffix, maxTokens: hints.maxTokens, language: hints.languageId },
      signal,
    );
    try {
      for await (const text of generation) onText(text);
      const done = await generation.done;
      this.counts.done++;
      this.lastMode = done.mode;
      // FIM prompts hold the suffix too; prefix completion only the prefix.
      this.options.calibration?.observe(done.mode === 'fim' ? prefix + suffix : prefix, done.usage.inputTokens);
      this.options.onRecord?.({
        ok: true,
        mode: done.mode,
        usage: done.usage,
        backendMs: done.timings.totalMs,
        roundTripMs: this.now() - started,
        queuedMs: done.timings.queuedMs,
      });
      return done;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'cancelled') this.counts.cancelled++;
      else this.counts.failed++;
      if (code === 'context_overflow') this.options.calibration?.overflowed();
      this.options.onRecord?.({ ok: false, roundTripMs: this.now() - started, errorCode: code });
      throw error;
    }
  };
}
