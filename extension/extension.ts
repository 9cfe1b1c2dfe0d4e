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
import { registerLanguageModels } from './lm/register-lm.js';
import type { EngineKind } from './engine/engine.js';
import { EngineSwitch } from './engine/engine-switch.js';
import { LocalEngine } from './engine/local/local-engine.js';
import { registerModels } from './models/register-models.js';
import { launchSpec } from './engine/local/launch.js';
import { ModelStatus, type ModelState } from './engine/model-status.js';
import { RemoteEngine } from './engine/openai/remote-engine.js';
import { TermsAcceptanceStore } from './terms/acceptance-store.js';
import { currentGate, openTermsGate } from './terms/gate-panel.js';
import { registerTerms } from './terms/register-terms.js';
import type { FudeApi, FudeTestHooks } from './api.js';
import { logBackendLine } from './vscode/backend-log.js';
import { exitText } from './vscode/failure-notice.js';
import { registerCoreCommands } from './vscode/commands.js';
import { ModelStarter } from './vscode/model-starter.js';
import {
  ApiKeyStore,
  engineKind,
  readRemoteConfig,
  registerApiKeyCommands,
  remoteSummary,
  REMOTE_KEYS,
} from './vscode/remote-settings.js';
import { nodePathSetting, readModelSettings, RESTART_KEYS, type ResolvedModel } from './vscode/settings.js';
import { DeviceMemory, describeState, StatusBar } from './vscode/status-bar.js';

let dispose: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): FudeApi | FudeTestHooks {
  const log = vscode.window.createOutputChannel('Fude', { log: true });
  const terms = new TermsAcceptanceStore(context.globalState);
  let model: ResolvedModel = readModelSettings(context.extensionPath, terms.acceptedIds());
  const termsAccepted = (id: string) => terms.current(id) !== undefined;
  /** What the status shows of the configured engine before it runs. */
  const configured = (kind: EngineKind): Pick<ModelState, 'engine' | 'isDemo' | 'configuredName' | 'server'> => {
    if (kind === 'local')
      return {
        engine: 'local',
        isDemo: model.isDemo,
        configuredName: basename(model.settings.modelPath),
        server: undefined,
      };
    const { server, model: id } = remoteSummary();
    return { engine: 'openai', isDemo: false, configuredName: id || server || '', server };
  };
  const status = new ModelStatus(configured(engineKind()));
  const makeLocal = () =>
    new LocalEngine({
      status,
      launch: () => {
        model = readModelSettings(context.extensionPath, terms.acceptedIds());
        return launchSpec(
          model.settings,
          {
            extensionPath: context.extensionPath,
            execPath: process.execPath,
            isElectron: Boolean(process.versions.electron),
            nodePath: nodePathSetting(),
            hostPid: process.pid,
            env: process.env,
          },
          randomBytes(32).toString('base64url'),
        );
      },
      onStderr: (line) => logBackendLine(log, line),
    });
  const makeRemote = () =>
    new RemoteEngine({
      status,
      config: () => readRemoteConfig(context.secrets),
      termsAccepted,
      log: (line) => log.info(line),
    });
  // Features hold the switch; `fude.engine.kind` decides what it forwards to.
  const engine = new EngineSwitch(engineKind() === 'openai' ? makeRemote() : makeLocal());
  const backendPid = () => (engine.current instanceof LocalEngine ? engine.current.pid : undefined);
  dispose = () => engine.dispose();
  const starter = new ModelStarter(engine, status, (line) => log.error(line));
  const guard = createRequestGuard({ status, termsAccepted, log });

  const statusBar = new StatusBar('fude.showActions');
  const devices = new DeviceMemory(context.globalState);
  let lastPhase: ModelState['phase'] | undefined;
  const onStatus = (s: ModelState) => {
    devices.remember(s);
    statusBar.show(describeState(s, devices.expected(model.settings.modelPath, model.settings.gpu)));
    if (s.phase === lastPhase) return;
    lastPhase = s.phase;
    // The palette offers Start, Stop and Restart by this (package.json "when" clauses).
    void vscode.commands.executeCommand('setContext', 'fude.modelPhase', s.phase);
    log.info(
      `model: ${s.phase}${s.model ? ` (${s.model.name}, ${s.model.remote ? `${s.model.remote.baseUrl}, ${s.model.remote.latencyMs} ms` : s.model.source}${backendPid() ? `, pid ${backendPid()}` : ''})` : ''}`,
    );
    if (s.phase === 'ready' && s.isDemo)
      log.warn(
        'using the demo model: its output is meaningless. Choose a real GGUF model with "Fude: Select Model File".',
      );
    for (const w of s.warnings) log.warn(w);
    if (s.phase === 'restarting' && s.restart) {
      log.warn(`backend crashed (${s.restart.reason}); restarting in ${s.restart.inMs} ms`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Fude: the backend stopped unexpectedly ({0}) and is starting again.', exitText(s.restart.exit)),
      );
    }
    if (s.phase === 'failed' && s.failure) {
      log.error(`${s.engine === 'local' ? 'backend' : 'remote engine'} failed: ${s.failure.message}`);
      starter.showOnce(s.failure);
    }
  };
  onStatus(status.current);

  const chat = registerChat({
    context,
    log,
    engine,
    status,
    ensureReady: starter.ensureReady,
    beforeSend: chatBeforeSend(guard),
    termsExpected: () =>
      engine.kind === 'local'
        ? termsForFamily(model.settings.family, basename(model.settings.modelPath)).kind === 'terms'
        : termsForFamily('auto', remoteSummary().model).kind === 'terms',
  });
  const completion = registerCompletion({
    context,
    log,
    engine,
    status,
    ensureReady: starter.ensureReady,
    termsAccepted,
  });
  const docs = registerDocs(context, {
    engine,
    status,
    ensureReady: starter.ensureReady,
    guard,
    log: (line) => log.error(line),
  });
  // VS Code's chat and other extensions (vscode.lm) take the same road as the chat panel: start, guard, stream.
  const languageModels = registerLanguageModels({
    engine,
    status,
    ensureReady: starter.ensureReady,
    guard,
    termsAccepted,
    log,
  });
  const runtime = () => ({
    extensionPath: context.extensionPath,
    execPath: process.execPath,
    isElectron: Boolean(process.versions.electron),
    nodePath: nodePathSetting(),
    env: process.env,
  });
  const models = registerModels({
    log,
    secrets: context.secrets,
    async setModelPath(path) {
      // Saving the setting restarts a running backend through the configuration listener below.
      await vscode.workspace
        .getConfiguration('fude')
        .update('model.path', path === '' ? undefined : path, vscode.ConfigurationTarget.Global);
    },
    currentModelPath: () => (model.isDemo ? '' : model.settings.modelPath),
    async reviewTerms(id) {
      const set = getTerms(id);
      return set !== undefined && (await openTermsGate(context, set, terms)) === 'accepted';
    },
    isTermsAccepted: termsAccepted,
    runtime,
  });

  const apiKeys = new ApiKeyStore(context.secrets);
  let switching = Promise.resolve();
  /**
   * `fude.engine.kind` changed: the old engine stops (an answer in flight ends with a message saying why, and
   * keeps what arrived), the new one is used from now on, and it starts at once if the old one was running.
   * The chat's history and open conversation are the chat's own and stay as they are.
   */
  const switchEngine = (): Promise<void> =>
    (switching = switching
      .then(async () => {
        const kind = engineKind();
        if (kind === engine.kind) return;
        const wasRunning = status.current.phase !== 'stopped';
        log.info(`engine: switching from ${engine.kind} to ${kind}`);
        await engine.use(
          kind === 'openai' ? makeRemote() : makeLocal(),
          kind === 'openai' ? 'Fude switched to the remote engine' : 'Fude switched to the local engine',
        );
        if (kind === 'local') model = readModelSettings(context.extensionPath, terms.acceptedIds());
        status.publish({ phase: 'stopped', ...configured(kind), inFlight: 0 });
        if (wasRunning) await vscode.commands.executeCommand('fude.startBackend');
      })
      .catch((e: unknown) => log.error(`engine switch failed: ${String((e as Error | undefined)?.message ?? e)}`)));

  context.subscriptions.push(
    log,
    statusBar,
    { dispose: status.onDidChange(onStatus) },
    ...registerCoreCommands({ engine, status, starter, log, completionDetails: () => completion.controller.details() }),
    ...registerTerms({ context, log, status, engine, terms }),
    ...chat.disposables,
    ...completion.disposables,
    ...docs.disposables,
    ...languageModels.disposables,
    ...models.disposables,
    ...registerApiKeyCommands(
      apiKeys,
      async () => {
        // A new key is worth a new check of the server (a 401 goes away), unless nothing runs.
        if (engine.kind === 'openai' && status.current.phase !== 'stopped')
          await vscode.commands.executeCommand('fude.restartBackend');
      },
      log,
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('fude.engine.kind')) return void switchEngine();
      const keys = engine.kind === 'local' ? RESTART_KEYS : REMOTE_KEYS;
      if (!keys.some((k) => e.affectsConfiguration(k))) return;
      if (engine.kind === 'local') model = readModelSettings(context.extensionPath, terms.acceptedIds());
      status.publish(configured(engine.kind));
      if (status.current.phase === 'stopped') return;
      log.info(
        engine.kind === 'local'
          ? 'model settings changed: restarting the backend'
          : 'remote engine settings changed: checking the server again',
      );
      void vscode.commands.executeCommand('fude.restartBackend');
    }),
  );

  log.info(
    `Fude activated (extension host pid ${process.pid}, ${process.versions.electron ? 'Electron' : 'Node'} ${process.version})`,
  );

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
      engine,
      status,
      terms,
      chat: chat.session,
      completion: completion.controller,
      models: models.feature.api,
      termsGate: currentGate,
      docsPanel: docs.panel,
      isDemoModel: () => status.current.isDemo,
      backendPid,
      apiKeys,
    },
  };
  return hooks;
}

export async function deactivate(): Promise<void> {
  await dispose?.();
  dispose = undefined;
}
