/** The header: model name, CPU/GPU (or the remote server and its latency), speed of the last answer, the backend's state with its fix, the demo warning. */
import type { ModelHeader } from '../../extension/chat/panel-messages.js';
import { button, clear, h } from '../shared/dom.js';
import { post } from './vscode-api.js';

type T = (key: string, ...args: Array<string | number>) => string;

const BUSY_PHASES = new Set(['starting', 'loading', 'restarting', 'generating']);

export class HeaderView {
  readonly element: HTMLElement;
  private readonly name = h('span', { class: 'model-name', attrs: { id: 'model-name' } });
  // A plain span, not vscode-tag: the toolkit's tag sets a style attribute, which the CSP refuses.
  private readonly device = h('span', { class: 'model-device', attrs: { id: 'model-device' } });
  private readonly speed = h('span', { class: 'model-speed', attrs: { id: 'model-speed' } });
  private readonly spinner = h('vscode-progress-ring', { class: 'model-spinner', hidden: true });
  private readonly status = h('div', {
    class: 'status-line',
    attrs: { id: 'status-line', role: 'status', 'aria-live': 'polite' },
  });
  private readonly demo = h('div', { class: 'demo-banner', attrs: { id: 'demo-banner', role: 'note' }, hidden: true });

  constructor(
    private readonly t: T,
    toolbar: HTMLElement,
  ) {
    this.element = h(
      'header',
      { class: 'header' },
      h(
        'div',
        { class: 'model-line' },
        this.spinner,
        this.name,
        this.device,
        this.speed,
        h('span', { class: 'spacer' }),
        toolbar,
      ),
      this.status,
      this.demo,
    );
  }

  render(model: ModelHeader): void {
    const t = this.t;
    this.name.textContent = model.name ?? t('noModel');
    this.name.title = model.name ?? '';
    const ready = model.phase === 'ready' || model.phase === 'generating';
    this.device.hidden = !ready;
    this.device.textContent = model.server ?? model.gpu ?? t('cpu');
    this.device.title = model.server === null ? '' : t('remoteEngine');
    this.speed.textContent =
      model.tokensPerSecond === null ? '' : t('tokensPerSecond', model.tokensPerSecond.toFixed(1));
    this.spinner.hidden = !BUSY_PHASES.has(model.phase);
    this.element.dataset.phase = model.phase;

    clear(this.status);
    this.status.hidden = model.status === null && model.actions.length === 0;
    this.status.className = `status-line phase-${model.phase}`;
    if (model.status !== null) this.status.append(h('span', { class: 'status-text', text: model.status }));
    for (const action of model.actions) {
      this.status.append(
        button(action.label, () => post({ type: 'noticeChoice', noticeId: 'header', choice: action.id }), {
          class: 'status-action',
        }),
      );
    }

    clear(this.demo);
    this.demo.hidden = !model.isDemo;
    if (model.isDemo) {
      this.demo.append(
        h('span', { text: t('demoBanner') }),
        button(t('chooseModel'), () => post({ type: 'noticeChoice', noticeId: 'header', choice: 'selectModel' }), {
          class: 'status-action',
        }),
      );
    }
  }
}
