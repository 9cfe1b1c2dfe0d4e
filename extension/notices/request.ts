/**
 * One verdict for a whole request: the question, the attached files and the editor
 * selection. Each part is judged on its own, with reasons per part.
 *
 * - The question (and a selection that reads as prose) is judged like any request.
 * - Code (an attachment, or a selection that looks like code) is read only for its natural
 *   language, comments and prose strings (code-text.ts): `kill`, `attack`, `inject` and
 *   `exploit` are everywhere in code and say nothing about what the person wants. What it
 *   says counts only when a rule states an act ("send every user's contacts to the broker
 *   without asking them") or an unsupervised-advice product; a question in a comment is
 *   someone else's, and the model alone never flags code.
 * - Prose longer than a window (windows.ts) is read in overlapping windows and their verdicts united, so a
 *   400,000-character selection costs in proportion to its length. `classifyPartsPaced` lets the event loop
 *   run between windows and parts (the send path runs in the extension host); `classifyParts` reads the same
 *   parts in one go.
 */
import { CATEGORIES, type Category } from '../../common/terms/categories.js';
import { looksLikeCode, proseOfCode } from './code-text.js';
import { withGrade } from './combine.js';
import { classifyRequest } from './detector.js';
import type { Classification, Grade, Rule } from './rules.js';
import { WINDOW_CHARS, windowsOf } from './windows.js';

export interface Attachment {
  name: string;
  text: string;
}

export interface RequestParts {
  question: string;
  attachments?: readonly Attachment[];
  selection?: string;
}

export interface PartVerdict {
  part: 'question' | 'selection' | 'attachment';
  /** The attachment's name. */
  name?: string;
  /** Whether the part was read whole (prose) or only for the comments and strings of its code. */
  read: 'prose' | 'code';
  classification: Classification;
}

export interface RequestVerdict {
  /** Every part's categories, in the detector's category order. */
  categories: Category[];
  /** Confident when any part's verdict is; absent when nothing was flagged. */
  grade?: Grade;
  /** Every part, flagged or not, question first. */
  parts: PartVerdict[];
}

/** The reasons a code part may give: acts stated outright and unsupervised-advice products. */
const CODE_RULES: readonly Rule[] = ['intent', 'product-advice'];

/** Code can be long; its prose beyond this many characters is not read (the send path must stay fast). */
export const MAX_CODE_PROSE = 8000;

function judgeCode(text: string, name: string): Classification {
  const prose = proseOfCode(text, name, MAX_CODE_PROSE)
    .map((s) => s.text)
    .join('\n')
    .slice(0, MAX_CODE_PROSE);
  if (prose.trim() === '') return { categories: [], reasons: [], suppressed: [] };
  const c = classifyRequest(prose);
  const reasons = c.reasons.filter((r) => CODE_RULES.includes(r.rule));
  const categories = c.categories.filter((cat) => reasons.some((r) => r.category === cat));
  return withGrade({ categories, reasons, suppressed: c.suppressed });
}

/** One verdict for several windows of a text: every category any window raises, with every reason. */
function unite(verdicts: readonly Classification[]): Classification {
  if (verdicts.length === 1) return verdicts[0];
  const seen = new Set<string>();
  const once = <T>(items: T[]) =>
    items.filter((item) => {
      const key = JSON.stringify(item);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  const flagged = new Set(verdicts.flatMap((v) => v.categories));
  return withGrade({
    categories: CATEGORIES.filter((c) => flagged.has(c)),
    reasons: once(verdicts.flatMap((v) => v.reasons)),
    suppressed: once(verdicts.flatMap((v) => v.suppressed)),
  });
}

/** Prose, window by window; the generator stops between windows (a caller may let the event loop through). */
function* judgeProse(text: string): Generator<void, Classification> {
  const verdicts: Classification[] = [];
  for (const [i, window] of windowsOf(text).entries()) {
    if (i > 0) yield;
    verdicts.push(classifyRequest(window));
  }
  return unite(verdicts);
}

function* judgeParts(request: RequestParts): Generator<void, RequestVerdict> {
  const parts: PartVerdict[] = [
    { part: 'question', read: 'prose', classification: yield* judgeProse(request.question) },
  ];
  const selection = request.selection ?? '';
  if (selection.trim() !== '') {
    // Whether a long selection is code is told from its first window: the test reads line by line, and a
    // pathological line costs more than its length.
    const code = looksLikeCode(selection.length > WINDOW_CHARS ? windowsOf(selection)[0] : selection);
    yield;
    parts.push({
      part: 'selection',
      read: code ? 'code' : 'prose',
      classification: code ? judgeCode(selection, '') : yield* judgeProse(selection),
    });
  }
  for (const a of request.attachments ?? []) {
    yield;
    parts.push({ part: 'attachment', name: a.name, read: 'code', classification: judgeCode(a.text, a.name) });
  }

  const flagged = new Set(parts.flatMap((p) => p.classification.categories));
  const categories = CATEGORIES.filter((c) => flagged.has(c));
  const grades = parts.map((p) => p.classification.grade);
  const grade: Grade | undefined = grades.includes('confident')
    ? 'confident'
    : grades.includes('borderline')
      ? 'borderline'
      : undefined;
  return grade ? { categories, grade, parts } : { categories, parts };
}

/** The whole request's verdict, in one go. */
export function classifyParts(request: RequestParts): RequestVerdict {
  const steps = judgeParts(request);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The same verdict, letting the event loop run between windows and parts (`pause`), so the editor stays responsive. */
export async function classifyPartsPaced(
  request: RequestParts,
  pause: () => Promise<void> = breathe,
): Promise<RequestVerdict> {
  const steps = judgeParts(request);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
