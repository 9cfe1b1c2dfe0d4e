/**
 * How the detector's two halves are tuned against each other on out-of-fold scores
 * (grouped-cv.ts beside it makes them): the model's threshold for flagging on its own, and its
 * veto over the rules, each within a budget.
 */
import { combine, overrulable } from '../../extension/notices/combine.js';
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
export const THRESHOLD_MAX_FPR = 0.015;

/** The share of prohibited requests the model may take from the rules by overruling them, when its veto is chosen. */
export const VETO_MAX_RECALL_LOSS = 0.01;

/**
 * The highest veto (below 0.5: the model must at least think "ordinary" likelier) that
 * takes at most maxLoss of the prohibited requests away from the rules, counting on
 * out-of-fold scores. 0 means the model never overrules.
 */
export function chooseVeto(examples: readonly Example[], rules: readonly RuleClassification[], scores: readonly NgramScore[], maxLoss: number): number {
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
