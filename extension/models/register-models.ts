// The model manager in the editor: its commands over ModelsFeature, whose dependencies are explicit (ModelsDeps).
import * as vscode from 'vscode';
import { HfTokenStore } from './hf-token.js';
import { ModelsFeature, type ModelsDeps } from './models-feature.js';

export function registerModels(deps: ModelsDeps): { disposables: vscode.Disposable[]; feature: ModelsFeature } {
  const feature = new ModelsFeature(deps);
  // After a restart: offer to resume an interrupted download, once the window has settled.
  const offer = setTimeout(
    () => void feature.offerResume().catch((e: unknown) => deps.log.warn(`resume offer: ${String(e)}`)),
    3000,
  );
  const disposables = [
    feature,
    vscode.commands.registerCommand('fude.models.download', (arg?: { id?: string }) => feature.downloadCommand(arg)),
    vscode.commands.registerCommand('fude.models.manage', () => feature.manageCommand()),
    vscode.commands.registerCommand('fude.selectModel', () => feature.selectModelCommand()),
    vscode.commands.registerCommand('fude.models.forgetToken', async () => {
      await new HfTokenStore(deps.secrets).clear();
      void vscode.window.showInformationMessage(
        vscode.l10n.t("Fude: the Hugging Face token was removed from VS Code's secret storage."),
      );
    }),
    // "Last used" in the models folder: whenever the model setting names one of its files.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('fude.model.path')) return;
      const path = (vscode.workspace.getConfiguration('fude').get<string>('model.path') ?? '').trim();
      if (path) void feature.noteUse(path);
    }),
    { dispose: () => clearTimeout(offer) },
  ];
  return { disposables, feature };
}
