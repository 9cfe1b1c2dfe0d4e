/**
 * How the detector's two halves meet: the rules win whenever they flag anything;
 * otherwise a confident n-gram model flags its most likely category, unless the rules
 * saw a defensive task or the category's words used in their programming sense.
 */
import type { NgramScore } from './ngram-model.js';
import type { Classification, RuleClassification } from './rules.js';

export function combine(rules: RuleClassification, score: NgramScore, threshold: number): Classification {
  const { categories, reasons, suppressed } = rules;
  const result: Classification = { categories: [...categories], reasons: [...reasons], suppressed: [...suppressed] };
  if (categories.length > 0 || score.pFlag < threshold) return result;
  const cues = score.top.map((t) => ({ cue: 'model.ngram', match: t.gram }));
  if (rules.defensive.length > 0) {
    result.suppressed.push({ category: score.best, because: 'defensive', cues: [...cues, ...rules.defensive] });
  } else if (rules.vetoed.includes(score.best)) {
    result.suppressed.push({ category: score.best, because: 'programming-sense', cues });
  } else {
    result.categories.push(score.best);
    result.reasons.push({ category: score.best, rule: 'statistical', cues, score: Math.round(score.pFlag * 1000) / 1000 });
  }
  return result;
}
