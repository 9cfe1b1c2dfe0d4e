/** The list of this workspace's conversations: open one, rename it, delete it (asks once more first). */
import type { ConversationSummary } from '../../extension/chat/panel-messages.js';
import { button, clear, h } from '../shared/dom.js';
import { enterAction, trackComposition } from './enter-key.js';
import { post } from './vscode-api.js';

type T = (key: string, ...args: Array<string | number>) => string;

export class HistoryView {
  readonly element = h('section', {
    class: 'history',
    attrs: { id: 'history', 'aria-label': 'history' },
    hidden: true,
  });
  private readonly list = h('ul', { class: 'history-list', attrs: { id: 'history-list' } });
  private conversations: ConversationSummary[] = [];
  private currentId: string | null = null;
  private renaming: string | null = null;
  private renameDraft: string | null = null;
  private confirmingDelete: string | null = null;

  constructor(private readonly t: T) {
    this.element.setAttribute('aria-label', t('historyTitle'));
    this.element.append(h('h2', { class: 'history-title', text: t('historyTitle') }), this.list);
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  toggle(open = !this.open): void {
    this.element.hidden = !open;
  }

  render(conversations: ConversationSummary[], currentId: string | null): void {
    this.conversations = conversations;
    this.currentId = currentId;
    clear(this.list);
    if (conversations.length === 0)
      this.list.append(h('li', { class: 'history-empty', text: this.t('noConversations') }));
    for (const conversation of conversations) this.list.append(this.row(conversation));
  }

  private rerender(): void {
    this.render(this.conversations, this.currentId);
  }

  private row(conversation: ConversationSummary): HTMLElement {
    const t = this.t;
    const current = conversation.id === this.currentId;
    const item = h('li', {
      class: current ? 'history-item current' : 'history-item',
      attrs: { 'data-conversation-id': conversation.id },
    });
    if (this.renaming === conversation.id) {
      item.append(this.renameField(conversation));
      return item;
    }
    const title = h('a', {
      class: 'history-open',
      text: conversation.title,
      attrs: {
        role: 'button',
        tabindex: '0',
        title: new Date(conversation.updatedAt).toLocaleString(),
        'aria-current': current ? 'true' : undefined,
      },
      onClick: () => {
        post({ type: 'selectConversation', conversationId: conversation.id });
        this.toggle(false);
      },
    });
    title.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') title.click();
    });
    const confirming = this.confirmingDelete === conversation.id;
    item.append(
      title,
      button(
        t('rename'),
        () => {
          this.renaming = conversation.id;
          this.rerender();
        },
        { appearance: 'icon', class: 'history-rename', title: t('rename') },
      ),
      button(
        confirming ? t('deleteConfirm') : t('delete'),
        () => {
          if (!confirming) {
            this.confirmingDelete = conversation.id;
            this.rerender();
            return;
          }
          this.confirmingDelete = null;
          post({ type: 'deleteConversation', conversationId: conversation.id });
        },
        { appearance: confirming ? 'primary' : 'icon', class: 'history-delete', title: t('delete') },
      ),
    );
    return item;
  }

  private renameField(conversation: ConversationSummary): HTMLElement {
    const field = h('vscode-text-field', {
      class: 'history-rename-field',
      attrs: { maxlength: '200', 'aria-label': this.t('rename') },
    }) as HTMLElement & { value: string };
    field.value = this.renameDraft ?? conversation.title;
    field.addEventListener('input', () => {
      this.renameDraft = field.value;
    });
    const composing = trackComposition(field);
    const save = () => {
      const title = field.value.trim();
      this.renaming = null;
      this.renameDraft = null;
      if (title !== '' && title !== conversation.title)
        post({ type: 'renameConversation', conversationId: conversation.id, title });
      this.rerender();
    };
    field.addEventListener('keydown', (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        this.renaming = null;
        this.renameDraft = null;
        this.rerender();
      } else if (enterAction(event, composing()) === 'send') {
        event.preventDefault();
        save();
      }
    });
    queueMicrotask(() => field.focus());
    return h(
      'div',
      { class: 'history-rename-row' },
      field,
      button(this.t('renameSave'), save, { appearance: 'primary' }),
    );
  }
}
