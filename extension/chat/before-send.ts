/**
 * The one hook between "the person pressed Send" and "a request goes to the model".
 *
 * The chat calls `beforeSend(question, kind, context)` for every question (new, regenerated, edited),
 * once the text is final and the model is running, before anything is sent. Resolve `false` and
 * nothing is sent: the question stays in the input for the person to change. The request guard
 * (terms of use and prohibited-use notices over the question AND its attachments) plugs in here;
 * a chat without a guard sends nothing (see extension/guard/).
 *
 * `context.conversationId` names the conversation (null for the first question of a new chat),
 * for flows that remember a confirmation per chat session. `context.panel.ask` shows a notice
 * inside the chat panel with buttons and resolves with the chosen id (undefined when the
 * notice was dismissed or the panel closed), for flows that would rather not use a modal.
 */

/** What the person is sending: a new question, the last question again, or an edited earlier one. */
export type SendKind = 'question' | 'regenerate' | 'edit';

export interface PanelNoticeChoice {
  id: string;
  label: string;
}

export interface PanelAsk {
  /** `note` says what the choices mean; the panel keeps it beside them while a long message scrolls. */
  ask(
    message: string,
    choices: PanelNoticeChoice[],
    severity?: 'info' | 'warning',
    note?: string,
  ): Promise<string | undefined>;
}

export interface SendContext {
  conversationId: string | null;
  panel: PanelAsk;
}

/** What is about to be sent: the question and everything attached to it. */
export interface OutgoingQuestion {
  question: string;
  attachments: ReadonlyArray<{ kind: 'file' | 'selection'; name: string; text: string }>;
}

export type BeforeSend = (outgoing: OutgoingQuestion, kind: SendKind, context: SendContext) => Promise<boolean>;
