// The status bar item: ModelStatus in one glance; a click opens the actions.
import * as vscode from 'vscode';
import type { ModelState } from '../engine/model-status.js';

export interface StatusView {
  text: string;
  tooltip: string;
  error: boolean;
}

export function describeState(s: ModelState): StatusView {
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
