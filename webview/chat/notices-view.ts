/**
 * Errors, notices with choices, and what was left out of the prompt, shown above the input. Each box's
 * text scrolls inside it while its buttons stay below it in view, so a long notice never hides its choices.
 */
import type { ChoiceView } from '../../extension/chat/panel-messages.js';
import { button, clear, h } from '../shared/dom.js';
import { post } from './vscode-api.js';

type T = (key: string, ...args: Array<string | number>) => string;

interface Item {
  id: string;
  kind: 'error' | 'info' | 'warning' | 'context' | 'note';
  conversationId: string | null;
  message: string;
  details: string[];
  choices: ChoiceView[];
  /** What the choices mean, kept beside them. */
  note?: string;
}

export class NoticesView {
  readonly element = h('div', { class: 'notices', attrs: { id: 'notices', role: 'log', 'aria-live': 'polite' } });
  private items: Item[] = [];
  private currentId: string | null = null;

  constructor(private readonly t: T) {}

  error(id: string, conversationId: string | null, message: string, action: ChoiceView | null): void {
    this.add({ id, kind: 'error', conversationId, message, details: [], choices: action ? [action] : [] });
  }

  notice(id: string, severity: 'info' | 'warning', message: string, choices: ChoiceView[], note?: string): void {
    // A newer notice replaces older ones (the extension dismissed them).
    this.items = this.items.filter((item) => item.kind !== 'info' && item.kind !== 'warning');
    this.add({ id, kind: severity, conversationId: null, message, details: [], choices, ...(note ? { note } : {}) });
  }

  /** A line that needs no answer (an attachment cut, conversations removed from the history); stays until dismissed. */
  note(id: string, conversationId: string | null, message: string): void {
    this.add({ id, kind: 'note', conversationId, message, details: [], choices: [] });
  }

  contextNotes(conversationId: string, leftOut: string[]): void {
    this.items = this.items.filter((item) => item.kind !== 'context');
    if (leftOut.length > 0)
      this.add({
        id: `context-${conversationId}`,
        kind: 'context',
        conversationId,
        message: this.t('leftOutTitle'),
        details: leftOut,
        choices: [],
      });
    else this.render();
  }

  /** A new question: earlier errors and notes no longer apply. */
  clearForSend(): void {
    this.items = this.items.filter((item) => item.kind === 'info' || item.kind === 'warning' || item.kind === 'note');
    this.render();
  }

  setConversation(id: string | null): void {
    if (id === this.currentId) return;
    this.currentId = id;
    this.items = this.items.filter((item) => item.conversationId === null || item.conversationId === id);
    this.render();
  }

  private add(item: Item): void {
    this.items = [...this.items.filter((existing) => existing.id !== item.id), item];
    this.render();
  }

  private dismiss(id: string): void {
    this.items = this.items.filter((item) => item.id !== id);
    this.render();
  }

  private render(): void {
    clear(this.element);
    for (const item of this.items) {
      if (item.conversationId !== null && item.conversationId !== this.currentId) continue;
      const body = h(
        'div',
        { class: 'notice-body', attrs: { tabindex: '0' } },
        h('div', { class: 'notice-text', text: item.message }),
      );
      if (item.details.length > 0)
        body.append(h('ul', { class: 'notice-details' }, ...item.details.map((d) => h('li', { text: d }))));
      const actions = h('div', { class: 'notice-actions' });
      for (const choice of item.choices) {
        actions.append(
          button(
            choice.label,
            () => {
              this.dismiss(item.id);
              post({ type: 'noticeChoice', noticeId: item.id, choice: choice.id });
            },
            {
              appearance: choice.id === 'cancel' ? 'secondary' : 'primary',
              class: `notice-choice choice-${choice.id}`,
            },
          ),
        );
      }
      // A question's own choices answer it (Cancel is its dismissal); other boxes get Dismiss.
      const asks = (item.kind === 'info' || item.kind === 'warning') && item.choices.length > 0;
      if (!asks) {
        actions.append(
          button(
            this.t('dismiss'),
            () => {
              this.dismiss(item.id);
              // An unanswered notice must not leave a send waiting.
              if (item.kind === 'info' || item.kind === 'warning')
                post({ type: 'noticeChoice', noticeId: item.id, choice: 'dismiss' });
            },
            { appearance: 'secondary', class: 'notice-dismiss' },
          ),
        );
      }
      const box = h(
        'div',
        {
          class: `notice notice-${item.kind}`,
          attrs: { 'data-notice-id': item.id, role: item.kind === 'error' ? 'alert' : 'status' },
        },
        body,
      );
      if (item.note !== undefined) box.append(h('div', { class: 'notice-note', text: item.note }));
      box.append(actions);
      this.element.append(box);
    }
  }
}
