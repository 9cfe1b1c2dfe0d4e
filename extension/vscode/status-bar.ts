// The status bar item: ModelStatus in one glance; a click opens the actions. The item names the model and
// where it runs ("Fude: demo model · CPU") from before the first start, so a glance never reads as an
// error; only the icon changes while an answer is written, so the item keeps its width.
import * as vscode from 'vscode';
import type { GpuKind } from '../../protocol/messages.js';
import type { ModelState } from '../engine/model-status.js';
import { exitText, noticeFor } from './failure-notice.js';

export interface StatusView {
  text: string;
  tooltip: string;
  error: boolean;
}

/** "CUDA", "METAL", "VULKAN" or "CPU", as the status bar and the chat header show a device. */
export function deviceLabel(gpu: GpuKind | 'cpu'): string {
  return gpu === false || gpu === 'cpu' ? 'CPU' : gpu.toUpperCase();
}

/** The configured model's name as the status bar shows it: its file name without ".gguf". */
function shortName(s: ModelState): string {
  if (s.isDemo) return vscode.l10n.t('demo model');
  return s.configuredName.replace(/\.gguf$/i, '') || vscode.l10n.t('no model');
}

/**
 * `expectedDevice`: where the configured model will run before it has started ("CPU" for the demo model or
 * `fude.backend.gpu: cpu`, the device it ran on last time), undefined when only loading it will tell.
 */
export function describeState(s: ModelState, expectedDevice?: string): StatusView {
  if (s.engine === 'openai') return describeRemote(s);
  const { isDemo, inFlight } = s;
  const demo = isDemo ? vscode.l10n.t(' (demo model: output is meaningless)') : '';
  const idleText = (icon: string) => `${icon} Fude: ${shortName(s)}${expectedDevice ? ` · ${expectedDevice}` : ''}`;
  switch (s.phase) {
    case 'stopped':
      return {
        text: idleText('$(circle-large-outline)'),
        tooltip:
          vscode.l10n.t('Fude: the model is not loaded yet; it starts when a feature needs it. Click for actions.') +
          demo,
        error: false,
      };
    case 'starting':
      return {
        text: idleText('$(loading~spin)'),
        tooltip: vscode.l10n.t('Starting the Fude backend…') + demo,
        error: false,
      };
    case 'loading': {
      const model = s.loading?.name ?? s.configuredName;
      return {
        text: `$(loading~spin) ${vscode.l10n.t('Fude: loading {0}', isDemo ? shortName(s) : model)}`,
        tooltip: vscode.l10n.t('Loading {0}…', model) + demo,
        error: false,
      };
    }
    case 'ready': {
      const m = s.model!;
      const gpu = deviceLabel(m.gpu);
      const name = isDemo ? vscode.l10n.t('demo model') : m.name;
      // The same text while generating: only the icon turns, so the items beside it do not move.
      const icon = inFlight > 0 ? '$(sync~spin)' : isDemo ? '$(beaker)' : '$(check)';
      const details = vscode.l10n.t(
        '{0} on {1}, {2} of {3} layers on the GPU, context {4} tokens',
        m.name,
        gpu,
        m.gpuLayers,
        m.totalLayers,
        m.contextSize,
      );
      return {
        text: `${icon} Fude: ${name} · ${gpu}`,
        tooltip: (inFlight > 0 ? `${vscode.l10n.t('Writing an answer…')}\n` : '') + details + demo,
        error: false,
      };
    }
    case 'restarting': {
      const r = s.restart!;
      return {
        text: `$(warning) ${vscode.l10n.t('Fude: restarting')}`,
        tooltip: vscode.l10n.t(
          'The backend stopped unexpectedly ({0}); starting it again in {1} s (attempt {2}).',
          exitText(r.exit),
          Math.max(1, Math.round(r.inMs / 1000)),
          r.attempt,
        ),
        error: true,
      };
    }
    case 'failed': {
      const failure = s.failure!;
      const tooltip = `${noticeFor(failure, s.configuredName).message}\n${vscode.l10n.t('Click for actions.')}`;
      if (failure.code === 'terms_not_accepted')
        return { text: `$(law) ${vscode.l10n.t('Fude: terms not accepted')}`, tooltip, error: true };
      return { text: `$(error) ${vscode.l10n.t('Fude: error')}`, tooltip, error: true };
    }
  }
}

/** Remembers where each model ran last (global state), so the idle item can say it before the next start. */
export class DeviceMemory {
  private static readonly KEY = 'fude.status.lastDevice';

  constructor(private readonly store: vscode.Memento) {}

  /** The device the model at `source` will run on: "CPU" when the GPU setting says so, else where it ran last. */
  expected(source: string, gpuSetting: string): string | undefined {
    if (gpuSetting === 'cpu') return 'CPU';
    const last = this.store.get<Record<string, string>>(DeviceMemory.KEY)?.[source];
    // An explicit GPU setting that differs from last time makes the memory stale.
    if (last !== undefined && gpuSetting !== 'auto' && last !== deviceLabel(gpuSetting as GpuKind)) return undefined;
    return last;
  }

  remember(state: ModelState): void {
    if (state.phase !== 'ready' || !state.model) return;
    const all = { ...(this.store.get<Record<string, string>>(DeviceMemory.KEY) ?? {}) };
    const device = deviceLabel(state.model.gpu);
    if (all[state.model.source] === device) return;
    // A handful of models at most: the oldest entries go.
    const entries = Object.entries({ ...all, [state.model.source]: device }).slice(-20);
    void this.store.update(DeviceMemory.KEY, Object.fromEntries(entries));
  }
}

/** The remote engine: which server and model, and the latency measured when it was checked. */
function describeRemote(s: ModelState): StatusView {
  const server = s.server ?? vscode.l10n.t('no server set');
  switch (s.phase) {
    case 'stopped':
      return {
        text: `$(cloud) Fude: ${s.configuredName || hostOf(server)}`,
        tooltip: vscode.l10n.t(
          'Fude uses the remote server {0} (model {1}); it connects when a feature needs it. Click for actions.',
          server,
          s.configuredName || '-',
        ),
        error: false,
      };
    case 'starting':
    case 'loading':
    case 'restarting':
      return {
        text: `$(loading~spin) ${vscode.l10n.t('Fude: connecting to {0}', hostOf(server))}`,
        tooltip: vscode.l10n.t('Checking the remote server {0}…', server),
        error: false,
      };
    case 'ready': {
      const m = s.model!;
      const r = m.remote;
      const host = r?.host ?? hostOf(server);
      const latency = r ? vscode.l10n.t('{0} ms', r.latencyMs) : '';
      // Only the icon turns while an answer is written, so the item keeps its width.
      const text = `${s.inFlight > 0 ? '$(sync~spin)' : '$(cloud)'} Fude: ${m.name} · ${host}${latency ? ` · ${latency}` : ''}`;
      const context =
        r?.contextFrom === 'setting'
          ? vscode.l10n.t('context {0} tokens (fude.engine.contextSize; the server does not say)', m.contextSize)
          : vscode.l10n.t('context {0} tokens', m.contextSize);
      return {
        text,
        tooltip: vscode.l10n.t(
          'Remote engine (OpenAI-compatible API): {0} on {1}, {2}, latency {3} ms when last checked',
          m.name,
          r?.baseUrl ?? server,
          context,
          r?.latencyMs ?? '-',
        ),
        error: false,
      };
    }
    case 'failed':
      if (s.failure!.code === 'terms_not_accepted') {
        return {
          text: `$(law) ${vscode.l10n.t('Fude: terms not accepted')}`,
          tooltip: vscode.l10n.t(
            'Nothing is sent to {0} on {1}: its terms of use have not been accepted. Run "Fude: Show Terms of Use".',
            s.configuredName,
            server,
          ),
          error: true,
        };
      }
      return {
        text: `$(error) ${vscode.l10n.t('Fude: remote error')}`,
        tooltip: `${noticeFor(s.failure!, s.configuredName).message}\n${vscode.l10n.t('Click for actions.')}`,
        error: true,
      };
  }
}

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  lastText = '';

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem('fude.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Fude';
    this.item.command = command;
    this.item.show();
  }

  show(view: StatusView): void {
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.lastText = view.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
