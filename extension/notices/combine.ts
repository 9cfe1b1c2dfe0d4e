/**
 * How the detector's two halves meet, and how sure the verdict is.
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
 *
 * Every reason carries a grade. Confident: an act nothing excuses, or a rule the model
 * agrees with (pFlag >= confident.rule), or the model alone well above its threshold
 * (pFlag >= confident.model) with the category's own evidence in the request (EVIDENCE).
 * Borderline: the rest. Where the ask has an engineering or
 * benign shape (a game, a process, a friendly bot, a professional in the loop, consent,
 * the user's own data), a statistical flag is never confident and a rule needs the
 * model's confident level: those are the shapes of the false alarms the modal must spare.
 */
import { CATEGORIES, type Category } from '../../common/terms/categories.js';
import type { AskHit } from './ask.js';
import type { NgramScore } from './ngram-model.js';
import type { Classification, Grade, Reason, RuleClassification } from './rules.js';
import { SIGNAL_PREFIX } from './signals.js';

/** The model's probabilities at which a verdict is confident rather than borderline, and at which an unbacked flag is made at all. */
export interface Confidence {
  /** A rule's hit is confident when the model gives at least this. */
  rule: number;
  /** The model's own flag is confident from this probability. */
  model: number;
  /**
   * The model's own flag without the category's evidence in the request, or with a benign
   * shape of the ask, needs at least this probability (default: the threshold) and is
   * never more than borderline.
   */
  unbacked?: number;
}

/** Facts of the ask under which a false alarm would be one of the known kinds: they keep a verdict from being confident on the rules' word alone. */
export const BENIGN_SHAPES: readonly AskHit['fact'][] = [
  'sense.game',
  'sense.process',
  'sense.friendly',
  'sense.reviewer',
  'sense.fairness',
  'sense.attribution',
  'sense.published',
  'sense.fiction',
  'sense.engineering',
  'sense.discount',
  'sense.withheld',
  'professional-in-loop',
  'consented',
  'own',
  'general',
];

/**
 * What the model's own flag needs to see in the request to be confident: the category's
 * domain words for the advice categories, a word family of the act for the others.
 * Without them a flag rests on phrasing alone ("write a bot that…", "my …?"), which is
 * how the model's false alarms on ordinary requests looked in cross-validation (a
 * playlist shuffle flagged as discrimination); it stays a borderline note. (As a hard
 * gate it cost three points of recall for one of false alarms: the word lists do not
 * know every drug name or attack tool the model has learnt.)
 */
export const EVIDENCE: Record<Category, readonly string[]> = {
  legal: ['legal-domain'],
  financial: ['financial-domain'],
  medical: ['medical-domain'],
  rights: ['others-work', 'appropriate', 'personal-data', 'covert', 'deceive', 'ask.no-consent'],
  discrimination: ['protected-attribute', 'negative-judgement', 'publish', 'deceive'],
  harm: ['attack-noun', 'disrupt', 'covert', 'deceive', 'bodily-harm', 'malicious'],
};

/** The signals that back a flag in this category, or undefined when the score does not list its signals. */
function evidenceFor(category: Category, score: NgramScore): string[] | undefined {
  if (!score.signals) return undefined;
  const wanted = new Set(EVIDENCE[category].map((s) => SIGNAL_PREFIX + s));
  return score.signals.filter((s) => wanted.has(s));
}

/**
 * Shapes under which the model alone never flags: in the training batches almost no
 * prohibited request that the rules missed had one (fairness work, a professional in the
 * loop, consent, a process or signal, a strict code reviewer, a friendly bot, the user's
 * own data with nobody else's work in the request; since round 3, credit added to images and
 * a feed its owner publishes), while hundreds of ordinary ones did.
 * A game also came with prohibited requests ("unlock the game's paid DLC"), so it only
 * raises the bar (Confidence.unbacked).
 */
export const SPARING_SHAPES: readonly AskHit['fact'][] = BENIGN_SHAPES.filter((fact) => fact !== 'sense.game');

/** The probability at which the model's own category is named beside a rule's: more likely than every other label, none included, together. */
export const ALSO_LEVEL = 0.5;

/**
 * Whether the model may overrule the rules' verdict: something fired, and nothing that no
 * purpose excuses nor an act that defeats a protection (a licence check patched, people
 * who refused tracking fingerprinted, anonymised records joined back to names). Those
 * name both the protection and its defeat, so they are not a word out of context; in
 * the training batches no ordinary request had one, while the model, which reads such a
 * request as the coding task it is phrased as, vetoed them on a blind set.
 */
export function overrulable(r: RuleClassification): boolean {
  return r.categories.length > 0 && !r.reasons.some((x) => x.cues.some((c) => c.undefended || c.defeats));
}

/** The benign shapes of the ask that hold. */
export function benignShapes(r: RuleClassification): AskHit[] {
  return r.ask.hits.filter((h) => BENIGN_SHAPES.includes(h.fact));
}

export function combine(
  rules: RuleClassification,
  score: NgramScore,
  threshold: number,
  veto = 0,
  confident: Confidence = { rule: 0, model: threshold },
): Classification {
  const { categories, reasons, suppressed } = rules;
  const benign = benignShapes(rules).length > 0;
  if (categories.length > 0) {
    if (score.pFlag < veto && overrulable(rules)) return overruled(rules, score);
    const graded: Reason[] = reasons.map((r) => ({ ...r, grade: ruleGrade(r, score.pFlag, benign, confident) }));
    const flagged = [...categories];
    // Acts often belong to two categories (stalkerware: privacy and harm; a pile-on: harassment
    // and ridicule). When the model is sure of another one, it is named too, as a borderline reason.
    if (!flagged.includes(score.best) && (score.pBest ?? 0) >= ALSO_LEVEL) {
      flagged.push(score.best);
      graded.push({
        category: score.best,
        rule: 'statistical',
        cues: score.top.map((t) => ({ cue: 'model.ngram', match: t.gram })),
        score: Math.round((score.pBest ?? 0) * 1000) / 1000,
        grade: 'borderline',
      });
    }
    return withGrade({
      categories: CATEGORIES.filter((c) => flagged.includes(c)),
      reasons: graded,
      suppressed: [...suppressed],
    });
  }
  const result: Classification = { categories: [], reasons: [], suppressed: [...suppressed] };
  const backed = !benign && evidenceFor(score.best, score)?.length !== 0;
  if (score.pFlag < (backed ? threshold : Math.max(threshold, confident.unbacked ?? threshold))) return result;
  const cues = score.top.map((t) => ({ cue: 'model.ngram', match: t.gram }));
  // The shape of the task says nothing about a second ask turned to in an aside ("add pagination to this resolver; and separately, which mortgage should I take?").
  const sparing = rules.ask.has.has('aside') ? [] : rules.ask.hits.filter((h) => SPARING_SHAPES.includes(h.fact));
  if (rules.defensive.length > 0) {
    result.suppressed.push({ category: score.best, because: 'defensive', cues: [...cues, ...rules.defensive] });
  } else if (rules.vetoed.includes(score.best)) {
    result.suppressed.push({ category: score.best, because: 'programming-sense', cues });
  } else if (sparing.length > 0) {
    const shapes = sparing.map((h) => ({ cue: `ask.${h.fact}`, match: h.match }));
    result.suppressed.push({ category: score.best, because: 'benign-shape', cues: [...cues, ...shapes] });
  } else {
    const grade: Grade = score.pFlag >= confident.model && backed ? 'confident' : 'borderline';
    result.categories.push(score.best);
    result.reasons.push({
      category: score.best,
      rule: 'statistical',
      cues,
      score: Math.round(score.pFlag * 1000) / 1000,
      grade,
    });
  }
  return withGrade(result);
}

function ruleGrade(r: Reason, pFlag: number, benign: boolean, confident: Confidence): Grade {
  if (r.cues.some((c) => c.undefended)) return 'confident';
  return pFlag >= (benign ? Math.max(confident.rule, confident.model) : confident.rule) ? 'confident' : 'borderline';
}

/** The verdict's grade: confident when any reason is. */
export function withGrade(c: Classification): Classification {
  const grades = c.reasons.map((r) => r.grade ?? 'confident');
  const grade: Grade | undefined = grades.includes('confident')
    ? 'confident'
    : grades.length > 0
      ? 'borderline'
      : undefined;
  return grade ? { ...c, grade } : { categories: c.categories, reasons: c.reasons, suppressed: c.suppressed };
}

/** Every rule's verdict turned into a suppression that names the rule's cues and the features that made the model say "ordinary". */
function overruled(c: RuleClassification, score: NgramScore): Classification {
  const against = (score.against ?? []).map((t) => ({ cue: 'model.none', match: t.gram }));
  return {
    categories: [],
    reasons: [],
    suppressed: [
      ...c.suppressed,
      ...c.reasons.map((r) => ({
        category: r.category,
        because: 'model-disagrees' as const,
        cues: [...r.cues, ...against],
      })),
    ],
  };
}
