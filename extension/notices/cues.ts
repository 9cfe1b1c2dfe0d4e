import type { Category } from '../../common/terms/categories.js';

/** One named pattern. The id is what the UI shows as the reason ("en.medical.drug"). */
export interface Cue {
  id: string;
  re: RegExp;
  /** An act that no defensive purpose excuses (turning a decision on a protected attribute is discrimination whatever it is "against"). */
  undefended?: boolean;
  /** An act that defeats a protection: the protection's name inside its match ("crack the iLok protection", "de-anonymize") is its object, not a defence. */
  defeats?: boolean;
}

/** The cues of one category in one language. */
export interface CategoryCues {
  /** A prohibited act stated outright ("someone's private photos", "嫌がらせ"): flags on its own unless the request is defensive. */
  intent: Cue[];
  /** Vocabulary of the domain ("medication", "株"): flags only with an advice cue, and not inside a coding task. */
  domain: Cue[];
  /** Advice asked in this domain's own words ("is it legal", "飲んでも大丈夫"): flags even inside a coding question. */
  ask: Cue[];
  /** Senses of the domain words that belong to programming ("is it legal for a variable name…"): veto the category. */
  veto: Cue[];
  /** Whether a first-person situation ("my wrist hurts") together with a domain word counts as asking. */
  personalCounts: boolean;
}

/** Everything the detector knows about one language, as data. */
export interface LanguageCues {
  lang: 'en' | 'ja';
  categories: Record<Category, CategoryCues>;
  /** Generic advice-seeking ("should I", "べきですか"). */
  advice: Cue[];
  /** A bare question or "tell me" ("?", "ですか", "教えて"): counts as asking only when the request is not informational. */
  question: Cue[];
  /** Asking what something is or how it works ("what is a", "とは", "違いは"): knowledge, not advice. */
  informational: Cue[];
  /** The asker's own situation ("my", "I have", "私"). */
  personal: Cue[];
  /** Signs of a software task ("function", "schema", "実装", "テスト"). */
  coding: Cue[];
  /** Building a protection against the act ("detect", "prevent", "対策"). */
  defensive: Cue[];
  /** Says the defence is not the point ("not a drill", "undetectable", "訓練じゃなくて"): cancels the defensive suppression. */
  malicious: Cue[];
  /** Steps out of the software task ("forget the code", "unrelated to the PR", "話変わるけど"): cancels the coding suppression. */
  aside: Cue[];
}

export function cue(id: string, re: RegExp): Cue {
  return { id, re };
}

/** A cue for an act that a defensive purpose does not excuse. */
export function undefendedCue(id: string, re: RegExp): Cue {
  return { id, re, undefended: true };
}

/** A cue for defeating a protection (a licence check, copy protection, anonymity): see Cue.defeats. */
export function defeatCue(id: string, re: RegExp): Cue {
  return { id, re, defeats: true };
}

/** Only intent cues: for categories (rights, discrimination, harm) where the act, not a domain, is what counts. */
export function intentOnly(intent: Cue[]): CategoryCues {
  return { intent, domain: [], ask: [], veto: [], personalCounts: false };
}

/** A pattern for "a within gap characters of b, in either order" (sources are regex sources). */
export function near(a: string, b: string, gap = 60): RegExp {
  return new RegExp(`(${a}).{0,${gap}}(${b})|(${b}).{0,${gap}}(${a})`);
}
