/**
 * The chat panel's logic, without VS Code: takes the webview's messages (validated here),
 * keeps conversations, runs one answer at a time and tells every open panel what to show.
 * The webview never reaches the backend; everything goes through this session.
 */
import type { ChatMessage } from '../../protocol/messages.js';
import { capAttachment } from './attachment-cap.js';
import type { Attachment } from './attachments.js';
import type { OutgoingQuestion, SendKind } from './before-send.js';
import { answerTurn, type Streaming } from './answer-turn.js';
import { HistoryFullError, type Conversation, type StoredAttachment, type StoredMessage } from './history-store.js';
import { parseWebviewMessage, type ExtensionMessage, type WebviewMessage } from './panel-messages.js';
import { PanelNotices } from './panel-notices.js';
import { PendingAttachments } from './pending-attachments.js';
import { ErrorLines, stateMessage } from './session-view.js';
import type { ChatSessionDeps } from './session-types.js';

export const CURRENT_KEY = 'fude.chat.currentConversation';
/** Room kept in a conversation's history cap for the answer to the question being sent. */
export const ANSWER_RESERVE_BYTES = 64_000;

const stored = ({ focus: _focus, ...rest }: Attachment): StoredAttachment => rest;

export class ChatSession {
  private readonly views = new Set<(message: ExtensionMessage) => void>();
  private readonly pending = new PendingAttachments();
  readonly notices: PanelNotices;
  private currentId: string | null;
  private streaming: Streaming | null = null;
  private sending = false;
  /** Stop was pressed while a send was still waiting for the hook or the backend. */
  private sendCancelled = false;
  private turn: Promise<void> = Promise.resolve();
  /** The last answer's speed, and the model it was measured on (a speed of another model is not shown). */
  private speed: { tokensPerSecond: number; modelKey: string } | null = null;
  private readonly errors: ErrorLines;
  /** The prompt of the last request as it was sent (after fitting), for the snapshot. */
  private lastRequest: ChatMessage[] | null = null;
  private readonly stopEvictNotes: () => void;

  constructor(private readonly deps: ChatSessionDeps) {
    this.notices = new PanelNotices((m) => this.post(m));
    this.errors = new ErrorLines((m) => this.post(m), deps.texts.regenerate);
    const remembered = deps.memory.get(CURRENT_KEY);
    this.currentId = typeof remembered === 'string' && deps.history.get(remembered) !== undefined ? remembered : null;
    // Nothing leaves the history unsaid: conversations dropped to stay within its caps are named in the panel.
    this.stopEvictNotes = deps.history.onEvict((evicted) =>
      this.errors.note(null, deps.texts.evicted(evicted.map((e) => e.title))),
    );
  }

  /** A panel opened: it gets every message from now on. Returns the function that detaches it. */
  attachView(post: (message: ExtensionMessage) => void): () => void {
    this.views.add(post);
    return () => {
      this.views.delete(post);
      if (this.views.size === 0) this.notices.dismissAll();
    };
  }

  /** A message from a webview, as it arrived (untrusted). */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.log(`chat: refused a panel message: ${parsed.error}`);
      return;
    }
    await this.handle(parsed.message);
  }

  /** Resolves when the answer being written (if any) has ended and been saved. */
  idle(): Promise<void> {
    return this.turn;
  }

  get busy(): boolean {
    return this.streaming !== null || this.sending;
  }

  /** Adds an attachment chip (from "Ask about selection" or "Attach"), cut to the attachment limit (and said so). */
  attach(attachment: Attachment): void {
    const { attachment: capped, cut } = capAttachment(attachment);
    this.pending.add(capped);
    this.post({ type: 'attachments', items: this.pending.views() });
    if (cut !== null) this.errors.note(null, this.deps.texts.attachmentCut(cut));
  }

  /** Sends the state to every panel again (the backend or the settings changed). */
  refresh(): void {
    this.post(this.state());
  }

  /** Sends only the header (the model's phase or the settings changed); the conversation is not sent again. */
  refreshHeader(): void {
    this.post({ type: 'header', model: this.deps.header(this.shownSpeed()), termsLine: this.deps.termsLine() });
  }

  /** The last answer's speed when it was measured on the model in use now. */
  private shownSpeed(): number | null {
    return this.speed !== null && this.speed.modelKey === this.deps.modelKey() ? this.speed.tokensPerSecond : null;
  }

  broadcast(message: ExtensionMessage): void {
    this.post(message);
  }

  stop(): void {
    if (this.sending) {
      this.sendCancelled = true;
      // A notice the hook is waiting on is answered "no": Stop means do not send.
      this.notices.dismissAll();
    }
    this.streaming?.controller.abort();
  }

  snapshot() {
    return {
      conversations: this.deps.history.list(),
      currentConversationId: this.currentId,
      messages: this.currentId === null ? [] : (this.deps.history.get(this.currentId)?.messages ?? []),
      busy: this.busy,
      streamingText: this.streaming?.text ?? null,
      attachments: this.pending.views(),
      lastRequest: this.lastRequest,
    };
  }

  dispose(): void {
    this.stopEvictNotes();
    this.stop();
    this.notices.dismissAll();
    this.views.clear();
  }

  private async handle(message: WebviewMessage): Promise<void> {
    const { history, editor } = this.deps;
    switch (message.type) {
      case 'ready':
        this.post(this.state());
        this.post({ type: 'attachments', items: this.pending.views() });
        return;
      case 'send':
        return this.ask(message.text, message.attachments);
      case 'stop':
        return this.stop();
      case 'newChat':
        await this.select(null);
        return;
      case 'selectConversation':
        if (history.get(message.conversationId) !== undefined) await this.select(message.conversationId);
        return;
      case 'deleteConversation':
        if (this.streaming?.conversationId === message.conversationId) this.stop();
        await history.delete(message.conversationId);
        if (this.currentId === message.conversationId) await this.select(null);
        else this.refresh();
        return;
      case 'renameConversation':
        await history.rename(message.conversationId, message.title);
        return this.refresh();
      case 'regenerate':
        return this.regenerate(message.conversationId);
      case 'editAndResend':
        return this.editAndResend(message.conversationId, message.messageIndex, message.text);
      case 'copyCode':
        return editor.copy(message.code);
      case 'insertCode':
        return editor.insert(message.code);
      case 'diffCode':
        return editor.diff(message.code, message.language);
      case 'openLink':
        return editor.openLink(message.url);
      case 'attachActiveFile':
      case 'attachOpenFile': {
        const attachment =
          message.type === 'attachActiveFile' ? await editor.activeFile() : await editor.pickOpenFile();
        if (attachment !== undefined) this.attach(attachment);
        return;
      }
      case 'removeAttachment':
        this.pending.remove(message.attachmentId);
        this.post({ type: 'attachments', items: this.pending.views() });
        return;
      case 'noticeChoice':
        return this.choose(message.noticeId, message.choice);
      case 'showTerms':
        return editor.showTerms();
    }
  }

  private async choose(noticeId: string, choice: string): Promise<void> {
    if (this.notices.answer(noticeId, choice)) return;
    if (noticeId === 'header') return this.deps.runHeaderAction(choice);
    const conversationId = this.errors.retryFor(noticeId, choice);
    if (conversationId !== undefined) await this.regenerate(conversationId);
  }

  private async select(id: string | null): Promise<void> {
    this.currentId = id;
    await this.deps.memory.update(CURRENT_KEY, id ?? undefined);
    this.refresh();
  }

  private ask(text: string, attachmentIds: string[]): Promise<void> {
    const attachments = this.pending.select(attachmentIds).map(stored);
    const question = { role: 'user' as const, text, ...(attachments.length > 0 ? { attachments } : {}) };
    if (!this.hasRoom(this.currentId, question)) return Promise.resolve(this.post({ type: 'draft', text }));
    return this.submit('question', { question: text, attachments }, this.currentId, async () => {
      this.pending.clear();
      this.post({ type: 'attachments', items: [] });
      const id = this.currentId ?? (await this.deps.history.create()).id;
      if (this.currentId !== id) await this.select(id);
      await this.deps.history.append(id, { role: 'user', text, ...(attachments.length > 0 ? { attachments } : {}) });
      return id;
    });
  }

  /**
   * Everything before the model: a running model, the hook (the request guard, which needs the
   * model's terms), then `save` puts the question in the history and names the conversation to
   * answer. A question that is not sent goes back to the input.
   */
  private async submit(
    kind: SendKind,
    outgoing: OutgoingQuestion,
    conversationId: string | null,
    save: () => Promise<string>,
  ): Promise<void> {
    const text = outgoing.question;
    if (this.busy) {
      this.error(conversationId, this.deps.texts.busy);
      if (kind === 'question') this.post({ type: 'draft', text });
      return;
    }
    this.begin();
    try {
      const ready = await this.deps.ensureReady();
      if (!ready) this.error(conversationId, this.deps.texts.notReady);
      const allowed =
        ready &&
        !this.sendCancelled &&
        (await this.deps.beforeSend(outgoing, kind, { conversationId, panel: this.notices }));
      if (!allowed || this.sendCancelled) {
        if (kind === 'question') this.post({ type: 'draft', text });
        return;
      }
      this.startTurn(await save());
    } catch (error) {
      // The history changed between the check and the save (another panel's question): same words.
      if (!(error instanceof HistoryFullError)) throw error;
      this.error(conversationId, this.deps.texts.historyFull(error.bytes, error.limit));
      if (kind === 'question') this.post({ type: 'draft', text });
    } finally {
      this.end();
    }
  }

  /** Whether the question fits the conversation's cap in the history (with room for its answer); says so when not. */
  private hasRoom(conversationId: string | null, question: Omit<StoredMessage, 'createdAt'>, keep?: number): boolean {
    const room = this.deps.history.room(conversationId, question, keep, ANSWER_RESERVE_BYTES);
    if (!room.fits) this.error(conversationId, this.deps.texts.historyFull(room.bytes, room.limit));
    return room.fits;
  }

  private begin(): void {
    this.sending = true;
    this.sendCancelled = false;
    this.refresh();
  }

  /** The send is over: started (streaming took over) or given up. */
  private end(): void {
    this.sending = false;
    if (this.streaming === null) this.refresh();
  }

  private async regenerate(conversationId: string): Promise<void> {
    const conversation = this.deps.history.get(conversationId);
    const lastQuestion = conversation?.messages.map((m) => m.role).lastIndexOf('user') ?? -1;
    if (conversation === undefined || lastQuestion < 0)
      return this.error(conversationId, this.deps.texts.nothingToRegenerate);
    await this.resend(conversation, lastQuestion, conversation.messages[lastQuestion].text, 'regenerate');
  }

  private async editAndResend(conversationId: string, index: number, text: string): Promise<void> {
    const conversation = this.deps.history.get(conversationId);
    if (conversation?.messages[index]?.role !== 'user') return;
    await this.resend(conversation, index, text, 'edit');
  }

  /** Drops the question at `index` and all after it, then asks `text` there with the same attachments. */
  private resend(conversation: Conversation, index: number, text: string, kind: SendKind): Promise<void> {
    const { attachments } = conversation.messages[index];
    if (!this.hasRoom(conversation.id, { role: 'user', text, ...(attachments ? { attachments } : {}) }, index))
      return Promise.resolve();
    return this.submit(kind, { question: text, attachments: attachments ?? [] }, conversation.id, async () => {
      await this.deps.history.truncate(conversation.id, index);
      await this.deps.history.append(conversation.id, { role: 'user', text, ...(attachments ? { attachments } : {}) });
      if (this.currentId !== conversation.id) await this.select(conversation.id);
      return conversation.id;
    });
  }

  private startTurn(conversationId: string): void {
    const streaming: Streaming = {
      conversationId,
      text: '',
      model: this.deps.answeringModel(),
      controller: new AbortController(),
    };
    this.streaming = streaming;
    this.refresh();
    const env = {
      deps: this.deps,
      post: (m: ExtensionMessage) => this.post(m),
      error: (id: string, text: string, retry?: boolean) => this.error(id, text, retry),
      note: (id: string, text: string) => this.errors.note(id, text),
    };
    this.turn = answerTurn(env, streaming)
      .then(
        (result) => {
          this.lastRequest = result.request ?? this.lastRequest;
          if (result.tokensPerSecond !== null)
            this.speed = { tokensPerSecond: result.tokensPerSecond, modelKey: this.deps.modelKey() };
        },
        (error: unknown) => {
          this.deps.log(`chat: the answer failed: ${String(error)}`);
          this.error(conversationId, this.deps.texts.failed('internal'));
        },
      )
      .finally(() => {
        if (this.streaming === streaming) this.streaming = null;
        this.refresh();
      });
  }

  private error(conversationId: string | null, message: string, retry = false): void {
    this.errors.show(conversationId, message, retry);
  }

  private state(): ExtensionMessage {
    return stateMessage({
      history: this.deps.history,
      currentId: this.currentId,
      header: this.deps.header(this.shownSpeed()),
      busy: this.busy,
      streaming:
        this.streaming === null
          ? null
          : { conversationId: this.streaming.conversationId, text: this.streaming.text, model: this.streaming.model },
      termsLine: this.deps.termsLine(),
    });
  }

  private post(message: ExtensionMessage): void {
    for (const view of this.views) view(message);
  }
}
