/**
 * How the detector's two halves are tuned against each other on out-of-fold scores
 * (grouped-cv.ts beside it makes them): the model's threshold for flagging on its own, and its
 * veto over the rules, each within a budget.
 */
import { benignShapes, combine, overrulable, type Confidence } from '../../extension/notices/combine.js';
import type { NgramScore } from '../../extension/notices/ngram-model.js';
import type { Example } from './ngram-train.js';
import type { RuleClassification } from '../../extension/notices/rules.js';

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

/** The flags at a threshold, with unbacked model flags (no evidence, or a benign shape) left out: they get their own level. */
function flags(rules: readonly RuleClassification[], scores: readonly NgramScore[], threshold: number): boolean[] {
  return rules.map(
    (r, i) => combine(r, scores[i], threshold, 0, { rule: 0, model: threshold, unbacked: 1.01 }).categories.length > 0,
  );
}

/**
 * The lowest threshold (so the highest recall) at which the model adds at most maxFpr
 * false positives: none-labelled examples the rules let through and the model flags,
 * over all none-labelled examples. The rules' own false alarms do not count, so the
 * model's budget does not vanish once the training data holds batches the rules were
 * never tuned on. 1.01 means "never", when even the highest score costs too much.
 */
export function chooseThreshold(
  examples: readonly Example[],
  rules: readonly RuleClassification[],
  scores: readonly NgramScore[],
  maxFpr: number,
): number {
  const candidates = [...new Set(scores.map((s) => Math.round(s.pFlag * 1000) / 1000))]
    .filter((t) => t >= 0.5)
    .sort((a, b) => b - a);
  const added = (t: number): boolean[] => flags(rules, scores, t).map((f, i) => f && rules[i].categories.length === 0);
  let best = 1.01;
  for (const t of candidates) {
    if (rates(examples, added(t)).falsePositiveRate > maxFpr) break;
    best = t;
  }
  return best;
}

/**
 * The level an unbacked model flag (no evidence of the category in the request, or a
 * benign shape of the ask) needs: the lowest, at or above the threshold, at which such
 * flags add at most maxFpr false alarms. 1.01 means never.
 */
export function chooseUnbacked(
  examples: readonly Example[],
  rules: readonly RuleClassification[],
  scores: readonly NgramScore[],
  threshold: number,
  maxFpr: number,
): number {
  const negatives = examples.filter((e) => e.label === 'none').length;
  const alarms = examples
    .map((e, i) => ({ e, i }))
    .filter(({ e, i }) => {
      if (e.label !== 'none' || rules[i].categories.length > 0) return false;
      const open =
        combine(rules[i], scores[i], threshold, 0, { rule: 0, model: threshold, unbacked: threshold }).categories
          .length > 0;
      const backedOnly =
        combine(rules[i], scores[i], threshold, 0, { rule: 0, model: threshold, unbacked: 1.01 }).categories.length > 0;
      return open && !backedOnly;
    })
    .map(({ i }) => scores[i].pFlag)
    .sort((a, b) => b - a);
  const budget = Math.floor(maxFpr * negatives);
  if (budget >= alarms.length) return threshold;
  return Math.max(threshold, Math.min(1.01, Math.round(alarms[budget] * 1000 + 1) / 1000));
}

/** The false-positive rate unbacked model flags may add. */
export const UNBACKED_MAX_FPR = 0.005;

/** The false-positive rate the model may add, when its threshold is chosen. */
export const THRESHOLD_MAX_FPR = 0.015;

/** The share of prohibited requests the model may take from the rules by overruling them, when its veto is chosen. */
export const VETO_MAX_RECALL_LOSS = 0.01;

/**
 * The highest veto (below 0.5: the model must at least think "ordinary" likelier) that
 * takes at most maxLoss of the prohibited requests away from the rules, counting on
 * out-of-fold scores. 0 means the model never overrules.
 */
export function chooseVeto(
  examples: readonly Example[],
  rules: readonly RuleClassification[],
  scores: readonly NgramScore[],
  maxLoss: number,
): number {
  const positives = examples.filter((e) => e.label !== 'none').length;
  const lost = examples
    .map((e, i) => ({ e, i }))
    .filter(({ e, i }) => e.label !== 'none' && overrulable(rules[i]))
    .map(({ i }) => Math.round(scores[i].pFlag * 1000) / 1000)
    .sort((a, b) => a - b);
  // Vetoing below the k-th lowest score loses exactly the k lower ones.
  const budget = Math.floor(maxLoss * positives);
  return Math.min(0.5, budget < lost.length ? lost[budget] : 0.5);
}

/** The share of none-labelled requests the model may flag confidently on its own (a modal in confirm mode). */
export const CONFIDENT_MAX_FPR = 0.005;

/** The share of prohibited requests that a rule catches and that may be demoted to a borderline note because the model doubts them. */
export const RULE_DEMOTE_MAX = 0.05;

/**
 * The lowest probability, at or above the threshold, from which the model's own flags
 * may be confident and still add at most maxFpr confident false alarms.
 */
export function chooseModelConfident(
  examples: readonly Example[],
  rules: readonly RuleClassification[],
  scores: readonly NgramScore[],
  threshold: number,
  maxFpr: number,
): number {
  const negatives = examples.filter((e) => e.label === 'none').length;
  // None-labelled requests the model alone would flag confidently at the threshold itself, highest first.
  const alarms = examples
    .map((e, i) => ({ e, i }))
    .filter(
      ({ e, i }) =>
        e.label === 'none' &&
        rules[i].categories.length === 0 &&
        combine(rules[i], scores[i], threshold, 0, { rule: 0, model: threshold, unbacked: 1.01 }).grade === 'confident',
    )
    .map(({ i }) => scores[i].pFlag)
    .sort((a, b) => b - a);
  const budget = Math.floor(maxFpr * negatives);
  // Confident from just above the (budget+1)-th highest alarm: at most `budget` stay confident.
  if (budget >= alarms.length) return threshold;
  return Math.max(threshold, Math.min(1.01, Math.round(alarms[budget] * 1000 + 1) / 1000));
}

/**
 * The highest probability below which a rule's hit is only borderline, such that at most
 * maxDemote of the prohibited requests lose their confident grade that way: the rules'
 * false alarms the model doubts become quiet notes instead of modals.
 */
export function chooseRuleConfident(
  examples: readonly Example[],
  rules: readonly RuleClassification[],
  scores: readonly NgramScore[],
  veto: number,
  modelConfident: number,
  maxDemote: number,
): number {
  const positives = examples.filter((e) => e.label !== 'none').length;
  let always = 0;
  const doubtful: number[] = [];
  examples.forEach((e, i) => {
    if (e.label === 'none' || rules[i].categories.length === 0 || !overrulable(rules[i]) || scores[i].pFlag < veto)
      return;
    // Demoted below its own probability; with a benign shape also whenever the model is not confident.
    if (benignShapes(rules[i]).length > 0 && scores[i].pFlag < modelConfident) always++;
    else doubtful.push(scores[i].pFlag);
  });
  doubtful.sort((a, b) => a - b);
  const k = Math.floor(maxDemote * positives) - always;
  if (k < 0) return veto;
  // Rounded down, so that the k-th doubtful hit itself stays confident.
  return Math.min(0.9, k < doubtful.length ? Math.floor(doubtful[k] * 1000) / 1000 : 0.9);
}

export interface DetectorParameters {
  threshold: number;
  veto: number;
  confident: Confidence;
}

/** All of the detector's parameters, chosen on out-of-group scores. */
export function chooseParameters(
  examples: readonly Example[],
  rules: readonly RuleClassification[],
  scores: readonly NgramScore[],
): DetectorParameters {
  const threshold = chooseThreshold(examples, rules, scores, THRESHOLD_MAX_FPR);
  const veto = chooseVeto(examples, rules, scores, VETO_MAX_RECALL_LOSS);
  const unbacked = chooseUnbacked(examples, rules, scores, threshold, UNBACKED_MAX_FPR);
  const model = chooseModelConfident(examples, rules, scores, threshold, CONFIDENT_MAX_FPR);
  const rule = chooseRuleConfident(examples, rules, scores, veto, model, RULE_DEMOTE_MAX);
  return { threshold, veto, confident: { rule, model, unbacked } };
}
