// Activation stays cheap: nothing here starts the model. The backend starts when a feature first needs it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { BackendService } from './backend/backend-service.js';
import type { BackendState } from './backend/backend-state.js';
import { launchSpec } from './backend/launch.js';
import { Supervisor } from './backend/supervisor.js';
import { BackendClient } from './client/backend-client.js';
import { TermsAcceptanceStore } from './terms/acceptance-store.js';
import { logBackendLine } from './vscode/backend-log.js';
import { registerCoreCommands } from './vscode/commands.js';
import type { FudeCore } from './core.js';
import { registerChat } from './chat/register-chat.js';
import { registerDocs } from './docs/register-docs.js';
import { DocsPanel } from './docs/docs-panel.js';
import { completionApi, registerCompletion, type CompletionApi } from './completion/vscode/register.js';
import { modelsApi, registerModelsFeature } from './models/register-models.js';
import type { ModelsApi } from './models/models-feature.js';
import { chatBeforeSend, noticeFlow, registerTerms } from './terms/register-terms.js';
import { currentGate, type OpenGate } from './terms/gate-panel.js';
import type { NoticeFlow } from './terms/notice-flow.js';
import { BackendFailedError } from './backend/supervisor.js';
import { showFailure } from './vscode/failure-notice.js';
import { nodePathSetting, readModelSettings, RESTART_KEYS, type ResolvedModel } from './vscode/settings.js';
import { describeState, StatusBar } from './vscode/status-bar.js';

/** What the extension exports: used by its in-editor tests and available to other extensions. */
export interface FudeApi {
  service: BackendService;
  terms: TermsAcceptanceStore;
  /** The terms gate open now, answered through the same validated path as its webview. */
  termsGate(): OpenGate | undefined;
  /** The documentation panel if open (the in-editor tests read its page). */
  docsPanel(): vscode.WebviewPanel | undefined;
  /** The prohibited-use check every feature runs before sending. */
  notices(): NoticeFlow | undefined;
  statusText(): string;
  isDemoModel(): boolean;
  /** Read-only inline completion numbers (requests, cache hits, backend requests, status). */
  completion: CompletionApi;
  /** Read-only model manager state (the open pick, the last download). */
  models: ModelsApi;
}

let service: BackendService | undefined;

/** Each feature registers itself from the core; add new features here. */
const FEATURES: Array<(core: FudeCore) => vscode.Disposable[]> = [registerTerms, (core) => registerChat(core, { beforeSend: chatBeforeSend(core) }), registerCompletion, registerDocs, registerModelsFeature];

export function activate(context: vscode.ExtensionContext): FudeApi {
  const log = vscode.window.createOutputChannel('Fude', { log: true });
  const terms = new TermsAcceptanceStore(context.globalState);
  const supervisor = new Supervisor();
  const client = new BackendClient();
  let model: ResolvedModel = readModelSettings(context.extensionPath, terms.acceptedIds());
  service = new BackendService(supervisor, client, () => {
    model = readModelSettings(context.extensionPath, terms.acceptedIds());
    return launchSpec(model.settings, {
      extensionPath: context.extensionPath,
      execPath: process.execPath,
      isElectron: Boolean(process.versions.electron),
      nodePath: nodePathSetting(),
      hostPid: process.pid,
      env: process.env,
    }, randomBytes(32).toString('base64url'));
  });
  const svc = service;

  const statusBar = new StatusBar('fude.showActions');
  const refresh = () => statusBar.show(describeState(supervisor.current, client.inFlight, model.isDemo));
  refresh();

  let lastFailure: unknown;
  const onState = (s: BackendState) => {
    refresh();
    log.info(`backend: ${s.kind}${s.kind === 'ready' ? ` (${s.ready.model.name}, pid ${s.ready.pid}, port ${s.ready.port}, loaded in ${s.ready.loadMs} ms)` : ''}`);
    if (s.kind === 'ready' && model.isDemo) log.warn('using the demo model: its output is meaningless. Choose a real GGUF model with "Fude: Select Model File".');
    if (s.kind === 'ready') for (const w of s.ready.warnings) log.warn(w);
    if (s.kind === 'restarting') {
      log.warn(`backend crashed (${s.reason}); restarting in ${s.inMs} ms`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Fude: the backend stopped unexpectedly and is restarting ({0}).', s.reason));
    }
    if (s.kind === 'failed' && s.failure !== lastFailure) {
      lastFailure = s.failure;
      log.error(`backend failed: ${s.failure.message}`);
      // Terms not accepted opens the terms gate (extension/terms) rather than an error.
      if (s.failure.code !== 'terms_not_accepted') void showFailure(s.failure);
    }
  };

  const withLoadProgress = async <T>(work: () => Promise<T>): Promise<T> => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Fude'), cancellable: false },
    async (progress) => {
      const off = supervisor.onState((s) => {
        if (s.kind === 'starting') progress.report({ message: vscode.l10n.t('starting the backend…') });
        if (s.kind === 'loading') progress.report({ message: vscode.l10n.t('loading {0}…', s.model) });
      });
      try {
        return await work();
      } finally {
        off();
      }
    },
  );

  context.subscriptions.push(
    log,
    statusBar,
    { dispose: supervisor.onState(onState) },
    { dispose: supervisor.onStderr((line) => logBackendLine(log, line)) },
    { dispose: client.onInFlight(refresh) },
    ...registerCoreCommands({ service: svc, log, withLoadProgress }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!RESTART_KEYS.some((k) => e.affectsConfiguration(k))) return;
      model = readModelSettings(context.extensionPath, terms.acceptedIds());
      refresh();
      const s = supervisor.current.kind;
      if (s === 'stopped') return;
      log.info('model settings changed: restarting the backend');
      void vscode.commands.executeCommand('fude.restartBackend');
    }),
  );
  const core: FudeCore = {
    context,
    log,
    service: svc,
    terms,
    model: () => model,
    async ensureReady() {
      try {
        if (supervisor.current.kind === 'ready' && client.connected) return client;
        return await withLoadProgress(() => svc.ready());
      } catch (e) {
        if (e instanceof BackendFailedError) {
          // The state listener shows each new failure once; nothing more to say here.
          if (e.failure !== lastFailure) await showFailure(e.failure);
        } else {
          void vscode.window.showErrorMessage(vscode.l10n.t('Fude: {0}', String((e as Error).message)));
        }
        return undefined;
      }
    },
  };
  for (const register of FEATURES) context.subscriptions.push(...register(core));

  log.info(`Fude activated (extension host pid ${process.pid}, ${process.versions.electron ? 'Electron' : 'Node'} ${process.version})`);

  return {
    service: svc,
    terms,
    termsGate: currentGate,
    docsPanel: () => DocsPanel.open?.panel,
    notices: noticeFlow,
    statusText: () => statusBar.lastText,
    isDemoModel: () => model.isDemo,
    completion: completionApi,
    models: modelsApi,
  };
}

export async function deactivate(): Promise<void> {
  await service?.dispose();
  service = undefined;
}
