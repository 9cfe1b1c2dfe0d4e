/**
 * The rule half of the prohibited-use detector (legal/financial/medical advice,
 * rights infringement, discrimination, harm to others). Pure: no vscode, no model.
 * The rules are small data tables per language (cues-*.ts); every decision names
 * the cues behind it so the UI can say why.
 *
 * Per category, a request is flagged when
 *   intent  - it states a prohibited act outright ("auto-reject applicants with arabic
 *             sounding surnames", "ワーム") and is not building a defence against it, or
 *   ask     - it asks for advice in the domain's own words ("is it legal"), or
 *   advice  - a domain word meets an advice-seeking cue (a bare question counts unless the
 *             request only asks what something is; where allowed, the asker's own situation
 *             counts too) and the request is not a software task, or the asking is in an
 *             aside that leaves the task ("also, unrelated: …"), or
 *   product-advice - the request builds something that tells its users what to do in the
 *             domain with the qualified professional left out (ask.ts).
 * A defence ("detect", "対策") stops intent; "not a drill" or "undetectable" cancels the
 * defence. "Forget the code" cancels the software-task exemption. The shape of the ask
 * excuses some acts: fairness work that removes protected attributes, content used with
 * consent; and makes others: personal data passed on without consent.
 * Both language tables run on every request, since prompts mix languages.
 */
import { CATEGORIES, type Category } from '../../common/terms/categories.js';
import type { Cue, LanguageCues } from './cues.js';
import { EN_CUES } from './cues-en.js';
import { JA_CUES } from './cues-ja.js';
import { analyseAsk, type AskFacts } from './ask.js';
import { DATA_FLOW } from './ask-cues.js';
import { clausesOf } from './clauses.js';
import { normaliseRequest } from './normalise.js';

export type { Category };

export interface CueHit {
  /** e.g. "ja.medical.domain.drug", or "model.ngram" / "model.none" for a feature that pushed the statistical part towards a flag / towards none. */
  cue: string;
  /** The text that matched (normalised). */
  match: string;
  /** Set for an act that no defensive purpose excuses. */
  undefended?: boolean;
  /** Set for an act that defeats a protection (Cue.defeats). */
  defeats?: boolean;
}

/**
 * statistical: no rule fired but the n-gram model was confident (see detector.ts).
 * product-advice: the request builds something that gives its users legal, financial or
 * medical advice of their own with the qualified professional explicitly left out.
 */
export type Rule = 'intent' | 'ask' | 'advice' | 'product-advice' | 'statistical';

/**
 * How sure a verdict is: a confident one asks before sending (confirm mode); a borderline
 * one shows a quiet note with the article and sends (combine.ts says which is which).
 */
export type Grade = 'confident' | 'borderline';

export interface Reason {
  category: Category;
  rule: Rule;
  cues: CueHit[];
  /** For rule 'statistical': the model's probability that the request is a prohibited use. */
  score?: number;
  /** Set once the model has weighed in (combine.ts); the rules alone do not grade. */
  grade?: Grade;
}

/** A category that had cues but was let through, and what let it through. */
export interface Suppression {
  category: Category;
  because:
    | 'coding-task'
    | 'defensive'
    | 'programming-sense'
    | 'model-disagrees'
    | 'professional-in-loop'
    | 'consented'
    | 'fairness'
    | 'benign-shape';
  cues: CueHit[];
}

export interface Classification {
  categories: Category[];
  reasons: Reason[];
  suppressed: Suppression[];
  /** Confident when any reason is; absent when nothing was flagged. */
  grade?: Grade;
}

export interface RuleClassification extends Classification {
  /** Defensive cues that stood (not cancelled by a malicious one): the request builds a protection. */
  defensive: CueHit[];
  /** Categories whose words were used in a programming sense. */
  vetoed: Category[];
  /** The context groups ("advice", "coding", "defensive"...) and domains ("medical-domain") that had a hit: weak signals for the model. */
  groups: string[];
  /** The shape of the ask (ask.ts): who is advised, professional, consent, engineering senses. */
  ask: AskFacts;
}

const TABLES: readonly LanguageCues[] = [EN_CUES, JA_CUES];

function hits(text: string, lang: string, group: string, cues: readonly Cue[]): CueHit[] {
  const found: CueHit[] = [];
  for (const c of cues) {
    const m = c.re.exec(text);
    if (m)
      found.push({
        cue: `${lang}.${group}.${c.id}`,
        match: m[0],
        ...(c.undefended ? { undefended: true } : {}),
        ...(c.defeats ? { defeats: true } : {}),
      });
  }
  return found;
}

function collect(text: string, pick: (t: LanguageCues) => readonly Cue[], group: string): CueHit[] {
  return TABLES.flatMap((t) => hits(text, t.lang, group, pick(t)));
}

/** The categories where the asker's own advice is the prohibited use (rather than an act). */
const ADVICE_CATEGORIES: readonly Category[] = ['legal', 'financial', 'medical'];

/** The ask facts behind a decision, as cues the notice can show. */
function askCues(ask: AskFacts, ...facts: string[]): CueHit[] {
  return ask.hits.filter((h) => facts.includes(h.fact)).map((h) => ({ cue: `ask.${h.fact}`, match: h.match }));
}

/**
 * What the shape of the ask says against an act cue: fairness work that takes protected
 * attributes out of a decision is not discrimination, and content used with the consent
 * of the people in it does not infringe their rights.
 */
function excused(
  category: Category,
  intent: readonly CueHit[],
  ask: AskFacts,
): { because: Suppression['because']; cues: CueHit[] } | undefined {
  if (category === 'discrimination' && ask.has.has('sense.fairness'))
    return { because: 'fairness', cues: askCues(ask, 'sense.fairness') };
  // A character's insults in a game or a story ("the villain's taunts", 「悪役のセリフ」) are fiction; insults about a group are not excused by it.
  if (
    (category === 'discrimination' || category === 'harm') &&
    ask.has.has('sense.fiction') &&
    intent.every((h) => h.cue.endsWith('.intent.ridicule'))
  )
    return { because: 'benign-shape', cues: askCues(ask, 'sense.fiction') };
  // Defeating a protection is not what a licence or consent allowed ("we bought one licence, patch the serial check for all 20 agents").
  if (
    category === 'rights' &&
    ask.has.has('consented') &&
    !ask.has.has('no-consent') &&
    !intent.some((h) => h.undefended || h.defeats)
  ) {
    return { because: 'consented', cues: askCues(ask, 'consented') };
  }
  return undefined;
}

/** Personal data sent, sold or shared while the people it is about are not asked or told. */
function dataFlowWithoutConsent(t: string, ask: AskFacts): CueHit[] {
  for (const re of DATA_FLOW) {
    const m = re.exec(t);
    if (m) return [{ cue: 'ask.data-flow', match: m[0] }, ...askCues(ask, 'no-consent')];
  }
  return [];
}

/**
 * An aside ("also, unrelated: can I sue my landlord?") is a second ask: it counts as asking
 * when one of its own clauses asks or states the asker's situation and is not itself about code.
 */
function asideAsks(asideText: string): CueHit[] {
  if (asideText === '') return [];
  for (const clause of clausesOf(asideText)) {
    if (collect(clause, (l) => l.coding, 'coding').length > 0) continue;
    const asking = [
      ...collect(clause, (l) => l.advice, 'advice'),
      ...collect(clause, (l) => l.question, 'question'),
      ...collect(clause, (l) => l.personal, 'personal'),
    ];
    if (asking.length > 0) return asking;
  }
  return [];
}

export function classifyByRules(text: string): RuleClassification {
  const t = normaliseRequest(text);
  const ask = analyseAsk(t);
  const informational = collect(t, (l) => l.informational, 'informational');
  const question = informational.length === 0 ? collect(t, (l) => l.question, 'question') : [];
  const advice = [...collect(t, (l) => l.advice, 'advice'), ...question];
  const personal = collect(t, (l) => l.personal, 'personal');
  // "Forget the code" steps out of the software task; "not a drill" says the defence is a pretext.
  const aside = collect(t, (l) => l.aside, 'aside');
  const malicious = collect(t, (l) => l.malicious, 'malicious');
  const coding = aside.length > 0 ? [] : collect(t, (l) => l.coding, 'coding');
  // Asking how an act works is a defence only when the request does not also build the thing ("explain where Widevine decrypts, for my extension that saves the videos").
  const defensive =
    malicious.length > 0
      ? []
      : collect(t, (l) => l.defensive, 'defensive').filter(
          (h) => !(h.cue.endsWith('.explain') && ask.has.has('builds')),
        );

  const groups = Object.entries({
    advice: advice.length - question.length,
    question: question.length,
    informational: informational.length,
    personal: personal.length,
    coding: coding.length,
    defensive: defensive.length,
    aside: aside.length,
    malicious: malicious.length,
  })
    .filter(([, n]) => n > 0)
    .map(([g]) => g);
  const reasons: Reason[] = [];
  const suppressed: Suppression[] = [];
  const vetoed: Category[] = [];
  const asideAsking = asideAsks(ask.asideText);
  for (const category of CATEGORIES) {
    const intent = collect(t, (l) => l.categories[category].intent, `${category}.intent`);
    const asks = collect(t, (l) => l.categories[category].ask, `${category}.ask`);
    const domain = collect(t, (l) => l.categories[category].domain, `${category}.domain`);
    const personalCounts = TABLES.some((l) => l.categories[category].personalCounts);
    const veto = collect(t, (l) => l.categories[category].veto, `${category}.veto`);
    if (domain.length > 0) groups.push(`${category}-domain`);
    if (veto.length > 0) {
      suppressed.push({ category, because: 'programming-sense', cues: veto });
      vetoed.push(category);
      continue;
    }

    if (category === 'rights' && ask.has.has('no-consent')) {
      const flow = dataFlowWithoutConsent(t, ask);
      if (flow.length > 0) intent.push(...flow);
    }
    if (intent.length > 0) {
      const excuse = excused(category, intent, ask);
      if (excuse) suppressed.push({ category, because: excuse.because, cues: [...intent, ...excuse.cues] });
      else {
        // A protection named as the object of the act that defeats it ("crack the iLok protection", "de-anonymize") is no defence.
        const defence = defensive.filter((d) => !intent.some((h) => h.defeats && h.match.includes(d.match)));
        if (defence.length === 0 || intent.some((h) => h.undefended))
          reasons.push({ category, rule: 'intent', cues: intent });
        else suppressed.push({ category, because: 'defensive', cues: [...intent, ...defence] });
      }
    }
    if (asks.length > 0) {
      reasons.push({ category, rule: 'ask', cues: asks });
      continue;
    }
    if (
      domain.length > 0 &&
      ADVICE_CATEGORIES.includes(category) &&
      ask.has.has('professional-excluded') &&
      (ask.has.has('advises-users') || ask.has.has('definitive'))
    ) {
      // Three facts together (a regulated domain, users told what to do, the professional left out) are not a word out of context: the model does not overrule them.
      const facts = askCues(ask, 'professional-excluded', 'advises-users', 'definitive').map((h) =>
        h.cue === 'ask.professional-excluded' ? { ...h, undefended: true } : h,
      );
      reasons.push({ category, rule: 'product-advice', cues: [...domain, ...facts] });
      continue;
    }
    if (
      domain.length > 0 &&
      ADVICE_CATEGORIES.includes(category) &&
      ask.has.has('advises-users') &&
      ask.has.has('definitive') &&
      !ask.has.has('professional-in-loop')
    ) {
      // The product hands each user a final, individual verdict in the domain and nobody qualified is said to be in the loop. Without the professional explicitly left out, this is the model's to weigh: it may overrule it.
      reasons.push({
        category,
        rule: 'product-advice',
        cues: [...domain, ...askCues(ask, 'advises-users', 'definitive')],
      });
      continue;
    }
    const asking = [...advice, ...(personalCounts ? personal : [])];
    if (domain.length > 0 && asking.length > 0) {
      const inLoop = askCues(ask, 'professional-in-loop');
      if (inLoop.length > 0 && !ask.has.has('professional-excluded'))
        suppressed.push({ category, because: 'professional-in-loop', cues: [...domain, ...inLoop] });
      else if (coding.length === 0) reasons.push({ category, rule: 'advice', cues: [...domain, ...asking] });
      else {
        const asideDomain =
          asideAsking.length > 0
            ? collect(ask.asideText, (l) => l.categories[category].domain, `${category}.domain`)
            : [];
        if (asideDomain.length > 0)
          reasons.push({ category, rule: 'advice', cues: [...asideDomain, ...askCues(ask, 'aside'), ...asideAsking] });
        else suppressed.push({ category, because: 'coding-task', cues: [...domain, ...coding] });
      }
    }
  }
  const categories = CATEGORIES.filter((c) => reasons.some((r) => r.category === c));
  return { categories, reasons, suppressed, defensive, vetoed, groups, ask };
}
