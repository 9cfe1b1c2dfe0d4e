/**
 * The input: attachment chips, attach buttons, the question box (Enter sends, Shift+Enter adds
 * a line, Enter during IME conversion only confirms it), Send / Stop, and the terms line.
 */
import type { AttachmentView } from '../../extension/chat/panel-messages.js';
import { button, clear, h } from '../shared/dom.js';
import { enterAction, trackComposition } from './enter-key.js';
import { post, savedState, saveState } from './vscode-api.js';

type T = (key: string, ...args: Array<string | number>) => string;
type TextArea = HTMLElement & { value: string };

export class ComposerView {
  readonly element: HTMLElement;
  private readonly chips = h('div', { class: 'chips', attrs: { id: 'chips', 'aria-label': 'attachments' } });
  private readonly input: TextArea;
  private readonly send: HTMLElement;
  private readonly stop: HTMLElement;
  private readonly termsLine: HTMLElement;
  private attachments: AttachmentView[] = [];
  private busy = false;

  constructor(
    private readonly t: T,
    private readonly onSend: (text: string) => void,
  ) {
    this.input = h('vscode-text-area', {
      class: 'input',
      attrs: {
        id: 'input',
        rows: '3',
        resize: 'vertical',
        placeholder: t('inputPlaceholder'),
        'aria-label': t('inputLabel'),
      },
    }) as TextArea;
    this.input.value = savedState().draft ?? '';
    const composing = trackComposition(this.input);
    this.input.addEventListener('keydown', (event: KeyboardEvent) => {
      if (enterAction(event, composing()) !== 'send') return;
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => saveState({ draft: this.input.value }));
    this.send = button(t('send'), () => this.submit(), { appearance: 'primary', class: 'send' });
    this.send.id = 'send';
    this.stop = button(t('stop'), () => post({ type: 'stop' }), { appearance: 'secondary', class: 'stop' });
    this.stop.id = 'stop';
    this.stop.hidden = true;
    const link = h('vscode-link', {
      class: 'terms-link',
      attrs: { id: 'terms-link', href: '#', role: 'link' },
      text: t('termsLink'),
    });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      post({ type: 'showTerms' });
    });
    this.termsLine = h(
      'div',
      { class: 'terms-line', attrs: { id: 'terms-line' }, hidden: true },
      h('span', { text: `${t('termsLine')} ` }),
      link,
    );
    this.element = h(
      'footer',
      { class: 'composer' },
      this.chips,
      h(
        'div',
        { class: 'attach-row' },
        button(t('attachActiveFile'), () => post({ type: 'attachActiveFile' }), {
          appearance: 'secondary',
          class: 'attach-active',
        }),
        button(t('attachOpenFile'), () => post({ type: 'attachOpenFile' }), {
          appearance: 'secondary',
          class: 'attach-open',
        }),
      ),
      this.input,
      h('div', { class: 'send-row' }, this.send, this.stop),
      this.termsLine,
    );
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.send.hidden = busy;
    this.stop.hidden = !busy;
  }

  setTermsLine(shown: boolean): void {
    this.termsLine.hidden = !shown;
  }

  setAttachments(items: AttachmentView[]): void {
    this.attachments = items;
    clear(this.chips);
    for (const item of items) {
      const lines =
        item.lines === null
          ? ''
          : item.lines.start === item.lines.end
            ? `:${item.lines.start}`
            : `:${item.lines.start}-${item.lines.end}`;
      const label = `${item.name}${lines}`;
      this.chips.append(
        h(
          'span',
          {
            class: `chip chip-${item.kind}`,
            attrs: { 'data-attachment-id': item.id, title: `${label} (${item.language})` },
          },
          h('span', { class: 'chip-kind', text: item.kind === 'selection' ? this.t('selection') : '' }),
          h('span', { class: 'chip-name', text: label }),
          button('×', () => post({ type: 'removeAttachment', attachmentId: item.id }), {
            appearance: 'icon',
            class: 'chip-remove',
            title: this.t('removeAttachment', label),
          }),
        ),
      );
    }
  }

  /** Puts text back (a send that did not happen), unless the person already typed something new. */
  restore(text: string): void {
    if (this.input.value.trim() === '') this.setValue(text);
  }

  focus(): void {
    this.input.focus();
  }

  private setValue(text: string): void {
    this.input.value = text;
    saveState({ draft: text });
  }

  private submit(): void {
    const text = this.input.value;
    if (this.busy || text.trim() === '') return;
    post({ type: 'send', text, attachments: this.attachments.map((a) => a.id) });
    this.setValue('');
    this.onSend(text);
  }
}
