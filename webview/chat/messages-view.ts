/**
 * The conversation: questions as plain text, answers as sanitized markdown with buttons on
 * each code block, the answer being written (painted at most once a frame, incrementally:
 * only its open tail is parsed again), and the Edit / Regenerate actions. Links and buttons
 * work by delegation, so re-rendering an answer never leaves a stale handler behind.
 * A state that changes nothing in the conversation (the header's phase, say) redraws nothing.
 */
import type { ChatMessageView } from '../../extension/chat/panel-messages.js';
import {
  createMarkdownRenderer,
  type CodeBlock,
  type MarkdownRenderer,
  type RenderedMarkdown,
} from '../markdown/render.js';
import { createStreamRenderer } from '../markdown/stream-render.js';
import { button, clear, h } from '../shared/dom.js';
import { enterAction, trackComposition } from './enter-key.js';
import { StreamingBody } from './streaming-body.js';
import { displayableText } from './stream-text.js';
import { post } from './vscode-api.js';

type T = (key: string, ...args: Array<string | number>) => string;

export interface ConversationView {
  conversationId: string | null;
  messages: ChatMessageView[];
  busy: boolean;
  /** The answer being written in this conversation, if any. */
  streaming: string | null;
  /** The model writing it. */
  streamingModel: string | null;
  /** A question sent but not yet confirmed by the extension. */
  pendingQuestion: string | null;
}

const CODE_ACTIONS = ['copy', 'insert', 'diff'] as const;
type CodeAction = (typeof CODE_ACTIONS)[number];
/** Finished answers kept rendered, so redrawing the list does not parse them again. */
const RENDERED_ANSWERS = 64;

/** Whether two views show the same conversation (the streaming text aside, which deltas carry). */
export function sameConversation(a: ConversationView, b: ConversationView): boolean {
  if (a.conversationId !== b.conversationId || a.busy !== b.busy || a.pendingQuestion !== b.pendingQuestion)
    return false;
  if (
    (a.streaming === null) !== (b.streaming === null) ||
    a.streamingModel !== b.streamingModel ||
    a.messages.length !== b.messages.length
  )
    return false;
  return a.messages.every((m, i) => {
    const o = b.messages[i];
    if (m.role !== o.role || m.text !== o.text || m.model !== o.model || (m.cut === true) !== (o.cut === true))
      return false;
    return m.attachments.length === o.attachments.length && m.attachments.every((x, j) => x === o.attachments[j]);
  });
}

export class MessagesView {
  readonly element = h('main', { class: 'messages', attrs: { id: 'messages', 'aria-live': 'polite' } });
  private readonly renderer: MarkdownRenderer = createMarkdownRenderer({ window });
  private readonly blocks = new WeakMap<Element, CodeBlock[]>();
  private readonly rendered = new Map<string, RenderedMarkdown>();
  private view: ConversationView = {
    conversationId: null,
    messages: [],
    busy: false,
    streaming: null,
    streamingModel: null,
    pendingQuestion: null,
  };
  private editing: number | null = null;
  /** What the person typed in the edit box, kept when a state update redraws the list. */
  private editDraft: string | null = null;
  private streamingBody: StreamingBody | null = null;
  private writingLabel: HTMLElement | null = null;
  /** How far the model has read the prompt, until its first words come. */
  private readingText: string | null = null;
  private frame = 0;
  private drawn = false;

  constructor(private readonly t: T) {
    this.element.addEventListener('click', (event) => this.onClick(event));
    this.element.addEventListener('keydown', (event) => {
      const link = (event.target as Element).closest?.('[data-fude-link]');
      if (link && event.key === 'Enter') this.openLink(link);
    });
  }

  render(view: ConversationView): void {
    if (this.drawn && sameConversation(view, this.view)) {
      if (view.streaming !== null && view.streaming !== this.view.streaming) {
        this.view = view;
        this.appendDelta('');
      } else this.view = view;
      return;
    }
    this.drawn = true;
    if (view.conversationId !== this.view.conversationId) this.stopEditing();
    // The answer being written keeps its element (and what it already shows) across redraws.
    const keep =
      view.streaming !== null && this.view.streaming !== null && view.conversationId === this.view.conversationId
        ? this.streamingBody
        : null;
    this.view = view;
    const nearBottom = this.nearBottom();
    clear(this.element);
    this.streamingBody = keep;
    this.writingLabel = null;
    if (view.streaming === null) this.readingText = null;
    if (view.messages.length === 0 && view.streaming === null && view.pendingQuestion === null) {
      this.element.append(h('p', { class: 'empty', text: this.t('empty') }));
    }
    const lastQuestion = view.messages.map((m) => m.role).lastIndexOf('user');
    view.messages.forEach((message, index) => {
      this.element.append(
        message.role === 'user'
          ? this.question(message, index)
          : this.answer(message, index === view.messages.length - 1 && view.streaming === null),
      );
    });
    // A question whose answer failed before any text can be answered again too.
    if (!view.busy && view.streaming === null && lastQuestion === view.messages.length - 1 && lastQuestion >= 0) {
      this.element.append(h('div', { class: 'message-actions orphan' }, this.regenerateButton()));
    }
    if (view.pendingQuestion !== null) {
      this.element.append(this.question({ role: 'user', text: view.pendingQuestion, attachments: [] }, -1));
    }
    if (view.streaming !== null) {
      this.streamingBody ??= new StreamingBody(
        h('div', { class: 'markdown' }),
        createStreamRenderer({ window }),
        (nodes) => this.addCodeButtons(nodes),
      );
      this.writingLabel = h('div', {
        class: 'writing',
        text: view.streaming === '' && this.readingText !== null ? this.readingText : this.t('writing'),
      });
      this.element.append(
        h(
          'article',
          { class: 'message assistant streaming', attrs: { 'aria-busy': 'true' } },
          this.role(view.streamingModel),
          this.streamingBody.body,
          this.writingLabel,
        ),
      );
      this.paintStreaming();
    }
    if (nearBottom) this.scrollToEnd();
  }

  /** Draws the list again although the view did not change (editing started or ended). */
  private redraw(): void {
    this.drawn = false;
    this.render(this.view);
  }

  /** The model is still reading a long prompt: say how far, instead of "Writing…". */
  setReading(text: string): void {
    if (this.view.streaming !== '') return;
    this.readingText = text;
    if (this.writingLabel) this.writingLabel.textContent = text;
  }

  /** More text of the answer being written; drawn on the next frame. */
  appendDelta(text: string): void {
    if (this.view.streaming === null) return;
    if (this.readingText !== null) {
      this.readingText = null;
      if (this.writingLabel) this.writingLabel.textContent = this.t('writing');
    }
    this.view.streaming += text;
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const nearBottom = this.nearBottom();
      this.paintStreaming();
      if (nearBottom) this.scrollToEnd();
    });
  }

  private paintStreaming(): void {
    if (this.streamingBody === null || this.view.streaming === null) return;
    this.streamingBody.paint(displayableText(this.view.streaming));
    this.blocks.set(this.streamingBody.body, this.streamingBody.codeBlocks);
  }

  private fill(body: HTMLElement, markdown: string): void {
    let rendered = this.rendered.get(markdown);
    if (rendered === undefined) {
      rendered = this.renderer.render(markdown);
      this.rendered.set(markdown, rendered);
      if (this.rendered.size > RENDERED_ANSWERS) this.rendered.delete(this.rendered.keys().next().value as string);
    }
    body.innerHTML = rendered.html; // sanitized by DOMPurify inside render()
    this.blocks.set(body, rendered.codeBlocks);
    this.addCodeButtons([body]);
  }

  /** Copy / Insert / Diff on each finished code block in (or being) these elements. */
  private addCodeButtons(roots: Element[]): void {
    for (const root of roots) {
      const wrappers = root.matches('.fude-code') ? [root] : Array.from(root.querySelectorAll('.fude-code'));
      for (const wrapper of wrappers) {
        if (wrapper.getAttribute('data-complete') !== 'true') continue;
        const header = wrapper.querySelector('.fude-code-header');
        for (const action of CODE_ACTIONS) {
          header?.append(
            h('vscode-button', {
              class: 'code-action',
              attrs: {
                appearance: 'secondary',
                'data-code-action': action,
                title: this.t(`${action}Title`),
                'aria-label': this.t(`${action}Title`),
              },
              text: this.t(action),
            }),
          );
        }
      }
    }
  }

  private question(message: ChatMessageView, index: number): HTMLElement {
    const article = h(
      'article',
      { class: index < 0 ? 'message user pending' : 'message user', attrs: { 'data-index': String(index) } },
      h('div', { class: 'message-role', text: this.t('you') }),
    );
    if (message.attachments.length > 0) {
      article.append(
        h(
          'div',
          { class: 'message-attachments' },
          ...message.attachments.map((name) => h('span', { class: 'attachment-name', text: name })),
        ),
      );
    }
    if (this.editing === index) {
      article.append(this.editor(message.text, index));
      return article;
    }
    article.append(h('div', { class: 'message-text', text: message.text }));
    if (index >= 0 && !this.view.busy) {
      article.append(
        h(
          'div',
          { class: 'message-actions' },
          button(
            this.t('edit'),
            () => {
              this.editing = index;
              this.redraw();
            },
            { appearance: 'icon', class: 'edit-question' },
          ),
        ),
      );
    }
    return article;
  }

  private editor(text: string, index: number): HTMLElement {
    const area = h('vscode-text-area', {
      class: 'edit-input',
      attrs: { rows: '3', resize: 'vertical', 'aria-label': this.t('edit') },
    }) as HTMLElement & { value: string };
    area.value = this.editDraft ?? text;
    area.addEventListener('input', () => {
      this.editDraft = area.value;
    });
    const composing = trackComposition(area);
    const resend = () => {
      const edited = area.value;
      if (edited.trim() === '' || this.view.conversationId === null) return;
      this.stopEditing();
      post({ type: 'editAndResend', conversationId: this.view.conversationId, messageIndex: index, text: edited });
    };
    area.addEventListener('keydown', (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        this.stopEditing();
        this.redraw();
      } else if (enterAction(event, composing()) === 'send') {
        event.preventDefault();
        resend();
      }
    });
    queueMicrotask(() => area.focus());
    return h(
      'div',
      { class: 'edit-box' },
      area,
      h(
        'div',
        { class: 'message-actions' },
        button(this.t('resend'), resend, { appearance: 'primary' }),
        button(this.t('cancel'), () => {
          this.stopEditing();
          this.redraw();
        }),
      ),
    );
  }

  private stopEditing(): void {
    this.editing = null;
    this.editDraft = null;
  }

  /** Which model wrote the answer; "Model" only for answers saved before Fude kept the name. */
  private role(model: string | null | undefined): HTMLElement {
    return h('div', {
      class: 'message-role model-label',
      text: model ?? this.t('model'),
      attrs: { title: model ?? '' },
    });
  }

  private answer(message: ChatMessageView, last: boolean): HTMLElement {
    const body = h('div', { class: 'markdown' });
    this.fill(body, message.text);
    const cut = message.cut === true;
    const article = h(
      'article',
      { class: cut ? 'message assistant cut' : 'message assistant' },
      this.role(message.model),
      body,
    );
    if (cut) article.append(h('div', { class: 'cut-mark', attrs: { role: 'note' }, text: this.t('cutMark') }));
    if (last && !this.view.busy) article.append(h('div', { class: 'message-actions' }, this.regenerateButton()));
    return article;
  }

  private regenerateButton(): HTMLElement {
    return button(
      this.t('regenerate'),
      () => {
        if (this.view.conversationId !== null) post({ type: 'regenerate', conversationId: this.view.conversationId });
      },
      { class: 'regenerate' },
    );
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as Element;
    const link = target.closest('[data-fude-link]');
    if (link) {
      event.preventDefault();
      this.openLink(link);
      return;
    }
    const actionButton = target.closest('[data-code-action]');
    const wrapper = actionButton?.closest('.fude-code');
    const body = wrapper?.closest('.markdown');
    if (!actionButton || !wrapper || !body) return;
    const block = this.blocks.get(body)?.[Number(wrapper.getAttribute('data-code-index'))];
    if (block === undefined) return;
    const action = actionButton.getAttribute('data-code-action') as CodeAction;
    const type = action === 'copy' ? 'copyCode' : action === 'insert' ? 'insertCode' : 'diffCode';
    post({ type, code: block.code, language: block.language });
  }

  private openLink(link: Element): void {
    const url = link.getAttribute('data-fude-link');
    if (url) post({ type: 'openLink', url });
  }

  // The message list is the scrolling part of the page; header and input stay in place.
  private nearBottom(): boolean {
    const list = this.element;
    return list.scrollHeight - list.scrollTop - list.clientHeight < 48;
  }

  private scrollToEnd(): void {
    this.element.scrollTop = this.element.scrollHeight;
  }
}
