/**
 * Chat conversations of one workspace, kept in files (history-disk.ts): a small index, one append-only log
 * per conversation (a new message is one appended line, never the conversation again), and each attachment's
 * text once, however many questions refer to it.
 *
 * The caps hold for every conversation, the one being written included: a message that would take its
 * conversation over `maxConversationBytes` is refused (`HistoryFullError`; the session checks `room` first
 * and says so before sending), and an answer is cut to fit. Over `maxTotalBytes` or `maxConversations`, the
 * least recently used OTHER conversations go, and `onEvict` listeners are told which (the panel says so).
 */
import { deriveTitle, cleanTitle } from './conversation-title.js';
import type { HistoryDisk } from './history-disk.js';
import {
  answerMeta,
  blobFile,
  blobHash,
  blobsOf,
  byteLength,
  indexText,
  INDEX_FILE,
  isConversationId,
  logFile,
  messageLine,
  readIndex,
  recordLine,
  replayLog,
  type Conversation,
  type IndexEntry,
  type StoredMessage,
} from './history-records.js';
import type { ConversationSummary } from './panel-messages.js';

export type { Conversation, StoredMessage, StoredAttachment } from './history-records.js';
export type { HistoryDisk } from './history-disk.js';

/** The part of VS Code's Memento the chat uses for small values; `update(key, undefined)` removes the key. */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface HistoryLimits {
  /** Most conversations kept; the least recently used go first. */
  maxConversations: number;
  /** Most bytes one conversation may take on disk: its log and the attachment texts it refers to. */
  maxConversationBytes: number;
  /** Most bytes of all conversations together (an attachment shared by several counts once). */
  maxTotalBytes: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = {
  maxConversations: 50,
  maxConversationBytes: 2_000_000,
  maxTotalBytes: 8_000_000,
};

export interface HistoryOptions extends Partial<HistoryLimits> {
  /** Title of a conversation with no question yet. */
  untitled?: string;
  now?: () => number;
  newId?: () => string;
}

export interface Evicted {
  id: string;
  title: string;
}

/** The message would take its conversation over the per-conversation cap. */
export class HistoryFullError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`the conversation would take ${bytes} bytes, over the history's limit of ${limit} bytes per conversation`);
  }
}

export interface Room {
  fits: boolean;
  /** Bytes the conversation would take with the message (and the reserve). */
  bytes: number;
  limit: number;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};
const compactLog = (messages: readonly StoredMessage[]) => messages.map(messageLine).join('');
/** What marks an answer cut to fit the history (the model's own text is never silently shortened). */
export const CUT_MARK = '\n\n[…]';

export class HistoryStore {
  private readonly limits: HistoryLimits;
  private readonly untitled: string;
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Most recently used first. */
  private entries: IndexEntry[];
  private readonly loaded = new Map<string, Conversation>();
  /** Conversations whose last write failed: the next write rewrites their log from memory. */
  private readonly dirty = new Set<string>();
  private readonly evictListeners = new Set<(evicted: Evicted[]) => void>();
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly disk: HistoryDisk,
    options: HistoryOptions = {},
  ) {
    const d = DEFAULT_HISTORY_LIMITS;
    this.limits = {
      maxConversations: options.maxConversations ?? d.maxConversations,
      maxConversationBytes: options.maxConversationBytes ?? d.maxConversationBytes,
      maxTotalBytes: options.maxTotalBytes ?? d.maxTotalBytes,
    };
    this.untitled = options.untitled ?? '新しいチャット';
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.entries = readIndex(disk.read(INDEX_FILE)).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  get maxConversationBytes(): number {
    return this.limits.maxConversationBytes;
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

  /** Bytes on disk of all conversations (shared attachment texts once). */
  totalBytes(): number {
    return sum(this.entries.map((e) => e.logBytes)) + sum(this.allBlobs().values());
  }

  /** Bytes on disk of one conversation: its log and the attachment texts it refers to. */
  conversationBytes(id: string): number {
    const entry = this.entry(id);
    return entry === undefined ? 0 : entry.logBytes + sum(Object.values(entry.blobs));
  }

  /** Called with the conversations dropped to stay within the caps. Returns the function that stops it. */
  onEvict(listener: (evicted: Evicted[]) => void): () => void {
    this.evictListeners.add(listener);
    return () => this.evictListeners.delete(listener);
  }

  /**
   * Whether `message` fits into conversation `id` (null: a new one) after keeping its first `keep`
   * messages (all when absent), with `reserveBytes` left over for the answer.
   */
  room(id: string | null, message: Omit<StoredMessage, 'createdAt'>, keep?: number, reserveBytes = 0): Room {
    const before = id === null ? [] : (this.load(id)?.messages ?? []);
    const messages = [...before.slice(0, keep ?? before.length), { ...message, createdAt: 0 }];
    const bytes = byteLength(compactLog(messages)) + sum(Object.values(blobsOf(messages))) + reserveBytes;
    return { fits: bytes <= this.limits.maxConversationBytes, bytes, limit: this.limits.maxConversationBytes };
  }

  async create(): Promise<Conversation> {
    const time = this.now();
    const conversation: Conversation = {
      id: this.newId(),
      title: this.untitled,
      customTitle: false,
      createdAt: time,
      updatedAt: time,
      messages: [],
    };
    if (!isConversationId(conversation.id)) throw new Error(`bad conversation id ${JSON.stringify(conversation.id)}`);
    this.loaded.set(conversation.id, conversation);
    this.entries.unshift({
      id: conversation.id,
      title: conversation.title,
      customTitle: false,
      createdAt: time,
      updatedAt: time,
      messageCount: 0,
      logBytes: 0,
      blobs: {},
    });
    await this.commit(conversation.id, async () => undefined);
    return structuredClone(conversation);
  }

  /** Adds a message; throws HistoryFullError (and changes nothing) when the conversation would go over its cap. */
  async append(id: string, message: Omit<StoredMessage, 'createdAt'>): Promise<Conversation | undefined> {
    const current = this.load(id);
    if (current === undefined) return undefined;
    const time = this.now();
    const added: StoredMessage = { ...structuredClone(message), createdAt: time };
    const next = [...current.messages, added];
    const line = messageLine(added);
    const firstQuestion = message.role === 'user' && !current.messages.some((m) => m.role === 'user');
    const work = this.write(id, next, line, this.fitOrThrow(id, next, line));
    const conversation = this.loaded.get(id)!;
    if (firstQuestion && !conversation.customTitle) conversation.title = deriveTitle(message.text, this.untitled);
    conversation.updatedAt = time;
    this.touch(id);
    await this.commit(id, work);
    return structuredClone(conversation);
  }

  /**
   * Sets the text of the answer being written (and the model writing it): replaces the last message if it
   * is an answer, else adds one. `cut`: the answer ended in a failure part-way, and the text is only what arrived.
   * An answer that would take the conversation over its history cap is shortened to fit, marked with CUT_MARK,
   * and `trimmed` says so.
   */
  async updateLastAssistant(
    id: string,
    text: string,
    extra: { model?: string; cut?: boolean } = {},
  ): Promise<{ conversation: Conversation; trimmed: boolean } | undefined> {
    const current = this.load(id);
    if (current === undefined) return undefined;
    const { model, cut = false } = extra;
    const time = this.now();
    const withAnswer = (answer: string) => {
      const messages = structuredClone(current.messages);
      const last = messages[messages.length - 1];
      if (last?.role !== 'assistant')
        messages.push({ role: 'assistant', text: answer, createdAt: time, ...answerMeta(model, cut) });
      else {
        last.text = answer;
        if (model) last.model = model;
        if (cut) last.cut = true;
        else delete last.cut;
      }
      return messages;
    };
    let answer = text;
    let trimmed = false;
    const within = (candidate: string) =>
      this.compactedBytes(withAnswer(candidate)) <= this.limits.maxConversationBytes;
    if (!within(answer)) {
      answer = this.longestFitting(text, within);
      trimmed = true;
    }
    const line = recordLine({ op: 'answer', text: answer, createdAt: time, ...answerMeta(model, cut) });
    const next = withAnswer(answer);
    const work = this.write(id, next, line, this.fitOrThrow(id, next, line));
    this.loaded.get(id)!.updatedAt = time;
    this.touch(id);
    await this.commit(id, work);
    return { conversation: structuredClone(this.loaded.get(id)!), trimmed };
  }

  /** Keeps the first `length` messages (for regenerate and edit-and-resend). */
  async truncate(id: string, length: number): Promise<Conversation | undefined> {
    const current = this.load(id);
    if (current === undefined) return undefined;
    const next = current.messages.slice(0, Math.max(0, length));
    const line = recordLine({ op: 'truncate', length: next.length });
    const work = this.write(id, next, line, this.fits(id, next, line) ? 'append' : 'rewrite');
    this.loaded.get(id)!.updatedAt = this.now();
    this.touch(id);
    await this.commit(id, work);
    return structuredClone(this.loaded.get(id)!);
  }

  async rename(id: string, title: string): Promise<Conversation | undefined> {
    const cleaned = cleanTitle(title);
    const conversation = this.load(id);
    if (conversation === undefined || cleaned === '') return this.get(id);
    conversation.title = cleaned;
    conversation.customTitle = true;
    Object.assign(this.entry(id)!, { title: cleaned, customTitle: true });
    await this.commit(id, async () => undefined);
    return structuredClone(conversation);
  }

  async delete(id: string): Promise<boolean> {
    if (this.entry(id) === undefined) return false;
    const gone = this.drop([id]);
    await this.queue(async () => {
      await this.removeFiles(gone);
      await this.disk.write(INDEX_FILE, indexText(this.entries));
    });
    return true;
  }

  /**
   * Takes in a conversation kept elsewhere (the version-1 history in workspaceState) with its id and times.
   * False when its id is taken or unusable, or it is over the per-conversation cap.
   */
  async import(conversation: Conversation): Promise<boolean> {
    if (!isConversationId(conversation.id) || this.entry(conversation.id) !== undefined) return false;
    const messages = structuredClone(conversation.messages);
    if (this.compactedBytes(messages) > this.limits.maxConversationBytes) return false;
    const { id, title, customTitle, createdAt, updatedAt } = conversation;
    this.loaded.set(id, { id, title, customTitle, createdAt, updatedAt, messages: [] });
    const entry: IndexEntry = { id, title, customTitle, createdAt, updatedAt, messageCount: 0, logBytes: 0, blobs: {} };
    const at = this.entries.findIndex((e) => e.updatedAt < updatedAt);
    this.entries.splice(at < 0 ? this.entries.length : at, 0, entry);
    const work = this.write(id, messages, '', 'rewrite');
    await this.commit(id, work);
    return this.entry(id) !== undefined;
  }

  /** Removes logs and attachment texts no conversation refers to (left by a crash or a failed write). */
  async tidy(): Promise<void> {
    await this.queue(async () => {
      const ids = new Set(this.entries.map((e) => e.id));
      const blobs = this.allBlobs();
      for (const name of await this.disk.list('c'))
        if (!ids.has(name.replace(/\.jsonl$/, ''))) await this.disk.remove(`c/${name}`);
      for (const name of await this.disk.list('blobs'))
        if (!blobs.has(name.replace(/\.txt$/, ''))) await this.disk.remove(`blobs/${name}`);
    });
  }

  /** Resolves once every write so far has reached the disk. */
  flush(): Promise<void> {
    return this.writes;
  }

  // ---- internals ----

  private entry(id: string): IndexEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  private load(id: string): Conversation | undefined {
    const entry = this.entry(id);
    if (entry === undefined) return undefined;
    const cached = this.loaded.get(id);
    if (cached !== undefined) return cached;
    const log = this.disk.read(logFile(id));
    if (log === undefined && entry.messageCount > 0) {
      this.drop([id]);
      void this.queue(() => this.disk.write(INDEX_FILE, indexText(this.entries))).catch(() => undefined);
      return undefined;
    }
    const messages = replayLog(log ?? '', (hash) => this.disk.read(blobFile(hash)));
    const conversation: Conversation = {
      id,
      title: entry.title,
      customTitle: entry.customTitle,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      messages,
    };
    entry.logBytes = byteLength(log ?? '');
    entry.messageCount = messages.length;
    entry.blobs = blobsOf(messages);
    this.loaded.set(id, conversation);
    return conversation;
  }

  private compactedBytes(messages: readonly StoredMessage[]): number {
    return byteLength(compactLog(messages)) + sum(Object.values(blobsOf(messages)));
  }

  /** Whether appending `line` keeps the conversation within its cap without rewriting the log. */
  private fits(id: string, messages: readonly StoredMessage[], line: string): boolean {
    const entry = this.entry(id)!;
    return (
      !this.dirty.has(id) &&
      entry.logBytes + byteLength(line) + sum(Object.values(blobsOf(messages))) <= this.limits.maxConversationBytes
    );
  }

  /** "append" when the line fits as it is, "rewrite" when the log must be compacted first; throws when neither fits. */
  private fitOrThrow(id: string, messages: readonly StoredMessage[], line: string): 'append' | 'rewrite' {
    if (this.fits(id, messages, line)) return 'append';
    const bytes = this.compactedBytes(messages);
    if (bytes > this.limits.maxConversationBytes) throw new HistoryFullError(bytes, this.limits.maxConversationBytes);
    return 'rewrite';
  }

  /** The longest start of `text` (whole characters) that `ok` accepts once marked as cut. */
  private longestFitting(text: string, ok: (candidate: string) => boolean): string {
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (ok(text.slice(0, mid) + CUT_MARK)) low = mid;
      else high = mid - 1;
    }
    let end = low;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    return text.slice(0, end) + CUT_MARK;
  }

  /** Applies `messages` in memory; returns the disk work: new blobs, then the line appended or the log rewritten. */
  private write(id: string, messages: StoredMessage[], line: string, how: 'append' | 'rewrite'): () => Promise<void> {
    const entry = this.entry(id)!;
    const conversation = this.loaded.get(id)!;
    const known = this.allBlobs();
    const blobs = blobsOf(messages);
    const newBlobs = new Map<string, string>();
    for (const m of messages)
      for (const a of m.attachments ?? []) {
        const hash = blobHash(a.text);
        if (!known.has(hash)) newBlobs.set(hash, a.text);
      }
    const oldBlobs = Object.keys(entry.blobs);
    conversation.messages = messages;
    entry.blobs = blobs;
    entry.messageCount = messages.length;
    const rewrite = how === 'rewrite' || this.dirty.has(id);
    const text = rewrite ? compactLog(messages) : line;
    entry.logBytes = rewrite ? byteLength(text) : entry.logBytes + byteLength(line);
    const unused = oldBlobs.filter((hash) => !(hash in blobs));
    return async () => {
      for (const [hash, blob] of newBlobs) await this.disk.write(blobFile(hash), blob);
      if (rewrite) await this.disk.write(logFile(id), text);
      else await this.disk.append(logFile(id), text);
      const stillUsed = this.allBlobs();
      for (const hash of unused) if (!stillUsed.has(hash)) await this.disk.remove(blobFile(hash));
    };
  }

  private touch(id: string): void {
    const at = this.entries.findIndex((e) => e.id === id);
    const [entry] = this.entries.splice(at, 1);
    const conversation = this.loaded.get(id)!;
    Object.assign(entry, { title: conversation.title, updatedAt: conversation.updatedAt });
    this.entries.unshift(entry);
  }

  /** Evicts over the caps (never `keep`), queues `work`, then the index; tells the listeners what went. */
  private async commit(keep: string, work: () => Promise<void>): Promise<void> {
    const evicted = this.evict(keep);
    const gone = this.drop(evicted.map((e) => e.id));
    const write = this.queue(async () => {
      try {
        await work();
        this.dirty.delete(keep);
      } catch (error) {
        this.dirty.add(keep);
        throw error;
      }
      await this.removeFiles(gone);
      await this.disk.write(INDEX_FILE, indexText(this.entries));
    });
    if (evicted.length > 0) for (const listener of this.evictListeners) listener(evicted);
    await write;
  }

  /** Least recently used first out, until within the caps; never `keep`. */
  private evict(keep: string): Evicted[] {
    const evicted: Evicted[] = [];
    let remaining = [...this.entries];
    const total = () => sum(remaining.map((e) => e.logBytes)) + sum(blobUnion(remaining).values());
    for (let i = remaining.length - 1; i >= 0; i--) {
      if (remaining.length <= this.limits.maxConversations && total() <= this.limits.maxTotalBytes) break;
      const entry = remaining[i];
      if (entry.id === keep) continue;
      remaining = remaining.filter((e) => e !== entry);
      evicted.push({ id: entry.id, title: entry.title });
    }
    return evicted;
  }

  /** Takes conversations out of the index and memory; returns the files to remove. */
  private drop(ids: string[]): string[] {
    if (ids.length === 0) return [];
    const dropped = this.entries.filter((e) => ids.includes(e.id));
    this.entries = this.entries.filter((e) => !ids.includes(e.id));
    for (const id of ids) {
      this.loaded.delete(id);
      this.dirty.delete(id);
    }
    const used = this.allBlobs();
    const blobs = [...blobUnion(dropped).keys()].filter((hash) => !used.has(hash));
    return [...dropped.map((e) => logFile(e.id)), ...blobs.map(blobFile)];
  }

  private async removeFiles(names: string[]): Promise<void> {
    for (const name of names) await this.disk.remove(name);
  }

  private allBlobs(): Map<string, number> {
    return blobUnion(this.entries);
  }

  /** Writes in order; a failed write does not stop later ones, but its caller sees the error. */
  private queue(write: () => Promise<void>): Promise<void> {
    const result = this.writes.then(write);
    this.writes = result.catch(() => undefined);
    return result;
  }
}

function blobUnion(entries: readonly IndexEntry[]): Map<string, number> {
  const blobs = new Map<string, number>();
  for (const entry of entries) for (const [hash, bytes] of Object.entries(entry.blobs)) blobs.set(hash, bytes);
  return blobs;
}
