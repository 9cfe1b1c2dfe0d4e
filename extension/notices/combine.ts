/**
 * How the detector's two halves meet.
 *
 * - No rule fired: a confident model (pFlag >= threshold) flags its most likely
 *   category, unless the rules saw a defensive task or the category's words used in
 *   their programming sense.
 * - A rule fired: it stands, unless the model is all but sure the request is ordinary
 *   (pFlag < veto) and no cue is an act that nothing excuses. The rules' single-word
 *   cues ("phishing", "無断転載", "doctor") fire on reports, checks and tooling as
 *   readily as on the act; on batches the rules were never tuned on, most of their
 *   false alarms were of that kind, and the model, which weighs the whole request,
 *   scored them near zero. veto is chosen by cross-validation (scripts/notices/cross-validate.ts).
 */
import type { NgramScore } from './ngram-model.js';
import type { Classification, RuleClassification } from './rules.js';

/** Whether the model may overrule the rules' verdict: something fired, and nothing that no purpose excuses. */
export function overrulable(r: RuleClassification): boolean {
  return r.categories.length > 0 && !r.reasons.some((x) => x.cues.some((c) => c.undefended));
}

export function combine(rules: RuleClassification, score: NgramScore, threshold: number, veto = 0): Classification {
  const { categories, reasons, suppressed } = rules;
  const result: Classification = { categories: [...categories], reasons: [...reasons], suppressed: [...suppressed] };
  if (categories.length > 0) return score.pFlag < veto && overrulable(rules) ? overruled(result, score) : result;
  if (score.pFlag < threshold) return result;
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

/** Every rule's verdict turned into a suppression that names the rule's cues and the features that made the model say "ordinary". */
function overruled(c: Classification, score: NgramScore): Classification {
  const against = (score.against ?? []).map((t) => ({ cue: 'model.none', match: t.gram }));
  return {
    categories: [],
    reasons: [],
    suppressed: [...c.suppressed, ...c.reasons.map((r) => ({ category: r.category, because: 'model-disagrees' as const, cues: [...r.cues, ...against] }))],
  };
}
