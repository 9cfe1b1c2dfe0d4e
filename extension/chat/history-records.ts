/**
 * The shapes the chat history keeps on disk, and reading them back defensively: the files outlive
 * versions of Fude and may hold anything.
 *
 * - `index.json`: one entry per conversation (title, times, sizes, the attachments it refers to);
 * - `c/ID.jsonl`: the conversation as an append-only log, one record a line (a message, the answer
 *   being set, a truncation), so a new message is one appended line;
 * - `blobs/SHA256.txt`: an attachment's text, stored once however many questions refer to it.
 */
import { createHash } from 'node:crypto';
import type { Attachment, CursorContext, OutlineLine } from './attachments.js';

/** An attachment as it was sent with a question (its text included, so a turn can be re-sent). */
export type StoredAttachment = Omit<Attachment, 'focus'>;

export interface StoredMessage {
  role: 'user' | 'assistant';
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

/** What the index keeps per conversation, enough to list, cap and evict without reading each log. */
export interface IndexEntry {
  id: string;
  title: string;
  customTitle: boolean;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
  /** Bytes of the conversation's log file. */
  logBytes: number;
  /** The attachment texts its messages refer to: hash → bytes. */
  blobs: Record<string, number>;
}

/** An attachment inside a log record: everything but the text, which is in `blobs/<blob>.txt`. */
export type AttachmentRef = Omit<StoredAttachment, 'text'> & { blob: string };

/** An answer's model and failure mark (StoredMessage's `model` and `cut`), kept on its log records. */
export type AnswerMeta = Pick<StoredMessage, 'model' | 'cut'>;

export type LogRecord =
  | ({
      op: 'message';
      role: 'user' | 'assistant';
      text: string;
      createdAt: number;
      attachments?: AttachmentRef[];
    } & AnswerMeta)
  /** The answer being written: replaces the last message if it is an answer (its model and mark too), else adds one. */
  | ({ op: 'answer'; text: string; createdAt: number } & AnswerMeta)
  /** Keeps the first `length` messages (regenerate, edit and resend). */
  | { op: 'truncate'; length: number };

export const INDEX_FILE = 'index.json';
export const INDEX_VERSION = 1;
export const logFile = (id: string) => `c/${id}.jsonl`;
export const blobFile = (hash: string) => `blobs/${hash}.txt`;

/** Ids become file names: only these survive reading (a tampered index cannot name ../anything). */
export const isConversationId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
const isBlobHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

export function blobHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isLine = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;
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
  return value
    .filter((o): o is OutlineLine => isObject(o) && isLine(o.line) && (o.kind === 'import' || o.kind === 'signature'))
    .map((o) => ({ line: o.line, kind: o.kind }));
}

function readAttachmentFields(value: Json): Omit<StoredAttachment, 'text'> | null {
  if (!isString(value.name) || !isString(value.language)) return null;
  if (value.kind !== 'file' && value.kind !== 'selection') return null;
  const attachment: Omit<StoredAttachment, 'text'> = { kind: value.kind, name: value.name, language: value.language };
  if (isCount(value.startLine)) attachment.startLine = value.startLine;
  if (isCount(value.totalLines)) attachment.totalLines = value.totalLines;
  if (isCount(value.totalChars)) attachment.totalChars = value.totalChars;
  const cursor = value.kind === 'file' ? readCursor(value.cursor) : undefined;
  if (cursor !== undefined) attachment.cursor = cursor;
  const outline = cursor !== undefined ? readOutline(value.outline) : undefined;
  if (outline !== undefined) attachment.outline = outline;
  return attachment;
}

/** An attachment with its text inline (the version-1 workspaceState history). */
export function readInlineAttachment(value: unknown): StoredAttachment | null {
  if (!isObject(value) || !isString(value.text)) return null;
  const fields = readAttachmentFields(value);
  return fields === null ? null : { ...fields, text: value.text };
}

function readRef(value: unknown): AttachmentRef | null {
  if (!isObject(value) || !isBlobHash(value.blob)) return null;
  const fields = readAttachmentFields(value);
  return fields === null ? null : { ...fields, blob: value.blob };
}

/** What an answer carries besides its text: the model that wrote it, and whether a failure cut it short. */
export function readAnswerMeta(value: Json): AnswerMeta {
  const meta: AnswerMeta = {};
  if (isString(value.model) && value.model !== '') meta.model = value.model.slice(0, 200);
  if (value.cut === true) meta.cut = true;
  return meta;
}

export function readRecord(line: string): LogRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  if (value.op === 'truncate') return isCount(value.length) ? { op: 'truncate', length: value.length } : null;
  if (!isString(value.text)) return null;
  const createdAt = isTime(value.createdAt) ? value.createdAt : 0;
  if (value.op === 'answer') return { op: 'answer', text: value.text, createdAt, ...readAnswerMeta(value) };
  if (value.op !== 'message' || (value.role !== 'user' && value.role !== 'assistant')) return null;
  const record: LogRecord = {
    op: 'message',
    role: value.role,
    text: value.text,
    createdAt,
    ...(value.role === 'assistant' ? readAnswerMeta(value) : {}),
  };
  if (Array.isArray(value.attachments))
    record.attachments = value.attachments.map(readRef).filter((a): a is AttachmentRef => a !== null);
  return record;
}

/** The messages a log describes; attachments whose text is gone are left out. Lines that do not read are skipped. */
export function replayLog(text: string, blobText: (hash: string) => string | undefined): StoredMessage[] {
  const messages: StoredMessage[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const record = readRecord(line);
    if (record === null) continue;
    if (record.op === 'truncate') {
      messages.splice(record.length);
      continue;
    }
    if (record.op === 'answer') {
      const last = messages[messages.length - 1];
      const { text, model, cut } = record;
      if (last?.role !== 'assistant')
        messages.push({ role: 'assistant', text, createdAt: record.createdAt, ...answerMeta(model, cut) });
      else {
        last.text = text;
        if (model !== undefined) last.model = model;
        if (cut) last.cut = true;
        else delete last.cut;
      }
      continue;
    }
    const message: StoredMessage = {
      role: record.role,
      text: record.text,
      createdAt: record.createdAt,
      ...answerMeta(record.model, record.cut),
    };
    if (record.attachments !== undefined) {
      message.attachments = record.attachments.flatMap(({ blob, ...fields }) => {
        const text = blobText(blob);
        return text === undefined ? [] : [{ ...fields, text }];
      });
    }
    messages.push(message);
  }
  return messages;
}

/** The meta fields that are set, so absent ones are not written as `undefined`. */
export function answerMeta(model: string | undefined, cut: boolean | undefined): AnswerMeta {
  return { ...(model ? { model } : {}), ...(cut ? { cut: true as const } : {}) };
}

/** One log line for a message; its attachments become references to their blobs. */
export function messageLine(message: StoredMessage): string {
  const record: LogRecord = {
    op: 'message',
    role: message.role,
    text: message.text,
    createdAt: message.createdAt,
    ...answerMeta(message.model, message.cut),
  };
  if (message.attachments !== undefined) {
    record.attachments = message.attachments.map(({ text, ...fields }) => ({ ...fields, blob: blobHash(text) }));
  }
  return `${JSON.stringify(record)}\n`;
}

export const recordLine = (record: LogRecord) => `${JSON.stringify(record)}\n`;

export function readIndex(text: string | undefined): IndexEntry[] {
  let value: unknown;
  try {
    value = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return [];
  }
  if (!isObject(value) || value.version !== INDEX_VERSION || !Array.isArray(value.entries)) return [];
  const seen = new Set<string>();
  const entries: IndexEntry[] = [];
  for (const entry of value.entries) {
    if (!isObject(entry) || !isConversationId(entry.id) || seen.has(entry.id) || !isString(entry.title)) continue;
    if (!isTime(entry.createdAt) || !isTime(entry.updatedAt)) continue;
    seen.add(entry.id);
    const blobs: Record<string, number> = {};
    if (isObject(entry.blobs))
      for (const [hash, bytes] of Object.entries(entry.blobs))
        if (isBlobHash(hash) && isCount(bytes)) blobs[hash] = bytes;
    entries.push({
      id: entry.id,
      title: entry.title,
      customTitle: entry.customTitle === true,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      messageCount: isCount(entry.messageCount) ? entry.messageCount : 0,
      logBytes: isCount(entry.logBytes) ? entry.logBytes : 0,
      blobs,
    });
  }
  return entries;
}

export function indexText(entries: readonly IndexEntry[]): string {
  return JSON.stringify({ version: INDEX_VERSION, entries });
}

/** The blobs a conversation's messages refer to, with their sizes. */
export function blobsOf(messages: readonly StoredMessage[]): Record<string, number> {
  const blobs: Record<string, number> = {};
  for (const message of messages)
    for (const a of message.attachments ?? []) blobs[blobHash(a.text)] = byteLength(a.text);
  return blobs;
}
