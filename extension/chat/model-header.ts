// The panel header: which model, on what, how fast, and what the backend is doing, with the
// buttons that fix a problem (the same actions as the core's failure notifications).
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { termsForFamily } from '../../backend/terms/index.js';
import type { FudeCore } from '../core.js';
import { noticeFor, type NoticeAction } from '../vscode/failure-notice.js';
import type { BackendPhase, ChoiceView, ModelHeader } from './panel-messages.js';

/** Header action the demo banner always offers. */
export const SELECT_MODEL_ACTION = 'selectModel';

export class HeaderModel {
  private actions = new Map<string, NoticeAction>();

  constructor(private readonly core: FudeCore) {}

  header(tokensPerSecond: number | null): ModelHeader {
    const state = this.core.service.supervisor.current;
    const resolved = this.core.model();
    const fileName = basename(resolved.settings.modelPath);
    const offered: NoticeAction[] = [];
    let phase: BackendPhase;
    let status: string | null = null;
    let name: string | null = fileName || null;
    let gpu: string | null = null;
    switch (state.kind) {
      case 'stopped':
        phase = 'stopped';
        status = vscode.l10n.t('The model is not running; it starts when you send a question.');
        offered.push({ title: vscode.l10n.t('Start Backend'), command: 'fude.startBackend' });
        break;
      case 'starting':
        phase = 'starting';
        status = vscode.l10n.t('Starting the backend…');
        break;
      case 'loading':
        phase = 'loading';
        status = vscode.l10n.t('Loading {0}…', state.model);
        break;
      case 'ready': {
        const model = state.ready.model;
        phase = this.core.service.client.inFlight > 0 ? 'generating' : 'ready';
        name = model.name;
        gpu = model.gpu ? `${model.gpu.toUpperCase()} ${model.gpuLayers}/${model.totalLayers}` : null;
        break;
      }
      case 'restarting':
        phase = 'restarting';
        status = vscode.l10n.t('The backend stopped unexpectedly ({0}); restarting in {1} s (attempt {2}).', state.reason, Math.max(1, Math.round(state.inMs / 1000)), state.attempt);
        offered.push({ title: vscode.l10n.t('Show Log'), command: 'fude.showLog' });
        break;
      case 'failed': {
        phase = 'error';
        const notice = noticeFor(state.failure);
        status = notice.message;
        offered.push(...notice.actions);
        break;
      }
    }
    this.actions = new Map(offered.map((action, i) => [`a${i}`, action]));
    this.actions.set(SELECT_MODEL_ACTION, { title: vscode.l10n.t('Choose Model File…'), command: 'fude.selectModel' });
    const actions: ChoiceView[] = offered.map((action, i) => ({ id: `a${i}`, label: action.title }));
    return { name, gpu, tokensPerSecond, phase, status, actions, isDemo: resolved.isDemo };
  }

  async run(choice: string): Promise<void> {
    const action = this.actions.get(choice);
    if (action !== undefined) await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
  }

  /** The loaded model's context per sequence; null before one is loaded. */
  contextSize(): number | null {
    const state = this.core.service.supervisor.current;
    return state.kind === 'ready' ? state.ready.model.contextSize : null;
  }

  /** Whether the model's terms ask for the accuracy and prohibited-use line under the input. */
  termsLine(): boolean {
    const state = this.core.service.supervisor.current;
    if (state.kind === 'ready') return state.ready.model.termsId !== null;
    const { settings } = this.core.model();
    return termsForFamily(settings.family, basename(settings.modelPath)).kind === 'terms';
  }
}
