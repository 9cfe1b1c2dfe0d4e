import type { ProhibitedUse, TermsFacts } from './types.js';

const art3 = (item: number): ProhibitedUse['ref'] => ({
  article: 3,
  item,
  label: { ja: `第3条(${item})`, en: `Article 3 (${item})` },
});

export const LLM_JP_3_172B_BETA1: TermsFacts = {
  id: 'llm-jp-3-172b-beta1',
  title: { ja: '「LLM-jp-3 172B beta1」利用規約', en: 'LLM-jp-3 172B beta1 Terms of Use' },
  families: ['llm-jp-3'],
  textKeys: [
    {
      key: 'llm-jp-3-172b-beta1.ja',
      lang: 'ja',
      role: 'authoritative',
      origin:
        'Model card of llm-jp/llm-jp-3-172b-beta1-instruct (Hugging Face), copied verbatim from the project seed; 第10条: Japanese is the governing text.',
    },
    {
      key: 'llm-jp-3-172b-beta1.en',
      lang: 'en',
      role: 'reference',
      origin:
        'Model card of llm-jp/llm-jp-3-172b-beta1-instruct (Hugging Face), copied verbatim from the project seed; Article 10: for reference only, no legal effect.',
    },
  ],
  hasAuthoritativeText: true,
  source: {
    modelPages: ['https://huggingface.co/llm-jp/llm-jp-3-172b-beta1-instruct'],
    licenseFiles: ['https://huggingface.co/llm-jp/llm-jp-3-172b-beta1-instruct/blob/main/LICENSE'],
  },
  // 第1条1: 提供者から個別の許諾を得るものとします。
  requiresIndividualPermission: true,
  prohibitedUses: [
    {
      category: 'rights',
      ref: art3(1),
      summary: {
        ja: '提供者または第三者の知的財産権の侵害',
        en: 'infringing the intellectual-property rights of the provider or others',
      },
      quote: {
        ja: '提供者もしくは第三者の知的財産権を侵害する行為、または侵害するおそれのある行為',
        en: 'Actions that will or may infringe on the intellectual property rights of the Provider or third parties;',
      },
    },
    {
      category: 'rights',
      ref: art3(2),
      summary: { ja: '財産・プライバシー・肖像権の侵害', en: 'infringing property, privacy or portrait rights' },
      quote: {
        ja: '提供者もしくは第三者の財産、プライバシーもしくは肖像権を侵害する行為、または侵害するおそれのある行為',
        en: 'Actions that will or may infringe on the property, privacy, or portrait rights of the Provider or third parties;',
      },
    },
    {
      category: 'discrimination',
      ref: art3(3),
      summary: {
        ja: '差別・誹謗中傷・侮辱、名誉や信用の毀損',
        en: 'discrimination, defamation, insult, or damage to reputation or credibility',
      },
      quote: {
        ja: '提供者もしくは第三者を差別もしくは誹謗中傷・侮辱し、他者への差別を助長し、または名誉もしくは信用を毀損する行為',
        en: 'Actions that discriminate against, defame, insult, or slander the Provider or third parties, promote discrimination against others, or damage the reputation or credibility of others;',
      },
    },
    {
      category: 'harm',
      ref: art3(4),
      summary: { ja: '提供者または第三者への迷惑行為', en: 'causing inconvenience or harm to the provider or others' },
      quote: {
        ja: '提供者もしくは第三者への迷惑行為、または迷惑になる恐れのある行為',
        en: 'Actions that will or may cause inconvenience or harm to the Provider or third parties;',
      },
    },
    {
      category: 'legal',
      ref: art3(5),
      summary: {
        ja: '無許可の法律業務、有資格者以外による法律アドバイス',
        en: 'unauthorised legal services, or legal advice from anyone but a qualified professional',
      },
      quote: {
        ja: '許可されていない法律業務に従事したり、有資格の専門家以外からの法律アドバイスを提供したりする行為',
        en: 'Actions that engage in unauthorized legal services and/or provide legal advice from anyone other than a qualified professional;',
      },
    },
    {
      category: 'financial',
      ref: art3(6),
      summary: {
        ja: '有資格者以外による財務アドバイス',
        en: 'financial advice from anyone but a qualified professional',
      },
      quote: {
        ja: '有資格の専門家以外からの財務アドバイスを提供する行為',
        en: 'Actions that provide financial advice from anyone other than a qualified professional;',
      },
    },
    {
      category: 'medical',
      ref: art3(7),
      summary: {
        ja: '健康への助言や治療方法の提示などを含む医療行為',
        en: 'medical actions, including health advice or suggesting treatments',
      },
      quote: {
        ja: '健康への助言や治療方法の提示などを含む医療行為',
        en: 'Medical actions, including providing health advice or suggesting treatment methods; and',
      },
    },
    {
      category: null,
      ref: art3(8),
      summary: {
        ja: 'その他法令に基づく許可等が必要な行為',
        en: 'other actions that need a permit or authorisation under law',
      },
      quote: {
        ja: 'その他法令に基づく許可等が必要な行為',
        en: 'Other actions that require permissions or other forms of authorization under laws and regulations.',
      },
    },
  ],
  outputAccuracy: {
    ref: { article: 4, item: 1, label: { ja: '第4条第1項', en: 'Article 4, paragraph 1' } },
    notice: {
      ja: 'モデルの出力には虚偽や偏り、他人の権利を侵害する内容が含まれることがあります。正確性・適法性・倫理的妥当性を自分で確認してから使ってください。',
      en: 'Model output may contain falsehoods, bias or content that infringes the rights of others. Check its accuracy, legality and ethical validity yourself before using it.',
    },
  },
  notes: [
    'Covers the LLM-jp-3 172B beta1 models (base and instruct). Other 172B releases (beta2, instruct2, instruct3) have their own terms, which are not in this registry.',
    'In 第4条3 the text refers to "第3条(禁止事項)"; the heading of 第3条 reads 禁止行為. Quoted as written.',
  ],
};
