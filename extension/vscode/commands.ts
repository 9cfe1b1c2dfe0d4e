// The palette commands of the extension core ("Fude" category), each a thin call into the engine.
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { formatBytes } from '../../backend/setup/format-bytes.js';
import type { Engine } from '../engine/engine.js';
import { residentBytes } from '../engine/local/process-memory.js';
import type { ModelStatusView } from '../engine/model-status.js';
import type { ModelStarter } from './model-starter.js';

export interface CoreCommandDeps {
  engine: Engine & { readonly pid?: number };
  status: ModelStatusView;
  starter: ModelStarter;
  log: vscode.LogOutputChannel;
}

export function registerCoreCommands(deps: CoreCommandDeps): vscode.Disposable[] {
  const { engine, status, starter, log } = deps;
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
    vscode.commands.registerCommand('fude.selectModel', async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: vscode.l10n.t('Use This Model'),
        filters: { [vscode.l10n.t('GGUF models')]: ['gguf'] },
        title: vscode.l10n.t('Choose a GGUF model file'),
      });
      if (!picked?.[0]) return;
      // Saving the setting restarts a running backend through the configuration listener.
      await vscode.workspace.getConfiguration('fude').update('model.path', picked[0].fsPath, vscode.ConfigurationTarget.Global);
      log.info(`model set to ${picked[0].fsPath}`);
    }),
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
        ...(await memoryCost(engine.pid, m.path)),
        vscode.l10n.t('Requests: {0} in flight, {1} queued', st.requestsInFlight, st.requestsQueued),
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
        { label: `$(info) ${vscode.l10n.t('Show Status')}`, command: 'fude.showStatus' },
        { label: `$(output) ${vscode.l10n.t('Show Log')}`, command: 'fude.showLog' },
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
  const file = await stat(modelPath).then((s) => s.size, () => undefined);
  const lines: string[] = [];
  if (rss !== undefined) lines.push(vscode.l10n.t('This window\'s backend holds {0} of memory (the model file is {1}).', formatBytes(rss), file === undefined ? '?' : formatBytes(file)));
  lines.push(vscode.l10n.t('Each VS Code window runs its own backend: another window using this model loads it again and needs about as much memory.'));
  return lines;
}
