// Before a request goes to the model: does it look like a use the model's terms prohibit? If so, say which
// category and which article, and let the setting decide: confirm (default), notify only, or block.
import type { Category, Lang } from '../../common/terms/categories.js';
import { classifyParts } from '../notices/classify-parts.js';
import { noticeFor } from '../notices/notice.js';

export type NoticeMode = 'confirm' | 'notify' | 'block';
export type NoticeAnswer = 'continue' | 'cancel';

export interface NoticeUi {
  confirm(message: string): Promise<NoticeAnswer>;
  notify(message: string): void;
  blocked(message: string): void;
}

export interface NoticeDecision {
  send: boolean;
  /** Not sent because `fude.notices.mode` is "block" (rather than declined by the person). */
  blocked?: boolean;
  categories: Category[];
  /** The text shown, when one was. */
  notice?: string;
}

export class NoticeFlow {
  /** Categories the user already confirmed, per chat session. */
  private readonly confirmed = new Map<string, Set<Category>>();

  constructor(private readonly ui: NoticeUi, private readonly mode: () => NoticeMode, private readonly lang: () => Lang) {}

  /**
   * `texts`: every part of the request (question, selection, attached files), each classified; a category
   * any of them raises counts. `confirm` overrides the UI's own question, e.g. to ask inside the chat panel.
   */
  async check(texts: readonly string[], termsId: string | null, session: string, confirm?: (message: string) => Promise<NoticeAnswer>): Promise<NoticeDecision> {
    if (!termsId) return { send: true, categories: [] };
    const categories = await classifyParts(texts);
    const notice = categories.length > 0 ? noticeFor(categories, termsId, this.lang()) : undefined;
    if (!notice) return { send: true, categories };
    const mode = this.mode();
    if (mode === 'block') {
      this.ui.blocked(notice);
      return { send: false, blocked: true, categories, notice };
    }
    if (mode === 'notify') {
      this.ui.notify(notice);
      return { send: true, categories, notice };
    }
    const seen = this.confirmed.get(session) ?? new Set<Category>();
    if (categories.every((c) => seen.has(c))) return { send: true, categories };
    const answer = await (confirm ?? this.ui.confirm)(notice);
    if (answer !== 'continue') return { send: false, categories, notice };
    for (const c of categories) seen.add(c);
    this.confirmed.set(session, seen);
    return { send: true, categories, notice };
  }

  /** A new chat session starts with nothing confirmed. */
  forget(session: string): void {
    this.confirmed.delete(session);
  }
}
