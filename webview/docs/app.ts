/**
 * The documentation panel: style and length, the six actions, the streamed answer (prose as sanitized
 * markdown, a comment or code in an editable text area) and what to do with it. Built from the webview UI
 * toolkit's elements; every colour comes from the theme (media/docs.css).
 */
import type { DocAction, ExtensionMessage, ResultKind } from '../../extension/docs/panel-messages.js';
import type { DocLength, DocStyle, Politeness } from '../../extension/docs/prompts.js';
import { button, h } from '../shared/dom.js';
import { createMarkdownRenderer } from '../markdown/render.js';
import { codeArea, dropdown, type ValueElement } from './controls.js';
import { onMessage, post } from './vscode-api.js';

const ACTIONS: DocAction[] = ['docComment', 'explain', 'translateToJa', 'translateToEn', 'readme', 'api'];

export class DocsApp {
  private s: Record<string, string> = {};
  private readonly renderer = createMarkdownRenderer({ window });
  private readonly target = h('div', { class: 'target' });
  private readonly styles = h('div', { class: 'styles' });
  private readonly actions = h('div', { class: 'actions' });
  private readonly ring = h('vscode-progress-ring', {
    class: 'working',
    hidden: true,
    attrs: { 'aria-hidden': 'true' },
  });
  private readonly statusText = h('span', { class: 'status-text', attrs: { role: 'status' } });
  private readonly status = h('div', { class: 'status' }, this.ring, this.statusText);
  private readonly progress = h('div', { class: 'progress' }, this.status);
  private readonly output = h('div', { class: 'output' });
  private readonly buttons = h('div', { class: 'result-buttons' });
  private readonly notice = h('div', { class: 'notice' });
  private stop: HTMLElement = h('span');
  private politeness: ValueElement | undefined;
  private length: ValueElement | undefined;
  private kind: ResultKind = 'prose';
  private action: DocAction = 'docComment';
  private streamed = '';

  constructor(private readonly root: HTMLElement) {
    onMessage((m) => this.onMessage(m));
    post({ type: 'ready' });
  }

  private styleNow(): DocStyle {
    return { politeness: this.politeness?.value as Politeness, length: this.length?.value as DocLength };
  }

  private build(style: DocStyle): void {
    const s = this.s;
    const changed = () => post({ type: 'style', style: this.styleNow() });
    const politeness = dropdown(
      s.politeness,
      [
        ['desu-masu', s.desuMasu],
        ['de-aru', s.deAru],
      ],
      style.politeness,
      changed,
    );
    const length = dropdown(
      s.length,
      [
        ['one-line', s.oneLine],
        ['short', s.short],
        ['detailed', s.detailed],
      ],
      style.length,
      changed,
    );
    this.politeness = politeness.control;
    this.length = length.control;
    this.styles.replaceChildren(politeness.field, length.field);
    this.actions.replaceChildren(
      ...ACTIONS.map((a) =>
        button(s[a], () => post({ type: 'run', action: a, style: this.styleNow() }), {
          appearance: a === 'docComment' ? 'primary' : 'secondary',
        }),
      ),
    );
    this.stop = button(s.stop, () => post({ type: 'stop' }), { class: 'stop' });
    this.stop.hidden = true;
    this.progress.replaceChildren(this.status, this.stop);
    this.notice.textContent = s.outputNotice;
    this.target.textContent = s.noTarget;
    this.root.replaceChildren(
      this.target,
      this.styles,
      this.actions,
      h('vscode-divider', { attrs: { role: 'separator' } }),
      this.progress,
      this.output,
      this.buttons,
      this.notice,
    );
  }

  private working(on: boolean): void {
    this.ring.hidden = !on;
    this.stop.hidden = !on;
    this.progress.classList.toggle('busy', on);
  }

  private say(text: string, warning = false): void {
    this.statusText.textContent = text;
    this.status.classList.toggle('warning', warning);
  }

  private onMessage(m: ExtensionMessage): void {
    switch (m.type) {
      case 'init':
        this.s = m.strings;
        return this.build(m.style);
      case 'target':
        this.target.textContent = `${this.s.target}: ${m.description}`;
        return;
      case 'start':
        this.kind = m.kind;
        this.action = m.action;
        this.streamed = '';
        this.output.replaceChildren();
        this.buttons.replaceChildren();
        this.say(this.s.working);
        return this.working(true);
      case 'progress':
        if (this.streamed === '') this.say(m.text);
        return;
      case 'delta':
        if (this.streamed === '') this.say(this.s.working);
        this.streamed += m.text;
        if (this.kind === 'prose') this.showMarkdown(this.streamed);
        else this.output.replaceChildren(h('pre', { class: 'streaming', text: this.streamed }));
        return;
      case 'result':
        this.working(false);
        this.say(m.warning ?? '', Boolean(m.warning));
        return this.showResult(m.kind, m.text, m.existing);
      case 'error':
        this.working(false);
        return this.say(m.message, true);
      case 'inserted':
        // The result is in the editor now; taking the buttons away keeps a second click from inserting it twice.
        this.buttons.replaceChildren();
        // What is shown now is what went in: no more "edit before inserting".
        this.output.querySelector('.hint')?.remove();
        this.output.querySelector('vscode-text-area')?.setAttribute('readonly', '');
        return this.say(this.s.inserted);
    }
  }

  private showMarkdown(text: string): void {
    const body = h('div', { class: 'markdown' });
    body.innerHTML = this.renderer.render(text).html; // sanitized by DOMPurify inside render()
    this.output.replaceChildren(body);
  }

  private showResult(kind: ResultKind, text: string, existing: boolean): void {
    this.buttons.replaceChildren();
    if (text === '') return this.output.replaceChildren();
    if (kind === 'prose') {
      this.showMarkdown(text);
      this.buttons.append(button(this.s.openDraft, () => post({ type: 'openDraft', text })));
      return;
    }
    const hint = kind === 'docComment' ? (existing ? this.s.existing : this.s.editHint) : undefined;
    const area = codeArea(text, this.s[this.action]);
    this.output.replaceChildren(...(hint === undefined ? [] : [h('div', { class: 'hint', text: hint })]), area);
    if (kind === 'code') {
      this.buttons.append(
        button(this.s.apply, () => post({ type: 'applyTranslation', text: area.value }), { appearance: 'primary' }),
      );
      return;
    }
    this.buttons.append(
      button(this.s.insert, () => post({ type: 'insert', text: area.value, replace: false }), {
        appearance: 'primary',
      }),
    );
    if (existing) {
      this.buttons.append(
        button(this.s.replace, () => post({ type: 'insert', text: area.value, replace: true })),
        button(this.s.translateExisting, () => post({ type: 'translateExisting', style: this.styleNow() })),
      );
    }
  }
}
