/**
 * The request for one answer: the conversation so far (the question last) fitted into the
 * model's context. The engine counts every line of it with the model's own tokenizer in one call
 * (byte-fallback vocabularies can need three tokens for one Japanese character, so estimates are
 * far off); fitting then trims and drops with those counts, without asking again.
 */
import { roughTokenCount } from '../completion/token-estimate.js';
import { buildUserMessage, type Attachment } from './attachments.js';
import { fitToBudget, type BudgetResult, type ChatTurn, type PromptMessage } from './context-budget.js';
import type { StoredAttachment, StoredMessage } from './history-records.js';
import { lineRange } from './attachments.js';

export const SYSTEM_PROMPT = 'あなたはプログラミングを手伝うアシスタントです。質問に正確かつ簡潔に答えてください。';
/** Role markers the templates add around a message ("\n\n### 指示:\n", "<|im_start|>user\n"…). */
export const PER_MESSAGE_TOKENS = 8;
const DEFAULT_MAX_TOKENS = 1024;
const MIN_ANSWER_TOKENS = 16;

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
  const selections = attachments.filter((a) => a.kind === 'selection');
  const selection = selections.length > 0 ? { ...selections[selections.length - 1] } : null;
  // Earlier selections (there is normally one) travel like files.
  const files: Attachment[] = [...attachments.filter((a) => a.kind === 'file'), ...selections.slice(0, -1)].map(
    (a) => ({ ...a }),
  );
  if (selection !== null) {
    const { start, end } = lineRange(selection);
    // A file that holds the selection is trimmed around it, not from its top.
    for (const file of files) if (file.kind === 'file' && file.name === selection.name) file.focus = { start, end };
  }
  return { question: text, selection, files };
}

/** An earlier question as it was sent: its attachments written out before it. */
export function sentText(message: StoredMessage): string {
  return message.role === 'user' ? buildUserMessage(questionParts(message.text, message.attachments)) : message.text;
}

export interface FitOptions {
  contextSize: number;
  maxTokens?: number;
  /**
   * Exact counts from the model's tokenizer, in ONE call: each of `texts` alone, and `messages` as a whole
   * prompt (so the template's own tokens are known). Absent, or answering undefined: estimates are used.
   */
  count?: (call: {
    messages: PromptMessage[];
    texts: string[];
  }) => Promise<{ prompt?: number; texts: number[] } | undefined>;
  /** The estimate for text the tokenizer was not asked about. */
  countTokens?: (text: string) => number;
}

export interface FittedPrompt extends BudgetResult {
  /** Tokens the prompt may use. */
  limit: number;
}

/** Lines asked about in the one count call; a larger request's other lines are estimated. */
const MAX_COUNTED_LINES = 8000;
/** Counting lines apart can differ from counting them joined by a token here and there. */
const SAFETY = 1.02;

/**
 * A token counter from exact per-line counts: any text made of counted lines (a whole attachment or a
 * window of it, a turn, the question) costs the sum of its lines plus its newlines, without asking again.
 * Lines never counted get the rough estimate scaled by how far off the estimate was on the counted ones.
 */
export function lineCounter(
  lines: readonly string[],
  counts: readonly number[],
  newline: number,
  rough: (text: string) => number,
): (text: string) => number {
  const exact = new Map<string, number>();
  let exactSum = 0;
  let roughSum = 0;
  lines.forEach((line, i) => {
    exact.set(line, counts[i]);
    exactSum += counts[i];
    roughSum += rough(line);
  });
  const ratio = roughSum > 0 ? Math.max(exactSum / roughSum, 0.25) : 1;
  return (text) => {
    const parts = text.split('\n');
    let total = (parts.length - 1) * newline;
    for (const part of parts) total += exact.get(part) ?? Math.ceil(rough(part) * ratio);
    return Math.ceil(total * SAFETY);
  };
}

function linesOf(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (seen.size >= MAX_COUNTED_LINES) return [...seen];
      seen.add(line);
    }
  }
  return [...seen];
}

/** `messages` must end with the question (a user message). */
export async function fitPrompt(messages: readonly StoredMessage[], options: FitOptions): Promise<FittedPrompt> {
  const last = messages[messages.length - 1];
  if (last === undefined || last.role !== 'user') throw new Error('the conversation must end with a question');
  const turns: ChatTurn[] = messages.slice(0, -1).map((m) => ({ role: m.role, text: sentText(m) }));
  const parts = questionParts(last.text, last.attachments);
  const limit = Math.max(1, options.contextSize - answerReserve(options.contextSize, options.maxTokens));
  const rough = options.countTokens ?? roughTokenCount;
  let countTokens = rough;
  let perMessageTokens = PER_MESSAGE_TOKENS;
  if (options.count) {
    const everything = [
      SYSTEM_PROMPT,
      parts.question,
      ...(parts.selection ? [parts.selection.text] : []),
      ...parts.files.map((f) => f.text),
      ...turns.map((t) => t.text),
    ];
    const lines = linesOf(everything);
    // One probe message pair tells the template's own cost per message.
    const probe: PromptMessage[] = [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: 'x' },
    ];
    const counted = await options.count({ messages: probe, texts: ['\n', 'x', SYSTEM_PROMPT, ...lines] });
    if (counted !== undefined && counted.texts.length === lines.length + 3) {
      const [newline, x, system, ...lineCounts] = counted.texts;
      countTokens = lineCounter(lines, lineCounts, newline, rough);
      if (counted.prompt !== undefined)
        perMessageTokens = Math.max(0, Math.ceil((counted.prompt - x - system) / probe.length));
    }
  }
  const result = fitToBudget({
    systemPrompt: SYSTEM_PROMPT,
    ...parts,
    turns,
    budgetTokens: limit,
    countTokens,
    perMessageTokens,
  });
  return { ...result, limit };
}
