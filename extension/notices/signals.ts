/**
 * Weak signals for the statistical model: broad word families that are too noisy to
 * flag a request on their own ("someone else's", "copy", "secretly", a protected
 * attribute, a device) but whose combinations the model can weigh. They generalise
 * further than character n-grams because each stands for a whole family of words.
 * The rules' own context groups (advice, coding, defensive...) and domain words are
 * signals too; the rules' intent and ask cues are not, so that the model learns to
 * recognise what the rules miss instead of leaning on what they already catch.
 */
import { normaliseRequest } from './normalise.js';
import { classifyByRules, type RuleClassification } from './rules.js';

/** Signal features are named with this prefix, which no n-gram can start with (n-grams are at least two characters of text). */
export const SIGNAL_PREFIX = '§';

const FAMILIES: Record<string, RegExp> = {
  'other-person':
    /\b(ex|neighbou?rs?|co-?workers?|colleagues?|roommates?|boss|manager|classmates?|teachers?|sister|brother|friends?|wife|husband|girlfriend|boyfriend|partner|landlord|tenants?|employees?|staff|someone|somebody|users'|customers'|competitors?|rivals?|streamers?|celebrit(y|ies)|influencers?|strangers?|person|people|guy|girl|grandma|grandpa)\b|他人|相手|やつ|奴|元カ[ノレ]|元彼|恋人|彼女|彼氏|妻|夫|隣人|隣の|近所|同僚|上司|部下|同期|同級生|友達|友人|先生|社員|従業員|競合|他社|ライバル|配信者|有名人|芸能人|知らない人/,
  'others-property':
    /\b(competitor'?s?|rival'?s?|someone else'?s?|other (company|companies|apps?|people)'?s?|their|his|her|paid|premium|copyrighted|licensed|proprietary|kindle|netflix|spotify|youtube|udemy|purchased|bought)\b|他社|競合|他人の|有料|買った|購入した|公式の|市販の/,
  // Someone else's work, named as such: the evidence a rights flag of the model's needs to be confident ("their", "his" and "premium" alone are not).
  'others-work':
    /\b(competitor'?s?|rival'?s?|someone else'?s?|other (company|companies|apps?|people|creators)'?s?|copyrighted|proprietary|kindle|netflix|spotify|youtube|udemy|paid (\w+ )?(apps?|games?|courses?|content|fonts?|plugins?|themes?|software|videos?|articles?))\b|他社|競合|他人の|有料(の)?(アプリ|ゲーム|講座|コンテンツ|フォント|ソフト|動画|記事|漫画|マンガ)|市販の|作者|著作権/,
  appropriate:
    /\b(cop(y|ies|ying)|clon\w+|rip\w*|reus\w+|redistribut\w+|re-?upload\w*|repost\w*|resell\w*|sell\w*|host\w*|scrap\w+|decompil\w+|download (all|every)|mirror\w*|lift\w*|steal\w*)\b|流用|転載|配布|配り|販売|売り|売る|共有|アップ|録画|録音|複製|コピー|スクレイピング|抜き出|パク/,
  'personal-data':
    /\b(e-?mails?|phone( numbers?)?|home address|addresses|location|photos?|selfies?|faces?|dms|messages|passwords?|credentials|ip address|real name|identity|browsing history|keystrokes)\b|住所|電話番号|メアド|メールアドレス|位置情報|写真|顔|本名|パスワード|個人情報|\bip\b|dm|メッセージ|居場所/,
  covert:
    /\b(secretly|silently|quietly|hidden|covert\w*|undetect\w*|unnoticed|without (telling|asking|consent|permission|knowing|them|him|her)|behind (his|her|their) back|won'?t notice|don'?t tell)\b|こっそり|内緒|無断|勝手に|バレ|気づかれ|黙って|許可な/,
  'protected-attribute':
    /\b(nationalit(y|ies)|ethnic\w*|race|racial|religio\w*|muslims?|jews|jewish|christians?|gender|women|woman|female|pregnan\w*|maternity|married|disab(led|ility|ilities)|wheelchairs?|gay|lesbian|trans\w*|lgbt\w*|elderly|older|immigrants?|foreign\w*|refugees?|black|asians?|indians?|chinese|arabs?|hispanic|latino|accents?|skin|caste|poor|age|zip ?codes?)\b|外国|国籍|人種|民族|女性|女は|男性|妊娠|産休|育休|既婚|独身|子持ち|高齢|年配|歳以上|障害|障がい|持病|宗教|信者|同性愛|ゲイ|lgbt|在日|部落|出身|生活保護|方言|[ァ-ヶー]{2,}人/,
  decision:
    /\b(reject\w*|filter\w* out|screen\w* out|exclud\w*|disqualif\w*|den(y|ies|ied)|declin\w*|refus\w*|penali[sz]\w*|deprioriti[sz]\w*|lower\w*|downrank\w*|demot\w*|ban\w*|block\w*|ignor\w*|charge more|pay less|don'?t hire|not hire|prefer\w*|rank\w*|scor\w*)\b|落と|弾|はじ|除外|排除|不採用|不合格|断|減点|下げ|低く|拒否|却下|否決|対象外|不可|外す|後回し|優遇/,
  'negative-judgement':
    /\b(stupid|lazy|dumb|bad|worse|worst|inferior|dirty|smell\w*|stink\w*|criminals?|fraud|liar|thief|incompetent|useless|ugly|fat|emotional|unreliable|untrustworthy|terrorists?|cult|disgusting)\b|ブス|バカ|馬鹿|無能|劣|臭|汚|信用できない|ゴミ|気持ち悪|使えない|ダメ|低い|迷惑/,
  publish:
    /\b(post|tweet|review|article|blog|thread|letter|flyers?|rumou?rs?|comments?|caption|speech|essay|meme|press release|glassdoor|yelp|reddit|linkedin)\b|記事|投稿|口コミ|レビュー|ツイート|拡散|広め|書き込|流す|張り紙|ビラ|スピーチ|まとめ/,
  'attack-noun':
    /\b(virus|worms?|trojans?|ransomware|keyloggers?|malware|spyware|botnet|exploits?|payloads?|backdoors?|rootkits?|phishing|ddos|brute[- ]?force|skimm\w*|stealer|grabber|miner)\b|ウイルス|ウィルス|マルウェア|ワーム|キーロガー|ランサム|フィッシング|ddos|総当たり|ブルートフォース|乗っ取|ハッキング|スキマー|抜く|抜いて/,
  disrupt:
    /\b(crash\w*|freez\w*|brick\w*|overload\w*|flood\w*|spam\w*|ddos|take (it |them )?down|shut (it |them )?down|wip(e|es|ing)|delet\w+ (all|everything)|jam\w*|knock\w* (\w+ )?offline|disabl\w+|break|sabotag\w*|annoy\w*|harass\w*)\b|落と|止め|壊|消す|消える|荒ら|妨害|重く|邪魔|使えなく|困らせ|嫌がらせ/,
  device:
    /\b(laptop|computer|pc|phone|iphone|router|wi-?fi|network|server|site|website|account|camera|car|inbox|icloud|portal|printer|smart home)\b|スマホ|パソコン|\bpc\b|回線|ルーター|サーバ|サイト|アカウント|カメラ|車|wi-?fi|ネット/,
  deceive:
    /\b(fake|scam\w*|impersonat\w*|pretend\w*|fraud\w*|trick\w*|forg(e|ed|ery)|catfish\w*|spoof\w*|deceiv\w*|lie|lies|mislead\w*|made[- ]up|hoax)\b|偽|詐欺|騙|なりすま|架空|嘘|デマ|捏造|でっち/,
  'bodily-harm':
    /\b(hurt|injur\w*|poison\w*|kill|sick|weapons?|bombs?|gas|fire|burn|knife|gun|drug (him|her|them))\b|毒|怪我|殺|爆|火|刺|薬を(盛|混ぜ)/,
  'money-gain': /\b(sell|resell|profit|monetiz\w*|for money|make money|charge|revenue)\b|売|販売|稼|儲|転売|収益|商用/,
};

/** The word families present in a request. */
export function familySignals(text: string): string[] {
  const t = normaliseRequest(text);
  return Object.entries(FAMILIES)
    .filter(([, re]) => re.test(t))
    .map(([name]) => SIGNAL_PREFIX + name);
}

/**
 * The signals present in a request ("§covert", "§medical-domain", "§ask.professional-excluded");
 * pass the rules' result when it is at hand, to save running them twice. The ask facts
 * (ask.ts) are signals too, and their pairs with each domain, so that the model can weigh
 * "medical words, built for users, no doctor" apart from "medical words, the physician decides".
 */
export function signalsOf(text: string, rules: RuleClassification = classifyByRules(text)): string[] {
  const facts = [...rules.ask.has].map((f) => `ask.${f}`);
  const domains = rules.groups.filter((g) => g.endsWith('-domain'));
  const pairs = domains.flatMap((d) => facts.map((f) => `${d}+${f}`));
  return [
    ...familySignals(text),
    ...rules.groups.map((g) => SIGNAL_PREFIX + g),
    ...facts.map((f) => SIGNAL_PREFIX + f),
    ...pairs.map((p) => SIGNAL_PREFIX + p),
  ];
}
