/**
 * Long prose is read in overlapping windows. The detector's features grow faster than its input (a
 * 128,000-character text took 23 s, a 400,000-character one over 5 minutes, all of it blocking the extension
 * host); windows keep the cost in proportion to the length, and a caller can let the event loop run between
 * them (request.ts). A text up to WINDOW_CHARS is one window, read exactly as before.
 */

export const WINDOW_CHARS = 8000;
/** Windows overlap so a sentence cut at a window's end is whole in the next one. */
export const OVERLAP_CHARS = 400;

const isLowSurrogate = (text: string, at: number) => /[\udc00-\udfff]/.test(text[at] ?? '');

/** Windows of at most `size` characters, cut after a line where one ends in the window's last quarter. */
export function windowsOf(text: string, size = WINDOW_CHARS, overlap = OVERLAP_CHARS): string[] {
  if (text.length <= size) return [text];
  const windows: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end - 1);
      if (newline > start + (size * 3) / 4) end = newline + 1;
      else if (isLowSurrogate(text, end)) end--; // never between the halves of a surrogate pair
    }
    windows.push(text.slice(start, end));
    if (end >= text.length) break;
    start = Math.max(start + 1, end - overlap);
    if (isLowSurrogate(text, start)) start--;
  }
  return windows;
}
