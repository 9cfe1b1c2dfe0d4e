/**
 * Word features for the statistical model: words and adjacent word pairs, cut by
 * Intl.Segmenter (dictionary-based for Japanese, so 写真 / 位置 / スクレイピング come out
 * as words; spaces for Latin text). A word generalises where character n-grams do not:
 * "scrape" means the same in any sentence, while "e sc" mostly records the batch it
 * was written in.
 */
import { featureText } from './ngrams.js';

/** Word features are named with this prefix, which the normalised text n-grams are cut from never contains. */
export const WORD_PREFIX = '¶';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** A crude English stem, so that "scrapes", "scraped" and "scraping" are one word; other scripts pass through. */
export function stem(word: string): string {
  if (!/^[a-z]{5,}$/.test(word)) return word;
  return word.replace(/(ing|ed|es|er|ers|s)$/, '').replace(/e$/, '');
}

/** The distinct words ("¶scrape") and adjacent pairs ("¶位置 情報") of a request. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const s of segmenter.segment(featureText(text))) if (s.isWordLike) words.push(stem(s.segment));
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    seen.add(WORD_PREFIX + words[i]);
    if (i + 1 < words.length) seen.add(`${WORD_PREFIX}${words[i]} ${words[i + 1]}`);
  }
  return [...seen];
}
