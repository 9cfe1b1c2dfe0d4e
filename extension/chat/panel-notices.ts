/**
 * Notices with buttons inside the chat panel: post one, wait for the person's choice.
 * A notice that is never answered resolves undefined when a newer one replaces it or
 * the panel goes away, so a waiting send never hangs.
 */
import type { PanelAsk, PanelNoticeChoice } from './before-send.js';
import type { ExtensionMessage } from './panel-messages.js';

export class PanelNotices implements PanelAsk {
  private next = 1;
  private readonly waiting = new Map<
    string,
    { choices: PanelNoticeChoice[]; resolve: (id: string | undefined) => void }
  >();

  constructor(private readonly post: (message: ExtensionMessage) => void) {}

  ask(
    message: string,
    choices: PanelNoticeChoice[],
    severity: 'info' | 'warning' = 'warning',
    note?: string,
  ): Promise<string | undefined> {
    this.dismissAll();
    const id = `notice-${this.next++}`;
    return new Promise((resolve) => {
      this.waiting.set(id, { choices, resolve });
      this.post({
        type: 'notice',
        id,
        severity,
        message,
        choices: choices.map(({ id: c, label }) => ({ id: c, label })),
        ...(note ? { note } : {}),
      });
    });
  }

  /** True when `noticeId` was one of ours (answered now); a choice it did not offer counts as a dismissal. */
  answer(noticeId: string, choice: string): boolean {
    const entry = this.waiting.get(noticeId);
    if (entry === undefined) return false;
    this.waiting.delete(noticeId);
    entry.resolve(entry.choices.some((c) => c.id === choice) ? choice : undefined);
    return true;
  }

  dismissAll(): void {
    for (const entry of this.waiting.values()) entry.resolve(undefined);
    this.waiting.clear();
  }
}
