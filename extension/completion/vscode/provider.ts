// VS Code's InlineCompletionItemProvider: editor state in, ghost text out. Everything else is the
// pipeline's job (window, cache, reuse, debounce, budget, filters) or the controller's (gate, status).
import * as vscode from 'vscode';
import type { GateDecision } from '../gate.js';
import type { DocumentSnapshot, PipelineOutcome } from '../pipeline.js';

export interface ProviderDeps {
  /** May the request go to the model now? */
  gate(document: vscode.TextDocument, manual: boolean): GateDecision;
  /** Starts the backend (the first feature that needs it); false when it could not. */
  startBackend(): Promise<boolean>;
  /** Resolves once the backend is no longer on its way (ready, failed or stopped) or the signal aborts. */
  waitForBackend(signal: AbortSignal): Promise<void>;
  provide(snapshot: DocumentSnapshot, manual: boolean, contextSize: number, signal: AbortSignal): Promise<PipelineOutcome>;
  /** The gate said no (for the status bar). */
  blocked(decision: GateDecision, document: vscode.TextDocument): void;
}

/** The editor's indentation for this document, when it is the active editor's. */
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
  constructor(private readonly deps: ProviderDeps) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionList | undefined> {
    const manual = context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke;
    const controller = new AbortController();
    const listener = token.onCancellationRequested(() => controller.abort());
    try {
      let decision = this.deps.gate(document, manual);
      if (decision.kind === 'start') {
        if (!(await this.deps.startBackend()) || token.isCancellationRequested) return undefined;
        decision = this.deps.gate(document, manual);
      }
      if (decision.kind === 'wait') {
        await this.deps.waitForBackend(controller.signal);
        if (token.isCancellationRequested) return undefined;
        decision = this.deps.gate(document, manual);
      }
      if (decision.kind !== 'go') {
        this.deps.blocked(decision, document);
        return undefined;
      }
      const outcome = await this.deps.provide(snapshotOf(document, position), manual, decision.model.contextSize, controller.signal);
      if (outcome.text === '' || token.isCancellationRequested) return undefined;
      return new vscode.InlineCompletionList([new vscode.InlineCompletionItem(outcome.text, new vscode.Range(position, position))]);
    } finally {
      listener.dispose();
    }
  }
}
