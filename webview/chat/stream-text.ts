/**
 * Streamed text as it may be shown. The backend sends whole characters, but a JavaScript
 * string could still end in half a surrogate pair if a chunk were ever split in UTF-16;
 * that half is held back until its other half arrives, so no broken character is drawn.
 */
export function displayableText(text: string): string {
  if (text.length === 0) return text;
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}
