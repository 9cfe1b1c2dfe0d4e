// Small text helpers shared by the completion modules: UTF-16 safe cuts, lines, indentation.

/** True for the first half of a UTF-16 surrogate pair. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** True for the second half of a UTF-16 surrogate pair. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Moves `index` off the middle of a surrogate pair so a cut there never splits a character
 * (a lone half corrupts the prompt and, in some tokenizers, kills the request).
 * `toward` says which way to move when the index sits between the two halves.
 */
export function snapToCharBoundary(text: string, index: number, toward: 'start' | 'end' = 'start'): number {
  const i = Math.max(0, Math.min(text.length, index));
  if (i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i))) {
    return toward === 'start' ? i - 1 : i + 1;
  }
  return i;
}

/** Splits on LF or CRLF. */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** The run of spaces and tabs a line starts with. */
export function leadingWhitespace(line: string): string {
  const m = /^[ \t]*/.exec(line);
  return m ? m[0] : '';
}

/** Visual width of leading whitespace, tabs counted to the next tab stop. */
export function indentWidth(line: string, tabSize: number): number {
  let width = 0;
  for (const ch of leadingWhitespace(line)) {
    width = ch === '\t' ? width + tabSize - (width % tabSize) : width + 1;
  }
  return width;
}

/** Builds leading whitespace of `width` columns in the document's style. */
export function makeIndent(width: number, indentUnit: string, tabSize: number): string {
  if (indentUnit !== '\t') return ' '.repeat(width);
  return '\t'.repeat(Math.floor(width / tabSize)) + ' '.repeat(width % tabSize);
}

/**
 * Guesses the indentation unit of a document: a tab, or the most common step between the
 * space indents of consecutive lines. Used when the editor's own setting is not at hand
 * (benchmarks, golden tests).
 */
export function detectIndentUnit(text: string, fallback = '  ', maxLines = 2000): string {
  let tabs = 0;
  let spaced = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  const lines = text.split('\n', maxLines);
  for (const line of lines) {
    if (isBlank(line)) continue;
    const ws = leadingWhitespace(line);
    if (ws.startsWith('\t')) tabs++;
    else if (ws.length > 0) spaced++;
    if (!ws.includes('\t')) {
      const step = Math.abs(ws.length - previous);
      if (step > 1 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
      previous = ws.length;
    }
  }
  if (tabs > spaced) return '\t';
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best > 0 ? ' '.repeat(best) : fallback;
}

/** A line with no letters or digits in any script: `}`, `);`, `]`, blank. */
export function isTrivialLine(line: string): boolean {
  return !/[\p{L}\p{N}]/u.test(line);
}
