/** Joins the views and routes the extension's messages to them. */
import type { ExtensionMessage } from '../../extension/chat/panel-messages.js';
import { button, h } from '../shared/dom.js';
import { ComposerView } from './composer-view.js';
import { HeaderView } from './header-view.js';
import { HistoryView } from './history-view.js';
import { MessagesView } from './messages-view.js';
import { NoticesView } from './notices-view.js';
import { makeT, type Strings } from './strings.js';
import { onMessage, post } from './vscode-api.js';

type State = Extract<ExtensionMessage, { type: 'state' }>;

export class ChatApp {
  private state: State | null = null;
  private pendingQuestion: string | null = null;
  private readonly header: HeaderView;
  private readonly history: HistoryView;
  private readonly messages: MessagesView;
  private readonly notices: NoticesView;
  private readonly composer: ComposerView;

  constructor(root: HTMLElement, strings: Strings) {
    const t = makeT(strings);
    const toolbar = h(
      'div',
      { class: 'toolbar' },
      button(t('history'), () => this.history.toggle(), {
        appearance: 'icon',
        class: 'toggle-history',
        title: t('history'),
      }),
      button(t('newChat'), () => post({ type: 'newChat' }), {
        appearance: 'icon',
        class: 'new-chat',
        title: t('newChat'),
      }),
    );
    this.header = new HeaderView(t, toolbar);
    this.history = new HistoryView(t);
    this.messages = new MessagesView(t);
    this.notices = new NoticesView(t);
    this.composer = new ComposerView(t, (text) => {
      this.pendingQuestion = text;
      this.notices.clearForSend();
      this.renderConversation();
    });
    root.append(
      this.header.element,
      this.history.element,
      this.messages.element,
      this.notices.element,
      this.composer.element,
    );
    onMessage((message) => this.receive(message));
    post({ type: 'ready' });
    this.composer.focus();
    // VS Code's "Focus on Chat View" focuses the webview itself: the cursor goes to the input, as with "Open Chat".
    window.addEventListener('focus', () => {
      if (document.activeElement === null || document.activeElement === document.body) this.composer.focus();
    });
  }

  private receive(message: ExtensionMessage): void {
    switch (message.type) {
      case 'state':
        this.state = message;
        // The question shows as sent once the extension has it (or gave it back as a draft).
        if (!message.busy || message.streaming !== null) this.pendingQuestion = null;
        this.header.render(message.model);
        this.history.render(message.conversations, message.currentConversationId);
        this.notices.setConversation(message.currentConversationId);
        this.composer.setBusy(message.busy);
        this.composer.setTermsLine(message.termsLine);
        this.renderConversation();
        return;
      case 'header':
        if (this.state !== null) this.state = { ...this.state, model: message.model, termsLine: message.termsLine };
        this.header.render(message.model);
        this.composer.setTermsLine(message.termsLine);
        return;
      case 'delta':
        if (
          this.state?.streaming?.conversationId === message.conversationId &&
          this.state.currentConversationId === message.conversationId
        ) {
          this.messages.appendDelta(message.text);
        }
        return;
      case 'progress':
        if (
          this.state?.streaming?.conversationId === message.conversationId &&
          this.state.currentConversationId === message.conversationId
        ) {
          this.messages.setReading(message.text);
        }
        return;
      case 'done':
        return;
      case 'error':
        this.notices.error(message.id, message.conversationId, message.message, message.action);
        return;
      case 'notice':
        this.notices.notice(message.id, message.severity, message.message, message.choices, message.note);
        return;
      case 'attachments':
        this.composer.setAttachments(message.items);
        return;
      case 'note':
        this.notices.note(message.id, message.conversationId, message.message);
        return;
      case 'contextNotes':
        this.notices.contextNotes(message.conversationId, message.leftOut);
        return;
      case 'draft':
        this.pendingQuestion = null;
        this.composer.restore(message.text);
        this.renderConversation();
        return;
      case 'focusInput':
        this.composer.focus();
        return;
      case 'showHistory':
        this.history.toggle(true);
        return;
    }
  }

  private renderConversation(): void {
    const s = this.state;
    const current = s?.streaming && s.streaming.conversationId === s.currentConversationId ? s.streaming : null;
    this.messages.render({
      conversationId: s?.currentConversationId ?? null,
      messages: s?.messages ?? [],
      busy: s?.busy ?? false,
      streaming: current?.text ?? null,
      streamingModel: current?.model ?? null,
      pendingQuestion: this.pendingQuestion,
    });
  }
}
