/**
 * Chat conversations of one workspace, kept through an injected key-value
 * store (the extension passes VS Code's `workspaceState`). One key holds the
 * index, one key each conversation, so a new message rewrites one
 * conversation and the small index, not the whole history.
 */
import { deriveTitle, cleanTitle } from "./conversation-title.js";
import { indexEntryOf, readConversation, readIndex, type Conversation, type IndexEntry, type StoredMessage } from "./history-records.js";
import type { ConversationSummary } from "./panel-messages.js";

export type { Conversation, StoredMessage, StoredAttachment } from "./history-records.js";

/** The part of VS Code's Memento this store uses; `update(key, undefined)` removes the key. */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface HistoryOptions {
  /** Most conversations kept; the least recently used go first. */
  maxConversations?: number;
  /** Most characters of stored JSON over all conversations. */
  maxTotalChars?: number;
  /** Title of a conversation with no question yet. */
  untitled?: string;
  now?: () => number;
  newId?: () => string;
}

export const INDEX_KEY = "fude.chat.history.index";
export const conversationKey = (id: string) => `fude.chat.history.conversation.${id}`;

export class HistoryStore {
  private readonly maxConversations: number;
  private readonly maxTotalChars: number;
  private readonly untitled: string;
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Most recently used first. */
  private entries: IndexEntry[];
  private readonly loaded = new Map<string, Conversation>();
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly store: KeyValueStore, options: HistoryOptions = {}) {
    this.maxConversations = options.maxConversations ?? 50;
    this.maxTotalChars = options.maxTotalChars ?? 2_000_000;
    this.untitled = options.untitled ?? "新しいチャット";
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.entries = readIndex(store.get(INDEX_KEY)).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** Newest first. */
  list(): ConversationSummary[] {
    return this.entries.map(({ id, title, updatedAt, messageCount }) => ({ id, title, updatedAt, messageCount }));
  }

  /** A copy; undefined when unknown or unreadable (an unreadable one is dropped from the index). */
  get(id: string): Conversation | undefined {
    const conversation = this.load(id);
    return conversation === undefined ? undefined : structuredClone(conversation);
  }

  async create(): Promise<Conversation> {
    const time = this.now();
    const conversation: Conversation = { id: this.newId(), title: this.untitled, customTitle: false, createdAt: time, updatedAt: time, messages: [] };
    await this.save(conversation, true);
    return structuredClone(conversation);
  }

  async append(id: string, message: Omit<StoredMessage, "createdAt">): Promise<Conversation | undefined> {
    return this.change(id, (conversation, time) => {
      const firstQuestion = message.role === "user" && !conversation.messages.some((m) => m.role === "user");
      if (firstQuestion && !conversation.customTitle) conversation.title = deriveTitle(message.text, this.untitled);
      conversation.messages.push({ ...structuredClone(message), createdAt: time });
    });
  }

  /**
   * Sets the text of the answer being written (and the model writing it): replaces the last message if it
   * is an answer, else adds one. `cut`: the answer ended in a failure part-way, and the text is only what arrived.
   */
  async updateLastAssistant(id: string, text: string, extra: { model?: string; cut?: boolean } = {}): Promise<Conversation | undefined> {
    const { model, cut = false } = extra;
    return this.change(id, (conversation, time) => {
      const last = conversation.messages[conversation.messages.length - 1];
      const answer = last?.role === "assistant" ? last : undefined;
      if (answer === undefined) conversation.messages.push({ role: "assistant", text, createdAt: time, ...(model ? { model } : {}), ...(cut ? { cut: true as const } : {}) });
      else {
        answer.text = text;
        if (model) answer.model = model;
        if (cut) answer.cut = true;
        else delete answer.cut;
      }
    });
  }

  /** Keeps the first `length` messages (for regenerate and edit-and-resend). */
  async truncate(id: string, length: number): Promise<Conversation | undefined> {
    return this.change(id, (conversation) => {
      conversation.messages.splice(Math.max(0, length));
    });
  }

  async rename(id: string, title: string): Promise<Conversation | undefined> {
    const cleaned = cleanTitle(title);
    if (cleaned === "") return this.get(id);
    return this.change(id, (conversation) => {
      conversation.title = cleaned;
      conversation.customTitle = true;
    }, false);
  }

  async delete(id: string): Promise<boolean> {
    if (!this.entries.some((entry) => entry.id === id)) return false;
    this.entries = this.entries.filter((entry) => entry.id !== id);
    this.loaded.delete(id);
    await this.persist([conversationKey(id)], []);
    return true;
  }

  /** Resolves once every write so far has reached the store. */
  flush(): Promise<void> {
    return this.writes;
  }

  private load(id: string): Conversation | undefined {
    if (!this.entries.some((entry) => entry.id === id)) return undefined;
    let conversation = this.loaded.get(id);
    if (conversation === undefined) {
      conversation = readConversation(this.store.get(conversationKey(id)), id) ?? undefined;
      if (conversation === undefined) {
        this.entries = this.entries.filter((entry) => entry.id !== id);
        void this.persist([conversationKey(id)], []).catch(() => undefined);
        return undefined;
      }
      this.loaded.set(id, conversation);
    }
    return conversation;
  }

  /** Applies `edit` to a working copy, then keeps and stores it; `touch` moves it to the top. */
  private async change(id: string, edit: (conversation: Conversation, time: number) => void, touch = true): Promise<Conversation | undefined> {
    const current = this.load(id);
    if (current === undefined) return undefined;
    const conversation = structuredClone(current);
    const time = this.now();
    edit(conversation, time);
    if (touch) conversation.updatedAt = time;
    await this.save(conversation, touch);
    return structuredClone(conversation);
  }

  private async save(conversation: Conversation, touch: boolean): Promise<void> {
    this.loaded.set(conversation.id, conversation);
    const entry = indexEntryOf(conversation);
    const at = this.entries.findIndex((e) => e.id === conversation.id);
    if (at >= 0 && !touch) this.entries[at] = entry;
    else this.entries = [entry, ...this.entries.filter((e) => e.id !== conversation.id)];
    const evicted = this.evict(conversation.id);
    await this.persist(evicted.map(conversationKey), [conversation]);
  }

  /** Drops least recently used conversations over the caps, never the one just written. */
  private evict(keep: string): string[] {
    const evicted: string[] = [];
    let total = this.entries.reduce((sum, entry) => sum + entry.size, 0);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (this.entries.length <= this.maxConversations && total <= this.maxTotalChars) break;
      const entry = this.entries[i];
      if (entry.id === keep) continue;
      this.entries.splice(i, 1);
      this.loaded.delete(entry.id);
      total -= entry.size;
      evicted.push(entry.id);
    }
    return evicted;
  }

  /** Writes in order; a failed write does not stop later ones, but its caller sees the error. */
  private persist(removeKeys: string[], conversations: Conversation[]): Promise<void> {
    const index = { version: 1, entries: this.entries.map((entry) => ({ ...entry })) };
    const snapshot = conversations.map((c) => [conversationKey(c.id), structuredClone(c)] as const);
    const write = async () => {
      for (const [key, value] of snapshot) await this.store.update(key, value);
      for (const key of removeKeys) await this.store.update(key, undefined);
      await this.store.update(INDEX_KEY, index);
    };
    const result = this.writes.then(write);
    this.writes = result.catch(() => undefined);
    return result;
  }
}
