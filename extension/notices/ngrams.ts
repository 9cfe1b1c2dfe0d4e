/**
 * Character n-gram features for the statistical part of the detector. Character
 * n-grams need no tokenizer, so the same features serve Japanese and English:
 * 2 to 4 characters where a gram touches kana or kanji (two kanji are often a word),
 * 3 to 4 elsewhere (two Latin letters, " m" or "y ", are noise that cross-validation
 * showed the model overfitting to).
 */
import { normaliseRequest } from './normalise.js';

export const NGRAM_MAX = 4;
const CJK_MIN = 2;
const LATIN_MIN = 3;
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const WORDY = /[\p{L}\p{N}]/u;

/** The text the n-grams are cut from: normalised, digits folded to 0 (amounts and ages vary), padded so word starts and ends count. */
export function featureText(text: string): string {
  return ` ${normaliseRequest(text).replace(/[0-9]/g, '0')} `;
}

/** The distinct n-grams of a request. */
export function ngramsOf(text: string): string[] {
  // Split into code points so a surrogate pair is one character.
  const chars = Array.from(featureText(text));
  // Classify each character once, not each gram.
  const wordy = chars.map((c) => WORDY.test(c));
  const cjk = chars.map((c) => CJK.test(c));
  const seen = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    let gram = chars[i];
    let hasWord = wordy[i];
    let hasCjk = cjk[i];
    for (let n = 2; n <= NGRAM_MAX && i + n <= chars.length; n++) {
      gram += chars[i + n - 1];
      hasWord ||= wordy[i + n - 1];
      hasCjk ||= cjk[i + n - 1];
      // Grams of only spaces or punctuation carry nothing.
      if (hasWord && n >= (hasCjk ? CJK_MIN : LATIN_MIN)) seen.add(gram);
    }
  }
  return [...seen];
}
