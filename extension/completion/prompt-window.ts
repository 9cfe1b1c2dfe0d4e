// The part of the document the model sees: the nearest lines around the cursor, cut at line
// boundaries, within a budget; plus optional snippets of other files as comments.
import { languageSyntax } from './language.js';
import { snapToCharBoundary } from './text.js';

/**
 * A budget in characters, or in tokens with the caller's estimate (the model's tokenizer, or
 * `roughTokenCount`). Costs of lines are summed, so the estimate should be roughly additive.
 */
export type TextBudget =
  { readonly chars: number } | { readonly tokens: number; readonly estimate: (text: string) => number };

interface Meter {
  readonly limit: number;
  cost(text: string): number;
}

function meterFor(budget: TextBudget): Meter {
  return 'chars' in budget
    ? { limit: budget.chars, cost: (t) => t.length }
    : { limit: budget.tokens, cost: budget.estimate };
}

export interface PromptWindowInput {
  readonly text: string;
  /** Cursor as a UTF-16 offset (what `document.offsetAt` gives). */
  readonly offset: number;
  readonly budget: TextBudget;
  /** Share of the budget for the suffix; what one side leaves unused goes to the other. Default 0.25. */
  readonly suffixShare?: number;
}

export interface PromptWindow {
  readonly prefix: string;
  readonly suffix: string;
  /** Offsets in the document where the window starts and ends. */
  readonly start: number;
  readonly end: number;
  /** The cursor actually used (moved off the middle of a surrogate pair if needed). */
  readonly cursor: number;
}

/** Longest tail of `s` within `limit`, never starting in the middle of a character. */
function tailWithin(s: string, limit: number, meter: Meter): string {
  if (meter.cost(s) <= limit) return s;
  let lo = 0; // binary search for the first start that fits
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (meter.cost(s.slice(mid)) <= limit) hi = mid;
    else lo = mid + 1;
  }
  return s.slice(snapToCharBoundary(s, lo, 'end'));
}

/** Longest head of `s` within `limit`, never ending in the middle of a character. */
function headWithin(s: string, limit: number, meter: Meter): string {
  if (meter.cost(s) <= limit) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (meter.cost(s.slice(0, mid)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return s.slice(0, snapToCharBoundary(s, lo, 'start'));
}

/** Walks whole lines upward from `start` while they fit; returns the new start and what it used. */
function growUp(text: string, start: number, room: number, meter: Meter): { start: number; used: number } {
  let used = 0;
  while (start > 0) {
    // start - 1 is the '\n' ending the line above (lastIndexOf treats a negative index as 0, hence the guard)
    const lineStart = start >= 2 ? text.lastIndexOf('\n', start - 2) + 1 : 0;
    const cost = meter.cost(text.slice(lineStart, start));
    if (used + cost > room) break;
    used += cost;
    start = lineStart;
  }
  return { start, used };
}

/** Walks whole lines downward from `end` while they fit. */
function growDown(text: string, end: number, room: number, meter: Meter): { end: number; used: number } {
  let used = 0;
  while (end < text.length) {
    const newline = text.indexOf('\n', end + 1);
    const lineEnd = newline === -1 ? text.length : newline;
    const cost = meter.cost(text.slice(end, lineEnd));
    if (used + cost > room) break;
    used += cost;
    end = lineEnd;
  }
  return { end, used };
}

export function buildPromptWindow(input: PromptWindowInput): PromptWindow {
  const { text } = input;
  const meter = meterFor(input.budget);
  const cursor = snapToCharBoundary(text, input.offset, 'start');
  const share = Math.min(1, Math.max(0, input.suffixShare ?? 0.25));
  const suffixLimit = Math.floor(meter.limit * share);
  const prefixLimit = meter.limit - suffixLimit;

  // The cursor line comes first: cut inside it only when it alone exceeds its side's budget.
  const lineStart = cursor > 0 ? text.lastIndexOf('\n', cursor - 1) + 1 : 0;
  const newline = text.indexOf('\n', cursor);
  const lineEnd = newline === -1 ? text.length : newline;
  const linePrefix = tailWithin(text.slice(lineStart, cursor), prefixLimit, meter);
  const lineSuffix = headWithin(text.slice(cursor, lineEnd), suffixLimit, meter);
  let start = cursor - linePrefix.length;
  let end = cursor + lineSuffix.length;
  let prefixRoom = prefixLimit - meter.cost(linePrefix);
  let suffixRoom = suffixLimit - meter.cost(lineSuffix);

  // Whole lines only beyond the cursor line, and only on a side whose cursor-line part was not cut.
  const prefixWhole = start === lineStart;
  const suffixWhole = end === lineEnd;
  if (prefixWhole) {
    const up = growUp(text, start, prefixRoom, meter);
    start = up.start;
    prefixRoom -= up.used;
  }
  if (suffixWhole) {
    const down = growDown(text, end, suffixRoom, meter);
    end = down.end;
    suffixRoom -= down.used;
  }
  // Near the top or bottom of a file one side has room left: give it to the other.
  if (prefixWhole && start > 0 && end === text.length) {
    start = growUp(text, start, prefixRoom + suffixRoom, meter).start;
  } else if (suffixWhole && end < text.length && start === 0) {
    end = growDown(text, end, suffixRoom + prefixRoom, meter).end;
  }
  return { prefix: text.slice(start, cursor), suffix: text.slice(cursor, end), start, end, cursor };
}

export interface ContextSnippet {
  /** Shown to the model; use a workspace-relative path. */
  readonly path: string;
  readonly text: string;
}

/**
 * Other files (recently edited or open, same language) as line comments with their path, in the
 * caller's order of priority, whole lines only, within the budget. Returns '' when nothing fits.
 */
export function formatContextSnippets(
  snippets: readonly ContextSnippet[],
  languageId: string | undefined,
  budget: TextBudget,
): string {
  const meter = meterFor(budget);
  const comment = languageSyntax(languageId).lineComment;
  let room = meter.limit;
  const out: string[] = [];
  for (const snippet of snippets) {
    const header = `${comment} Path: ${snippet.path}\n`;
    const lines = snippet.text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
    const block: string[] = [];
    let used = meter.cost(header);
    for (const line of lines) {
      const commented = line.trim() === '' ? `${comment}\n` : `${comment} ${line}\n`;
      const cost = meter.cost(commented);
      if (used + cost > room) break;
      used += cost;
      block.push(commented);
    }
    if (block.length === 0) continue; // a header alone tells the model nothing
    out.push(header, ...block);
    room -= used;
  }
  return out.join('');
}

export interface ContextCandidate extends ContextSnippet {
  readonly languageId: string;
  /** When the user last edited or viewed it (any clock): more recent comes first. */
  readonly lastUsedAt: number;
}

/** Recently used files of the same language as the current one, most recent first, the current file left out. */
export function chooseContextSnippets(
  candidates: readonly ContextCandidate[],
  current: { readonly path: string; readonly languageId: string },
  max = 3,
): ContextSnippet[] {
  return candidates
    .filter((c) => c.languageId === current.languageId && c.path !== current.path && c.text.trim() !== '')
    .sort((a, b) => b.lastUsedAt - a.lastUsedAt)
    .slice(0, max)
    .map(({ path, text }) => ({ path, text }));
}
