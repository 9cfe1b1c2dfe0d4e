/**
 * K-fold cross-validation of the detector's statistical half, and the choice of its
 * threshold. The rules are fixed (they were written with all the labelled data in
 * view), so only the model is retrained per fold: the pooled figures estimate how
 * the model generalises and are optimistic about the rules.
 */
import { combine } from './combine.js';
import type { Label } from './evaluate.js';
import { scoreNgrams, type NgramScore } from './ngram-model.js';
import { trainModel, type Example, type TrainOptions } from './ngram-train.js';
import { classifyByRules, type RuleClassification } from './rules.js';

/** FNV-1a, to order examples by something other than file order (batches cluster). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A fold number per example: each label dealt round-robin in hash order, so folds are stratified and reproducible. */
export function stratifiedFolds(examples: readonly Example[], k: number): number[] {
  const folds = new Array<number>(examples.length);
  const byLabel = new Map<Label, number[]>();
  examples.forEach((e, i) => byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), i]));
  for (const idx of byLabel.values()) {
    idx.sort((a, b) => hash(examples[a].text) - hash(examples[b].text) || a - b);
    idx.forEach((i, j) => (folds[i] = j % k));
  }
  return folds;
}

/** Each example scored by a model trained on the other folds. */
export function outOfFoldScores(examples: readonly Example[], k: number, opts: TrainOptions): NgramScore[] {
  const folds = stratifiedFolds(examples, k);
  const scores = new Array<NgramScore>(examples.length);
  for (let f = 0; f < k; f++) {
    const model = trainModel(examples.filter((_, i) => folds[i] !== f), opts);
    examples.forEach((e, i) => {
      if (folds[i] === f) scores[i] = scoreNgrams(model, e.text);
    });
  }
  return scores;
}

export interface Rates {
  recall: number;
  falsePositiveRate: number;
}

export function rates(examples: readonly Example[], flagged: readonly boolean[]): Rates {
  let pos = 0;
  let tp = 0;
  let neg = 0;
  let fp = 0;
  examples.forEach((e, i) => {
    if (e.label === 'none') {
      neg++;
      if (flagged[i]) fp++;
    } else {
      pos++;
      if (flagged[i]) tp++;
    }
  });
  return { recall: pos ? tp / pos : Number.NaN, falsePositiveRate: neg ? fp / neg : Number.NaN };
}

function flags(rules: readonly RuleClassification[], scores: readonly NgramScore[], threshold: number): boolean[] {
  return rules.map((r, i) => combine(r, scores[i], threshold).categories.length > 0);
}

/**
 * The lowest threshold (so the highest recall) at which the model adds at most maxFpr
 * false positives: none-labelled examples the rules let through and the model flags,
 * over all none-labelled examples. The rules' own false alarms do not count, so the
 * model's budget does not vanish once the training data holds batches the rules were
 * never tuned on. 1.01 means "never", when even the highest score costs too much.
 */
export function chooseThreshold(examples: readonly Example[], rules: readonly RuleClassification[], scores: readonly NgramScore[], maxFpr: number): number {
  const candidates = [...new Set(scores.map((s) => Math.round(s.pFlag * 1000) / 1000))].filter((t) => t >= 0.5).sort((a, b) => b - a);
  const added = (t: number): boolean[] => flags(rules, scores, t).map((f, i) => f && rules[i].categories.length === 0);
  let best = 1.01;
  for (const t of candidates) {
    if (rates(examples, added(t)).falsePositiveRate > maxFpr) break;
    best = t;
  }
  return best;
}

/** The false-positive rate the model may add, when its threshold is chosen. */
export const THRESHOLD_MAX_FPR = 0.01;

export interface CrossValidation {
  k: number;
  thresholds: number[];
  rulesOnly: Rates;
  modelOnly: Rates;
  combined: Rates;
}

/**
 * Nested k-fold: for each outer fold, the threshold is chosen by an inner k-fold on the
 * training part, then a model trained on the whole training part scores the held-out fold.
 */
export function crossValidate(examples: readonly Example[], k: number, opts: TrainOptions, maxFpr: number): CrossValidation {
  const rules = examples.map((e) => classifyByRules(e.text));
  const folds = stratifiedFolds(examples, k);
  const scores = new Array<NgramScore>(examples.length);
  const chosen = new Array<number>(examples.length);
  const thresholds: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => folds[i] !== f);
    const trainRules = rules.filter((_, i) => folds[i] !== f);
    const threshold = chooseThreshold(train, trainRules, outOfFoldScores(train, k, opts), maxFpr);
    thresholds.push(threshold);
    const model = trainModel(train, opts);
    examples.forEach((e, i) => {
      if (folds[i] !== f) return;
      scores[i] = scoreNgrams(model, e.text);
      chosen[i] = threshold;
    });
  }
  return {
    k,
    thresholds,
    rulesOnly: rates(examples, rules.map((r) => r.categories.length > 0)),
    modelOnly: rates(examples, scores.map((s, i) => s.pFlag >= chosen[i])),
    combined: rates(examples, rules.map((r, i) => combine(r, scores[i], chosen[i]).categories.length > 0)),
  };
}
