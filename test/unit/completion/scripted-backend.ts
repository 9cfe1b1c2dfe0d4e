// Test helper: a backend that streams scripted chunks on a fake clock and records each call.
import type { GenerateFn } from '../../../extension/completion/engine.js';
import type { FakeClock } from './fake-clock.js';
import { flush } from './fake-clock.js';

export interface Script {
  readonly chunks: readonly string[];
  /** Delay before the first chunk, then between chunks. */
  readonly firstMs?: number;
  readonly everyMs?: number;
  /** Reject after the chunks instead of finishing. */
  readonly fail?: Error;
}

export interface Call {
  readonly prefix: string;
  readonly suffix: string;
  readonly signal: AbortSignal;
  readonly maxTokens: number;
  readonly languageId?: string;
  sent: string;
}

export class ScriptedBackend {
  readonly calls: Call[] = [];

  constructor(
    private readonly clock: FakeClock,
    private readonly script: (call: number) => Script,
  ) {}

  readonly generate: GenerateFn = (prefix, suffix, signal, onText, hints) => {
    const script = this.script(this.calls.length);
    const call: Call = { prefix, suffix, signal, maxTokens: hints.maxTokens, languageId: hints.languageId, sent: '' };
    this.calls.push(call);
    return new Promise<void>((resolve, reject) => {
      let i = 0;
      signal.addEventListener('abort', () => resolve());
      const next = (): void => {
        if (signal.aborted) return;
        if (i === script.chunks.length) return script.fail ? reject(script.fail) : resolve();
        call.sent += script.chunks[i];
        onText(script.chunks[i++]);
        this.clock.schedule(script.everyMs ?? 1, next);
      };
      this.clock.schedule(script.firstMs ?? 1, next);
    });
  };
}

/** Splits text into chunks of `size` characters. */
export function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Advances the fake clock step by step until the promise settles. */
export async function drive<T>(clock: FakeClock, promise: Promise<T>, stepMs = 1, maxSteps = 100_000): Promise<T> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < maxSteps && !settled; i++) {
    await flush();
    if (!settled) clock.advance(stepMs);
  }
  return promise;
}
