import { FUGAKU_LLM } from './data-fugaku-llm.js';
import { LLM_JP_3_172B_BETA1 } from './data-llm-jp-3-172b-beta1.js';
import { termsHash } from './hash.js';
import { TERMS_TEXTS } from './texts.generated.js';
import type { TermsFacts, TermsSet } from './types.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}

/** Attaches the embedded texts and their computed hashes to a set of facts. */
function buildTermsSet(facts: TermsFacts, texts: Readonly<Record<string, string>>): TermsSet {
  const { textKeys, ...rest } = facts;
  if (textKeys.length === 0) throw new Error(`terms ${facts.id}: no text`);
  const built = textKeys.map(({ key, lang, role, origin }) => {
    const text = texts[key];
    if (text === undefined) throw new Error(`terms ${facts.id}: text "${key}" is not embedded (run generate-texts)`);
    return { lang, role, origin, text, sha256: termsHash(text) };
  });
  return { ...rest, texts: built, sha256: built[0].sha256 };
}

const SETS: readonly TermsSet[] = deepFreeze(
  [LLM_JP_3_172B_BETA1, FUGAKU_LLM].map((facts) => buildTermsSet(facts, TERMS_TEXTS)),
);

export function listTerms(): readonly TermsSet[] {
  return SETS;
}

export function getTerms(id: string): TermsSet | undefined {
  return SETS.find((set) => set.id === id);
}
