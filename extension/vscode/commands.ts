// The palette commands of the extension core ("Fude" category), each a thin call into the engine.
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { formatBytes } from '../../backend/setup/format-bytes.js';
import type { Engine } from '../engine/engine.js';
import { residentBytes } from '../engine/local/process-memory.js';
import type { ModelStatusView } from '../engine/model-status.js';
import type { ModelStarter } from './model-starter.js';
import { WalkthroughOpener } from './open-walkthrough.js';

/** The walkthrough in package.json, as VS Code names it: publisher.name#id. */
export const WALKTHROUGH = 'fude.fude#fude.gettingStarted';
const RUNNING: ReadonlySet<string> = new Set(['ready', 'starting', 'loading', 'restarting']);

export interface CoreCommandDeps {
  engine: Engine & { readonly pid?: number };
  status: ModelStatusView;
  starter: ModelStarter;
  log: vscode.LogOutputChannel;
  /** Inline completion's window, budget and speeds, in words (the completion controller's). */
  completionDetails?: () => string[];
}

export function registerCoreCommands(deps: CoreCommandDeps): vscode.Disposable[] {
  const { engine, status, starter, log, completionDetails } = deps;
  const walkthrough = new WalkthroughOpener({
    // Any walkthrough command starts VS Code's service; un-marking a step that does not exist changes nothing.
    startService: () => vscode.commands.executeCommand('welcome.markStepIncomplete', `${WALKTHROUGH}#not-a-step`),
    open: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false),
    now: () => Date.now(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  walkthrough.startService();
  const start = async (restart: boolean) => {
    if (!restart) {
      await starter.ensureReady();
      return;
    }
    try {
      await starter.withProgress(() => engine.restart());
    } catch (e) {
      const failure = status.current.failure;
      if (failure) starter.showOnce(failure);
      else starter.showUnexpected(e);
    }
  };
  return [
    vscode.commands.registerCommand('fude.startBackend', () => start(false)),
    vscode.commands.registerCommand('fude.restartBackend', () => start(true)),
    vscode.commands.registerCommand('fude.stopBackend', async () => {
      await engine.stop();
      log.info('backend stopped by the user');
    }),
    vscode.commands.registerCommand('fude.showLog', () => log.show()),
    vscode.commands.registerCommand('fude.useCpu', async () => {
      await vscode.workspace.getConfiguration('fude').update('backend.gpu', 'cpu', vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand('fude.showStatus', async () => {
      // Asking for the status is asking for the model: start it if it is not running yet.
      if (!(await starter.ensureReady())) return;
      const details = await engine.details();
      const remote = status.current.model?.remote;
      if (details.server && remote) {
        const m = status.current.model;
        const software = { fude: 'Fude', vllm: 'vLLM', llamacpp: 'llama.cpp', other: vscode.l10n.t('other') }[
          remote.software
        ];
        const lines = [
          vscode.l10n.t('Engine: remote server, OpenAI-compatible API ({0})', software),
          vscode.l10n.t('Server: {0}', details.server.baseUrl),
          vscode.l10n.t('Model: {0} ({1})', m.name, m.family),
          remote.contextFrom === 'server'
            ? vscode.l10n.t('Context: {0} tokens (from the server)', m.contextSize)
            : vscode.l10n.t('Context: {0} tokens (fude.engine.contextSize; the server does not say)', m.contextSize),
          vscode.l10n.t('Latency: {0} ms (GET /v1/models, measured now)', details.server.latencyMs ?? '-'),
          vscode.l10n.t('Terms of use: {0}', m.termsId ?? vscode.l10n.t('none registered')),
          vscode.l10n.t('Requests: {0} in flight', status.current.inFlight),
        ];
        log.info(`status: ${lines.join('; ')}`);
        void vscode.window.showInformationMessage(vscode.l10n.t('Fude is ready: {0} on {1}', m.name, remote.host), {
          modal: false,
          detail: lines.join('\n'),
        });
        return;
      }
      const st = details.backend;
      if (!st) return;
      const m = st.model;
      const lines = [
        vscode.l10n.t("Engine: Fude's local backend"),
        vscode.l10n.t('Model: {0} ({1})', m.name, m.family),
        vscode.l10n.t('File: {0}', m.path),
        vscode.l10n.t('GPU: {0}, {1}/{2} layers offloaded', m.gpu || 'CPU', m.gpuLayers, m.totalLayers),
        vscode.l10n.t(
          'Context: {0} tokens per sequence, {1}/{2} sequences busy',
          m.contextSize,
          st.sequences.inUse,
          st.sequences.total,
        ),
        vscode.l10n.t(
          'Memory: RAM {0} free of {1}',
          formatBytes(st.memory.ramFreeBytes),
          formatBytes(st.memory.ramTotalBytes),
        ),
        ...(await memoryCost(engine.pid, m.path)),
        vscode.l10n.t('Requests: {0} in flight, {1} queued', st.requestsInFlight, st.requestsQueued),
        ...(st.memory.parts ?? []).map((p) => vscode.l10n.t('Memory, {0}: {1}', p.part, formatBytes(p.bytes))),
        ...(completionDetails?.() ?? []),
      ];
      log.info(`status: ${lines.join('; ')}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Fude is ready: {0}', m.name), {
        modal: false,
        detail: lines.join('\n'),
      });
    }),
    vscode.commands.registerCommand('fude.openWalkthrough', () => walkthrough.open()),
    vscode.commands.registerCommand('fude.showActions', async () => {
      // What applies now comes first: Start while the model is not running, Stop and Restart while it is.
      const running = RUNNING.has(status.current.phase);
      const items: Array<vscode.QuickPickItem & { command: string }> = [
        ...(running ? [] : [{ label: `$(play) ${vscode.l10n.t('Start Backend')}`, command: 'fude.startBackend' }]),
        ...(status.current.engine === 'openai'
          ? [{ label: `$(key) ${vscode.l10n.t('Set API Key for Remote Engine')}`, command: 'fude.engine.setApiKey' }]
          : [
              { label: `$(file) ${vscode.l10n.t('Select Model File…')}`, command: 'fude.selectModel' },
              { label: `$(cloud-download) ${vscode.l10n.t('Download Model…')}`, command: 'fude.models.download' },
            ]),
        { label: `$(info) ${vscode.l10n.t('Show Status')}`, command: 'fude.showStatus' },
        ...(running || status.current.phase === 'failed'
          ? [{ label: `$(debug-restart) ${vscode.l10n.t('Restart Backend')}`, command: 'fude.restartBackend' }]
          : []),
        ...(running ? [{ label: `$(debug-stop) ${vscode.l10n.t('Stop Backend')}`, command: 'fude.stopBackend' }] : []),
        { label: `$(output) ${vscode.l10n.t('Show Log')}`, command: 'fude.showLog' },
        { label: `$(mortar-board) ${vscode.l10n.t('Get Started with Fude')}`, command: 'fude.openWalkthrough' },
      ];
      const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Fude') });
      if (pick) await vscode.commands.executeCommand(pick.command);
    }),
  ];
}

/**
 * What this window's backend costs: each VS Code window runs its own (sharing one across windows would put
 * its token in a file and outlive the window that supervises it; see the README's Security section).
 */
async function memoryCost(pid: number | undefined, modelPath: string): Promise<string[]> {
  const rss = pid === undefined ? undefined : await residentBytes(pid);
  const file = await stat(modelPath).then(
    (s) => s.size,
    () => undefined,
  );
  const lines: string[] = [];
  if (rss !== undefined)
    lines.push(
      vscode.l10n.t(
        "This window's backend holds {0} of memory (the model file is {1}).",
        formatBytes(rss),
        file === undefined ? '?' : formatBytes(file),
      ),
    );
  lines.push(
    vscode.l10n.t(
      'Each VS Code window runs its own backend: another window using this model loads it again and needs about as much memory.',
    ),
  );
  return lines;
}
