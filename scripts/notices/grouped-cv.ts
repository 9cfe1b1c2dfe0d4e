/**
 * Grouped (leave-one-batch-out) cross-validation of the detector's statistical half.
 * The labelled batches were written independently, so a model scored on a batch it
 * never saw, with a threshold chosen without it, estimates blind performance far more
 * honestly than random folds, which share each batch's phrasing between train and test.
 * The rules stay fixed (they were written with most batches in view), so a batch the
 * rules were tuned on still looks better than a blind one would.
 */
import { combine } from '../../extension/notices/combine.js';
import { chooseThreshold, chooseVeto, rates, type Rates } from './cross-validate.js';
import type { Label } from '../../extension/notices/ngram-model.js';
import { featuresOf } from '../../extension/notices/features.js';
import { scoreFeatures, type NgramScore } from '../../extension/notices/ngram-model.js';
import { trainOnFeatures, type Example, type TrainOptions } from './ngram-train.js';
import { classifyByRules, type RuleClassification } from '../../extension/notices/rules.js';

/** What cross-validation needs of each example, computed once: the rules' verdict and the model's features. */
export interface Prepared {
  examples: readonly Example[];
  groups: readonly string[];
  rules: RuleClassification[];
  features: string[][];
}

export function prepare(examples: readonly Example[], groups: readonly string[]): Prepared {
  const rules = examples.map((e) => classifyByRules(e.text));
  return { examples, groups, rules, features: examples.map((e, i) => featuresOf(e.text, rules[i])) };
}

/** Each example scored by a model trained on every group but its own. */
export function leaveOneGroupOutScores(p: Prepared, opts: TrainOptions): NgramScore[] {
  const scores = new Array<NgramScore>(p.examples.length);
  for (const g of new Set(p.groups)) {
    const train = p.examples.map((_, i) => i).filter((i) => p.groups[i] !== g);
    const labels: Label[] = train.map((i) => p.examples[i].label);
    const model = trainOnFeatures(train.map((i) => p.features[i]), labels, opts);
    p.groups.forEach((h, i) => {
      if (h === g) scores[i] = scoreFeatures(model, p.features[i]);
    });
  }
  return scores;
}

export interface GroupResult {
  group: string;
  n: number;
  /** Chosen on the other groups' out-of-group scores, as is veto. */
  threshold: number;
  veto: number;
  rulesOnly: Rates;
  modelOnly: Rates;
  combined: Rates;
}

export interface GroupedCrossValidation {
  groups: GroupResult[];
  /** Over all examples, each judged with its own group's threshold. */
  pooled: { rulesOnly: Rates; modelOnly: Rates; combined: Rates };
}

/**
 * Leave one group out. The held-out group's threshold is chosen on the other groups'
 * out-of-group scores; those came from models that did see the held-out group, a small
 * leak accepted so that the estimate costs one training per group, not one per pair.
 */
export function groupedCrossValidate(p: Prepared, opts: TrainOptions, maxFpr: number, maxLoss: number, scores = leaveOneGroupOutScores(p, opts)): GroupedCrossValidation {
  const { examples, groups, rules } = p;
  const chosen = new Array<number>(examples.length);
  const vetoes = new Array<number>(examples.length);
  const results: GroupResult[] = [];
  for (const g of new Set(groups)) {
    const inG = (i: number): boolean => groups[i] === g;
    const others = examples.map((_, i) => i).filter((i) => !inG(i));
    const [ex, ru, sc] = [others.map((i) => examples[i]), others.map((i) => rules[i]), others.map((i) => scores[i])];
    const threshold = chooseThreshold(ex, ru, sc, maxFpr);
    const veto = chooseVeto(ex, ru, sc, maxLoss);
    const mine = examples.map((_, i) => i).filter(inG);
    for (const i of mine) [chosen[i], vetoes[i]] = [threshold, veto];
    const pick = <T>(xs: readonly T[]): T[] => mine.map((i) => xs[i]);
    results.push({ group: g, n: mine.length, threshold, veto, ...judge(pick(examples), pick(rules), pick(scores), pick(chosen), pick(vetoes)) });
  }
  return { groups: results, pooled: judge(examples, rules, scores, chosen, vetoes) };
}

function judge(
  examples: readonly Example[],
  rules: readonly RuleClassification[],
  scores: readonly NgramScore[],
  thresholds: readonly number[],
  vetoes: readonly number[],
): GroupedCrossValidation['pooled'] {
  return {
    rulesOnly: rates(examples, rules.map((r) => r.categories.length > 0)),
    modelOnly: rates(examples, scores.map((s, i) => s.pFlag >= thresholds[i])),
    combined: rates(examples, rules.map((r, i) => combine(r, scores[i], thresholds[i], vetoes[i]).categories.length > 0)),
  };
}
