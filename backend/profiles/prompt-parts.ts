// A prompt as the model will see it: plain text runs and the special tokens between them.
// Text runs are tokenized WITHOUT parsing special-token text, so a user who types "</s>" gets those
// characters, not an end-of-sequence.

export type SpecialPart = { special: 'bos' | 'eos' };
/** A token given by id, e.g. a fill-in-the-middle marker. */
export type IdPart = { id: number };
export type PromptPart = string | SpecialPart | IdPart;

export function isSpecial(p: PromptPart): p is SpecialPart {
  return typeof p !== 'string' && 'special' in p;
}

/** Merge adjacent text runs so each run is tokenized as a whole, the way the reference tokenizers see it. */
export function mergeTextRuns(parts: readonly PromptPart[]): PromptPart[] {
  const out: PromptPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else if (p !== '') out.push(p);
  }
  return out;
}
