// Sampling defaults per family, from the model cards (design/models.md); request fields override them. Both
// sides use them: the backend when it samples, the remote engine when it asks a server (which has defaults of its own).
import type { ModelFamily, SamplingFields } from '../protocol/messages.js';

export type Sampling = Required<Omit<SamplingFields, 'seed'>> & { seed?: number };

const DEFAULTS: Record<ModelFamily, Sampling> = {
  'llm-jp-3': { temperature: 0.7, topP: 0.95, topK: 0, repeatPenalty: 1.05, maxTokens: 1024 },
  // The card's example caps answers at 128 new tokens; its benchmark allowed 2048. Chat needs more than 128.
  'fugaku-llm': { temperature: 0.1, topP: 1.0, topK: 0, repeatPenalty: 1.0, maxTokens: 1024 },
  generic: { temperature: 0.7, topP: 0.95, topK: 40, repeatPenalty: 1.1, maxTokens: 1024 },
};

/** Code completion wants the most likely continuation: greedy, so results are stable and cacheable. */
export const COMPLETION_SAMPLING: Sampling = { temperature: 0, topP: 1, topK: 0, repeatPenalty: 1.0, maxTokens: 128 };

export function samplingFor(family: ModelFamily, request: SamplingFields): Sampling {
  const base = DEFAULTS[family];
  const pick = <K extends keyof SamplingFields>(k: K) => request[k] ?? base[k];
  return {
    temperature: pick('temperature'),
    topP: pick('topP'),
    topK: pick('topK'),
    repeatPenalty: pick('repeatPenalty'),
    maxTokens: pick('maxTokens'),
    seed: request.seed,
  };
}
