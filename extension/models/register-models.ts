// The model manager as a feature of the extension: one line in extension.ts's FEATURES list. Its dependencies
// are explicit (ModelsDeps), so the core can be rewired without touching the feature.
import * as vscode from 'vscode';
import { getTerms } from '../../backend/terms/index.js';
import type { FudeCore } from '../core.js';
import { openTermsGate } from '../terms/gate-panel.js';
import { nodePathSetting } from '../vscode/settings.js';
import { HfTokenStore } from './hf-token.js';
import { ModelsFeature, type ModelsApi, type ModelsDeps } from './models-feature.js';

let current: ModelsFeature | undefined;

/** Read-only model-manager state for the extension's API (in-editor tests, other extensions). */
export const modelsApi: ModelsApi = {
  openPick: () => current?.api.openPick(),
  lastDownload: () => current?.api.lastDownload(),
  progressEvents: () => current?.api.progressEvents() ?? 0,
  downloading: () => current?.api.downloading() ?? false,
};

export function registerModels(deps: ModelsDeps): vscode.Disposable[] {
  const feature = new ModelsFeature(deps);
  current = feature;
  // After a restart: offer to resume an interrupted download, once the window has settled.
  const offer = setTimeout(() => void feature.offerResume().catch((e) => deps.log.warn(`resume offer: ${String(e)}`)), 3000);
  return [
    feature,
    vscode.commands.registerCommand('fude.models.download', (arg?: { id?: string }) => feature.downloadCommand(arg)),
    vscode.commands.registerCommand('fude.models.manage', () => feature.manageCommand()),
    vscode.commands.registerCommand('fude.selectModel', () => feature.selectModelCommand()),
    vscode.commands.registerCommand('fude.models.forgetToken', async () => {
      await new HfTokenStore(deps.secrets).clear();
      void vscode.window.showInformationMessage(vscode.l10n.t('Fude: the Hugging Face token was removed from VS Code\'s secret storage.'));
    }),
    // "Last used" in the models folder: whenever the model setting names one of its files.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('fude.model.path')) return;
      const path = (vscode.workspace.getConfiguration('fude').get<string>('model.path') ?? '').trim();
      if (path) void feature.noteUse(path);
    }),
    { dispose: () => { clearTimeout(offer); if (current === feature) current = undefined; } },
  ];
}

/** The core's pieces as the feature's dependencies. */
export function registerModelsFeature(core: FudeCore): vscode.Disposable[] {
  return registerModels({
    log: core.log,
    secrets: core.context.secrets,
    async setModelPath(path) {
      // Saving the setting restarts a running backend through the core's configuration listener.
      await vscode.workspace.getConfiguration('fude').update('model.path', path === '' ? undefined : path, vscode.ConfigurationTarget.Global);
    },
    currentModelPath: () => (core.model().isDemo ? '' : core.model().settings.modelPath),
    async reviewTerms(id) {
      const terms = getTerms(id);
      return terms !== undefined && (await openTermsGate(core.context, terms, core.terms)) === 'accepted';
    },
    isTermsAccepted: (id) => core.terms.current(id) !== undefined,
    runtime: () => ({ extensionPath: core.context.extensionPath, execPath: process.execPath, isElectron: Boolean(process.versions.electron), nodePath: nodePathSetting(), env: process.env }),
  });
}
