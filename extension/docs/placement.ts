// Where a doc comment goes: above the declaration (and above its decorators or attributes), or for Python
// inside the body right after the signature; with the declaration's indentation; and which existing doc
// comment, if any, it would replace. Lines are the document's lines without their line breaks.
import type { CommentStyle } from './comment-style.js';

export interface ExistingComment {
  /** First and last line of the comment, inclusive. */
  startLine: number;
  endLine: number;
  text: string;
}

export interface Placement {
  /** The new comment's lines go before this line (when nothing is replaced). */
  insertLine: number;
  indent: string;
  existing?: ExistingComment;
}

const DECLARATION: Record<CommentStyle, RegExp> = {
  jsdoc:
    /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\b|class\b|interface\b|type\s+\w+\s*=|enum\b|(?:const|let|var)\s+\w+\s*=|(?:(?:public|private|protected|static|readonly|async|get|set|override)\s+)*[\w$]+\s*(?:<[^>]*>)?\s*\([^)]*\)?\s*(?::[^{]*)?\{?\s*$)/,
  javadoc:
    /^\s*(?:(?:public|private|protected|static|final|abstract|synchronized|default)\s+)*(?:class|interface|enum|record|[\w<>[\],.? ]+\s+\w+\s*\()/,
  doxygen:
    /^\s*(?:(?:static|inline|virtual|extern|constexpr|explicit|template\s*<[^>]*>)\s+)*(?:class|struct|enum|[\w:<>*&, ]+[\s*&]\w[\w:]*\s*\()/,
  python: /^\s*(?:async\s+)?(?:def|class)\s+\w+/,
  rust: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+|async\s+|unsafe\s+|extern\s+"[^"]*"\s+)*(?:fn|struct|enum|trait|impl|type|mod)\b/,
  csharp:
    /^\s*(?:\[.*\]\s*)?(?:(?:public|private|protected|internal|static|virtual|override|abstract|sealed|async|partial|readonly)\s+)*(?:class|struct|interface|enum|record|[\w<>[\],.? ]+\s+\w+\s*[(<])/,
  go: /^\s*(?:func|type)\b/,
};

/** The declaration line at or above `cursorLine`, for editors without a document symbol provider. */
export function findDeclarationLine(
  lines: readonly string[],
  cursorLine: number,
  style: CommentStyle,
): number | undefined {
  for (let i = Math.min(cursorLine, lines.length - 1); i >= 0; i--) {
    if (DECLARATION[style].test(lines[i]) && !isCommentLine(lines[i])) return i;
  }
  return undefined;
}

/** The documented name on a declaration line (Go doc comments begin with it). */
export function declarationName(line: string): string {
  const m =
    /\b(?:func\s*(?:\([^)]*\)\s*)?|type\s+|def\s+|class\s+|fn\s+|struct\s+|interface\s+|enum\s+|trait\s+)([A-Za-z_$][\w$]*)/.exec(
      line,
    ) ?? /([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\(/.exec(line);
  return m ? m[1] : '';
}

export function placeComment(lines: readonly string[], declLine: number, style: CommentStyle): Placement {
  if (style === 'python') return placeDocstring(lines, declLine);
  // Decorators and attributes belong to the declaration: the comment goes above them.
  let top = declLine;
  while (top > 0 && isAttributeLine(lines[top - 1], style)) top--;
  const indent = indentOf(lines[declLine]);
  return { insertLine: top, indent, existing: commentAbove(lines, top, style) };
}

function placeDocstring(lines: readonly string[], declLine: number): Placement {
  const sigEnd = signatureEnd(lines, declLine);
  let next = sigEnd + 1;
  while (next < lines.length && lines[next].trim() === '') next++;
  const indent =
    next < lines.length && indentOf(lines[next]).length > indentOf(lines[declLine]).length
      ? indentOf(lines[next])
      : indentOf(lines[declLine]) + '    ';
  const existing = next < lines.length ? docstringAt(lines, next) : undefined;
  return { insertLine: sigEnd + 1, indent, existing };
}

/** The line where a Python signature's closing ":" stands, following brackets over several lines. */
function signatureEnd(lines: readonly string[], declLine: number): number {
  let depth = 0;
  for (let i = declLine; i < lines.length; i++) {
    const code = lines[i].replace(/#.*$/, '').replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""');
    for (const ch of code) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
    }
    if (depth <= 0 && /:\s*$/.test(code)) return i;
  }
  return declLine;
}

function docstringAt(lines: readonly string[], line: number): ExistingComment | undefined {
  const m = /^\s*[rRuU]?("""|''')/.exec(lines[line]);
  if (!m) return undefined;
  const quote = m[1];
  const after = lines[line].slice(lines[line].indexOf(quote) + 3);
  let end = line;
  if (!after.includes(quote)) {
    end = line + 1;
    while (end < lines.length && !lines[end].includes(quote)) end++;
    if (end >= lines.length) return undefined;
  }
  return { startLine: line, endLine: end, text: lines.slice(line, end + 1).join('\n') };
}

function commentAbove(lines: readonly string[], top: number, style: CommentStyle): ExistingComment | undefined {
  const end = top - 1;
  if (end < 0) return undefined;
  const last = lines[end].trim();
  if (style === 'rust' || style === 'csharp' || style === 'go') {
    const marker = style === 'go' ? /^\/\/(?!\/)/ : /^\/\/\//;
    if (!marker.test(last)) return undefined;
    let start = end;
    while (start > 0 && marker.test(lines[start - 1].trim())) start--;
    return { startLine: start, endLine: end, text: lines.slice(start, end + 1).join('\n') };
  }
  if (!last.endsWith('*/')) return undefined;
  let start = end;
  while (start >= 0 && !lines[start].includes('/*')) start--;
  if (start < 0 || !/^\s*\/\*\*/.test(lines[start])) return undefined;
  return { startLine: start, endLine: end, text: lines.slice(start, end + 1).join('\n') };
}

function isAttributeLine(line: string, style: CommentStyle): boolean {
  const t = line.trim();
  if (style === 'rust') return t.startsWith('#[');
  if (style === 'csharp') return /^\[.*\]$/.test(t);
  if (style === 'jsdoc' || style === 'javadoc') return /^@\w/.test(t);
  return false;
}

function isCommentLine(line: string): boolean {
  return /^\s*(?:\/\/|\*|\/\*|#)/.test(line);
}

export function indentOf(line: string): string {
  return /^\s*/.exec(line)![0];
}

/**
 * The edit as whole lines: replace lines [startLine, endLine] (inclusive; endLine = startLine - 1 when
 * nothing is replaced) with `newLines`. One edit, so one undo step.
 */
export interface LineEdit {
  startLine: number;
  endLine: number;
  newLines: string[];
}

export function commentEdit(placement: Placement, commentLines: string[], replace: boolean): LineEdit {
  if (replace && placement.existing)
    return { startLine: placement.existing.startLine, endLine: placement.existing.endLine, newLines: commentLines };
  return { startLine: placement.insertLine, endLine: placement.insertLine - 1, newLines: commentLines };
}

export function applyLineEdit(lines: readonly string[], edit: LineEdit): string[] {
  return [...lines.slice(0, edit.startLine), ...edit.newLines, ...lines.slice(edit.endLine + 1)];
}
