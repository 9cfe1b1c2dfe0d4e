// Decoding with input-lookup token prediction, for answers that copy their prompt (a comment translation, a rewrite of
// attached code). Each step evaluates the last token together with the tokens that followed the same words in the
// prompt, samples the model's own token at every position, keeps the predictions up to the first one the model did
// not write, and erases the rest from the KV cache. So one step can write several tokens for less than their cost one
// by one (the weights are read once per batch: on a GPU a batch of 11 costs about one step; on a 2-core CPU, where
// the arithmetic shows, about 3.6 steps, measured by `npm run bench:lookup-ceiling`), and the text is the model's own: at each position the token is sampled from the model's distribution after exactly the tokens
// before it, the repeat penalty included.
//
// Why not node-llama-cpp's own token predictor path (sequence.evaluate with an InputLookupTokenPredictor)? In
// node-llama-cpp 3.21 its validation compares each prediction after the first with an array it never fills, so only
// the first predicted token of a batch can ever be accepted and the others are evaluated for nothing (measured on the
// copy fixture's 461-token answer: 163 of 1,750 predicted tokens accepted there, 298 of 400 here, the same text).
// The lookup itself is node-llama-cpp's InputLookupTokenPredictor, used as a plain object.
import {
  InputLookupTokenPredictor,
  type LlamaContextSequence,
  type Token,
  type ControlledEvaluateInputItem,
  type EvaluationPriority,
} from 'node-llama-cpp';
import type { LookupLengthPolicy } from './lookup-length.js';

/**
 * A match of at least 2 tokens (one token, such as a space, matches almost anywhere); up to 10 tokens predicted at a
 * time: copied runs (lines of code) are often longer, and on a GPU a batch of 11 costs about one step. How many of
 * them a step evaluates is the length policy's choice (engine/lookup-length.ts): on a 2-core CPU often fewer.
 */
export const INPUT_LOOKUP = { patternLength: { min: 2 }, predictionLength: { max: 10 } } as const;

export interface LookupSampling {
  temperature: number;
  topK: number;
  topP: number;
  seed?: number;
  /** 1: none. */
  repeatPenalty: number;
  /** Tokens the penalty applies to, before this step (the answer so far). */
  punishTokens(): readonly Token[];
  maxPunishTokens: number;
}

export interface LookupStats {
  /** Tokens predicted and evaluated alongside the model's own. */
  predictedTokens: number;
  /** Of those, the ones the model wrote too. */
  acceptedTokens: number;
}

/**
 * Like `sequence.evaluate(tokens)`: evaluates `tokens` after what the sequence holds and yields the generated tokens
 * one at a time, until the caller stops (return()). `inputTokens`: where predictions are looked up (the prompt).
 */
export async function* lookupEvaluate(
  sequence: LlamaContextSequence,
  tokens: readonly Token[],
  inputTokens: readonly Token[],
  o: {
    sampling: LookupSampling;
    evaluationPriority: EvaluationPriority;
    stats: LookupStats;
    /** Decides how many predicted tokens each step evaluates; without one, all the lookup offers. */
    length?: LookupLengthPolicy;
  },
): AsyncGenerator<Token, void, void> {
  const lookup = new InputLookupTokenPredictor(INPUT_LOOKUP);
  lookup.updateInputTokens(inputTokens.slice());
  lookup.reset({ stateTokens: [...sequence.contextTokens, ...tokens] });
  const { sampling } = o;
  /** Sampling for the output after the `before`-th predicted token (0: after the last real token). */
  const next = (before: readonly Token[]) => ({
    generateNext: {
      token: true,
      options: {
        temperature: sampling.temperature,
        topK: sampling.topK,
        topP: sampling.topP,
        seed: sampling.seed,
        repeatPenalty:
          sampling.repeatPenalty === 1
            ? undefined
            : {
                punishTokens: [...sampling.punishTokens(), ...before].slice(-sampling.maxPunishTokens),
                penalty: sampling.repeatPenalty,
                maxPunishTokens: sampling.maxPunishTokens,
              },
      },
    },
  });
  let pending = tokens.slice();
  try {
    for (;;) {
      // Predict only while decoding (one token pending), and never past the context.
      const room = sequence.contextSize - sequence.nextTokenIndex - pending.length - 1;
      const offered = pending.length === 1 && room > 0 ? lookup.predictTokens().slice(0, room) : [];
      const predicted = o.length ? offered.slice(0, o.length.choose(offered.length).length) : offered;
      const items: ControlledEvaluateInputItem[] = pending.map((t, i) => (i < pending.length - 1 ? t : [t, next([])]));
      predicted.forEach((t, j) => items.push([t, next(predicted.slice(0, j + 1))]));
      const started = performance.now();
      const results = await sequence.controlledEvaluate(items, { evaluationPriority: o.evaluationPriority });
      const ms = performance.now() - started;
      const base = pending.length - 1;
      const token = (i: number): Token => {
        const t = results[i]?.next.token;
        if (t == null) throw new Error('the model produced no token');
        return t;
      };
      const written: Token[] = [token(base)];
      let accepted = 0;
      while (accepted < predicted.length && predicted[accepted] === written[accepted]) {
        written.push(token(base + 1 + accepted));
        accepted++;
      }
      o.stats.predictedTokens += predicted.length;
      o.stats.acceptedTokens += accepted;
      // Decoding steps only: a prompt's tail evaluated with the first step says nothing about a batch's cost.
      if (pending.length === 1) o.length?.observe({ batch: items.length, ms, predicted: predicted.length, accepted });
      const refuted = predicted.length - accepted;
      if (refuted > 0)
        await sequence.eraseContextTokenRanges([
          { start: sequence.nextTokenIndex - refuted, end: sequence.nextTokenIndex },
        ]);
      for (const t of written) {
        lookup.pushTokens([t]);
        yield t;
      }
      // The last written token is not in the KV cache yet: it is evaluated with the next step.
      pending = [written[written.length - 1]];
    }
  } finally {
    lookup.dispose();
  }
}
