/**
 * Scores a classifier against a labelled set (JSON lines of {"text", "label"}).
 * Pure: the caller reads the file; scripts/eval-notices.ts prints the result.
 */
import { CATEGORIES, isCategory, type Category } from '../../common/terms/categories.js';
import type { Label } from '../../extension/notices/ngram-model.js';

export type { Label };

export interface LabelledRequest {
  text: string;
  label: Label;
  line: number;
}

export interface CategoryScore {
  label: Label;
  support: number;
  truePositives: number;
  falsePositives: number;
  /** NaN when nothing was predicted for the label. */
  precision: number;
  /** NaN when the set has no line with the label. */
  recall: number;
}

export interface Evaluation {
  n: number;
  /** Advice requests (label != none) flagged with any category / all advice requests. */
  recall: number;
  /** none-labelled requests flagged with any category / all none requests. */
  falsePositiveRate: number;
  perLabel: CategoryScore[];
  /** Advice requests that got no category. */
  missed: LabelledRequest[];
  /** none requests that got a category, with what they got. */
  falseAlarms: { request: LabelledRequest; predicted: Category[] }[];
  /** The same two rates counting confident verdicts only (a modal in confirm mode); NaN when the classifier does not grade. */
  confident: { recall: number; falsePositiveRate: number };
}

/** What evaluate needs of a verdict. */
export interface Verdict {
  categories: Category[];
  grade?: 'confident' | 'borderline';
}

/** Parses JSON lines; blank lines are skipped, anything malformed throws with its line number. */
export function parseLabelled(content: string): LabelledRequest[] {
  const out: LabelledRequest[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    const rec = value as { text?: unknown; label?: unknown };
    if (typeof rec.text !== 'string' || typeof rec.label !== 'string')
      throw new Error(`line ${i + 1}: needs string "text" and "label"`);
    if (rec.label !== 'none' && !isCategory(rec.label)) throw new Error(`line ${i + 1}: unknown label "${rec.label}"`);
    out.push({ text: rec.text, label: rec.label, line: i + 1 });
  });
  return out;
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);

/** Precision and recall per label, given each request's predicted categories (none when empty). */
export function perCategory(
  requests: readonly { label: Label }[],
  predictions: readonly (readonly Category[])[],
): CategoryScore[] {
  const predictedLabels = (p: readonly Category[]): readonly Label[] => (p.length === 0 ? ['none'] : p);
  return ([...CATEGORIES, 'none'] as Label[]).map((label) => {
    let support = 0;
    let tp = 0;
    let fp = 0;
    requests.forEach((r, i) => {
      const hit = predictedLabels(predictions[i]).includes(label);
      if (r.label === label) {
        support++;
        if (hit) tp++;
      } else if (hit) fp++;
    });
    return {
      label,
      support,
      truePositives: tp,
      falsePositives: fp,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, support),
    };
  });
}

export function evaluate(requests: readonly LabelledRequest[], classify: (text: string) => Verdict): Evaluation {
  const verdicts = requests.map((r) => classify(r.text));
  const predictions = verdicts.map((v) => v.categories);
  const perLabel = perCategory(requests, predictions);
  const graded = verdicts.some((v) => v.grade !== undefined);
  const confidentOf = (keep: (label: Label) => boolean): number =>
    graded
      ? ratio(
          requests.filter((r, i) => keep(r.label) && verdicts[i].grade === 'confident').length,
          requests.filter((r) => keep(r.label)).length,
        )
      : Number.NaN;

  const advice = requests.map((r, i) => ({ r, p: predictions[i] })).filter(({ r }) => r.label !== 'none');
  const none = requests.map((r, i) => ({ r, p: predictions[i] })).filter(({ r }) => r.label === 'none');
  const missed = advice.filter(({ p }) => p.length === 0).map(({ r }) => r);
  const falseAlarms = none.filter(({ p }) => p.length > 0).map(({ r, p }) => ({ request: r, predicted: p }));
  return {
    n: requests.length,
    recall: ratio(advice.length - missed.length, advice.length),
    falsePositiveRate: ratio(falseAlarms.length, none.length),
    perLabel,
    missed,
    falseAlarms,
    confident: { recall: confidentOf((l) => l !== 'none'), falsePositiveRate: confidentOf((l) => l === 'none') },
  };
}

function pct(x: number): string {
  return Number.isNaN(x) ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

/** A fixed-width table: label, support, precision, recall. */
export function formatTable(e: Evaluation): string {
  const rows = [`${'label'.padEnd(15)} ${'n'.padStart(4)}  precision  recall`];
  for (const s of e.perLabel)
    rows.push(
      `${s.label.padEnd(15)} ${String(s.support).padStart(4)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall)}`,
    );
  return rows.join('\n');
}

/** The confident-only line (modals in confirm mode), or undefined when the classifier does not grade. */
export function confidentLine(e: Evaluation): string | undefined {
  if (Number.isNaN(e.confident.recall) && Number.isNaN(e.confident.falsePositiveRate)) return undefined;
  const f = (x: number): string => (Number.isNaN(x) ? '-' : x.toFixed(4));
  return `confident only (a modal in confirm mode): recall ${f(e.confident.recall)}, false-positive rate ${f(e.confident.falsePositiveRate)}`;
}

/** The one-line summary the eval script ends with. Rounded to 4 decimals; NaN becomes null. */
export function summaryLine(e: Evaluation): string {
  const r4 = (x: number): number | null => (Number.isNaN(x) ? null : Math.round(x * 10000) / 10000);
  return JSON.stringify({ recall: r4(e.recall), falsePositiveRate: r4(e.falsePositiveRate), n: e.n });
}
