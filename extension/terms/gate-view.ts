// What the terms gate shows, computed from the registry: pure, so tests can check it without a webview.
import type { Lang } from '../../common/terms/categories.js';
import type { TermsSet, TextLang, TextRole } from '../../common/terms/types.js';

export interface GateText {
  lang: TextLang;
  role: TextRole;
  text: string;
}

export interface GateView {
  id: string;
  title: string;
  /** Japanese (authoritative) first; then the reference translation; an unofficial rendering last. */
  texts: GateText[];
  hasAuthoritativeText: boolean;
  prohibited: Array<{ label: string; summary: string }>;
  accuracyNotice: string;
  requiresPermission: boolean;
  links: string[];
  notes: string[];
  /** UI strings in the display language. */
  strings: Record<string, string>;
}

const ORDER: Record<TextLang, number> = { ja: 0, en: 1, zh: 2 };

export function gateView(terms: TermsSet, lang: Lang, strings: Record<string, string>): GateView {
  return {
    id: terms.id,
    title: terms.title[lang],
    texts: [...terms.texts]
      .sort((a, b) => ORDER[a.lang] - ORDER[b.lang])
      .map(({ lang: l, role, text }) => ({ lang: l, role, text })),
    hasAuthoritativeText: terms.hasAuthoritativeText,
    prohibited: terms.prohibitedUses.map((u) => ({ label: u.ref.label[lang], summary: u.summary[lang] })),
    accuracyNotice: `${terms.outputAccuracy.notice[lang]} (${terms.outputAccuracy.ref.label[lang]})`,
    requiresPermission: terms.requiresIndividualPermission,
    links: [...terms.source.modelPages, ...terms.source.licenseFiles],
    notes: terms.notes,
    strings,
  };
}
