// The palette commands of the extension core ("Fude" category), each a thin call into the engine.
import * as vscode from 'vscode';
import { formatBytes } from '../../backend/setup/format-bytes.js';
import type { Engine } from '../engine/engine.js';
import type { ModelStatusView } from '../engine/model-status.js';
import type { ModelStarter } from './model-starter.js';

export interface CoreCommandDeps {
  engine: Engine;
  status: ModelStatusView;
  starter: ModelStarter;
  log: vscode.LogOutputChannel;
  /** Inline completion's window, budget and speeds, in words (the completion controller's). */
  completionDetails?: () => string[];
}

export function registerCoreCommands(deps: CoreCommandDeps): vscode.Disposable[] {
  const { engine, status, starter, log, completionDetails } = deps;
  const start = async (restart: boolean) => {
    if (!restart) return void (await starter.ensureReady());
    try {
      await starter.withProgress(() => engine.restart());
    } catch (e) {
      const failure = status.current.failure;
      if (failure) starter.showOnce(failure);
      else void vscode.window.showErrorMessage(vscode.l10n.t('Fude: {0}', String((e as Error).message)));
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
      const st = (await engine.details()).backend;
      if (!st) return;
      const m = st.model;
      const lines = [
        vscode.l10n.t('Model: {0} ({1})', m.name, m.family),
        vscode.l10n.t('File: {0}', m.path),
        vscode.l10n.t('GPU: {0}, {1}/{2} layers offloaded', m.gpu || 'CPU', m.gpuLayers, m.totalLayers),
        vscode.l10n.t('Context: {0} tokens per sequence, {1}/{2} sequences busy', m.contextSize, st.sequences.inUse, st.sequences.total),
        vscode.l10n.t('Memory: RAM {0} free of {1}', formatBytes(st.memory.ramFreeBytes), formatBytes(st.memory.ramTotalBytes)),
        vscode.l10n.t('Requests: {0} in flight, {1} queued', st.requestsInFlight, st.requestsQueued),
        ...(st.memory.parts ?? []).map((p) => vscode.l10n.t('Memory, {0}: {1}', p.part, formatBytes(p.bytes))),
        ...(completionDetails?.() ?? []),
      ];
      log.info(`status: ${lines.join('; ')}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Fude is ready: {0}', m.name), { modal: false, detail: lines.join('\n') });
    }),
    vscode.commands.registerCommand('fude.showActions', async () => {
      const items: Array<vscode.QuickPickItem & { command: string }> = [
        { label: `$(play) ${vscode.l10n.t('Start Backend')}`, command: 'fude.startBackend' },
        { label: `$(debug-restart) ${vscode.l10n.t('Restart Backend')}`, command: 'fude.restartBackend' },
        { label: `$(debug-stop) ${vscode.l10n.t('Stop Backend')}`, command: 'fude.stopBackend' },
        { label: `$(file) ${vscode.l10n.t('Select Model File…')}`, command: 'fude.selectModel' },
        { label: `$(cloud-download) ${vscode.l10n.t('Download Model…')}`, command: 'fude.models.download' },
        { label: `$(info) ${vscode.l10n.t('Show Status')}`, command: 'fude.showStatus' },
        { label: `$(output) ${vscode.l10n.t('Show Log')}`, command: 'fude.showLog' },
      ];
      const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Fude') });
      if (pick) await vscode.commands.executeCommand(pick.command);
    }),
  ];
}
