// The lines a declaration spans, for editors without a document symbol provider: to the closing brace that
// balances the first opening one, or for Python to the last line indented deeper than the declaration.
import type { CommentStyle } from './comment-style.js';
import { findDeclarationLine, indentOf } from './placement.js';

export function blockEndLine(lines: readonly string[], declLine: number, style: CommentStyle): number {
  if (style === 'python') {
    const base = indentOf(lines[declLine]).length;
    let end = declLine;
    let inSignature = true;
    for (let i = declLine + 1; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      if (inSignature && /:\s*(#.*)?$/.test(lines[i - 1] ?? '')) inSignature = false;
      if (!inSignature && indentOf(lines[i]).length <= base) break;
      end = i;
    }
    return end;
  }
  let depth = 0;
  let opened = false;
  for (let i = declLine; i < lines.length; i++) {
    for (const ch of lines[i].replace(/\/\/.*$/, '').replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""')) {
      if (ch === '{') {
        depth++;
        opened = true;
      } else if (ch === '}') depth--;
    }
    if (opened && depth <= 0) return i;
    // A declaration without a body ("fn f();", "int f(int);").
    if (!opened && /;\s*$/.test(lines[i])) return i;
  }
  return lines.length - 1;
}

/** The nearest declaration whose lines contain the cursor (not one that ended above it), else the nearest above. */
export function enclosingDeclaration(
  lines: readonly string[],
  cursorLine: number,
  style: CommentStyle,
): number | undefined {
  const nearest = findDeclarationLine(lines, cursorLine, style);
  for (let at = nearest; at !== undefined; at = at > 0 ? findDeclarationLine(lines, at - 1, style) : undefined) {
    if (blockEndLine(lines, at, style) >= cursorLine) return at;
  }
  return nearest;
}
