// Attachments made from the editor: the selection (with its file name, language and lines) or a whole file.
import * as vscode from 'vscode';
import { capAttachment } from './attachment-cap.js';
import type { Attachment } from './attachments.js';

function nameOf(document: vscode.TextDocument): string {
  if (document.isUntitled) return document.uri.path;
  return vscode.workspace.asRelativePath(document.uri, false);
}

export function selectionAttachment(editor: vscode.TextEditor): Attachment | undefined {
  const { selection, document } = editor;
  if (selection.isEmpty) return undefined;
  // Whole lines read better to the model and keep the line numbers in the header true.
  const range = new vscode.Range(selection.start.line, 0, selection.end.character === 0 && selection.end.line > selection.start.line
    ? selection.end.line - 1 : selection.end.line, Number.MAX_SAFE_INTEGER);
  const full = document.validateRange(range);
  // Cut to the attachment limit here already, so a huge selection never sits in memory twice; the chat says so.
  return capAttachment({ kind: 'selection', name: nameOf(document), language: document.languageId, text: document.getText(full), startLine: full.start.line + 1 }).attachment;
}

export function fileAttachment(document: vscode.TextDocument): Attachment {
  const whole: Attachment = { kind: 'file', name: nameOf(document), language: document.languageId, text: document.getText() };
  return capAttachment(whole).attachment;
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
  return document.uri.scheme === 'file' || document.uri.scheme === 'untitled' || document.uri.scheme === 'vscode-remote' || document.uri.scheme === 'vscode-userdata';
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
