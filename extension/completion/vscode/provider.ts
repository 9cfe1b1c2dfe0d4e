// VS Code's InlineCompletionItemProvider: editor state in, ghost text out. Everything else is the
// CompletionService's job (gate, model start, window, cache, reuse, debounce, budget, filters).
import * as vscode from 'vscode';
import type { DocumentSnapshot } from '../pipeline.js';
import { answerForSelectedItem, usableItem, withSelectedItem, type SelectedItem } from '../selected-item.js';
import type { CompletionController } from './controller.js';

/** The editor's indentation for this document, when it is a visible editor's. */
function indentOf(document: vscode.TextDocument): { indentUnit?: string; tabSize?: number } {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  if (!editor) return {};
  const { insertSpaces, tabSize, indentSize } = editor.options;
  const size = typeof indentSize === 'number' ? indentSize : typeof tabSize === 'number' ? tabSize : 4;
  return {
    indentUnit: insertSpaces === false ? '\t' : ' '.repeat(size),
    tabSize: typeof tabSize === 'number' ? tabSize : undefined,
  };
}

export function snapshotOf(document: vscode.TextDocument, position: vscode.Position): DocumentSnapshot {
  return {
    uri: document.uri.toString(),
    path: vscode.workspace.asRelativePath(document.uri, false),
    languageId: document.languageId,
    text: document.getText(),
    offset: document.offsetAt(position),
    ...indentOf(document),
  };
}

export class FudeInlineCompletionProvider implements vscode.InlineCompletionItemProvider {
  constructor(private readonly controller: CompletionController) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionList | undefined> {
    if (!this.controller.accepts(document)) return undefined;
    const manual = context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke;
    const snapshot = snapshotOf(document, position);
    // The suggestion list is open: VS Code shows only an answer that extends its selected item.
    const info = context.selectedCompletionInfo;
    const item: SelectedItem | undefined = info && {
      start: document.offsetAt(info.range.start),
      end: document.offsetAt(info.range.end),
      text: info.text,
    };
    if (item && !usableItem(snapshot, item)) {
      this.controller.withheld('item-not-usable', document.languageId);
      return undefined;
    }
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    try {
      const result = await this.controller.service.provide(item ? withSelectedItem(snapshot, item) : snapshot, {
        manual,
        signal: abort.signal,
        textOf: (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText(),
      });
      this.controller.report(result, document.languageId, item !== undefined);
      if (result.kind !== 'done' || token.isCancellationRequested) return undefined;
      const { outcome } = result;
      if (item) {
        if (outcome.debounced || outcome.end === 'cancelled' || outcome.end === 'timeout' || outcome.end === 'failed')
          return undefined;
        const answer = answerForSelectedItem(item, outcome.text);
        if (answer.kind === 'withheld') {
          this.controller.withheld(answer.reason, document.languageId);
          return undefined;
        }
        this.controller.answeredItem(answer.insertText);
        const range = new vscode.Range(document.positionAt(answer.start), document.positionAt(answer.end));
        return new vscode.InlineCompletionList([new vscode.InlineCompletionItem(answer.insertText, range)]);
      }
      if (outcome.text === '') return undefined;
      if (outcome.grown) offerWhenGrown(document, position, outcome.grown);
      return new vscode.InlineCompletionList([
        new vscode.InlineCompletionItem(outcome.text, new vscode.Range(position, position)),
      ]);
    } finally {
      listener.dispose();
    }
  }
}

/**
 * A suggestion shown early grows while the model writes on: when the longer text is in the cache and the editor is
 * still where it was asked (same document version, same caret, nothing selected), ask VS Code to show it.
 */
function offerWhenGrown(
  document: vscode.TextDocument,
  position: vscode.Position,
  grown: Promise<string | undefined>,
): void {
  const version = document.version;
  void grown.then((text) => {
    if (text === undefined) return;
    const editor = vscode.window.activeTextEditor;
    if (editor?.document !== document || document.version !== version) return;
    if (!editor.selection.isEmpty || !editor.selection.active.isEqual(position)) return;
    void vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
  });
}
