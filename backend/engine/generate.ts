// The token loop shared by chat and completion: reuse the sequence's KV cache for the longest common
// prefix, evaluate only the new tail (in chunks, taking turns with other lanes: engine/prompt-feed.ts), sample
// until end-of-sequence, a stop string, the token budget or cancellation, and stream whole characters. It measures
// what it did (prompt and decode time, waiting excluded) for the throughput estimate.
import type { EvaluationPriority, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { StopReason, Usage } from '../../protocol/messages.js';
import type { Sampling } from '../../common/sampling.js';
import { StopMatcher } from '../text/stop-matcher.js';
import { Utf8TokenDecoder } from '../text/utf8-token-decoder.js';
import { lookupEvaluate, type LookupStats } from './lookup-decode.js';
import type { LookupLengthPolicy } from './lookup-length.js';
import { feedPrompt } from './prompt-feed.js';
import { EvaluationScheduler, PRIORITY, type Ticket } from './scheduler.js';
import type { Measured } from './throughput.js';

export class ContextOverflowError extends Error {}

/** Room the answer needs at the least; a prompt leaving less is a context overflow. */
export const MIN_ANSWER_TOKENS = 8;

/**
 * The prompt needs more tokens than the context can take with room left for an answer. `completion`: the prompt is
 * for the completion lane, whose size is its own option.
 */
export function contextOverflow(
  promptTokens: number,
  contextSize: number,
  exact: boolean,
  completion = false,
): ContextOverflowError {
  const size = exact ? `${promptTokens}` : `at least ${promptTokens}`;
  const [what, option] = completion
    ? ['the completion lane', '--complete-context-size']
    : ['the context', '--context-size'];
  return new ContextOverflowError(
    `the prompt is ${size} tokens but ${what} holds ${contextSize} (with at least ${MIN_ANSWER_TOKENS} left for the answer); shorten the input or start the backend with a larger ${option}`,
  );
}

/** The most prompt tokens a generation accepts in a context of `contextSize` tokens. */
export function maxPromptTokens(contextSize: number): number {
  return contextSize - MIN_ANSWER_TOKENS;
}

export interface GenerateOptions {
  sampling: Sampling;
  stopStrings: readonly string[];
  signal: AbortSignal;
  onText(text: string): void;
  /**
   * Called after each piece of text: a promise while the client has not read what was sent (generation waits
   * for it, so an unread socket never fills memory), undefined while it keeps up.
   */
  backpressure?(): Promise<void> | undefined;
  /** This request's place in the scheduler (default: a scheduler of its own, so nothing waits). */
  ticket?: Ticket;
  /** node-llama-cpp's priority when lanes share a context's batch. */
  evaluationPriority?: EvaluationPriority;
  /** Prompt tokens per chunk (default: the context's batch size). */
  chunkTokens?: () => number;
  /**
   * Prompt progress: (0, total) when evaluation starts, after each chunk but the last, and (total, total) with the
   * first token.
   */
  onProgress?: (evaluated: number, total: number) => void;
  /**
   * Input-lookup token prediction: the answer is expected to copy these tokens (the prompt), so each step also
   * evaluates what followed the same tokens there (engine/lookup-decode.ts). The text is the same as without.
   */
  predictFrom?: readonly Token[];
  /** With `predictFrom`: how many predicted tokens each step evaluates (learned per model; engine/lookup-length.ts). */
  lookupLength?: LookupLengthPolicy;
}

export interface GenerateResult {
  stopReason: StopReason;
  usage: Usage;
  measured: Measured;
  /** Time spent waiting for the first turn (behind higher-priority evaluation). */
  firstWaitMs: number;
  /** With `predictFrom`: tokens predicted, and how many of them the model wrote too. */
  prediction?: LookupStats;
}

const REPEAT_PENALTY_WINDOW = 64;

export async function generate(
  sequence: LlamaContextSequence,
  model: LlamaModel,
  prompt: readonly Token[],
  opts: GenerateOptions,
): Promise<GenerateResult> {
  const room = sequence.contextSize - prompt.length;
  if (room < MIN_ANSWER_TOKENS) throw contextOverflow(prompt.length, sequence.contextSize, true);
  const measured: Measured = { promptTokens: 0, promptMs: 0, decodeTokens: 0, decodeMs: 0 };
  if (prompt.length === 0) {
    // Nothing to continue from (an empty completion prefix for a family without BOS): an empty answer.
    return {
      stopReason: 'none',
      usage: { inputTokens: 0, evaluatedInputTokens: 0, outputTokens: 0 },
      measured,
      firstWaitMs: 0,
    };
  }
  const maxTokens = Math.min(opts.sampling.maxTokens, room);
  const ticket = opts.ticket ?? new EvaluationScheduler().enter(PRIORITY.chat);
  const chunkTokens = opts.chunkTokens ?? (() => sequence.context.batchSize);
  const evaluationPriority = opts.evaluationPriority ?? 3;

  // Keep the cached prefix; at least one token must be evaluated to get logits.
  const input = prompt.slice();
  const last = input.pop()!;
  await sequence.adaptStateToTokens(input, false);
  input.push(last);
  const toEvaluate = input.slice(sequence.nextTokenIndex);
  // All but the last chunk are fed without sampling; the last one goes to evaluate(), which yields the first token.
  const lastChunk = Math.min(toEvaluate.length, Math.max(1, chunkTokens()));
  opts.onProgress?.(0, toEvaluate.length);
  const fed = await feedPrompt(sequence, toEvaluate.slice(0, toEvaluate.length - lastChunk), {
    ticket,
    signal: opts.signal,
    evaluationPriority,
    chunkTokens,
    onChunk: opts.onProgress && ((done) => opts.onProgress!(done, toEvaluate.length)),
  });
  measured.promptTokens = toEvaluate.length;
  measured.promptMs = fed.ms;
  let firstWaitMs = fed.firstWaitMs;

  const generated: Token[] = [];
  const decoder = new Utf8TokenDecoder((tokens, context) =>
    model.detokenize(tokens as Token[], false, context as Token[]),
  );
  const matcher = new StopMatcher(opts.stopStrings);
  const emit = (text: string): boolean => {
    if (text === '') return false;
    const step = matcher.push(text);
    if (step.emit) opts.onText(step.emit);
    return step.stopped;
  };

  const { temperature, topK, topP, seed, repeatPenalty } = opts.sampling;
  const prediction: LookupStats | undefined = opts.predictFrom ? { predictedTokens: 0, acceptedTokens: 0 } : undefined;
  let stopReason: StopReason = 'maxTokens';
  /** Waits for the scheduler; false when the request was cancelled meanwhile. */
  const takeTurn = async (): Promise<boolean> => {
    const turn = ticket.turn(opts.signal);
    if (turn) await turn.catch(() => undefined);
    return !opts.signal.aborted;
  };
  const waitedBefore = ticket.waitedMs;
  if (opts.signal.aborted || !(await takeTurn())) stopReason = 'cancelled';
  else {
    if (fed.evaluated === 0) firstWaitMs = ticket.waitedMs - waitedBefore;
    const tail = toEvaluate.slice(toEvaluate.length - lastChunk);
    const tokens = prediction
      ? lookupEvaluate(sequence, tail, opts.predictFrom!, {
          sampling: {
            temperature,
            topK,
            topP,
            seed,
            repeatPenalty,
            punishTokens: () => generated.slice(-REPEAT_PENALTY_WINDOW),
            maxPunishTokens: REPEAT_PENALTY_WINDOW,
          },
          evaluationPriority,
          stats: prediction,
          ...(opts.lookupLength ? { length: opts.lookupLength } : {}),
        })
      : sequence.evaluate(tail, {
          temperature,
          topK,
          topP,
          seed,
          evaluationPriority,
          repeatPenalty:
            repeatPenalty === 1
              ? undefined
              : {
                  punishTokens: () => generated.slice(-REPEAT_PENALTY_WINDOW),
                  penalty: repeatPenalty,
                  maxPunishTokens: REPEAT_PENALTY_WINDOW,
                },
          yieldEogToken: true,
        });
    try {
      let started = performance.now();
      let step = await tokens.next();
      measured.promptMs += performance.now() - started;
      ticket.setPhase('decode');
      opts.onProgress?.(toEvaluate.length, toEvaluate.length);
      while (!step.done) {
        const token = step.value;
        if (opts.signal.aborted) {
          stopReason = 'cancelled';
          break;
        }
        if (model.isEogToken(token)) {
          stopReason = 'eos';
          break;
        }
        generated.push(token);
        if (emit(decoder.push(token))) {
          stopReason = 'stop';
          break;
        }
        if (generated.length >= maxTokens) {
          stopReason = 'maxTokens';
          break;
        }
        const unread = opts.backpressure?.();
        if (unread) await unread;
        if (!(await takeTurn())) {
          stopReason = 'cancelled';
          break;
        }
        started = performance.now();
        step = await tokens.next();
        measured.decodeMs += performance.now() - started;
        if (!step.done) measured.decodeTokens++;
      }
    } finally {
      // Ending the generator stops evaluation in node-llama-cpp.
      await tokens.return();
    }
  }
  if (stopReason !== 'stop' && stopReason !== 'cancelled') {
    if (emit(decoder.flush())) stopReason = 'stop';
    const rest = matcher.flush();
    if (rest) opts.onText(rest);
  }
  return {
    stopReason,
    usage: { inputTokens: prompt.length, evaluatedInputTokens: toEvaluate.length, outputTokens: generated.length },
    measured,
    firstWaitMs,
    ...(prediction ? { prediction } : {}),
  };
}
