// Attachments made from the editor: the selection (with its file name, language and lines) or a whole file;
// the active file with where its cursor is, the declaration around it and its outline (document symbols).
import * as vscode from 'vscode';
import { capAttachment } from './attachment-cap.js';
import { splitLines, type Attachment } from './attachments.js';
import { cursorContext, fileOutline, type SymbolKindName, type SymbolNode } from './file-outline.js';

function nameOf(document: vscode.TextDocument): string {
  if (document.isUntitled) return document.uri.path;
  return vscode.workspace.asRelativePath(document.uri, false);
}

export function selectionAttachment(editor: vscode.TextEditor): Attachment | undefined {
  const { selection, document } = editor;
  if (selection.isEmpty) return undefined;
  // Whole lines read better to the model and keep the line numbers in the header true.
  const range = new vscode.Range(
    selection.start.line,
    0,
    selection.end.character === 0 && selection.end.line > selection.start.line
      ? selection.end.line - 1
      : selection.end.line,
    Number.MAX_SAFE_INTEGER,
  );
  const full = document.validateRange(range);
  // Cut to the attachment limit here already, so a huge selection never sits in memory twice; the chat says so.
  return capAttachment({
    kind: 'selection',
    name: nameOf(document),
    language: document.languageId,
    text: document.getText(full),
    startLine: full.start.line + 1,
  }).attachment;
}

export function fileAttachment(document: vscode.TextDocument): Attachment {
  const whole: Attachment = {
    kind: 'file',
    name: nameOf(document),
    language: document.languageId,
    text: document.getText(),
  };
  return capAttachment(whole).attachment;
}

const KIND_NAMES: Partial<Record<vscode.SymbolKind, SymbolKindName>> = {
  [vscode.SymbolKind.Function]: 'function',
  [vscode.SymbolKind.Method]: 'method',
  [vscode.SymbolKind.Constructor]: 'constructor',
  [vscode.SymbolKind.Class]: 'class',
  [vscode.SymbolKind.Interface]: 'interface',
  [vscode.SymbolKind.Enum]: 'enum',
  [vscode.SymbolKind.Struct]: 'struct',
  [vscode.SymbolKind.Namespace]: 'namespace',
  [vscode.SymbolKind.Module]: 'module',
  [vscode.SymbolKind.Variable]: 'variable',
  [vscode.SymbolKind.Constant]: 'variable',
};

/** How long to wait for a language server's symbols before reading the file's shape from its text. */
const SYMBOLS_TIMEOUT_MS = 3000;

function symbolNode(s: vscode.DocumentSymbol | vscode.SymbolInformation): SymbolNode {
  const range = 'location' in s ? s.location.range : s.range;
  const nameLine = 'selectionRange' in s ? s.selectionRange.start.line : range.start.line;
  const children = 'children' in s ? s.children.map(symbolNode) : [];
  return {
    name: s.name,
    kind: KIND_NAMES[s.kind] ?? 'other',
    start: range.start.line + 1,
    end: range.end.line + 1,
    nameLine: nameLine + 1,
    children,
  };
}

/** The document's symbols from its language extension; none when there is no provider or it is slow. */
async function documentSymbols(document: vscode.TextDocument): Promise<SymbolNode[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), SYMBOLS_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([
      Promise.resolve(
        vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation> | undefined>(
          'vscode.executeDocumentSymbolProvider',
          document.uri,
        ),
      ),
      slow,
    ]);
    return (found ?? []).map(symbolNode);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The file in `editor`, with where its cursor is, the declaration around the cursor and the file's outline,
 * so a file too long for the model's context is cut around the cursor rather than from its top.
 */
export async function fileAtCursor(editor: vscode.TextEditor): Promise<Attachment> {
  const attachment = fileAttachment(editor.document);
  const lines = splitLines(attachment.text);
  const line = editor.selection.active.line + 1;
  if (line > lines.length) return attachment;
  const symbols = await documentSymbols(editor.document);
  return { ...attachment, cursor: cursorContext(lines, line, symbols), outline: fileOutline(lines, symbols) };
}

/** Remembers the last text editor, since focusing the chat (a webview) leaves none active. */
export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor !== undefined && isUserDocument(editor.document)) this.last = editor;
  });

  /** The active text editor, or the last one if it is still visible. */
  current(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active !== undefined && isUserDocument(active.document)) return active;
    if (this.last !== undefined && vscode.window.visibleTextEditors.includes(this.last)) return this.last;
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

export function isUserDocument(document: vscode.TextDocument): boolean {
  return (
    document.uri.scheme === 'file' ||
    document.uri.scheme === 'untitled' ||
    document.uri.scheme === 'vscode-remote' ||
    document.uri.scheme === 'vscode-userdata'
  );
}

/** Text documents open in editor tabs, for "Attach open file…". */
export function openTabUris(): vscode.Uri[] {
  const uris = new Map<string, vscode.Uri>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) uris.set(tab.input.uri.toString(), tab.input.uri);
    }
  }
  return [...uris.values()];
}
