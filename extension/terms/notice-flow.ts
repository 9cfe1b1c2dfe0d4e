// Before a request goes to the model: does it look like a use the model's terms prohibit? If so, say which
// category and which article. A confident verdict follows the setting: confirm (default), notify only, or
// block. A borderline one only shows the note and sends, whatever the setting: a modal for a request that is
// probably fine is the false alarm that teaches people to click through.
import type { Category, Lang } from '../../common/terms/categories.js';
import { noticeFor } from '../notices/notice.js';
import { classifyPartsPaced, type RequestParts, type RequestVerdict } from '../notices/request.js';
import type { Grade } from '../notices/rules.js';

type Verdict = Pick<RequestVerdict, 'categories' | 'grade'>;

export type NoticeMode = 'confirm' | 'notify' | 'block';
export type NoticeAnswer = 'continue' | 'cancel';

export interface NoticeUi {
  confirm(message: string): Promise<NoticeAnswer>;
  notify(message: string): void;
  blocked(message: string): void;
}

/** Where a notice shows: a question with Cancel / Continue, and a quiet note that asks nothing. */
export interface NoticePlace {
  confirm?: (message: string) => Promise<NoticeAnswer>;
  note?: (message: string) => void;
}

export interface NoticeDecision {
  send: boolean;
  /** Not sent because `fude.notices.mode` is "block" (rather than declined by the person). */
  blocked?: boolean;
  categories: Category[];
  /** How sure the detector was, when it flagged anything. */
  grade?: Grade;
  /** The text shown, when one was. */
  notice?: string;
}

export class NoticeFlow {
  /** Categories the user already confirmed, per chat session. */
  private readonly confirmed = new Map<string, Set<Category>>();

  /** `classify` is the detector (long parts read in windows, the event loop let through); tests may give their own. */
  constructor(
    private readonly ui: NoticeUi,
    private readonly mode: () => NoticeMode,
    private readonly lang: () => Lang,
    private readonly classify: (request: RequestParts) => Verdict | Promise<Verdict> = classifyPartsPaced,
  ) {}

  /**
   * `request` is the question alone or the whole request (question, attachments, selection). `where` shows the
   * notice where the request came from (inside the chat panel) instead of the UI's own dialog and message.
   */
  async check(
    request: string | RequestParts,
    termsId: string | null,
    session: string,
    where: NoticePlace = {},
  ): Promise<NoticeDecision> {
    const confirm = where.confirm;
    const note = where.note ?? ((message: string) => this.ui.notify(message));
    if (!termsId) return { send: true, categories: [] };
    const { categories, grade } = await this.classify(typeof request === 'string' ? { question: request } : request);
    const notice = categories.length > 0 ? noticeFor(categories, termsId, this.lang()) : undefined;
    if (!notice) return { send: true, categories };
    if (grade === 'borderline') {
      note(notice);
      return { send: true, categories, grade, notice };
    }
    const mode = this.mode();
    if (mode === 'block') {
      this.ui.blocked(notice);
      return { send: false, blocked: true, categories, grade, notice };
    }
    if (mode === 'notify') {
      this.ui.notify(notice);
      return { send: true, categories, grade, notice };
    }
    const seen = this.confirmed.get(session) ?? new Set<Category>();
    if (categories.every((c) => seen.has(c))) return { send: true, categories, grade };
    const answer = await (confirm ?? this.ui.confirm)(notice);
    if (answer !== 'continue') return { send: false, categories, grade, notice };
    for (const c of categories) seen.add(c);
    this.confirmed.set(session, seen);
    return { send: true, categories, grade, notice };
  }

  /** A new chat session starts with nothing confirmed. */
  forget(session: string): void {
    this.confirmed.delete(session);
  }
}
