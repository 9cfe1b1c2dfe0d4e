// VS Code's InlineCompletionItemProvider: editor state in, ghost text out. Everything else is the
// CompletionService's job (gate, model start, window, cache, reuse, debounce, budget, filters).
import * as vscode from 'vscode';
import type { DocumentSnapshot } from '../pipeline.js';
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

function snapshotOf(document: vscode.TextDocument, position: vscode.Position): DocumentSnapshot {
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
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    try {
      const result = await this.controller.service.provide(snapshotOf(document, position), {
        manual,
        signal: abort.signal,
        textOf: (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText(),
      });
      this.controller.report(result, document.languageId);
      if (result.kind !== 'done' || result.outcome.text === '' || token.isCancellationRequested) return undefined;
      return new vscode.InlineCompletionList([new vscode.InlineCompletionItem(result.outcome.text, new vscode.Range(position, position))]);
    } finally {
      listener.dispose();
    }
  }
}
