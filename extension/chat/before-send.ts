/**
 * The one hook between "the person pressed Send" and "a request goes to the backend".
 *
 * The chat calls `beforeSend(text, kind, context)` for every question (new, regenerated, edited),
 * after the text is final and before it starts the backend or sends anything. Resolve `false`
 * and nothing is sent: the question stays in the input for the person to change. The terms
 * notice flow (the prohibited-use detector, confirm / notify / block) plugs in here through
 * `registerChat(core, { beforeSend })`; by default everything is allowed.
 *
 * `context.conversationId` names the conversation (null for the first question of a new chat),
 * for flows that remember a confirmation per chat session. `context.panel.ask` shows a notice
 * inside the chat panel with buttons and resolves with the chosen id (undefined when the
 * notice was dismissed or the panel closed), for flows that would rather not use a modal.
 */

/** What the person is sending: a new question, the last question again, or an edited earlier one. */
export type SendKind = "question" | "regenerate" | "edit";

export interface PanelNoticeChoice {
  id: string;
  label: string;
}

export interface PanelAsk {
  ask(message: string, choices: PanelNoticeChoice[], severity?: "info" | "warning"): Promise<string | undefined>;
}

export interface SendContext {
  conversationId: string | null;
  panel: PanelAsk;
}

export type BeforeSend = (text: string, kind: SendKind, context: SendContext) => Promise<boolean>;

export const allowEverything: BeforeSend = async () => true;
