/**
 * The shapes the chat history keeps in the workspace store, and reading them
 * back defensively: the store outlives versions of Fude and may hold anything.
 */
import type { Attachment, CursorContext, OutlineLine } from "./attachments.js";

/** An attachment as it was sent with a question (its text included, so a turn can be re-sent). */
export type StoredAttachment = Omit<Attachment, "focus">;

export interface StoredMessage {
  role: "user" | "assistant";
  text: string;
  attachments?: StoredAttachment[];
  /** Which model wrote an answer (its name as the engine reported it). */
  model?: string;
  createdAt: number;
  /** An answer that ended in a failure part-way (a cut stream, a lost server): the text is what arrived. */
  cut?: true;
}

export interface Conversation {
  id: string;
  title: string;
  /** True once the person renamed it; the title is then never derived again. */
  customTitle: boolean;
  createdAt: number;
  updatedAt: number;
  messages: StoredMessage[];
}

/** What the index keeps per conversation, enough to list and evict without loading each one. */
export interface IndexEntry {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
  /** Characters of the stored JSON, for the size cap. */
  size: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

const isLine = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 1;
/** More outline lines than any real file has: a stored list longer than this is not Fude's. */
const MAX_OUTLINE = 5000;

function readCursor(value: unknown): CursorContext | undefined {
  if (!isObject(value) || !isLine(value.line)) return undefined;
  const cursor: CursorContext = { line: value.line };
  const d = value.declaration;
  if (isObject(d) && isLine(d.start) && isLine(d.end) && d.end >= d.start && isString(d.name)) {
    cursor.declaration = { start: d.start, end: d.end, name: d.name.slice(0, 200) };
  }
  return cursor;
}

function readOutline(value: unknown): OutlineLine[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_OUTLINE) return undefined;
  return value.filter((o): o is OutlineLine => isObject(o) && isLine(o.line) && (o.kind === "import" || o.kind === "signature"))
    .map((o) => ({ line: o.line, kind: o.kind }));
}

function readAttachment(value: unknown): StoredAttachment | null {
  if (!isObject(value) || !isString(value.name) || !isString(value.language) || !isString(value.text)) return null;
  if (value.kind !== "file" && value.kind !== "selection") return null;
  const attachment: StoredAttachment = { kind: value.kind, name: value.name, language: value.language, text: value.text };
  if (typeof value.startLine === "number") attachment.startLine = value.startLine;
  if (typeof value.totalLines === "number") attachment.totalLines = value.totalLines;
  const cursor = value.kind === "file" ? readCursor(value.cursor) : undefined;
  if (cursor !== undefined) attachment.cursor = cursor;
  const outline = cursor !== undefined ? readOutline(value.outline) : undefined;
  if (outline !== undefined) attachment.outline = outline;
  return attachment;
}

function readMessage(value: unknown): StoredMessage | null {
  if (!isObject(value) || (value.role !== "user" && value.role !== "assistant") || !isString(value.text)) return null;
  const message: StoredMessage = { role: value.role, text: value.text, createdAt: isTime(value.createdAt) ? value.createdAt : 0 };
  if (value.role === "assistant" && value.cut === true) message.cut = true;
  if (message.role === "assistant" && isString(value.model) && value.model !== "") message.model = value.model.slice(0, 200);
  if (Array.isArray(value.attachments)) {
    message.attachments = value.attachments.map(readAttachment).filter((a): a is StoredAttachment => a !== null);
  }
  return message;
}

export function readConversation(value: unknown, id: string): Conversation | null {
  if (!isObject(value) || value.id !== id || !isString(value.title) || !Array.isArray(value.messages)) return null;
  if (!isTime(value.createdAt) || !isTime(value.updatedAt)) return null;
  return {
    id,
    title: value.title,
    customTitle: value.customTitle === true,
    createdAt: value.createdAt,
    updatedAt: value.updatedAt,
    messages: value.messages.map(readMessage).filter((m): m is StoredMessage => m !== null),
  };
}

export function readIndex(value: unknown): IndexEntry[] {
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.entries)) return [];
  const seen = new Set<string>();
  const entries: IndexEntry[] = [];
  for (const entry of value.entries) {
    if (!isObject(entry) || !isString(entry.id) || seen.has(entry.id) || !isString(entry.title)) continue;
    if (!isTime(entry.createdAt) || !isTime(entry.updatedAt)) continue;
    seen.add(entry.id);
    entries.push({
      id: entry.id,
      title: entry.title,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      messageCount: typeof entry.messageCount === "number" ? entry.messageCount : 0,
      size: typeof entry.size === "number" ? entry.size : 0,
    });
  }
  return entries;
}

export function indexEntryOf(conversation: Conversation): IndexEntry {
  return {
    id: conversation.id,
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    messageCount: conversation.messages.length,
    size: JSON.stringify(conversation).length,
  };
}
