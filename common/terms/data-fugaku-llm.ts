import type { ProhibitedUse, TermsFacts } from './types.js';

/**
 * Fugaku-LLM's official texts are LICENSE_ja (authoritative) and LICENSE (English
 * reference) in the model repositories. Only a Chinese rendering of them was
 * available to this project, so that is the one stored text, marked unofficial.
 *
 * Article numbers: the official Japanese text (seen in part on the Hugging Face
 * model page) numbers 第1条(利用許諾), 第2条(責任), 第3条(禁止行為) after an
 * unnumbered preamble, and lists the 禁止行為 as unnumbered bullets; the Chinese
 * rendering counts the preamble as 一, so its 四 is 第3条. `item` below is the
 * position in that list. 第4条(制約事項) for the output-accuracy clause is
 * inferred the same way (the rendering's 五, which itself cites 第三条 as 禁止行为).
 */
const art3 = (item: number): ProhibitedUse['ref'] => ({
  article: 3,
  item,
  label: { ja: '第3条(禁止行為)', en: 'Article 3 (Prohibited Actions)' },
});

export const FUGAKU_LLM: TermsFacts = {
  id: 'fugaku-llm',
  title: { ja: 'Fugaku-LLM利用規約', en: 'Fugaku-LLM Terms of Use' },
  families: ['fugaku-llm'],
  textKeys: [
    {
      key: 'fugaku-llm.zh',
      lang: 'zh',
      role: 'unofficial',
      origin:
        'Chinese rendering of the Fugaku-LLM model card, copied verbatim from the project seed. NOT the authoritative text: read LICENSE_ja (Japanese, authoritative) or LICENSE (English reference).',
    },
  ],
  hasAuthoritativeText: false,
  source: {
    modelPages: [
      'https://huggingface.co/Fugaku-LLM/Fugaku-LLM-13B',
      'https://huggingface.co/Fugaku-LLM/Fugaku-LLM-13B-instruct',
    ],
    licenseFiles: [
      'https://huggingface.co/Fugaku-LLM/Fugaku-LLM-13B/blob/main/LICENSE_ja',
      'https://huggingface.co/Fugaku-LLM/Fugaku-LLM-13B/blob/main/LICENSE',
    ],
  },
  requiresIndividualPermission: false,
  prohibitedUses: [
    {
      category: 'rights',
      ref: art3(1),
      summary: {
        ja: '開発者または第三者の知的財産権の侵害',
        en: 'infringing the intellectual-property rights of the developers or others',
      },
      quote: { zh: '侵犯开发者或第三方知识产权的行为,或有侵犯风险的行为。' },
    },
    {
      category: 'rights',
      ref: art3(2),
      summary: { ja: '財産・プライバシー・肖像権の侵害', en: 'infringing property, privacy or portrait rights' },
      quote: { zh: '侵犯开发者或第三方财产、隐私或肖像权的行为,或有侵犯风险的行为。' },
    },
    {
      category: 'discrimination',
      ref: art3(3),
      summary: {
        ja: '差別・誹謗中傷・侮辱、名誉や信用の毀損',
        en: 'discrimination, defamation, insult, or damage to reputation or credibility',
      },
      quote: { zh: '歧视、诽谤、侮辱开发者或第三方,助长对他人的歧视,或损害他人名誉或信誉的行为。' },
    },
    {
      category: 'legal',
      ref: art3(4),
      summary: {
        ja: '無許可の法律業務、有資格者以外による法律アドバイス',
        en: 'unauthorised legal services, or legal advice from anyone but a qualified professional',
      },
      quote: { zh: '从事未经许可的法律业务,或由无资格专业人员提供法律建议的行为。' },
    },
    {
      category: 'financial',
      ref: art3(5),
      summary: {
        ja: '有資格者以外による財務アドバイス',
        en: 'financial advice from anyone but a qualified professional',
      },
      quote: { zh: '由无资格专业人员提供财务建议的行为。' },
    },
    {
      category: 'medical',
      ref: art3(6),
      summary: {
        ja: '健康への助言や治療方法の提示などを含む医療行為',
        en: 'medical actions, including health advice or suggesting treatments',
      },
      quote: { zh: '包括提供健康建议或治疗方法等在内的医疗行为。' },
    },
    {
      category: null,
      ref: art3(7),
      summary: {
        ja: 'その他法令に基づく許可等が必要な行為',
        en: 'other actions that need a permit or authorisation under law',
      },
      quote: { zh: '其他法律法规要求许可等的行为。' },
    },
  ],
  outputAccuracy: {
    ref: { article: 4, label: { ja: '第4条(制約事項)', en: 'Article 4 (Restrictions)' } },
    notice: {
      ja: 'モデルの出力には虚偽や偏り、他人の権利を侵害する内容が含まれることがあります。正確性・適法性・倫理的妥当性を自分で確認してから使ってください。',
      en: 'Model output may contain falsehoods, bias or content that infringes the rights of others. Check its accuracy, legality and ethical validity yourself before using it.',
    },
  },
  notes: [
    'The stored text is an unofficial Chinese rendering; the official Japanese (LICENSE_ja) and English (LICENSE) texts could not be obtained verbatim here. Show the user the official links.',
    'Unlike LLM-jp-3 172B beta1, these terms do not list "causing inconvenience or harm to others"; there is no "harm" entry.',
    'Article numbers follow the official Japanese text (第3条 禁止行為 confirmed; 第4条 inferred), not the numbering of the Chinese rendering.',
  ],
};
