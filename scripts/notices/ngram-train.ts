/**
 * Trains the statistical model: chi-squared selection of binary n-gram features
 * (every weak signal is kept), then multinomial logistic regression with L2, by full-batch Adam for
 * a fixed number of steps. No randomness and a fixed iteration order, so the same
 * examples always give the same weights.
 */
import { CATEGORIES } from '../../common/terms/categories.js';
import type { Label } from '../../extension/notices/ngram-model.js';
import type { NgramModel } from '../../extension/notices/ngram-model.js';
import { featuresOf } from '../../extension/notices/features.js';
import { SIGNAL_PREFIX } from '../../extension/notices/signals.js';

export interface TrainOptions {
  /** Keep only n-grams seen in at least this many examples. */
  minDf: number;
  /** Keep at most this many n-grams, the most class-dependent (chi-squared) first. */
  maxFeatures: number;
  /** L2 penalty on the weights (not the biases). */
  l2: number;
  steps: number;
  learningRate: number;
  /** Weights smaller than this are dropped after training, to keep the committed file small. */
  prune: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  minDf: 2,
  maxFeatures: 20000,
  l2: 0.002,
  steps: 300,
  learningRate: 0.05,
  prune: 0.02,
};

export const MODEL_LABELS: Label[] = [...CATEGORIES, 'none'];

export interface Example {
  text: string;
  label: Label;
}

/** The n-grams to learn from: frequent enough, and ranked by how unevenly they spread over the labels. */
export function selectFeatures(
  docs: readonly string[][],
  labels: readonly number[],
  classes: number,
  opts: TrainOptions,
): string[] {
  const df = new Map<string, number[]>();
  for (let i = 0; i < docs.length; i++) {
    for (const g of docs[i]) {
      let row = df.get(g);
      if (!row) df.set(g, (row = new Array<number>(classes).fill(0)));
      row[labels[i]]++;
    }
  }
  const classSize = new Array<number>(classes).fill(0);
  for (const l of labels) classSize[l]++;
  const n = docs.length;
  const scored: { g: string; chi: number }[] = [];
  for (const [g, row] of df) {
    const total = row.reduce((a, b) => a + b, 0);
    // Signals are few and chosen by hand: always kept.
    if (total < opts.minDf && !g.startsWith(SIGNAL_PREFIX)) continue;
    let chi = 0;
    for (let c = 0; c < classes; c++) {
      const expected = (total * classSize[c]) / n;
      if (expected > 0) chi += (row[c] - expected) ** 2 / expected;
    }
    scored.push({ g, chi: g.startsWith(SIGNAL_PREFIX) ? Number.POSITIVE_INFINITY : chi });
  }
  scored.sort((a, b) => b.chi - a.chi || (a.g < b.g ? -1 : a.g > b.g ? 1 : 0));
  return scored.slice(0, opts.maxFeatures).map((s) => s.g);
}

export function trainModel(examples: readonly Example[], opts: TrainOptions = DEFAULT_TRAIN_OPTIONS): NgramModel {
  return trainOnFeatures(
    examples.map((e) => featuresOf(e.text)),
    examples.map((e) => e.label),
    opts,
  );
}

/** Trains on features already extracted (featuresOf), so that cross-validation extracts them once, not once per fold. */
export function trainOnFeatures(
  docsAll: readonly string[][],
  labels: readonly Label[],
  opts: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): NgramModel {
  const K = MODEL_LABELS.length;
  const y = labels.map((l) => MODEL_LABELS.indexOf(l));
  if (y.some((c) => c < 0)) throw new Error('unknown label in training examples');
  const vocab = selectFeatures(docsAll, y, K, opts);
  const index = new Map(vocab.map((g, i) => [g, i]));
  const docs = docsAll.map((d) => d.map((g) => index.get(g)).filter((i): i is number => i !== undefined));

  const F = vocab.length;
  const W = new Float64Array(F * K);
  const b = new Float64Array(K);
  const adam = {
    mW: new Float64Array(F * K),
    vW: new Float64Array(F * K),
    mb: new Float64Array(K),
    vb: new Float64Array(K),
  };
  const gW = new Float64Array(F * K);
  const gb = new Float64Array(K);
  const n = docs.length;
  const z = new Float64Array(K);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];

  for (let step = 1; step <= opts.steps; step++) {
    gW.fill(0);
    gb.fill(0);
    for (let i = 0; i < n; i++) {
      z.set(b);
      const doc = docs[i];
      for (const f of doc) for (let c = 0; c < K; c++) z[c] += W[f * K + c];
      let m = -Infinity;
      for (let c = 0; c < K; c++) if (z[c] > m) m = z[c];
      let s = 0;
      for (let c = 0; c < K; c++) s += z[c] = Math.exp(z[c] - m);
      for (let c = 0; c < K; c++) z[c] = (z[c] / s - (y[i] === c ? 1 : 0)) / n;
      for (let c = 0; c < K; c++) gb[c] += z[c];
      for (const f of doc) for (let c = 0; c < K; c++) gW[f * K + c] += z[c];
    }
    for (let j = 0; j < F * K; j++) gW[j] += opts.l2 * W[j];
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    const update = (p: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array): void => {
      for (let j = 0; j < p.length; j++) {
        m[j] = beta1 * m[j] + (1 - beta1) * g[j];
        v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
        p[j] -= (opts.learningRate * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + eps);
      }
    };
    update(W, gW, adam.mW, adam.vW);
    update(b, gb, adam.mb, adam.vb);
  }

  const weights = new Map<string, number[]>();
  for (let f = 0; f < F; f++) {
    const w = Array.from(W.subarray(f * K, f * K + K), (x) => (Math.abs(x) < opts.prune ? 0 : x));
    if (w.some((x) => x !== 0)) weights.set(vocab[f], w);
  }
  return { labels: [...MODEL_LABELS], bias: Array.from(b), weights };
}
