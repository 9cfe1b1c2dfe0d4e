/**
 * A file's shape for the chat: the declaration around the cursor and the outline (imports, signatures),
 * from the editor's document symbols when a language extension provides them, else from the text itself
 * (declaration keywords and indentation). Pure: the VS Code layer turns its symbols into SymbolNode.
 */
import type { CursorContext, OutlineLine } from './attachments.js';

export type SymbolKindName =
  | 'function'
  | 'method'
  | 'constructor'
  | 'class'
  | 'interface'
  | 'enum'
  | 'struct'
  | 'namespace'
  | 'module'
  | 'variable'
  | 'other';

/** A document symbol with 1-based inclusive lines; `nameLine` is where its name is (its signature line). */
export interface SymbolNode {
  name: string;
  kind: SymbolKindName;
  start: number;
  end: number;
  nameLine: number;
  children: SymbolNode[];
}

/** Kinds that make a declaration the question can be about ("この関数", "this class"). */
const DECLARATIONS: ReadonlySet<SymbolKindName> = new Set([
  'function',
  'method',
  'constructor',
  'class',
  'interface',
  'enum',
  'struct',
  'namespace',
  'module',
]);

const IMPORT =
  /^\s*(import[\s{*"'(]|from\s+\S+\s+import\s|#\s*include\s|using\s+[\w.]+\s*;|use\s+[\w:{}, *]+;|package\s+[\w.]+|(?:const|let|var)\s+[\w{}\s,:]+=\s*require\s*\(|require\s*\()/;
/** A line that opens a declaration, for files without symbols. */
const DECLARATION_LINE =
  /^\s*(?:export\s+)?(?:default\s+)?(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:(?:public|private|protected|static|abstract|final|override)\s+)*(function\b|class\b|interface\b|enum\b|struct\b|trait\b|impl\b|def\b|fn\b|func\b)\s*\*?\s*([\w$]*)/;
/** Lines that close a block at the declaration's indentation and still belong to it. */
const CLOSER = /^\s*(?:[}\])]+[;,)]*|end\b.*)\s*$/;

const indentOf = (line: string) => line.length - line.trimStart().length;
const blank = (line: string) => line.trim() === '';

function flatten(
  symbols: readonly SymbolNode[],
  depth = 0,
  out: Array<{ node: SymbolNode; depth: number }> = [],
): Array<{ node: SymbolNode; depth: number }> {
  for (const node of symbols) {
    out.push({ node, depth });
    flatten(node.children, depth + 1, out);
  }
  return out;
}

/** Multi-line variables are function expressions (`const f = () => {…}`) or object literals worth naming. */
const isDeclaration = (n: SymbolNode) => DECLARATIONS.has(n.kind) || (n.kind === 'variable' && n.end > n.start);

/** The innermost declaration containing `line` (1-based), from symbols. */
function enclosingSymbol(symbols: readonly SymbolNode[], line: number): SymbolNode | undefined {
  let best: SymbolNode | undefined;
  for (const { node } of flatten(symbols)) {
    if (!isDeclaration(node) || node.start > line || node.end < line) continue;
    if (best === undefined || node.end - node.start <= best.end - best.start) best = node;
  }
  return best;
}

/** The block a declaration line opens: up to the last line indented deeper, plus its closing line. */
function blockEnd(lines: readonly string[], start: number): number {
  const indent = indentOf(lines[start]);
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    if (blank(lines[i])) continue;
    if (indentOf(lines[i]) > indent) {
      end = i;
      continue;
    }
    if (CLOSER.test(lines[i]) && indentOf(lines[i]) === indent) end = i;
    break;
  }
  return end;
}

/** Declarations found in the text (0-based lines), for files the editor has no symbols for. */
function textDeclarations(lines: readonly string[]): Array<{ start: number; end: number; name: string }> {
  const found: Array<{ start: number; end: number; name: string }> = [];
  lines.forEach((line, i) => {
    const m = DECLARATION_LINE.exec(line);
    if (m) found.push({ start: i, end: blockEnd(lines, i), name: m[2] || m[1] });
  });
  return found;
}

/** Where the cursor is (1-based line) and the innermost declaration around it. */
export function cursorContext(lines: readonly string[], line: number, symbols: readonly SymbolNode[]): CursorContext {
  const cursor: CursorContext = { line };
  if (symbols.length > 0) {
    const s = enclosingSymbol(symbols, line);
    if (s !== undefined) cursor.declaration = { start: s.start, end: s.end, name: s.name };
    return cursor;
  }
  let best: { start: number; end: number; name: string } | undefined;
  for (const d of textDeclarations(lines)) {
    if (d.start + 1 > line || d.end + 1 < line) continue;
    if (best === undefined || d.end - d.start <= best.end - best.start) best = d;
  }
  if (best !== undefined) cursor.declaration = { start: best.start + 1, end: best.end + 1, name: best.name };
  return cursor;
}

/** Lines of an import that runs over several lines (`import {` … `} from "x";`), from its first. */
function importLines(lines: readonly string[], start: number): number[] {
  const taken = [start];
  let open = (lines[start].match(/[{(]/g) ?? []).length - (lines[start].match(/[})]/g) ?? []).length;
  for (let i = start + 1; open > 0 && i < lines.length && taken.length < 40; i++) {
    taken.push(i);
    open += (lines[i].match(/[{(]/g) ?? []).length - (lines[i].match(/[})]/g) ?? []).length;
  }
  return taken;
}

/**
 * The outline: import lines, and the signature line of every declaration (nested ones too) and of each
 * top-level variable. 1-based, sorted, each line once.
 */
export function fileOutline(lines: readonly string[], symbols: readonly SymbolNode[]): OutlineLine[] {
  const kinds = new Map<number, OutlineLine['kind']>();
  for (let i = 0; i < lines.length; i++) {
    if (!IMPORT.test(lines[i])) continue;
    for (const at of importLines(lines, i)) kinds.set(at, 'import');
  }
  const signature = (zeroBased: number) => {
    if (zeroBased >= 0 && zeroBased < lines.length && !kinds.has(zeroBased) && !blank(lines[zeroBased]))
      kinds.set(zeroBased, 'signature');
  };
  if (symbols.length > 0) {
    for (const { node, depth } of flatten(symbols)) {
      if (!isDeclaration(node) && !(node.kind === 'variable' && depth === 0)) continue;
      // From the first line (decorators, export) to the name's line, at most three lines.
      for (let l = node.start; l <= Math.min(node.nameLine, node.start + 2); l++) signature(l - 1);
    }
  } else {
    for (const d of textDeclarations(lines)) signature(d.start);
  }
  return [...kinds].sort(([a], [b]) => a - b).map(([at, kind]) => ({ line: at + 1, kind }));
}
