/**
 * Folds the text the cues run on: NFKC (full-width ASCII and ？ become ASCII,
 * half-width kana become full-width), curly quotes to straight ones, lower case,
 * runs of white space to one space.
 */
export function normaliseRequest(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u2032]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
