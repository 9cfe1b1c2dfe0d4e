// What the documentation actions work on: the selection, or the function, class or method under the cursor
// (from VS Code's document symbols, or from the declaration patterns when no symbol provider answers).
import * as vscode from 'vscode';
import { blockEndLine, enclosingDeclaration } from './block-range.js';
import { commentStyleFor, type CommentStyle } from './comment-style.js';
import { declarationName, findDeclarationLine, placeComment, type Placement } from './placement.js';

export interface DocTarget {
  document: vscode.TextDocument;
  /** The code the model reads. */
  range: vscode.Range;
  code: string;
  /** For doc comments: the convention, declaration line, name and where the comment goes. */
  comment?: { style: CommentStyle; declLine: number; name: string; placement: Placement; version: number };
  /** A short label for the panel ("greet in greeter.ts", "lines 3–9 of greeter.ts"). */
  description: string;
}

const DOCUMENTED = new Set([
  vscode.SymbolKind.Function,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Class,
  vscode.SymbolKind.Constructor,
  vscode.SymbolKind.Interface,
  vscode.SymbolKind.Struct,
  vscode.SymbolKind.Enum,
  vscode.SymbolKind.Module,
  vscode.SymbolKind.Namespace,
  vscode.SymbolKind.TypeParameter,
  vscode.SymbolKind.Property,
  vscode.SymbolKind.Field,
  vscode.SymbolKind.Variable,
  vscode.SymbolKind.Constant,
]);
const CALLABLE = new Set([
  vscode.SymbolKind.Function,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Class,
  vscode.SymbolKind.Constructor,
  vscode.SymbolKind.Interface,
  vscode.SymbolKind.Struct,
  vscode.SymbolKind.Enum,
]);

/** The innermost documented symbol containing `pos`, preferring functions, classes and methods. */
function innermost(symbols: readonly vscode.DocumentSymbol[], pos: vscode.Position): vscode.DocumentSymbol | undefined {
  for (const s of symbols) {
    if (!s.range.contains(pos)) continue;
    const inner = innermost(s.children, pos);
    if (inner && (CALLABLE.has(inner.kind) || !CALLABLE.has(s.kind))) return inner;
    if (DOCUMENTED.has(s.kind)) return s;
    if (inner) return inner;
  }
  return undefined;
}

async function symbolAt(
  document: vscode.TextDocument,
  pos: vscode.Position,
): Promise<vscode.DocumentSymbol | undefined> {
  try {
    const result = await vscode.commands.executeCommand<
      Array<vscode.DocumentSymbol | vscode.SymbolInformation> | undefined
    >('vscode.executeDocumentSymbolProvider', document.uri);
    const symbols = (result ?? []).filter((s): s is vscode.DocumentSymbol => 'selectionRange' in s);
    return innermost(symbols, pos);
  } catch {
    return undefined;
  }
}

function lines(document: vscode.TextDocument): string[] {
  return document.getText().split(/\r?\n/);
}

/** The target for an editor: its selection when there is one, else the declaration under the cursor. */
export async function findTarget(editor: vscode.TextEditor): Promise<DocTarget | undefined> {
  const { document, selection } = editor;
  const style = commentStyleFor(document.languageId);
  const all = lines(document);
  const symbol = await symbolAt(document, selection.active);

  let declLine: number | undefined;
  let range: vscode.Range | undefined;
  let name = '';
  if (!selection.isEmpty) {
    range = new vscode.Range(selection.start, selection.end);
    const first = firstCodeLine(all, selection.start.line, selection.end.line);
    if (style) declLine = findDeclarationLine(all, first, style) ?? first;
  } else if (symbol) {
    declLine = symbol.selectionRange.start.line;
    range = symbol.range;
    name = symbol.name;
  } else if (style) {
    declLine = enclosingDeclaration(all, selection.active.line, style);
    if (declLine !== undefined) {
      const end = blockEndLine(all, declLine, style);
      range = new vscode.Range(declLine, 0, end, all[end].length);
    }
  }
  if (!range) return undefined;
  const comment =
    style && declLine !== undefined
      ? {
          style,
          declLine,
          name: declarationName(all[declLine]) || name,
          placement: placeComment(all, declLine, style),
          version: document.version,
        }
      : undefined;
  const label = name || comment?.name;
  const description = label
    ? vscode.l10n.t('{0} in {1}', label, vscode.workspace.asRelativePath(document.uri))
    : vscode.l10n.t(
        'lines {0}–{1} of {2}',
        range.start.line + 1,
        range.end.line + 1,
        vscode.workspace.asRelativePath(document.uri),
      );
  return { document, range, code: document.getText(range), comment, description };
}

/** The whole file as the target (README and API drafts). */
export function fileTarget(document: vscode.TextDocument): DocTarget {
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  return { document, range, code: document.getText(), description: vscode.workspace.asRelativePath(document.uri) };
}

function firstCodeLine(all: readonly string[], from: number, to: number): number {
  for (let i = from; i <= to; i++) if (all[i]?.trim()) return i;
  return from;
}
