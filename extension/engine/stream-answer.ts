/**
 * The one way a chat-like request (chat answer, documentation, a language-model request from another
 * extension) is streamed: forward each chunk, and turn how it ended (finished, stopped by the person or
 * the caller, cut at the token limit, failed) into one outcome. Cancellation has one vocabulary: the
 * caller's signal aborting, or the engine answering `cancelled`, is `stopped`, never an error.
 */
import type { ChatCall } from './engine.js';
import { errorCode, isCancelled } from './engine-error.js';
import { ReadingProgress, type ReadingView } from './reading-progress.js';
import type { StreamEnd, TextStream } from './text-stream.js';
import { tokensPerSecond } from './tokens-per-second.js';

/** What streaming needs from an engine (Engine fits; tests pass fakes). */
export interface ChatEngine {
  chat(call: ChatCall, signal?: AbortSignal): Pick<TextStream, 'done'> & AsyncIterable<string>;
}

export type AnswerOutcome =
  | { kind: 'finished' | 'maxTokens' | 'stopped'; text: string; tokensPerSecond: number | null; end?: StreamEnd }
  /** `text`: what arrived before the failure (kept by every caller); `retryAfterMs`: when the server said to try again. */
  | { kind: 'error'; text: string; code: string; message: string; retryAfterMs?: number };

export async function streamAnswer(
  engine: ChatEngine,
  call: ChatCall,
  signal: AbortSignal,
  onDelta: (text: string) => void = () => undefined,
  /** While the model reads a long prompt, before the first text: how far it got and about how long it still needs. */
  onReading?: (view: ReadingView) => void,
): Promise<AnswerOutcome> {
  let text = '';
  try {
    const reading = onReading && new ReadingProgress();
    const stream = engine.chat(
      reading
        ? {
            ...call,
            onProgress: (p) => {
              if (text === '') onReading(reading.update(p));
            },
          }
        : call,
      signal,
    );
    for await (const chunk of stream) {
      text += chunk;
      onDelta(chunk);
    }
    const end = await stream.done;
    const speed = tokensPerSecond(end.usage, end.timings);
    if (end.stopReason === 'cancelled' || signal.aborted) return { kind: 'stopped', text, tokensPerSecond: speed, end };
    return { kind: end.stopReason === 'maxTokens' ? 'maxTokens' : 'finished', text, tokensPerSecond: speed, end };
  } catch (error) {
    if (isCancelled(error, signal)) return { kind: 'stopped', text, tokensPerSecond: null };
    const retryAfterMs = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
    return {
      kind: 'error',
      text,
      code: errorCode(error) ?? 'internal',
      message: error instanceof Error ? error.message : String(error),
      ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
    };
  }
}
