// The status bar item: ModelStatus in one glance; a click opens the actions.
import * as vscode from 'vscode';
import type { ModelState } from '../engine/model-status.js';

export interface StatusView {
  text: string;
  tooltip: string;
  error: boolean;
}

export function describeState(s: ModelState): StatusView {
  if (s.engine === 'openai') return describeRemote(s);
  const { isDemo, inFlight } = s;
  const demo = isDemo ? vscode.l10n.t(' (demo model: output is meaningless)') : '';
  switch (s.phase) {
    case 'stopped':
      return { text: '$(circle-slash) Fude', tooltip: vscode.l10n.t('Fude: the model is not loaded. It starts when a feature needs it. Click for actions.'), error: false };
    case 'starting':
      return { text: `$(loading~spin) ${vscode.l10n.t('Fude: starting')}`, tooltip: vscode.l10n.t('Starting the Fude backend…'), error: false };
    case 'loading': {
      const model = s.loading?.name ?? s.configuredName;
      return { text: `$(loading~spin) ${vscode.l10n.t('Fude: loading {0}', model)}`, tooltip: vscode.l10n.t('Loading {0}…', model) + demo, error: false };
    }
    case 'ready': {
      const m = s.model!;
      const gpu = m.gpu ? m.gpu.toUpperCase() : 'CPU';
      const name = isDemo ? vscode.l10n.t('demo model') : m.name;
      const icon = inFlight > 0 ? '$(sync~spin)' : isDemo ? '$(beaker)' : '$(check)';
      const text = inFlight > 0 ? `${icon} ${vscode.l10n.t('Fude: generating')}` : `${icon} Fude: ${name} · ${gpu}`;
      return {
        text,
        tooltip: vscode.l10n.t('{0} on {1}, {2} of {3} layers on the GPU, context {4} tokens', m.name, gpu, m.gpuLayers, m.totalLayers, m.contextSize) + demo,
        error: false,
      };
    }
    case 'restarting': {
      const r = s.restart!;
      return { text: `$(warning) ${vscode.l10n.t('Fude: restarting')}`, tooltip: vscode.l10n.t('The backend stopped unexpectedly ({0}); restarting in {1} s (attempt {2}).', r.reason, Math.round(r.inMs / 1000), r.attempt), error: true };
    }
    case 'failed':
      if (s.failure!.code === 'terms_not_accepted') {
        return { text: `$(law) ${vscode.l10n.t('Fude: terms not accepted')}`, tooltip: vscode.l10n.t('The model was not loaded: its terms of use have not been accepted. Click for actions, or run "Fude: Show Terms of Use".'), error: true };
      }
      return { text: `$(error) ${vscode.l10n.t('Fude: error')}`, tooltip: s.failure!.message, error: true };
  }
}

/** The remote engine: which server and model, and the latency measured when it was checked. */
function describeRemote(s: ModelState): StatusView {
  const server = s.server ?? vscode.l10n.t('no server set');
  switch (s.phase) {
    case 'stopped':
      return { text: '$(cloud) Fude', tooltip: vscode.l10n.t('Fude uses the remote server {0} (model {1}); it connects when a feature needs it. Click for actions.', server, s.configuredName || '-'), error: false };
    case 'starting':
    case 'loading':
    case 'restarting':
      return { text: `$(loading~spin) ${vscode.l10n.t('Fude: connecting to {0}', hostOf(server))}`, tooltip: vscode.l10n.t('Checking the remote server {0}…', server), error: false };
    case 'ready': {
      const m = s.model!;
      const r = m.remote;
      const host = r?.host ?? hostOf(server);
      const latency = r ? vscode.l10n.t('{0} ms', r.latencyMs) : '';
      const text = s.inFlight > 0 ? `$(sync~spin) ${vscode.l10n.t('Fude: generating')}` : `$(cloud) Fude: ${m.name} · ${host}${latency ? ` · ${latency}` : ''}`;
      const context = r?.contextFrom === 'setting'
        ? vscode.l10n.t('context {0} tokens (fude.engine.contextSize; the server does not say)', m.contextSize)
        : vscode.l10n.t('context {0} tokens', m.contextSize);
      return {
        text,
        tooltip: vscode.l10n.t('Remote engine (OpenAI-compatible API): {0} on {1}, {2}, latency {3} ms when last checked', m.name, r?.baseUrl ?? server, context, r?.latencyMs ?? '-'),
        error: false,
      };
    }
    case 'failed':
      if (s.failure!.code === 'terms_not_accepted') {
        return { text: `$(law) ${vscode.l10n.t('Fude: terms not accepted')}`, tooltip: vscode.l10n.t('Nothing is sent to {0} on {1}: its terms of use have not been accepted. Run "Fude: Show Terms of Use".', s.configuredName, server), error: true };
      }
      return { text: `$(error) ${vscode.l10n.t('Fude: remote error')}`, tooltip: vscode.l10n.t('The remote server {0} cannot be used: {1}', server, s.failure!.message), error: true };
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
