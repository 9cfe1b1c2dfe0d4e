// Feeds prompt tokens into a sequence's KV cache in chunks, asking the scheduler for a turn before each chunk, so a
// long prompt never holds the cores for longer than one chunk: a completion typed meanwhile runs between two chunks,
// a cancelled request stops at the next chunk, and the client hears how far the reading got.
import type { EvaluationPriority, LlamaContextSequence, Token } from 'node-llama-cpp';
import type { Ticket } from './scheduler.js';

/** Never smaller: below this a chunk costs about as much as a bigger one (the weights are read once per batch). */
export const MIN_CHUNK_TOKENS = 32;

export interface FeedOptions {
  ticket: Ticket;
  signal: AbortSignal;
  evaluationPriority: EvaluationPriority;
  /** Tokens in the next chunk (chunkTokens() is asked again before each: the measured speed may change). */
  chunkTokens: () => number;
  /** After each chunk: tokens evaluated so far and in all. */
  onChunk?(evaluated: number, total: number): void;
  /** Asked before each chunk: stop early and leave the rest (a prefill giving way). */
  stopEarly?(): boolean;
}

export interface Fed {
  evaluated: number;
  /** Time spent evaluating, waiting for turns excluded. */
  ms: number;
  /** The first turn's wait (time before evaluation started). */
  firstWaitMs: number;
}

/**
 * The chunk size that takes about `targetMs` at `tokensPerSecond`, within [MIN_CHUNK_TOKENS, batchSize]; the batch
 * size while nothing has been measured yet.
 */
export function chunkFor(tokensPerSecond: number, targetMs: number, batchSize: number): number {
  if (!(tokensPerSecond > 0)) return batchSize;
  const n = Math.round((tokensPerSecond * targetMs) / 1000);
  return Math.max(Math.min(MIN_CHUNK_TOKENS, batchSize), Math.min(batchSize, n));
}

/** Evaluates `tokens` (the part not in the KV cache) after what the sequence holds, generating nothing. */
export async function feedPrompt(
  sequence: LlamaContextSequence,
  tokens: readonly Token[],
  opts: FeedOptions,
): Promise<Fed> {
  let evaluated = 0;
  let ms = 0;
  let firstWaitMs = 0;
  while (evaluated < tokens.length) {
    if (opts.stopEarly?.()) break;
    const before = opts.ticket.waitedMs;
    const turn = opts.ticket.turn(opts.signal);
    if (turn) await turn;
    if (evaluated === 0) firstWaitMs = opts.ticket.waitedMs - before;
    if (opts.signal.aborted) throw opts.signal.reason;
    if (opts.stopEarly?.()) break;
    const chunk = tokens.slice(evaluated, evaluated + Math.max(1, opts.chunkTokens()));
    const started = performance.now();
    await sequence.evaluateWithoutGeneratingNewTokens(chunk, { evaluationPriority: opts.evaluationPriority });
    ms += performance.now() - started;
    evaluated += chunk.length;
    opts.onChunk?.(evaluated, tokens.length);
  }
  return { evaluated, ms, firstWaitMs };
}
