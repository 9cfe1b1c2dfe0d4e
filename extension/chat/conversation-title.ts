/**
 * A conversation's title from its first question: one line, at most ~40
 * characters as a person counts them (grapheme clusters), so a cut never
 * splits a surrogate pair, an emoji sequence or a kana with its combining mark.
 */

const TITLE_LENGTH = 40;
const ELLIPSIS = '…';

const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

export function graphemes(text: string): string[] {
  if (segmenter === null) return Array.from(text); // code points: still never half a surrogate pair
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Whitespace of any kind (newlines, tabs, U+3000) collapsed to single spaces, ends trimmed. */
function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export function deriveTitle(question: string, fallback: string, maxLength = TITLE_LENGTH): string {
  const text = collapseWhitespace(question);
  if (text === '') return fallback;
  const parts = graphemes(text);
  if (parts.length <= maxLength) return text;
  let kept = parts.slice(0, maxLength - 1);
  // Latin text: end at a word boundary when one is near, rather than mid-word.
  const lastSpace = kept.lastIndexOf(' ');
  if (/^[A-Za-z0-9]$/.test(parts[maxLength - 1]) && lastSpace >= maxLength - 15) kept = kept.slice(0, lastSpace);
  return `${kept.join('').trimEnd()}${ELLIPSIS}`;
}

/** A title the person typed: one line, capped the same way so the list stays readable. */
export function cleanTitle(title: string, maxLength = 200): string {
  const parts = graphemes(collapseWhitespace(title));
  return parts.slice(0, maxLength).join('');
}
