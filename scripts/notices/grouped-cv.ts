/**
 * Grouped (leave-one-batch-out) cross-validation of the detector's statistical half.
 * The labelled batches were written independently, so a model scored on a batch it
 * never saw, with a threshold chosen without it, estimates blind performance far more
 * honestly than random folds, which share each batch's phrasing between train and test.
 * The rules stay fixed (they were written with most batches in view), so a batch the
 * rules were tuned on still looks better than a blind one would.
 */
import { combine } from '../../extension/notices/combine.js';
import { chooseParameters, rates, type DetectorParameters, type Rates } from './cross-validate.js';
import type { Label } from '../../extension/notices/ngram-model.js';
import { detectorText } from '../../extension/notices/code-text.js';
import { featuresOf } from '../../extension/notices/features.js';
import { scoreFeatures, type NgramScore } from '../../extension/notices/ngram-model.js';
import { trainOnFeatures, type Example, type TrainOptions } from './ngram-train.js';
import { classifyByRules, type Classification, type RuleClassification } from '../../extension/notices/rules.js';

/** What cross-validation needs of each example, computed once: the rules' verdict and the model's features. */
export interface Prepared {
  examples: readonly Example[];
  groups: readonly string[];
  rules: RuleClassification[];
  features: string[][];
}

export function prepare(examples: readonly Example[], groups: readonly string[]): Prepared {
  const texts = examples.map((e) => detectorText(e.text));
  const rules = texts.map((t) => classifyByRules(t));
  return { examples, groups, rules, features: texts.map((t, i) => featuresOf(t, rules[i])) };
}

/** Each example scored by a model trained on every group but its own. */
export function leaveOneGroupOutScores(p: Prepared, opts: TrainOptions): NgramScore[] {
  const scores = new Array<NgramScore>(p.examples.length);
  for (const g of new Set(p.groups)) {
    const train = p.examples.map((_, i) => i).filter((i) => p.groups[i] !== g);
    const labels: Label[] = train.map((i) => p.examples[i].label);
    const model = trainOnFeatures(
      train.map((i) => p.features[i]),
      labels,
      opts,
    );
    p.groups.forEach((h, i) => {
      if (h === g) scores[i] = scoreFeatures(model, p.features[i]);
    });
  }
  return scores;
}

export interface GroupResult {
  group: string;
  n: number;
  /** Chosen on the other groups' out-of-group scores. */
  params: DetectorParameters;
  rulesOnly: Rates;
  modelOnly: Rates;
  /** Any notice, confident or borderline. */
  combined: Rates;
  /** Confident notices only: the modal in confirm mode. */
  confident: Rates;
}

export interface GroupedCrossValidation {
  groups: GroupResult[];
  /** Over all examples, each judged with its own group's parameters. */
  pooled: { rulesOnly: Rates; modelOnly: Rates; combined: Rates; confident: Rates };
  /** Each example's verdict, judged with its own group's parameters. */
  verdicts: Classification[];
}

/**
 * Leave one group out. The held-out group's parameters are chosen on the other groups'
 * out-of-group scores; those came from models that did see the held-out group, a small
 * leak accepted so that the estimate costs one training per group, not one per pair.
 */
export function groupedCrossValidate(
  p: Prepared,
  opts: TrainOptions,
  scores = leaveOneGroupOutScores(p, opts),
): GroupedCrossValidation {
  const { examples, groups, rules } = p;
  const verdicts = new Array<Classification>(examples.length);
  const results: GroupResult[] = [];
  for (const g of new Set(groups)) {
    const others = examples.map((_, i) => i).filter((i) => groups[i] !== g);
    const params = chooseParameters(
      others.map((i) => examples[i]),
      others.map((i) => rules[i]),
      others.map((i) => scores[i]),
    );
    const mine = examples.map((_, i) => i).filter((i) => groups[i] === g);
    for (const i of mine) verdicts[i] = combine(rules[i], scores[i], params.threshold, params.veto, params.confident);
    const pick = <T>(xs: readonly T[]): T[] => mine.map((i) => xs[i]);
    results.push({
      group: g,
      n: mine.length,
      params,
      ...judge(pick(examples), pick(rules), pick(scores), pick(verdicts), params.threshold),
    });
  }
  const thresholds = examples.map((_, i) => results.find((r) => r.group === groups[i])?.params.threshold ?? 1.01);
  return { groups: results, pooled: judge(examples, rules, scores, verdicts, thresholds), verdicts };
}

function judge(
  examples: readonly Example[],
  rules: readonly RuleClassification[],
  scores: readonly NgramScore[],
  verdicts: readonly Classification[],
  threshold: number | readonly number[],
): GroupedCrossValidation['pooled'] {
  const t = (i: number): number => (typeof threshold === 'number' ? threshold : threshold[i]);
  return {
    rulesOnly: rates(
      examples,
      rules.map((r) => r.categories.length > 0),
    ),
    modelOnly: rates(
      examples,
      scores.map((s, i) => s.pFlag >= t(i)),
    ),
    combined: rates(
      examples,
      verdicts.map((v) => v.categories.length > 0),
    ),
    confident: rates(
      examples,
      verdicts.map((v) => v.grade === 'confident'),
    ),
  };
}
