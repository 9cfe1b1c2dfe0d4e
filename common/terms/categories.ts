/**
 * The prohibited-use categories Fude can recognise in a request. They follow the
 * "prohibited actions" lists of the model terms (LLM-jp-3 172B beta1 第3条,
 * Fugaku-LLM 第3条); the detector in extension/notices and the registry share them.
 */
export const CATEGORIES = ['legal', 'financial', 'medical', 'rights', 'discrimination', 'harm'] as const;

export type Category = (typeof CATEGORIES)[number];

export type Lang = 'ja' | 'en';

/** Short names for the UI ("a request for medical advice"). */
export const CATEGORY_NAMES: Record<Category, Record<Lang, string>> = {
  legal: { en: 'legal advice', ja: '法律に関する助言' },
  financial: { en: 'financial advice', ja: '財務・投資に関する助言' },
  medical: { en: 'medical or health advice', ja: '医療・健康に関する助言' },
  rights: {
    en: 'infringing intellectual-property, property, privacy or portrait rights',
    ja: '知的財産権・財産・プライバシー・肖像権の侵害',
  },
  discrimination: { en: 'discrimination, defamation or insult', ja: '差別・誹謗中傷・侮辱' },
  harm: { en: 'causing harm or inconvenience to others', ja: '他者への迷惑行為・加害' },
};

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
