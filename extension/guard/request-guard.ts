// The one gate every feature passes before user text reaches a model: the terms of use of the model in
// use, and the prohibited-use notices over the WHOLE request (the question, the selection, attached
// files). Built once in `activate` and handed to chat, documentation, commands and the language-model
// provider. It fails closed: without a ready model (whose terms it must know) it sends nothing, and it
// never starts the model itself.
import type { Category } from '../../common/terms/categories.js';
import { termsIdOf, type ModelStatusView } from '../engine/model-status.js';
import type { NoticeFlow, NoticePlace } from '../terms/notice-flow.js';

export type GuardFeature = 'chat' | 'docs' | 'command' | 'lm';

export interface GuardRequest {
  feature: GuardFeature;
  /** Notices confirmed once are not asked again within the same session (a chat conversation, the docs panel). */
  session: string;
  question: string;
  attachments?: ReadonlyArray<{ kind: 'file' | 'selection'; name: string; text: string }>;
}

export type GuardVerdict =
  | { send: true; categories: Category[]; notice?: string }
  | {
      send: false;
      reason: 'not-ready' | 'terms-not-accepted' | 'declined' | 'blocked';
      categories: Category[];
      notice?: string;
    };

export interface RequestGuardDeps {
  status: ModelStatusView;
  /** Whether the user accepted these terms (in their current text). */
  termsAccepted(termsId: string): boolean;
  notices: NoticeFlow;
  log(line: string): void;
}

export class RequestGuard {
  constructor(private readonly deps: RequestGuardDeps) {}

  /**
   * Whether this request may be sent now. `where` shows a notice where the request came from (inside the chat
   * panel, say) instead of the default modal: a confident hit asks there, a borderline one is a quiet note.
   */
  async check(request: GuardRequest, where: NoticePlace = {}): Promise<GuardVerdict> {
    const state = this.deps.status.current;
    if (state.phase !== 'ready' || !state.model) return { send: false, reason: 'not-ready', categories: [] };
    const termsId = termsIdOf(state);
    // Acceptance can be revoked while the model runs: nothing more is sent to it.
    if (termsId !== null && !this.deps.termsAccepted(termsId))
      return { send: false, reason: 'terms-not-accepted', categories: [] };
    // The detector reads each part its own way: the question as prose, the selection and files for what their
    // prose and comments say (extension/notices/request.ts).
    const attachments = request.attachments ?? [];
    const selection = attachments
      .filter((a) => a.kind === 'selection')
      .map((a) => a.text)
      .join('\n\n');
    const parts = {
      question: request.question,
      attachments: attachments.filter((a) => a.kind === 'file').map(({ name, text }) => ({ name, text })),
      ...(selection !== '' ? { selection } : {}),
    };
    const decision = await this.deps.notices.check(parts, termsId, `${request.feature}:${request.session}`, where);
    if (decision.notice)
      this.deps.log(
        `prohibited-use notice for a ${request.feature} request (${decision.categories.join(', ')}): ${decision.send ? 'sent' : 'not sent'}`,
      );
    if (decision.send) return { send: true, categories: decision.categories, notice: decision.notice };
    return {
      send: false,
      reason: decision.blocked ? 'blocked' : 'declined',
      categories: decision.categories,
      notice: decision.notice,
    };
  }
}
