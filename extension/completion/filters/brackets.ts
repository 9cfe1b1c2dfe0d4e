// Bracket counting on a line, skipping strings and line comments, for block scope decisions.
import type { LanguageSyntax } from '../language.js';

const OPEN = '([{';
const CLOSE = ')]}';

export interface BracketScan {
  /** Opened minus closed brackets on the line. */
  readonly delta: number;
  /** Lowest running count seen while scanning (negative: the line closes something opened before it). */
  readonly lowest: number;
}

/** Length of a char literal at `i` ('x' or '\x'), or 0 when the quote there is not one (a Rust lifetime). */
function charLiteralLength(line: string, i: number): number {
  if (line[i + 1] === '\\' && line[i + 3] === "'") return 4;
  if (line[i + 1] !== undefined && line[i + 1] !== "'" && line[i + 2] === "'") return 3;
  return 0;
}

export function scanBrackets(line: string, syntax: LanguageSyntax): BracketScan {
  let depth = 0;
  let lowest = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === syntax.lineComment[0] && line.startsWith(syntax.lineComment, i)) break;
    if (ch === "'" && syntax.singleQuote === 'char') {
      i += charLiteralLength(line, i) || 1;
      continue;
    }
    if (ch === '"' || ch === '`' || ch === "'") {
      // Skip to the closing quote on this line; an unclosed string ends the scan.
      let j = i + 1;
      while (j < line.length && line[j] !== ch) j += line[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) lowest = Math.min(lowest, --depth);
    i++;
  }
  return { delta: depth, lowest };
}

/** The line starts (after indentation) with a closing bracket: `}`, `})`, `] else {`. */
export function startsWithCloser(line: string): boolean {
  return CLOSE.includes(line.trimStart()[0] ?? '');
}

/** Whether a (complete) cursor line opens a block that its following lines belong to. */
export function opensBlock(line: string, syntax: LanguageSyntax): boolean {
  if (scanBrackets(line, syntax).delta > 0) return true;
  return syntax.colonOpensBlock && /:\s*$/.test(stripComment(line, syntax));
}

function stripComment(line: string, syntax: LanguageSyntax): string {
  const at = line.indexOf(syntax.lineComment);
  return at === -1 ? line : line.slice(0, at);
}
