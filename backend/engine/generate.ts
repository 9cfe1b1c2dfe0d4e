// The token loop shared by chat and completion: reuse the sequence's KV cache for the longest common
// prefix, evaluate only the new tail, sample until end-of-sequence, a stop string, the token budget or
// cancellation, and stream whole characters.
import type { LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { StopReason, Usage } from '../../protocol/messages.js';
import type { Sampling } from '../../common/sampling.js';
import { StopMatcher } from '../text/stop-matcher.js';
import { Utf8TokenDecoder } from '../text/utf8-token-decoder.js';

export class ContextOverflowError extends Error {}

/** Room the answer needs at the least; a prompt leaving less is a context overflow. */
export const MIN_ANSWER_TOKENS = 8;

/** The prompt needs more tokens than the context can take with room left for an answer. */
export function contextOverflow(promptTokens: number, contextSize: number, exact: boolean): ContextOverflowError {
  const size = exact ? `${promptTokens}` : `at least ${promptTokens}`;
  return new ContextOverflowError(`the prompt is ${size} tokens but the context holds ${contextSize} (with at least ${MIN_ANSWER_TOKENS} left for the answer); shorten the input or start the backend with a larger --context-size`);
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
}

export interface GenerateResult {
  stopReason: StopReason;
  usage: Usage;
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
  if (prompt.length === 0) {
    // Nothing to continue from (an empty completion prefix for a family without BOS): an empty answer.
    return { stopReason: 'none', usage: { inputTokens: 0, evaluatedInputTokens: 0, outputTokens: 0 } };
  }
  const maxTokens = Math.min(opts.sampling.maxTokens, room);

  // Keep the cached prefix; at least one token must be evaluated to get logits.
  const input = prompt.slice();
  const last = input.pop()!;
  await sequence.adaptStateToTokens(input, false);
  input.push(last);
  const toEvaluate = input.slice(sequence.nextTokenIndex);

  const generated: Token[] = [];
  const decoder = new Utf8TokenDecoder((tokens, context) => model.detokenize(tokens as Token[], false, context as Token[]));
  const matcher = new StopMatcher(opts.stopStrings);
  const emit = (text: string): boolean => {
    if (text === '') return false;
    const step = matcher.push(text);
    if (step.emit) opts.onText(step.emit);
    return step.stopped;
  };

  const { temperature, topK, topP, seed, repeatPenalty } = opts.sampling;
  let stopReason: StopReason = 'maxTokens';
  if (opts.signal.aborted) stopReason = 'cancelled';
  else {
    const tokens = sequence.evaluate(toEvaluate, {
      temperature, topK, topP, seed,
      repeatPenalty: repeatPenalty === 1 ? undefined : {
        punishTokens: () => generated.slice(-REPEAT_PENALTY_WINDOW),
        penalty: repeatPenalty,
        maxPunishTokens: REPEAT_PENALTY_WINDOW,
      },
      yieldEogToken: true,
    });
    // Leaving this loop early ends the generator, which stops evaluation in node-llama-cpp.
    for await (const token of tokens) {
      if (opts.signal.aborted) { stopReason = 'cancelled'; break; }
      if (model.isEogToken(token)) { stopReason = 'eos'; break; }
      generated.push(token);
      if (emit(decoder.push(token))) { stopReason = 'stop'; break; }
      if (generated.length >= maxTokens) { stopReason = 'maxTokens'; break; }
      const unread = opts.backpressure?.();
      if (unread) await unread;
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
  };
}
