/**
 * The first history (Fude 0.1) lived in workspaceState: an index key and one key per conversation. It moves
 * into the file history once, oldest first, and the old keys go (an extension's workspaceState is handed to
 * VS Code whole on every update, so leaving megabytes there would slow every later update).
 */
import type { HistoryStore, KeyValueStore } from './history-store.js';
import { readAnswerMeta, readInlineAttachment, type Conversation, type StoredMessage } from './history-records.js';

export const V1_INDEX_KEY = 'fude.chat.history.index';
export const v1ConversationKey = (id: string) => `fude.chat.history.conversation.${id}`;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readV1Message(value: unknown): StoredMessage | null {
  if (!isObject(value) || (value.role !== 'user' && value.role !== 'assistant') || typeof value.text !== 'string')
    return null;
  const message: StoredMessage = {
    role: value.role,
    text: value.text,
    createdAt: isTime(value.createdAt) ? value.createdAt : 0,
  };
  if (value.role === 'assistant') Object.assign(message, readAnswerMeta(value));
  if (Array.isArray(value.attachments)) {
    message.attachments = value.attachments
      .map(readInlineAttachment)
      .filter((a): a is NonNullable<typeof a> => a !== null);
  }
  return message;
}

export function readV1Conversation(value: unknown, id: string): Conversation | null {
  if (!isObject(value) || value.id !== id || typeof value.title !== 'string' || !Array.isArray(value.messages))
    return null;
  if (!isTime(value.createdAt) || !isTime(value.updatedAt)) return null;
  return {
    id,
    title: value.title,
    customTitle: value.customTitle === true,
    createdAt: value.createdAt,
    updatedAt: value.updatedAt,
    messages: value.messages.map(readV1Message).filter((m): m is StoredMessage => m !== null),
  };
}

/**
 * Moves what is there; returns how many conversations moved and how many could not (unreadable or too big).
 * The history holds them as soon as this is called (the writes follow), so a session made right after
 * finds the conversation it had open.
 */
export async function migrateV1History(
  memento: KeyValueStore,
  history: HistoryStore,
): Promise<{ moved: number; skipped: number }> {
  const index = memento.get(V1_INDEX_KEY);
  if (!isObject(index) || !Array.isArray(index.entries)) return { moved: 0, skipped: 0 };
  const ids = index.entries.flatMap((e) => (isObject(e) && typeof e.id === 'string' ? [e.id] : []));
  const conversations = ids.map((id) => readV1Conversation(memento.get(v1ConversationKey(id)), id));
  const imports = conversations
    .filter((c): c is Conversation => c !== null)
    .sort((a, b) => a.updatedAt - b.updatedAt)
    .map((c) => history.import(c));
  const moved = (await Promise.all(imports)).filter(Boolean).length;
  for (const id of ids) await memento.update(v1ConversationKey(id), undefined);
  await memento.update(V1_INDEX_KEY, undefined);
  return { moved, skipped: ids.length - moved };
}
