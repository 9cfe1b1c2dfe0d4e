import type { Category, Lang } from './categories.js';

/** A place in a terms text: an article and, where the text numbers them, an item or paragraph. */
export interface ArticleRef {
  article: number;
  /** Item "(n)" or paragraph "n." inside the article, when there is one. */
  item?: number;
  /** How to cite it in each language, e.g. "第3条(7)" / "Article 3 (7)". */
  label: Record<Lang, string>;
}

/** One prohibited action of a terms text, tied to the detector category that covers it. */
export interface ProhibitedUse {
  /** null: the terms name it but the detector has no category for it (e.g. "actions that need a permit"). */
  category: Category | null;
  ref: ArticleRef;
  /** Our one-line summary, used in notices. Not terms text. */
  summary: Record<Lang, string>;
  /**
   * The clause as written, keyed by the language of a stored text; a unit test
   * checks each one is a substring of that text, so the article mapping cannot drift.
   */
  quote: Partial<Record<TextLang, string>>;
}

export type TextLang = 'ja' | 'en' | 'zh';

/** authoritative: the governing text; reference: the provider's translation; unofficial: someone else's rendering. */
export type TextRole = 'authoritative' | 'reference' | 'unofficial';

export interface TermsText {
  lang: TextLang;
  role: TextRole;
  text: string;
  sha256: string;
  /** Where this exact text comes from. */
  origin: string;
}

export interface TermsSource {
  modelPages: string[];
  /** The files that hold the official texts (e.g. LICENSE_ja, LICENSE). */
  licenseFiles: string[];
}

export interface TermsSet {
  id: string;
  title: Record<Lang, string>;
  /** Model families (as model profiles name them) these terms can apply to; see family.ts for the exact rule. */
  families: string[];
  texts: TermsText[];
  /** SHA-256 of the primary stored text (texts[0]): what a person reads and accepts. */
  sha256: string;
  /** True when the authoritative (Japanese) text itself is stored here. */
  hasAuthoritativeText: boolean;
  source: TermsSource;
  requiresIndividualPermission: boolean;
  prohibitedUses: ProhibitedUse[];
  /** The clause saying outputs may be false or biased and must be checked by the user. */
  outputAccuracy: { ref: ArticleRef; notice: Record<Lang, string> };
  /** Anything a reader of the registry must know (e.g. which texts are missing). */
  notes: string[];
}

/** A terms set as written in the data files: texts are named by key and attached (with hashes) in registry.ts. */
export type TermsFacts = Omit<TermsSet, 'texts' | 'sha256'> & {
  /** Keys of texts.generated.ts, primary (shown and hashed for acceptance) first. */
  textKeys: { key: string; lang: TextLang; role: TextRole; origin: string }[];
};
