import { detectModel, type ModelFacts } from './detect.js';
import { getTerms } from './registry.js';
import type { TermsSet } from './types.js';

/**
 * Which terms apply to a model. Terms attach to the weights, not to the prompt format: every sign the file
 * shows counts (detect.ts), and a family the user chose can add terms but never remove the ones the file has.
 * `because` lists the signs, so a refusal can say what it saw.
 */
export type TermsResolution =
  | { kind: 'terms'; terms: TermsSet; because: string[] }
  /** Known model under an open license: no acceptance gate. */
  | { kind: 'open'; license: string; reason: string; because: string[] }
  /** Known to have its own terms, which this registry does not hold: refused until they are registered. */
  | { kind: 'unregistered'; reason: string; infoUrl: string; because: string[] }
  /** Not a family Fude knows; the model's own card decides. */
  | { kind: 'unknown' };

function registered(id: string, because: string[]): TermsResolution {
  const terms = getTerms(id);
  if (!terms) throw new Error(`terms registry has no "${id}"`);
  return { kind: 'terms', terms, because };
}

/** The terms of the weights in a file, from all it shows; `family` is a family the user chose, if any. */
export function termsForModel(facts: ModelFacts, family?: string): TermsResolution {
  const found = detectModel(facts, family);
  if (found.fugakuLlm.length > 0) return registered('fugaku-llm', found.fugakuLlm);
  if (found.llmJp3.length === 0) return { kind: 'unknown' };
  if (found.size172b.length > 0) {
    const because = [...found.llmJp3, ...found.size172b];
    if (found.beta1.length > 0) return registered('llm-jp-3-172b-beta1', [...because, ...found.beta1]);
    return {
      kind: 'unregistered',
      reason:
        'LLM-jp-3 172B releases other than beta1 (beta2, instruct2, instruct3, …) come with their own terms, which Fude does not hold yet',
      infoUrl: 'https://huggingface.co/llm-jp',
      because,
    };
  }
  // 150m … 13b (and their instruct versions) are released under Apache-2.0 with no gate.
  return {
    kind: 'open',
    license: 'Apache-2.0',
    reason: 'LLM-jp-3 models other than 172B are released under Apache-2.0.',
    because: found.llmJp3,
  };
}

/** The terms for a family and one name (a file name before the model is read): the same rule with fewer facts. */
export function termsForFamily(family: string, modelName: string): TermsResolution {
  return termsForModel({ name: modelName }, family);
}
