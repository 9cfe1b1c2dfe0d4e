/** What the chat session needs from its surroundings; the VS Code layer provides it, tests pass fakes. */
import type { CountResult, SamplingFields } from '../../protocol/messages.js';
import type { CountCall } from '../engine/engine.js';
import type { ReadingView } from '../engine/reading-progress.js';
import type { ChatEngine } from '../engine/stream-answer.js';
import type { AttachmentCut } from './attachment-cap.js';
import type { Attachment } from './attachments.js';
import type { BeforeSend } from './before-send.js';
import type { LeftOut } from './context-budget.js';
import type { HistoryStore, KeyValueStore } from './history-store.js';
import type { ModelHeader } from './panel-messages.js';

/** Editor-side actions a panel message can ask for. Each shows its own messages when it cannot act. */
export interface EditorBridge {
  copy(code: string): Promise<void>;
  insert(code: string): Promise<void>;
  diff(code: string, language: string): Promise<void>;
  /** Asks the person before opening; the URL was already checked against the link policy. */
  openLink(url: string): Promise<void>;
  activeFile(): Promise<Attachment | undefined>;
  pickOpenFile(): Promise<Attachment | undefined>;
  showTerms(): Promise<void>;
}

/** Sentences the session shows, localized by the VS Code layer. */
export interface SessionTexts {
  /** While the model reads a long prompt: "Reading 1,200 of 3,400 tokens, about 9 s left…". */
  reading(view: ReadingView): string;
  untitled: string;
  busy: string;
  notReady: string;
  nothingToRegenerate: string;
  regenerate: string;
  tooLong(tokens: number, limit: number): string;
  leftOut(item: LeftOut): string;
  /** Why an answer failed, from the engine's error code (its message goes to the log); `retryAfterMs` when the server said when to try again. */
  failed(code: string, retryAfterMs?: number): string;
  cutShort: string;
  /** The question was not sent: with it the conversation would exceed the history's per-conversation cap. */
  historyFull(bytes: number, limit: number): string;
  /** An attachment was cut to the attachment limit. */
  attachmentCut(cut: AttachmentCut): string;
  /** Conversations removed from the history to stay within its caps. */
  evicted(titles: string[]): string;
  /** The answer was cut to fit the conversation's cap in the history. */
  answerCut: string;
}

export interface ChatSessionDeps {
  history: HistoryStore;
  /** Where the open conversation's id is remembered across reloads (workspaceState). */
  memory: KeyValueStore;
  /** The model answering: streams answers and counts tokens with the model's tokenizer. */
  engine: ChatEngine & { count(call: CountCall): Promise<CountResult | undefined> };
  /** Starts the model if needed; false when it cannot start (the reason was already shown). */
  ensureReady(): Promise<boolean>;
  /** Context size of the loaded model; null when none is loaded. */
  contextSize(): number | null;
  sampling(): SamplingFields;
  beforeSend: BeforeSend;
  editor: EditorBridge;
  texts: SessionTexts;
  header(tokensPerSecond: number | null): ModelHeader;
  /** The name of the model that answers now (the loaded one), for the label on each answer; null when none is loaded. */
  answeringModel(): string | null;
  /** Changes when another model (or another process of it) takes over: the last answer's speed no longer applies. */
  modelKey(): string;
  termsLine(): boolean;
  /** The person pressed one of the header's buttons. */
  runHeaderAction(choice: string): Promise<void>;
  log(line: string): void;
}
