/**
 * Messages between the chat webview and the extension, both directions, and
 * the validator for what the webview sends (the webview renders model output,
 * so its messages are treated as untrusted input).
 */
import { isAllowedLinkUrl } from '../../common/link-policy.js';
import { createFieldReader, FieldError, type FieldReader } from './field-reader.js';

// ---- webview -> extension ----

export type WebviewMessage =
  | { type: 'ready' }
  /** `attachments` are ids from the last `attachments` message; the extension holds their text. */
  | { type: 'send'; text: string; attachments: string[] }
  | { type: 'stop' }
  | { type: 'newChat' }
  | { type: 'selectConversation'; conversationId: string }
  | { type: 'deleteConversation'; conversationId: string }
  | { type: 'renameConversation'; conversationId: string; title: string }
  /** Answer the last question of the conversation again. */
  | { type: 'regenerate'; conversationId: string }
  /** Replace the user message at `messageIndex` with `text`, drop what followed it, ask again. */
  | { type: 'editAndResend'; conversationId: string; messageIndex: number; text: string }
  | { type: 'copyCode'; code: string; language: string }
  | { type: 'insertCode'; code: string; language: string }
  | { type: 'diffCode'; code: string; language: string }
  /** Only http, https and mailto; the extension asks before opening. */
  | { type: 'openLink'; url: string }
  | { type: 'attachActiveFile' }
  /** The extension shows a pick list of open files. */
  | { type: 'attachOpenFile' }
  | { type: 'removeAttachment'; attachmentId: string }
  /** The person chose `choice` on notice (or error action) `noticeId`; "header" is the model header's actions. */
  | { type: 'noticeChoice'; noticeId: string; choice: string }
  /** The terms line's link: the extension runs `fude.showTerms`. */
  | { type: 'showTerms' };

export type WebviewMessageType = WebviewMessage['type'];

// ---- extension -> webview ----

/** Where the backend is, as the header shows it. */
export type BackendPhase = 'stopped' | 'starting' | 'loading' | 'ready' | 'generating' | 'restarting' | 'error';

export interface ModelHeader {
  name: string | null;
  /** Display text such as "CUDA 33/33"; null when running on the CPU or unknown. */
  gpu: string | null;
  /** Remote engine: the server and its measured latency, e.g. "gpu-node-1:8000 · 42 ms"; null for the local engine. */
  server: string | null;
  /** Speed of the last answer; null before the first one. */
  tokensPerSecond: number | null;
  phase: BackendPhase;
  /** A sentence about the phase when it is not plain "ready" (starting, loading, restarting, failed, stopped). */
  status: string | null;
  /** Buttons that fix the status; the webview answers noticeChoice {noticeId: "header", choice: id}. */
  actions: ChoiceView[];
  /** The demo model is loaded (or will be): the panel says its output is meaningless. */
  isDemo: boolean;
}

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: number;
  messageCount: number;
}

export interface AttachmentView {
  id: string;
  kind: 'selection' | 'file';
  /** File path relative to the workspace, or the file name. */
  name: string;
  language: string;
  /** 1-based inclusive line range of a selection or a trimmed file; null for a whole file. */
  lines: { start: number; end: number } | null;
}

export interface ChatMessageView {
  role: 'user' | 'assistant';
  text: string;
  /** Names of what was attached to a user message, for display. */
  attachments: string[];
  /** An answer a failure cut short: the panel marks it. */
  cut?: boolean;
  /** The model that wrote an answer; absent for questions and for answers saved before Fude kept it. */
  model?: string;
}

export interface ChoiceView {
  id: string;
  label: string;
}

export type ExtensionMessage =
  | {
      type: 'state';
      conversations: ConversationSummary[];
      currentConversationId: string | null;
      messages: ChatMessageView[];
      model: ModelHeader;
      /** True while an answer is being generated: the webview shows Stop instead of Send. */
      busy: boolean;
      /** The answer being written (and the model writing it), so a webview that (re)opens mid-answer shows it; deltas follow. */
      streaming: { conversationId: string; text: string; model: string | null } | null;
      /** The model's terms require the line under the input (accuracy warning, prohibited uses, link to the terms). */
      termsLine: boolean;
    }
  /** Only the header changed (the model's phase, a request started or ended): nothing else is redrawn. */
  | { type: 'header'; model: ModelHeader; termsLine: boolean }
  | { type: 'delta'; conversationId: string; text: string }
  | { type: 'done'; conversationId: string; stopReason: 'finished' | 'stopped' | 'maxTokens' }
  /** `action`, when present, is offered as a button that sends noticeChoice {noticeId: id, choice: action.id}. */
  | { type: 'error'; id: string; conversationId: string | null; message: string; action: ChoiceView | null }
  /** `note`: what the choices mean, shown beside them (outside the text, which may scroll). */
  | { type: 'notice'; id: string; severity: 'info' | 'warning'; message: string; choices: ChoiceView[]; note?: string }
  | { type: 'attachments'; items: AttachmentView[] }
  /** What context trimming left out of the request just sent, in words for the UI. */
  | { type: 'contextNotes'; conversationId: string; leftOut: string[] }
  /** Something the person should know that needs no answer: an attachment cut, conversations removed from the history. */
  | { type: 'note'; id: string; conversationId: string | null; message: string }
  /** Puts text back into the input: a send that did not happen keeps what the person wrote. */
  | { type: 'draft'; text: string }
  | { type: 'focusInput' }
  /** The view's History title action: show the list of conversations. */
  | { type: 'showHistory' }
  /** While the model reads a long prompt, before the first words: what to show instead of "Writing…". */
  | { type: 'progress'; conversationId: string; text: string };

// ---- validation ----

export type ParseResult = { ok: true; message: WebviewMessage } | { ok: false; error: string };

export const LIMITS = {
  text: 1_000_000,
  code: 1_000_000,
  title: 200,
  language: 64,
  url: 2048,
  attachments: 50,
  messageIndex: 100_000,
} as const;

type Parsers = { [K in WebviewMessageType]: (r: FieldReader) => Extract<WebviewMessage, { type: K }> };

const codeMessage =
  <K extends 'copyCode' | 'insertCode' | 'diffCode'>(type: K) =>
  (r: FieldReader) => ({ type, code: r.text('code', LIMITS.code), language: r.text('language', LIMITS.language) });

// Each parser builds a fresh object, so unknown extra fields never travel further.
const PARSERS: Parsers = {
  ready: () => ({ type: 'ready' }),
  send: (r) => ({
    type: 'send',
    text: r.text('text', LIMITS.text, { nonEmpty: true }),
    attachments: r.ids('attachments', LIMITS.attachments),
  }),
  stop: () => ({ type: 'stop' }),
  newChat: () => ({ type: 'newChat' }),
  selectConversation: (r) => ({ type: 'selectConversation', conversationId: r.id('conversationId') }),
  deleteConversation: (r) => ({ type: 'deleteConversation', conversationId: r.id('conversationId') }),
  renameConversation: (r) => ({
    type: 'renameConversation',
    conversationId: r.id('conversationId'),
    title: r.text('title', LIMITS.title, { nonEmpty: true }),
  }),
  regenerate: (r) => ({ type: 'regenerate', conversationId: r.id('conversationId') }),
  editAndResend: (r) => ({
    type: 'editAndResend',
    conversationId: r.id('conversationId'),
    messageIndex: r.integer('messageIndex', 0, LIMITS.messageIndex),
    text: r.text('text', LIMITS.text, { nonEmpty: true }),
  }),
  copyCode: codeMessage('copyCode'),
  insertCode: codeMessage('insertCode'),
  diffCode: codeMessage('diffCode'),
  openLink: (r) => {
    const url = r.text('url', LIMITS.url);
    if (!isAllowedLinkUrl(url)) throw new FieldError('openLink.url must be an http, https or mailto URL');
    return { type: 'openLink', url };
  },
  attachActiveFile: () => ({ type: 'attachActiveFile' }),
  attachOpenFile: () => ({ type: 'attachOpenFile' }),
  removeAttachment: (r) => ({ type: 'removeAttachment', attachmentId: r.id('attachmentId') }),
  noticeChoice: (r) => ({ type: 'noticeChoice', noticeId: r.id('noticeId'), choice: r.id('choice') }),
  showTerms: () => ({ type: 'showTerms' }),
};

function isMessageType(type: string): type is WebviewMessageType {
  return Object.prototype.hasOwnProperty.call(PARSERS, type);
}

export function parseWebviewMessage(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'message must be an object' };
  }
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string') return { ok: false, error: 'message.type must be a string' };
  if (!isMessageType(type))
    return { ok: false, error: `message.type ${JSON.stringify(type.slice(0, 40))} is not a known message` };
  try {
    return { ok: true, message: PARSERS[type](createFieldReader(record, type)) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, error: error.message };
    throw error;
  }
}
