// Inline completion in the editor: the controller, VS Code's provider over it, and the commands.
// Registering is cheap: nothing starts the model until a completion is asked for.
import * as vscode from 'vscode';
import { registerCompletionCommands } from './commands.js';
import { CompletionController, type CompletionControllerDeps } from './controller.js';
import { FudeInlineCompletionProvider } from './provider.js';

export function registerCompletion(deps: CompletionControllerDeps): {
  disposables: vscode.Disposable[];
  controller: CompletionController;
} {
  const controller = new CompletionController(deps);
  const disposables = [
    controller,
    vscode.languages.registerInlineCompletionItemProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }],
      new FudeInlineCompletionProvider(controller),
    ),
    ...registerCompletionCommands(controller, deps.status),
  ];
  return { disposables, controller };
}
