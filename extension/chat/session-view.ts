/** What the session tells the panels: the state message, and error lines that may offer Regenerate. */
import type { HistoryStore } from './history-store.js';
import type { ChatMessageView, ExtensionMessage, ModelHeader } from './panel-messages.js';
import { attachmentLabel } from './pending-attachments.js';

export interface StateParts {
  history: HistoryStore;
  currentId: string | null;
  header: ModelHeader;
  busy: boolean;
  streaming: { conversationId: string; text: string; model: string | null } | null;
  termsLine: boolean;
}

export function stateMessage(o: StateParts): ExtensionMessage {
  const conversation = o.currentId === null ? undefined : o.history.get(o.currentId);
  const messages: ChatMessageView[] = (conversation?.messages ?? []).map((m) => ({
    role: m.role,
    text: m.text,
    attachments: (m.attachments ?? []).map(attachmentLabel),
    ...(m.cut ? { cut: true } : {}),
    ...(m.role === 'assistant' && m.model ? { model: m.model } : {}),
  }));
  return {
    type: 'state',
    conversations: o.history.list(),
    currentConversationId: conversation?.id ?? null,
    messages,
    model: o.header,
    busy: o.busy,
    streaming: o.streaming,
    termsLine: o.termsLine,
  };
}

/** Error lines with ids; one that offers Regenerate remembers its conversation until chosen. */
export class ErrorLines {
  private next = 1;
  private readonly retries = new Map<string, string>();

  constructor(
    private readonly post: (message: ExtensionMessage) => void,
    private readonly regenerateLabel: string,
  ) {}

  show(conversationId: string | null, message: string, retry = false): string {
    const id = `error-${this.next++}`;
    if (retry && conversationId !== null) this.retries.set(id, conversationId);
    const action = retry && conversationId !== null ? { id: 'regenerate', label: this.regenerateLabel } : null;
    this.post({ type: 'error', id, conversationId, message, action });
    return id;
  }

  /** A line that needs no answer (null conversation: shown whichever conversation is open). */
  note(conversationId: string | null, message: string): void {
    this.post({ type: 'note', id: `note-${this.next++}`, conversationId, message });
  }

  /** The conversation to regenerate when `choice` on error `id` is its Regenerate button. */
  retryFor(id: string, choice: string): string | undefined {
    const conversationId = this.retries.get(id);
    if (conversationId === undefined || choice !== 'regenerate') return undefined;
    this.retries.delete(id);
    return conversationId;
  }
}
