// VS Code's language-model messages (LanguageModelChatRequestMessage) as the backend's chat messages. Parts are
// read by their shape, not their class: the classes belong to the extension host, and this module stays free
// of VS Code so the tests call it directly.
import type { ChatMessage } from '../../protocol/messages.js';

/** VS Code's LanguageModelChatMessageRole: User 1, Assistant 2, and System 3 (a proposed API some callers use). */
export const LM_ROLE = { user: 1, assistant: 2, system: 3 } as const;

export interface RequestMessageLike {
  readonly role: number;
  readonly content: ReadonlyArray<unknown>;
  readonly name?: string | undefined;
}

export type MessagesProblem =
  /** No user message, or the conversation does not end with one: there is nothing to answer. */
  | { kind: 'no_question' }
  /** An image (or other binary input): Fude's models read text only. */
  | { kind: 'image'; mimeType: string }
  | { kind: 'role'; role: number };

export type ConvertResult =
  | {
      ok: true;
      messages: ChatMessage[];
      /** Parts left out of the prompt (tool calls, metadata), for the log. */ skipped: string[];
    }
  | { ok: false; problem: MessagesProblem };

const TEXT_MIME = /^(text\/|application\/(json|x-json|xml|javascript|typescript))/i;

interface PartText {
  text: string;
  skipped?: string;
  image?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** One part's text: text parts as they are, a tool result's text parts, text data decoded; the rest skipped. */
function partText(part: unknown): PartText {
  if (typeof part === 'string') return { text: part };
  if (!isObject(part)) return { text: '', skipped: 'a part of unknown kind' };
  // LanguageModelTextPart (a prompt-tsx part also has `value`, not a string: its caller renders it).
  if ('value' in part)
    return typeof part.value === 'string' ? { text: part.value } : { text: '', skipped: 'a prompt-tsx part' };
  // LanguageModelToolCallPart: a call the model never made (Fude's models call no tools).
  if (typeof part.callId === 'string' && typeof part.name === 'string' && 'input' in part)
    return { text: '', skipped: `a tool call (${part.name})` };
  // LanguageModelToolResultPart: what a tool gave back, read as text.
  if (typeof part.callId === 'string' && Array.isArray(part.content)) {
    const inner = part.content.map(partText);
    const image = inner.find((p) => p.image !== undefined)?.image;
    return { text: inner.map((p) => p.text).join(''), ...(image !== undefined ? { image } : {}) };
  }
  // LanguageModelDataPart: text kinds are read, images refused, metadata (cache hints and such) left out.
  if (typeof part.mimeType === 'string' && part.data instanceof Uint8Array) {
    if (TEXT_MIME.test(part.mimeType)) return { text: new TextDecoder().decode(part.data) };
    if (/^image\//i.test(part.mimeType)) return { text: '', image: part.mimeType };
    return { text: '', skipped: `data of type ${part.mimeType}` };
  }
  return { text: '', skipped: 'a part of unknown kind' };
}

const ROLES: Record<number, ChatMessage['role']> = {
  [LM_ROLE.user]: 'user',
  [LM_ROLE.assistant]: 'assistant',
  [LM_ROLE.system]: 'system',
};

/**
 * The messages as the backend takes them: the text of each, in order; a message left with no text (an
 * assistant turn that was only a tool call) is dropped. The conversation must end with a user message.
 */
export function toChatMessages(input: readonly RequestMessageLike[]): ConvertResult {
  const messages: ChatMessage[] = [];
  const skipped: string[] = [];
  for (const m of input) {
    const role = ROLES[m.role];
    if (role === undefined) return { ok: false, problem: { kind: 'role', role: m.role } };
    const parts = m.content.map(partText);
    const image = parts.find((p) => p.image !== undefined)?.image;
    if (image !== undefined) return { ok: false, problem: { kind: 'image', mimeType: image } };
    for (const p of parts) if (p.skipped) skipped.push(p.skipped);
    const content = parts.map((p) => p.text).join('');
    if (content.trim() === '') continue;
    messages.push({ role, content });
  }
  const last = messages.filter((m) => m.role !== 'system').at(-1);
  if (last?.role !== 'user') return { ok: false, problem: { kind: 'no_question' } };
  return { ok: true, messages, skipped };
}

/** The text a token count is asked for: a string as it is, a message as its text (tool calls and metadata have none). */
export function countText(input: string | RequestMessageLike): string {
  if (typeof input === 'string') return input;
  return input.content.map((p) => partText(p).text).join('');
}

/**
 * What the request guard reads: the last user message is the question; the earlier user and system messages
 * travel as one more part it reads for what they ask (a caller can put the ask anywhere). The model's own
 * earlier answers are not the user's request.
 */
export function guardParts(messages: readonly ChatMessage[]): { question: string; earlier: string } {
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const earlier = messages.filter((m, i) => i !== lastUser && m.role !== 'assistant').map((m) => m.content);
  return { question: lastUser >= 0 ? messages[lastUser].content : '', earlier: earlier.join('\n\n') };
}
