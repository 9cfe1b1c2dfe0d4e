/**
 * Classifying every part of a request (the question, the selection, attached files) without freezing the
 * editor: a part longer than CHUNK_CHARS is classified in overlapping windows, one at a time with the event
 * loop let through in between. The detector's features grow faster than its input on long texts (a
 * 128,000-character file took 23 s, a 400,000-character one over 5 minutes, all of it blocking the extension
 * host); windows keep the cost in proportion to the length. Parts up to CHUNK_CHARS are classified whole,
 * exactly as before.
 */
import type { Category } from '../../common/terms/categories.js';
import { classifyRequest } from './detector.js';

export const CHUNK_CHARS = 8000;
/** Windows overlap so a sentence cut at a window's end is whole in the next one. */
export const OVERLAP_CHARS = 400;

/** Windows of at most `size` characters, cut after a line where one ends in the window's last quarter. */
export function windowsOf(text: string, size = CHUNK_CHARS, overlap = OVERLAP_CHARS): string[] {
  if (text.length <= size) return [text];
  const windows: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end - 1);
      if (newline > start + (size * 3) / 4) end = newline + 1;
      else if (/[\udc00-\udfff]/.test(text[end] ?? '')) end--; // never between the halves of a surrogate pair
    }
    windows.push(text.slice(start, end));
    if (end >= text.length) break;
    start = Math.max(start + 1, end - overlap);
    if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  }
  return windows;
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The categories any part raises, in the order first seen. */
export async function classifyParts(
  texts: readonly string[],
  classify: (text: string) => { categories: Category[] } = classifyRequest,
  pause: () => Promise<void> = breathe,
): Promise<Category[]> {
  const found = new Set<Category>();
  for (const text of texts) {
    if (text.trim() === '') continue;
    const windows = windowsOf(text);
    for (const [i, window] of windows.entries()) {
      if (i > 0) await pause();
      for (const category of classify(window).categories) found.add(category);
    }
  }
  return [...found];
}
