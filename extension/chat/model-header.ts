// The chat panel's header as a rendering of ModelStatus: which model, on what, how fast, and what the
// engine is doing, with the buttons that fix a problem (the same actions as the failure notifications).
import * as vscode from 'vscode';
import type { ModelState, ModelStatusView } from '../engine/model-status.js';
import { exitText, noticeFor, type NoticeAction } from '../vscode/failure-notice.js';
import { deviceLabel } from '../vscode/status-bar.js';
import type { BackendPhase, ChoiceView, ModelHeader } from './panel-messages.js';

/** Header action the demo banner always offers. */
const SELECT_MODEL_ACTION = 'selectModel';

/** The header for this state: a pure function of it, plus the actions its buttons run. */
function renderHeader(
  state: ModelState,
  tokensPerSecond: number | null,
): { header: ModelHeader; actions: Map<string, NoticeAction> } {
  const offered: NoticeAction[] = [];
  let phase: BackendPhase;
  let status: string | null = null;
  let name: string | null = state.configuredName || null;
  let gpu: string | null = null;
  let server: string | null = null;
  const remote = state.engine === 'openai';
  switch (state.phase) {
    case 'stopped':
      phase = 'stopped';
      if (remote) {
        status = vscode.l10n.t(
          'Fude uses the remote server {0}; it connects when you send a question.',
          state.server ?? '-',
        );
        offered.push({ title: vscode.l10n.t('Connect'), command: 'fude.startBackend' });
      } else {
        status = vscode.l10n.t('The model is not running; it starts when you send a question.');
        offered.push({ title: vscode.l10n.t('Start Backend'), command: 'fude.startBackend' });
      }
      break;
    case 'starting':
      phase = 'starting';
      status = remote
        ? vscode.l10n.t('Connecting to {0}…', state.server ?? '-')
        : vscode.l10n.t('Starting the backend…');
      break;
    case 'loading':
      phase = 'loading';
      status = vscode.l10n.t('Loading {0}…', state.loading?.name ?? name ?? '');
      break;
    case 'ready': {
      const model = state.model!;
      phase = state.inFlight > 0 ? 'generating' : 'ready';
      name = model.name;
      gpu = model.gpu ? `${deviceLabel(model.gpu)} ${model.gpuLayers}/${model.totalLayers}` : null;
      if (model.remote) server = `${model.remote.host} · ${vscode.l10n.t('{0} ms', model.remote.latencyMs)}`;
      break;
    }
    case 'restarting': {
      const r = state.restart!;
      phase = 'restarting';
      status = vscode.l10n.t(
        'The backend stopped unexpectedly ({0}); starting it again in {1} s (attempt {2}).',
        exitText(r.exit),
        Math.max(1, Math.round(r.inMs / 1000)),
        r.attempt,
      );
      offered.push({ title: vscode.l10n.t('Show Log'), command: 'fude.showLog' });
      break;
    }
    case 'failed': {
      phase = 'error';
      const notice = noticeFor(state.failure!, state.configuredName);
      status = notice.message;
      offered.push(...notice.actions);
      break;
    }
  }
  const actions = new Map(offered.map((action, i) => [`a${i}`, action]));
  actions.set(SELECT_MODEL_ACTION, { title: vscode.l10n.t('Choose Model'), command: 'fude.selectModel' });
  const views: ChoiceView[] = offered.map((action, i) => ({ id: `a${i}`, label: action.title }));
  return {
    header: { name, gpu, server, tokensPerSecond, phase, status, actions: views, isDemo: state.isDemo },
    actions,
  };
}

/** Keeps the actions of the header last shown, so a click runs what its button said. */
export class HeaderModel {
  private actions = new Map<string, NoticeAction>();

  constructor(
    private readonly status: ModelStatusView,
    private readonly termsExpected: () => boolean,
  ) {}

  header(tokensPerSecond: number | null): ModelHeader {
    const { header, actions } = renderHeader(this.status.current, tokensPerSecond);
    this.actions = actions;
    return header;
  }

  async run(choice: string): Promise<void> {
    const action = this.actions.get(choice);
    if (action !== undefined) await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
  }

  /** The loaded model's name, which labels the answers it writes; null before one is loaded. */
  answeringModel(): string | null {
    return this.status.current.model?.name ?? null;
  }

  /** The configured model and the process serving it: a new one means earlier speeds no longer apply. */
  modelKey(): string {
    const s = this.status.current;
    return `${s.configuredName}|${s.readyKey ?? ''}`;
  }

  /** The loaded model's context per sequence; null before one is loaded. */
  contextSize(): number | null {
    return this.status.current.model?.contextSize ?? null;
  }

  /** Whether the model's terms ask for the accuracy and prohibited-use line under the input. */
  termsLine(): boolean {
    const { model } = this.status.current;
    return model ? model.termsId !== null : this.termsExpected();
  }
}
