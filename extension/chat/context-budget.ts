/**
 * Fitting a chat request into the model's context: what to send, and what was
 * left out so the UI can say it.
 *
 * Priorities: the new question and the selection, then attached files (trimmed
 * at line boundaries around the selection when they are long; a file attached
 * from its editor cut around its cursor, with its outline: file-excerpt.ts),
 * then earlier turns, newest kept first. Costs come from the caller's token estimate and are
 * summed per part, which is exact up to a token or so at each join.
 */
import { buildUserMessage, formatAttachment, lineRange, type Attachment } from './attachments.js';
import { excerptToFit, summarizeExcerpt } from './file-excerpt.js';
import { trimToFit } from './trim-attachment.js';

export interface ChatTurn {
  role: 'user' | 'assistant';
  text: string;
}

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface BudgetRequest {
  systemPrompt: string;
  question: string;
  selection: Attachment | null;
  files: Attachment[];
  /** Earlier turns of the conversation, oldest first. */
  turns: ChatTurn[];
  /** Context size minus the tokens reserved for the answer. */
  budgetTokens: number;
  countTokens: (text: string) => number;
  /** Tokens the chat template adds around each message (role markers). */
  perMessageTokens?: number;
}

export type LeftOut =
  /** Exchanges (a question and its answer) counted from 1 = oldest. */
  | { kind: 'turns'; from: number; to: number }
  | { kind: 'trimmed'; attachment: 'file' | 'selection'; name: string; start: number; end: number }
  | { kind: 'dropped'; attachment: 'file' | 'selection'; name: string }
  /**
   * A file cut around its cursor: lines `start`..`end` sent, and `outlineLines` lines of its outline
   * (imports, signatures) from the rest; `omitted` of its `totalLines` lines were not sent.
   */
  | {
      kind: 'excerpt';
      name: string;
      start: number;
      end: number;
      declaration: string | null;
      outlineLines: number;
      omitted: number;
      totalLines: number;
    }
  | { kind: 'questionTooLong'; tokens: number; budget: number };

export interface BudgetResult {
  messages: PromptMessage[];
  leftOut: LeftOut[];
  /** Estimated tokens of `messages`. */
  tokens: number;
  /** False when even the question (with the system prompt) exceeds the budget: do not send. */
  fits: boolean;
}

const PART_SEPARATOR = '\n\n';

function trimmedNote(original: Attachment, kept: Attachment | null): LeftOut | null {
  if (kept === null) return { kind: 'dropped', attachment: original.kind, name: original.name };
  if (kept === original) return null;
  const excerpt = summarizeExcerpt(kept);
  if (excerpt !== undefined) {
    return {
      kind: 'excerpt',
      name: original.name,
      start: excerpt.window.start,
      end: excerpt.window.end,
      declaration: original.cursor?.declaration?.name ?? null,
      outlineLines: excerpt.outlineLines,
      omitted: excerpt.omitted,
      totalLines: excerpt.totalLines,
    };
  }
  const { start, end } = lineRange(kept);
  return { kind: 'trimmed', attachment: original.kind, name: original.name, start, end };
}

/** Groups turns into exchanges, each starting at a user turn. */
function exchanges(turns: ChatTurn[]): ChatTurn[][] {
  const groups: ChatTurn[][] = [];
  for (const turn of turns) {
    if (turn.role === 'user' || groups.length === 0) groups.push([turn]);
    else groups[groups.length - 1].push(turn);
  }
  return groups;
}

export function fitToBudget(request: BudgetRequest): BudgetResult {
  const { countTokens, budgetTokens } = request;
  const overhead = request.perMessageTokens ?? 0;
  const leftOut: LeftOut[] = [];
  const systemCost = request.systemPrompt === '' ? 0 : countTokens(request.systemPrompt) + overhead;
  const userCost = (selection: Attachment | null) =>
    countTokens(buildUserMessage({ question: request.question, selection, files: [] })) + overhead;

  // 1. The question and the selection; the selection is cut from its end when it must be.
  let selection = request.selection;
  let used = systemCost + userCost(selection);
  if (used > budgetTokens && selection !== null) {
    const kept = trimToFit(selection, budgetTokens - systemCost, userCost);
    const note = trimmedNote(selection, kept);
    if (note) leftOut.push(note);
    selection = kept;
    used = systemCost + userCost(selection);
  }
  const fits = used <= budgetTokens;
  if (!fits) leftOut.push({ kind: 'questionTooLong', tokens: used, budget: budgetTokens });

  // 2. Files share what is left: small ones whole, long ones trimmed to an equal share.
  const fileCost = (file: Attachment) => countTokens(formatAttachment(file) + PART_SEPARATOR);
  const files = fits
    ? fitFiles(request.files, budgetTokens - used, fileCost, leftOut)
    : dropAll(request.files, leftOut);
  used += files.reduce((sum, file) => sum + fileCost(file), 0);

  // 3. Earlier exchanges, newest first, until one does not fit; all older ones go with it.
  const groups = exchanges(request.turns);
  const turnCost = (turn: ChatTurn) => countTokens(turn.text) + overhead;
  let firstKept = groups.length;
  while (firstKept > 0) {
    const cost = groups[firstKept - 1].reduce((sum, turn) => sum + turnCost(turn), 0);
    if (used + cost > budgetTokens) break;
    used += cost;
    firstKept--;
  }
  if (firstKept > 0) leftOut.unshift({ kind: 'turns', from: 1, to: firstKept });

  const messages: PromptMessage[] = [];
  if (request.systemPrompt !== '') messages.push({ role: 'system', content: request.systemPrompt });
  for (const turn of groups.slice(firstKept).flat()) messages.push({ role: turn.role, content: turn.text });
  messages.push({ role: 'user', content: buildUserMessage({ question: request.question, selection, files }) });
  return { messages, leftOut, tokens: used, fits };
}

function dropAll(files: Attachment[], leftOut: LeftOut[]): Attachment[] {
  for (const file of files) leftOut.push({ kind: 'dropped', attachment: file.kind, name: file.name });
  return [];
}

/**
 * Water-filling: files cheaper than an equal share go whole; the rest split what
 * remains, each trimmed to its share, the slack of one passed to the next. Files
 * holding the selection or the cursor come last so they get that slack.
 */
function fitFiles(
  files: Attachment[],
  available: number,
  cost: (f: Attachment) => number,
  leftOut: LeftOut[],
): Attachment[] {
  const kept = new Map<Attachment, Attachment>();
  const costs = new Map(files.map((file) => [file, cost(file)]));
  const pending = [...files].sort((a, b) => (costs.get(a) ?? 0) - (costs.get(b) ?? 0));
  let left = available;
  while (pending.length > 0 && (costs.get(pending[0]) ?? 0) <= Math.floor(left / pending.length)) {
    const file = pending.shift() as Attachment;
    kept.set(file, file);
    left -= costs.get(file) ?? 0;
  }
  const trimOrder = files.filter((file) => pending.includes(file));
  const focused = (file: Attachment) => Number(file.focus !== undefined || file.cursor !== undefined);
  trimOrder.sort((a, b) => focused(a) - focused(b));
  trimOrder.forEach((file, i) => {
    const share = Math.floor(left / (trimOrder.length - i));
    // A selection in the file wins over its cursor: the question is about what was selected.
    const trimmed =
      file.cursor !== undefined && file.focus === undefined
        ? excerptToFit(file, share, cost)
        : trimToFit(file, share, cost);
    const note = trimmedNote(file, trimmed);
    if (note) leftOut.push(note);
    if (trimmed !== null) {
      kept.set(file, trimmed);
      left -= cost(trimmed);
    }
  });
  // Keep the order the person attached them in.
  return files.flatMap((file) => kept.get(file) ?? []);
}
