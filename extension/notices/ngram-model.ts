/**
 * A multinomial logistic regression over character n-grams and weak signals
 * (features.ts): scoring, explanation and
 * the compact text form the trained weights are committed in (ngram-model-data.ts,
 * written by scripts/notices-train.ts). Pure and deterministic.
 */
import type { Category } from '../../common/terms/categories.js';
import { featuresOf } from './features.js';
import { SIGNAL_PREFIX } from './signals.js';

/** A request's label: a prohibited-use category, or none. */
export type Label = Category | 'none';

export interface NgramModel {
  /** Class order of bias and of every weight vector; includes 'none'. */
  labels: Label[];
  bias: number[];
  weights: Map<string, number[]>;
}

export interface NgramScore {
  /** Probability per label, in model.labels order. */
  probs: number[];
  /** 1 - P(none). */
  pFlag: number;
  /** The most likely label other than none. */
  best: Exclude<Label, 'none'>;
  /** Its probability. */
  pBest?: number;
  /** The features (n-grams, "§signal"s) of the request that pushed most towards `best` rather than none, strongest first. */
  top: { gram: string; weight: number }[];
  /** The features that pushed most towards none rather than `best`, strongest first (explains a model that overrules a rule). */
  against?: { gram: string; weight: number }[];
  /** The weak signals present in the request ("§covert", "§medical-domain"), whatever their weights: the evidence a flag needs (combine.ts). */
  signals?: string[];
}

export function scoreNgrams(model: NgramModel, text: string, topN = 5): NgramScore {
  return scoreFeatures(model, featuresOf(text), topN);
}

/** Scores features already extracted (featuresOf). */
export function scoreFeatures(model: NgramModel, features: readonly string[], topN = 5): NgramScore {
  const grams = features.filter((g) => model.weights.has(g));
  const z = [...model.bias];
  for (const g of grams) {
    const w = model.weights.get(g) as number[];
    for (let c = 0; c < z.length; c++) z[c] += w[c];
  }
  const probs = softmax(z);
  const none = model.labels.indexOf('none');
  let best = -1;
  for (let c = 0; c < probs.length; c++) if (c !== none && (best < 0 || probs[c] > probs[best])) best = c;
  const contributions = grams.map((gram) => {
    const w = model.weights.get(gram) as number[];
    return { gram, weight: w[best] - w[none] };
  });
  const strongest = (sign: number): { gram: string; weight: number }[] =>
    contributions
      .map((x) => ({ gram: x.gram, weight: sign * x.weight }))
      .filter((x) => x.weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.gram < b.gram ? -1 : 1))
      .slice(0, topN);
  const top = strongest(1);
  const against = strongest(-1);
  const signals = features.filter((f) => f.startsWith(SIGNAL_PREFIX));
  return {
    probs,
    pFlag: 1 - probs[none],
    best: model.labels[best] as Exclude<Label, 'none'>,
    pBest: probs[best],
    top,
    against,
    signals,
  };
}

export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Weights are stored as integers in units of 1/SCALE. */
const SCALE = 1000;

/**
 * Text form: a JSON header line {"labels","bias","scale"}, then one line per n-gram:
 * the gram, a tab, and its weights as comma-separated integers (0 left empty).
 * N-grams are normalised text, so they hold no tab or newline.
 */
export function serialiseModel(model: NgramModel): string {
  const q = (x: number): string => {
    const v = Math.round(x * SCALE);
    return v === 0 ? '' : String(v);
  };
  const lines = [
    JSON.stringify({ labels: model.labels, bias: model.bias.map((b) => Math.round(b * SCALE) / SCALE), scale: SCALE }),
  ];
  const grams = [...model.weights.keys()].sort();
  for (const g of grams) lines.push(`${g}\t${(model.weights.get(g) as number[]).map(q).join(',')}`);
  return lines.join('\n');
}

export function parseModel(text: string): NgramModel {
  const [head, ...rows] = text.split('\n');
  const header = JSON.parse(head) as { labels: Label[]; bias: number[]; scale: number };
  const weights = new Map<string, number[]>();
  for (const row of rows) {
    const tab = row.lastIndexOf('\t');
    const w = row
      .slice(tab + 1)
      .split(',')
      .map((s) => (s === '' ? 0 : Number(s) / header.scale));
    if (w.length !== header.labels.length || w.some((x) => Number.isNaN(x)))
      throw new Error(`bad model row: ${JSON.stringify(row)}`);
    weights.set(row.slice(0, tab), w);
  }
  return { labels: header.labels, bias: header.bias, weights };
}
