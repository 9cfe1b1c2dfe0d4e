import { getTerms } from './registry.js';
import type { TermsSet } from './types.js';

/**
 * Which terms apply to a model. Terms attach to the weights, not to the prompt
 * format, so both the family a profile gives and the model's own name
 * (GGUF general.name or file name) are looked at: a user who overrides the
 * family of a Fugaku-LLM file still gets its terms.
 */
export type TermsResolution =
  | { kind: 'terms'; terms: TermsSet }
  /** Known model under an open license: no acceptance gate. */
  | { kind: 'open'; license: string; reason: string }
  /** Known to have its own terms, which this registry does not hold: do not treat as open. */
  | { kind: 'unregistered'; reason: string; infoUrl: string }
  /** Not a family Fude knows; the model's own card decides. */
  | { kind: 'unknown' };

/** Lower-case, with spaces and underscores as hyphens: "LLM-jp-3 172B beta1" -> "llm-jp-3-172b-beta1". */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '-');
}

const FUGAKU = /fugaku-?llm/;
// "llm-jp-3" but not "llm-jp-3.1" or "llm-jp-30…": later generations are not covered here.
const LLM_JP_3 = /llm-?jp-?3(?![.\d])/;
const SIZE_172B = /(^|[^\d.])172b/;
const BETA1 = /beta-?1(?!\d)/;

function registered(id: string): TermsResolution {
  const terms = getTerms(id);
  if (!terms) throw new Error(`terms registry has no "${id}"`);
  return { kind: 'terms', terms };
}

export function termsForFamily(family: string, modelName: string): TermsResolution {
  const fam = normalise(family);
  const name = normalise(modelName);
  if (FUGAKU.test(fam) || FUGAKU.test(name)) return registered('fugaku-llm');

  const isLlmJp3 = LLM_JP_3.test(fam) || LLM_JP_3.test(name);
  if (!isLlmJp3) return { kind: 'unknown' };
  if (SIZE_172B.test(name)) {
    if (BETA1.test(name)) return registered('llm-jp-3-172b-beta1');
    return {
      kind: 'unregistered',
      reason: 'LLM-jp-3 172B releases other than beta1 (beta2, instruct2, instruct3, …) come with their own terms, which Fude does not hold yet; read them on the model page before use.',
      infoUrl: 'https://huggingface.co/llm-jp',
    };
  }
  // 150m … 13b (and their instruct versions) are released under Apache-2.0 with no gate.
  return { kind: 'open', license: 'Apache-2.0', reason: 'LLM-jp-3 models other than 172B are released under Apache-2.0.' };
}
