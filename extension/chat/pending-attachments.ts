/**
 * What the person attached for the next question (the chips above the input). The extension
 * keeps the text; the webview only ever sees ids, names and line ranges.
 */
import { lineRange, type Attachment } from './attachments.js';
import type { AttachmentView } from './panel-messages.js';

const MAX_PENDING = 20;

export class PendingAttachments {
  private next = 1;
  private readonly items = new Map<string, Attachment>();

  /** Adds it, replacing an attachment of the same file and kind (a new selection replaces the old one). */
  add(attachment: Attachment): string {
    for (const [id, existing] of this.items) {
      const sameSelection = existing.kind === 'selection' && attachment.kind === 'selection';
      if (sameSelection || (existing.kind === attachment.kind && existing.name === attachment.name))
        this.items.delete(id);
    }
    if (this.items.size >= MAX_PENDING) this.items.delete(this.items.keys().next().value as string);
    const id = `att-${this.next++}`;
    this.items.set(id, attachment);
    return id;
  }

  remove(id: string): boolean {
    return this.items.delete(id);
  }

  /** The attachments with these ids, in the order they were attached; unknown ids are ignored. */
  select(ids: readonly string[]): Attachment[] {
    const wanted = new Set(ids);
    return [...this.items].filter(([id]) => wanted.has(id)).map(([, attachment]) => attachment);
  }

  /** After a question was sent: its chips go. */
  clear(): void {
    this.items.clear();
  }

  get size(): number {
    return this.items.size;
  }

  views(): AttachmentView[] {
    return [...this.items].map(([id, attachment]) => viewOf(id, attachment));
  }
}

function viewOf(id: string, attachment: Attachment): AttachmentView {
  const { start, end } = lineRange(attachment);
  const partial = attachment.kind === 'selection' || (attachment.startLine ?? 1) !== 1;
  return {
    id,
    kind: attachment.kind,
    name: attachment.name,
    language: attachment.language,
    lines: partial ? { start, end } : null,
  };
}

/** How an attachment is named on a sent question: "a.ts" or "a.ts:3-9". */
export function attachmentLabel(attachment: Omit<Attachment, 'focus'>): string {
  if (attachment.kind !== 'selection') return attachment.name;
  const { start, end } = lineRange(attachment);
  return start === end ? `${attachment.name}:${start}` : `${attachment.name}:${start}-${end}`;
}
