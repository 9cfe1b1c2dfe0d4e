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
 */
import { CATEGORIES, type Category } from '../../common/terms/categories.js';
import { looksLikeCode, proseOfCode } from './code-text.js';
import { withGrade } from './combine.js';
import { classifyRequest } from './detector.js';
import type { Classification, Grade, Rule } from './rules.js';

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
  const prose = proseOfCode(text, name)
    .map((s) => s.text)
    .join('\n')
    .slice(0, MAX_CODE_PROSE);
  if (prose.trim() === '') return { categories: [], reasons: [], suppressed: [] };
  const c = classifyRequest(prose);
  const reasons = c.reasons.filter((r) => CODE_RULES.includes(r.rule));
  const categories = c.categories.filter((cat) => reasons.some((r) => r.category === cat));
  return withGrade({ categories, reasons, suppressed: c.suppressed });
}

export function classifyParts(request: RequestParts): RequestVerdict {
  const parts: PartVerdict[] = [{ part: 'question', read: 'prose', classification: classifyRequest(request.question) }];
  const selection = request.selection ?? '';
  if (selection.trim() !== '') {
    const code = looksLikeCode(selection);
    parts.push({ part: 'selection', read: code ? 'code' : 'prose', classification: code ? judgeCode(selection, '') : classifyRequest(selection) });
  }
  for (const a of request.attachments ?? []) parts.push({ part: 'attachment', name: a.name, read: 'code', classification: judgeCode(a.text, a.name) });

  const flagged = new Set(parts.flatMap((p) => p.classification.categories));
  const categories = CATEGORIES.filter((c) => flagged.has(c));
  const grades = parts.map((p) => p.classification.grade);
  const grade: Grade | undefined = grades.includes('confident') ? 'confident' : grades.includes('borderline') ? 'borderline' : undefined;
  return grade ? { categories, grade, parts } : { categories, parts };
}

