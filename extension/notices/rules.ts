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
 *             counts too) and the request is not a software task.
 * A defence ("detect", "対策") stops intent; "not a drill" or "undetectable" cancels the
 * defence. "Forget the code" cancels the software-task exemption.
 * Both language tables run on every request, since prompts mix languages.
 */
import { CATEGORIES, type Category } from '../../common/terms/categories.js';
import type { Cue, LanguageCues } from './cues.js';
import { EN_CUES } from './cues-en.js';
import { JA_CUES } from './cues-ja.js';
import { normaliseRequest } from './normalise.js';

export type { Category };

export interface CueHit {
  /** e.g. "ja.medical.domain.drug", or "model.ngram" / "model.none" for a feature that pushed the statistical part towards a flag / towards none. */
  cue: string;
  /** The text that matched (normalised). */
  match: string;
  /** Set for an act that no defensive purpose excuses. */
  undefended?: boolean;
}

/** statistical: no rule fired but the n-gram model was confident (see detector.ts). */
export type Rule = 'intent' | 'ask' | 'advice' | 'statistical';

export interface Reason {
  category: Category;
  rule: Rule;
  cues: CueHit[];
  /** For rule 'statistical': the model's probability that the request is a prohibited use. */
  score?: number;
}

/** A category that had cues but was let through, and what let it through. */
export interface Suppression {
  category: Category;
  because: 'coding-task' | 'defensive' | 'programming-sense' | 'model-disagrees';
  cues: CueHit[];
}

export interface Classification {
  categories: Category[];
  reasons: Reason[];
  suppressed: Suppression[];
}

export interface RuleClassification extends Classification {
  /** Defensive cues that stood (not cancelled by a malicious one): the request builds a protection. */
  defensive: CueHit[];
  /** Categories whose words were used in a programming sense. */
  vetoed: Category[];
  /** The context groups ("advice", "coding", "defensive"...) and domains ("medical-domain") that had a hit: weak signals for the model. */
  groups: string[];
}

const TABLES: readonly LanguageCues[] = [EN_CUES, JA_CUES];

function hits(text: string, lang: string, group: string, cues: readonly Cue[]): CueHit[] {
  const found: CueHit[] = [];
  for (const c of cues) {
    const m = c.re.exec(text);
    if (m) found.push({ cue: `${lang}.${group}.${c.id}`, match: m[0], ...(c.undefended ? { undefended: true } : {}) });
  }
  return found;
}

function collect(text: string, pick: (t: LanguageCues) => readonly Cue[], group: string): CueHit[] {
  return TABLES.flatMap((t) => hits(text, t.lang, group, pick(t)));
}

export function classifyByRules(text: string): RuleClassification {
  const t = normaliseRequest(text);
  const informational = collect(t, (l) => l.informational, 'informational');
  const question = informational.length === 0 ? collect(t, (l) => l.question, 'question') : [];
  const advice = [...collect(t, (l) => l.advice, 'advice'), ...question];
  const personal = collect(t, (l) => l.personal, 'personal');
  // "Forget the code" steps out of the software task; "not a drill" says the defence is a pretext.
  const aside = collect(t, (l) => l.aside, 'aside');
  const malicious = collect(t, (l) => l.malicious, 'malicious');
  const coding = aside.length > 0 ? [] : collect(t, (l) => l.coding, 'coding');
  const defensive = malicious.length > 0 ? [] : collect(t, (l) => l.defensive, 'defensive');

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
  for (const category of CATEGORIES) {
    const intent = collect(t, (l) => l.categories[category].intent, `${category}.intent`);
    const ask = collect(t, (l) => l.categories[category].ask, `${category}.ask`);
    const domain = collect(t, (l) => l.categories[category].domain, `${category}.domain`);
    const personalCounts = TABLES.some((l) => l.categories[category].personalCounts);
    const veto = collect(t, (l) => l.categories[category].veto, `${category}.veto`);
    if (domain.length > 0) groups.push(`${category}-domain`);
    if (veto.length > 0) {
      suppressed.push({ category, because: 'programming-sense', cues: veto });
      vetoed.push(category);
      continue;
    }

    if (intent.length > 0) {
      if (defensive.length === 0 || intent.some((h) => h.undefended)) reasons.push({ category, rule: 'intent', cues: intent });
      else suppressed.push({ category, because: 'defensive', cues: [...intent, ...defensive] });
    }
    if (ask.length > 0) {
      reasons.push({ category, rule: 'ask', cues: ask });
      continue;
    }
    const asking = [...advice, ...(personalCounts ? personal : [])];
    if (domain.length > 0 && asking.length > 0) {
      if (coding.length === 0) reasons.push({ category, rule: 'advice', cues: [...domain, ...asking] });
      else suppressed.push({ category, because: 'coding-task', cues: [...domain, ...coding] });
    }
  }
  const categories = CATEGORIES.filter((c) => reasons.some((r) => r.category === c));
  return { categories, reasons, suppressed, defensive, vetoed, groups };
}
