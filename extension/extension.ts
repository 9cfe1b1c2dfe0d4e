// Activation builds the core pieces once and hands each feature the dependencies it names: the engine,
// the model's status, the request guard, the terms store. Nothing here starts the model: the first
// feature that needs it does.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { getTerms, termsForFamily } from '../common/terms/index.js';
import { chatBeforeSend, createRequestGuard } from './guard/vscode-guard.js';
import { registerChat } from './chat/register-chat.js';
import { registerCompletion } from './completion/vscode/register.js';
import { registerDocs } from './docs/register-docs.js';
import { LocalEngine } from './engine/local/local-engine.js';
import { registerModels } from './models/register-models.js';
import { launchSpec } from './engine/local/launch.js';
import { ModelStatus, type ModelState } from './engine/model-status.js';
import { TermsAcceptanceStore } from './terms/acceptance-store.js';
import { currentGate, openTermsGate } from './terms/gate-panel.js';
import { registerTerms } from './terms/register-terms.js';
import type { FudeApi, FudeTestHooks } from './api.js';
import { logBackendLine } from './vscode/backend-log.js';
import { registerCoreCommands } from './vscode/commands.js';
import { ModelStarter } from './vscode/model-starter.js';
import { nodePathSetting, readModelSettings, RESTART_KEYS, type ResolvedModel } from './vscode/settings.js';
import { describeState, StatusBar } from './vscode/status-bar.js';

let dispose: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): FudeApi | FudeTestHooks {
  const log = vscode.window.createOutputChannel('Fude', { log: true });
  const terms = new TermsAcceptanceStore(context.globalState);
  let model: ResolvedModel = readModelSettings(context.extensionPath, terms.acceptedIds());
  const status = new ModelStatus({ engine: 'local', isDemo: model.isDemo, configuredName: basename(model.settings.modelPath) });
  const engine = new LocalEngine({
    status,
    launch: () => {
      model = readModelSettings(context.extensionPath, terms.acceptedIds());
      return launchSpec(model.settings, {
        extensionPath: context.extensionPath,
        execPath: process.execPath,
        isElectron: Boolean(process.versions.electron),
        nodePath: nodePathSetting(),
        hostPid: process.pid,
        env: process.env,
      }, randomBytes(32).toString('base64url'));
    },
    onStderr: (line) => logBackendLine(log, line),
  });
  dispose = () => engine.dispose();
  const starter = new ModelStarter(engine, status);
  const termsAccepted = (id: string) => terms.current(id) !== undefined;
  const guard = createRequestGuard({ status, termsAccepted, log });

  const statusBar = new StatusBar('fude.showActions');
  let lastPhase: ModelState['phase'] | undefined;
  const onStatus = (s: ModelState) => {
    statusBar.show(describeState(s));
    if (s.phase === lastPhase) return;
    lastPhase = s.phase;
    log.info(`model: ${s.phase}${s.model ? ` (${s.model.name}, ${s.model.source}${engine.pid ? `, pid ${engine.pid}` : ''})` : ''}`);
    if (s.phase === 'ready' && s.isDemo) log.warn('using the demo model: its output is meaningless. Choose a real GGUF model with "Fude: Select Model File".');
    for (const w of s.warnings) log.warn(w);
    if (s.phase === 'restarting' && s.restart) {
      log.warn(`backend crashed (${s.restart.reason}); restarting in ${s.restart.inMs} ms`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Fude: the backend stopped unexpectedly and is restarting ({0}).', s.restart.reason));
    }
    if (s.phase === 'failed' && s.failure) {
      log.error(`backend failed: ${s.failure.message}`);
      starter.showOnce(s.failure);
    }
  };
  onStatus(status.current);

  const chat = registerChat({
    context, log, engine, status,
    ensureReady: starter.ensureReady,
    beforeSend: chatBeforeSend(guard),
    termsExpected: () => termsForFamily(model.settings.family, basename(model.settings.modelPath)).kind === 'terms',
  });
  const completion = registerCompletion({ context, log, engine, status, ensureReady: starter.ensureReady, termsAccepted });
  const docs = registerDocs(context, { engine, status, ensureReady: starter.ensureReady, guard, log: (line) => log.error(line) });
  const runtime = () => ({ extensionPath: context.extensionPath, execPath: process.execPath, isElectron: Boolean(process.versions.electron), nodePath: nodePathSetting(), env: process.env });
  const models = registerModels({
    log,
    secrets: context.secrets,
    async setModelPath(path) {
      // Saving the setting restarts a running backend through the configuration listener below.
      await vscode.workspace.getConfiguration('fude').update('model.path', path === '' ? undefined : path, vscode.ConfigurationTarget.Global);
    },
    currentModelPath: () => (model.isDemo ? '' : model.settings.modelPath),
    async reviewTerms(id) {
      const set = getTerms(id);
      return set !== undefined && (await openTermsGate(context, set, terms)) === 'accepted';
    },
    isTermsAccepted: termsAccepted,
    runtime,
  });

  context.subscriptions.push(
    log,
    statusBar,
    { dispose: status.onDidChange(onStatus) },
    ...registerCoreCommands({ engine, status, starter, log, completionDetails: () => completion.controller.details() }),
    ...registerTerms({ context, log, status, engine, terms }),
    ...chat.disposables,
    ...completion.disposables,
    ...docs.disposables,
    ...models.disposables,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!RESTART_KEYS.some((k) => e.affectsConfiguration(k))) return;
      model = readModelSettings(context.extensionPath, terms.acceptedIds());
      status.publish({ isDemo: model.isDemo, configuredName: basename(model.settings.modelPath) });
      if (status.current.phase === 'stopped') return;
      log.info('model settings changed: restarting the backend');
      void vscode.commands.executeCommand('fude.restartBackend');
    }),
  );

  log.info(`Fude activated (extension host pid ${process.pid}, ${process.versions.electron ? 'Electron' : 'Node'} ${process.version})`);

  const api: FudeApi = {
    status: () => status.current,
    onDidChangeStatus: (listener) => {
      const off = status.onDidChange(listener);
      return { dispose: off };
    },
    statusText: () => statusBar.lastText,
  };
  // The in-editor tests get the parts built here; other extensions never do (no token, no acceptance).
  if (context.extensionMode !== vscode.ExtensionMode.Test) return api;
  const hooks: FudeTestHooks = {
    ...api,
    testing: {
      engine, status, terms, chat: chat.session, completion: completion.controller, models: models.feature.api,
      termsGate: currentGate,
      docsPanel: docs.panel,
      isDemoModel: () => status.current.isDemo,
      backendPid: () => engine.pid,
    },
  };
  return hooks;
}

export async function deactivate(): Promise<void> {
  await dispose?.();
  dispose = undefined;
}
