/**
 * The request for one answer: the conversation so far (the question last) fitted into the
 * model's context. Costs are first estimated, then checked against the backend's real
 * tokenizer when it can count, and refitted with a smaller budget if the estimate was low
 * (byte-fallback vocabularies can need three tokens for one Japanese character).
 */
import { roughTokenCount } from "../completion/token-estimate.js";
import { buildUserMessage, type Attachment } from "./attachments.js";
import { fitToBudget, type BudgetResult, type ChatTurn, type PromptMessage } from "./context-budget.js";
import type { StoredAttachment, StoredMessage } from "./history-records.js";
import { lineRange } from "./attachments.js";

export const SYSTEM_PROMPT = "あなたはプログラミングを手伝うアシスタントです。質問に正確かつ簡潔に答えてください。";
/** Role markers the templates add around a message ("\n\n### 指示:\n", "<|im_start|>user\n"…). */
export const PER_MESSAGE_TOKENS = 8;
const DEFAULT_MAX_TOKENS = 1024;
const MIN_ANSWER_TOKENS = 16;
const REFITS = 3;

/** Tokens kept free for the answer: the answer limit, but never more than a quarter of a small context. */
export function answerReserve(contextSize: number, maxTokens?: number): number {
  return Math.min(maxTokens ?? DEFAULT_MAX_TOKENS, Math.max(MIN_ANSWER_TOKENS, Math.floor(contextSize / 4)));
}

interface QuestionParts {
  question: string;
  selection: Attachment | null;
  files: Attachment[];
}

function questionParts(text: string, attachments: readonly StoredAttachment[] = []): QuestionParts {
  const selections = attachments.filter((a) => a.kind === "selection");
  const selection = selections.length > 0 ? { ...selections[selections.length - 1] } : null;
  // Earlier selections (there is normally one) travel like files.
  const files: Attachment[] = [...attachments.filter((a) => a.kind === "file"), ...selections.slice(0, -1)].map((a) => ({ ...a }));
  if (selection !== null) {
    const { start, end } = lineRange(selection);
    // A file that holds the selection is trimmed around it, not from its top.
    for (const file of files) if (file.kind === "file" && file.name === selection.name) file.focus = { start, end };
  }
  return { question: text, selection, files };
}

/** An earlier question as it was sent: its attachments written out before it. */
export function sentText(message: StoredMessage): string {
  return message.role === "user" ? buildUserMessage(questionParts(message.text, message.attachments)) : message.text;
}

export interface FitOptions {
  contextSize: number;
  maxTokens?: number;
  /** The real token count of a prompt (the backend's render); absent: the estimate is trusted. */
  countExact?: (messages: PromptMessage[]) => Promise<number>;
  countTokens?: (text: string) => number;
}

export interface FittedPrompt extends BudgetResult {
  /** Tokens the prompt may use. */
  limit: number;
}

/** `messages` must end with the question (a user message). */
export async function fitPrompt(messages: readonly StoredMessage[], options: FitOptions): Promise<FittedPrompt> {
  const last = messages[messages.length - 1];
  if (last === undefined || last.role !== "user") throw new Error("the conversation must end with a question");
  const turns: ChatTurn[] = messages.slice(0, -1).map((m) => ({ role: m.role, text: sentText(m) }));
  const parts = questionParts(last.text, last.attachments);
  const limit = Math.max(1, options.contextSize - answerReserve(options.contextSize, options.maxTokens));
  const fit = (budgetTokens: number) => fitToBudget({
    systemPrompt: SYSTEM_PROMPT,
    ...parts,
    turns,
    budgetTokens,
    countTokens: options.countTokens ?? roughTokenCount,
    perMessageTokens: PER_MESSAGE_TOKENS,
  });
  let result = fit(limit);
  if (options.countExact === undefined || !result.fits) return { ...result, limit };
  for (let attempt = 0; attempt < REFITS; attempt++) {
    const exact = await options.countExact(result.messages);
    if (exact <= limit) return { ...result, tokens: exact, limit };
    // The estimate was low by exact/estimate: shrink the budget by that ratio and fit again.
    const budget = Math.floor((limit * result.tokens) / exact) - 1;
    if (budget <= 0) break;
    result = fit(budget);
    if (!result.fits) return { ...result, limit };
  }
  const exact = await options.countExact(result.messages);
  if (exact <= limit) return { ...result, tokens: exact, limit };
  const leftOut = result.leftOut.filter((item) => item.kind !== "questionTooLong");
  return { ...result, tokens: exact, limit, fits: false, leftOut: [...leftOut, { kind: "questionTooLong", tokens: exact, budget: limit }] };
}
