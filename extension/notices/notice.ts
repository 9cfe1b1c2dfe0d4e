/**
 * The text shown when a request looks like a prohibited use: which category,
 * which article of the loaded model's terms names it, and the terms' warning
 * that output must be checked. Everything it cites comes from the terms registry.
 */
import { CATEGORIES, CATEGORY_NAMES, type Category, type Lang } from '../../common/terms/categories.js';
import { getTerms } from '../../common/terms/registry.js';
import type { ProhibitedUse, TermsSet } from '../../common/terms/types.js';

export interface NoticeItem {
  category: Category;
  /** e.g. ["第3条(1)", "第3条(2)"]; one entry per distinct label. */
  articles: string[];
  summaries: string[];
}

/** The categories the terms name, each with its article labels; categories the terms do not name are left out. */
export function noticeItems(categories: readonly Category[], terms: TermsSet, lang: Lang): NoticeItem[] {
  const items: NoticeItem[] = [];
  for (const category of CATEGORIES.filter((c) => categories.includes(c))) {
    const uses: readonly ProhibitedUse[] = terms.prohibitedUses.filter((u) => u.category === category);
    if (uses.length === 0) continue;
    items.push({
      category,
      articles: [...new Set(uses.map((u) => u.ref.label[lang]))],
      summaries: uses.map((u) => u.summary[lang]),
    });
  }
  return items;
}

/**
 * Notice text in English or Japanese, or undefined when there is nothing to
 * say (no category, or none that these terms name: Fugaku-LLM's terms have no
 * "harm" item). Throws on an unknown terms id, which is a programming error.
 */
export function noticeFor(categories: readonly Category[], termsId: string, lang: Lang): string | undefined {
  const terms = getTerms(termsId);
  if (!terms) throw new Error(`unknown terms id "${termsId}"`);
  const items = noticeItems(categories, terms, lang);
  if (items.length === 0) return undefined;

  const accuracy = terms.outputAccuracy;
  if (lang === 'ja') {
    const kinds = items.map((i) => CATEGORY_NAMES[i.category].ja).join('、');
    const rules = items.map((i) => `${i.articles.join('・')}で「${i.summaries.join('」「')}」`).join('、');
    return [
      `このリクエストは、モデルの利用規約が禁止する用途(${kinds})に当たる可能性があります。`,
      `${terms.title.ja}は、${rules}への利用を禁止しています。`,
      `${accuracy.notice.ja}(${accuracy.ref.label.ja})`,
    ].join('\n');
  }
  const kinds = items.map((i) => CATEGORY_NAMES[i.category].en).join('; ');
  const rules = items.map((i) => `${i.summaries.join(', and ')} (${i.articles.join(', ')})`).join('; ');
  return [
    `This request may fall under a use the model's terms prohibit: ${kinds}.`,
    `The ${terms.title.en} prohibit using the model for ${rules}.`,
    `${accuracy.notice.en} (${accuracy.ref.label.en})`,
  ].join('\n');
}
