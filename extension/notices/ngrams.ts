/**
 * Character n-gram features for the statistical part of the detector. Character
 * n-grams need no tokenizer, so the same features serve Japanese and English.
 */
import { normaliseRequest } from './normalise.js';

export const NGRAM_MIN = 2;
export const NGRAM_MAX = 4;

/** The text the n-grams are cut from: normalised, digits folded to 0 (amounts and ages vary), padded so word starts and ends count. */
export function featureText(text: string): string {
  return ` ${normaliseRequest(text).replace(/[0-9]/g, '0')} `;
}

/** The distinct n-grams of a request, NGRAM_MIN (at least 2) to NGRAM_MAX characters. */
export function ngramsOf(text: string, min = NGRAM_MIN, max = NGRAM_MAX): string[] {
  // Split into code points so a surrogate pair is one character.
  const chars = Array.from(featureText(text));
  // Grams of only spaces or punctuation carry nothing: note once per character whether it is a letter or digit.
  const wordy = chars.map((c) => /[\p{L}\p{N}]/u.test(c));
  const seen = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    let gram = chars[i];
    let any = wordy[i];
    for (let n = 2; n <= max && i + n <= chars.length; n++) {
      gram += chars[i + n - 1];
      any ||= wordy[i + n - 1];
      if (n >= min && any) seen.add(gram);
    }
  }
  return [...seen];
}
