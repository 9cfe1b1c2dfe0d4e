// Inline completion as a feature of the extension core: one line in extension.ts's FEATURES list.
// Registering is cheap: nothing starts the model until a completion is asked for.
import * as vscode from 'vscode';
import type { FudeCore } from '../../core.js';
import { registerCompletionCommands } from './commands.js';
import { CompletionController, type CompletionStats } from './controller.js';
import { FudeInlineCompletionProvider } from './provider.js';

let current: CompletionController | undefined;

export function registerCompletion(core: FudeCore): vscode.Disposable[] {
  const controller = new CompletionController(core);
  current = controller;
  const provider = new FudeInlineCompletionProvider({
    gate: (document, manual) => (controller.accepts(document) ? controller.gate(document, manual) : { kind: 'off', reason: 'disabled' }),
    startBackend: () => controller.startBackend(),
    waitForBackend: (signal) => controller.waitForBackend(signal),
    provide: (snapshot, manual, contextSize, signal) => controller.provide(snapshot, manual, contextSize, signal),
    blocked: () => controller.blocked(),
  });
  return [
    controller,
    vscode.languages.registerInlineCompletionItemProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], provider),
    ...registerCompletionCommands(controller),
    { dispose: () => { if (current === controller) current = undefined; } },
  ];
}

/** Read-only completion numbers for the extension's API (tests, other extensions). */
export interface CompletionApi {
  stats(): CompletionStats | undefined;
}

export const completionApi: CompletionApi = {
  stats: () => current?.stats(),
};
