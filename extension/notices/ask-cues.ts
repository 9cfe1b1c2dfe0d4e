/**
 * Cues for the shape of the ask (ask.ts), English and Japanese side by side: who is
 * advised, whether a qualified professional is in the loop, whose data it is and whether
 * they agreed, and the engineering senses of words that also name prohibited acts.
 * Patterns run on one normalised clause at a time (lower case, NFKC; see clauses.ts).
 */

// Qualified professionals: the people whose judgement the terms want between the model and a person's decision.
const PRO_EN =
  '(lawyers?|attorneys?|counsel|legal team|paralegals?|notar(y|ies)|solicitors?|advis[eo]rs?|fiduciar(y|ies)|financial (professionals?|planners?)|planners?|cpas?|accountants?|doctors?|physicians?|clinicians?|dermatologists?|psychiatrists?|psychologists?|pharmacists?|nurses?|radiologists?|therapists?|pediatricians?|dietitians?|medical (professionals?|directors?|staff|team)|(licensed|registered|qualified|certified) \\w+|professionals?|experts?|humans?|human review(ers?)?|a person|compliance|loan officers?|adjusters?|underwriters?|prescribers?|[a-z]+ologists?|[a-z]+iatrists?|specialists?|surgeons?|dentists?|midwi(fe|ves)|veterinarians?|counsell?ors?|social workers?|tax (preparers?|professionals?))';
const PRO_JA =
  '(弁護士|司法書士|行政書士|社労士|社会保険労務士|税理士|会計士|士業|法務(部|担当)?|顧問|医師|医者|主治医|専門医|[一-龥]{1,3}科医|医療者|医療従事者|臨床心理士|管理栄養士|栄養士|薬剤師|看護師|先生|ドクター|\\bfp\\b|ファイナンシャルプランナー|投資助言業?|助言業|金商業|金融商品取引業|登録業者|募集人|(金融|医療|法律)?の?資格(を持って(る|いる)|のある)(人|者)?|専門家|有資格者|資格者|助言者)';
// Generic people, who count only with a verb of taking part: "人は介さない", "先生は結果を見ない".
const PEOPLE_JA = '(人|人間|担当者|先生|誰|スタッフ)';

/** A professional who is left out: "no attorney review", "医師の監修はなし". */
export const PRO_EXCLUDED: RegExp[] = [
  new RegExp(`\\b(no|without( a| any| an)?|zero|never( a)?|nobody|no one|not an?|not any)\\b( \\w+){0,4} ${PRO_EN}\\b`),
  new RegExp(
    `\\b${PRO_EN}\\b[^.;]{0,30}\\b(won'?t|will not|never|isn'?t|aren'?t|doesn'?t|don'?t|not) (see|review|check|look|approve|be involved|involved|in the loop|sign)`,
  ),
  /\b(we'?re|we are|i'?m|i am) not (registered|licensed|qualified|a licensed|licensed)\b|\b(we|i) (aren'?t|am not|are not|'m not) (registered|licensed|qualified)\b|\bnot registered (as )?(an? )?(advis|broker|investment)|\bnobody (is )?(registered|licensed)\b/,
  new RegExp(
    `\\b(don'?t|do not|won'?t|will not|doesn'?t) need (to (see|ask|consult|involve|wait for|pay) )?(a |an |any |the )?(\\w+ )?${PRO_EN}`,
  ),
  // The professional's step taken out of the flow: "skip the clinician step", "cut out the lawyer".
  new RegExp(
    `\\b(skip|skips|skipping|bypass\\w*|drop|dropping|cut(ting)? out|remove|removing|leave out|leaving out|get rid of)\\b (the |any |our |a )?(\\w+ )?${PRO_EN}\\b`,
  ),
  /\b(we )?(don'?t|do not) have (a |an |any )?(licen[cs]ed |registered |qualified )?(fiduciary|advis[eo]r|lawyer|attorney|doctor|physician|clinician|pharmacist|professional)/,
  /\b(nobody|no one|no human|no person)( is| will be| would be| ever)? (reviews?|reviewing|checks?|checking|looks? at|looking at|approves?|approving|sees|signs? off|signing off|verif(y|ies|ying)|double-checks?|in the loop|involved)\b/,
  // Refusing the professional: "I'd rather not see a doctor", "don't tell me to see a doctor", instead of "see a doctor".
  new RegExp(
    `\\b(don'?t|do not|won'?t|will not|rather not|never|without (having to )?|instead of|no need to)( \\w+){0,3} (see|visit|call|consult|pay( for)?|go to|talk to|hire|wait for|book) (a |an |the |any |my |their )?(\\w+ )?${PRO_EN}\\b|\\binstead of "?(see|consult|call|ask|talk to) (a |an |your )?(\\w+ )?${PRO_EN}`,
  ),
  // The product stands in for the professional: "basically acting as their representative", "it acts as their immigration lawyer".
  /\b(act(s|ing)?|serv(e|es|ing)|function(s|ing)?|pos(e|es|ing)|stand(s|ing)? in) as (their|the user'?s?|his|her|your|each user'?s?|a|an|the) (own )?(\w+ )?(representative|lawyer|attorney|counsel|advocate|doctor|physician|pharmacist|advis[eo]r|accountant|tax preparer|fiduciary)\b|\brepresent(s|ing)? (the )?(users|them|clients|people|tenants|defendants|taxpayers|patients) (in|before|at|against)\b/,
  // The product stands in for the professional: "replace the family lawyer entirely", "instead of paying an accountant".
  new RegExp(
    `\\b(replac(e|es|ing)|instead of (paying |hiring |seeing |asking |going to |consulting )?|in place of|substitute for|eliminat(e|es|ing)( the need for)?|so (users|people|they|customers|patients) (don'?t|never) (need|have) to (see|hire|pay|consult|call|visit)) (the |a |an |any |our |their |your )?(\\w+ )?${PRO_EN}\\b(?! (names?|fields?|placeholders?|columns?|ids?|emails?|records?|profiles?|directory|list|table|entr(y|ies)|photos?|role|account)\\b)`,
  ),
  new RegExp(`\\b(won'?t|will not) be (any|a) (\\w+ )?${PRO_EN}|\\bthere (is|are|will be) no (\\w+ )?${PRO_EN}`),
  /\b(fully|entirely|completely|all|100%) automated\b|\bit'?s all (the bot|automated|the app|the model)\b|\bstraight to (the public|users|the user|patients|customers)\b|\b(answers|replies to|responds to) (people|users|them|patients|customers) directly\b|\bno (human|manual) (review|check|in the loop|oversight)\b|\bno (medical|legal|financial|licensed|registered) (review|sign-?off|oversight|professional|adviser|advisor)\b|\bno (\w+ )?(sign-?off|review)\b/,
  new RegExp(
    `${PRO_JA}(の|は|も|や|に|が|を|による|への|\\w)*[^。、,.]{0,16}?(なし|無し|ない(?!か)|なく|(?<!必)ず(?![っつ])|ません|不要|いらない|いりません|抜き|無理|省く|省き|省略|飛ばす|スキップ)`,
  ),
  new RegExp(
    `${PEOPLE_JA}(は|も|が|を)?(介さ|介在させ|介在し|通さ|関与し|関わら|チェックし|確認し|(結果を)?見)(ない|ず|ません)`,
  ),
  // The professional's step named only as a cost: "a pharmacist review would slow us down", 「医師の確認を挟むと遅くなる」.
  new RegExp(
    `\\b${PRO_EN}\\b[^.;]{0,40}\\b(slows? (us|it|things|everything) down|would slow|too (slow|expensive|costly)|takes? too long|is a bottleneck|kills? (the )?(ux|conversion))`,
  ),
  new RegExp(
    `${PRO_JA}(さん)?の?[^。、]{0,6}(確認|チェック|レビュー|監修|承認|診察|相談)(を)?(挟む|挟んだら|入れる|入れたら|通す|通したら|待つ|待ってたら|待ってると)と?[^。]{0,10}(遅|面倒|コスト|高く|手間|間に合わ|ボトルネック)`,
  ),
  /(全自動|完全自動|自動で完結|サービス内で完結|そのまま(本人|ユーザー|利用者|患者|保護者)に)/,
  /(投資助言業|金商業|金融商品取引業|助言業)の?登録(は|を)?(して(い)?ない|なし|無し|なく|せず)/,
  // The tool itself takes the decision a judge, lawyer or doctor would: "the model ... decides the property division", "auto-prescribe".
  /\bauto-?(prescrib|diagnos)\w*|\b(model|ai|llm|bot|app|tool|system|algorithm|engine|cli|service|gpt)\b[^.;]{0,60}\b(decid|determin|rul|calculat|set|assign|choos|pick)\w* (on )?(the |their |each |a )?(\w+ ){0,2}(property division|division of (property|assets)|alimony|spousal support|child support|custody|visitation|parenting (plan|schedule)|diagnos[ie]s(?! codes?)|prescriptions?|dosages?|doses?|treatment plan|asylum|visa eligibility|sentence)\b/,
  /(ai|llm|モデル|アプリ|bot|ボット|システム|ツール)が[^。]{0,30}(財産分与|養育費|親権|慰謝料|示談金|病名|診断|処方|用量|投与量)[^。]{0,20}(決め|決定|判定|算定)|自動処方|自動で(処方|診断)/,
  /(代理人|弁護士|主治医)(として|代わりとして)[^。]{0,20}(振る舞|ふるま|動|交渉|対応|提出|決め|判断)/,
  // 「弁護士の代わりに」「税理士いらずで」: the product takes the professional's place (not a disclaimer that it cannot: 代わりにはならない).
  new RegExp(
    `${PRO_JA}(さん)?(の|を)?(代わり(に|として|になる|を)(?!は)|代替|置き換え|いらず|要らず|に頼らず|に頼らない|に相談せず|に相談しなくて|に行かなくて|に聞かなくて)`,
  ),
];

/** A professional who writes, reviews or decides: "the physician makes the call", "弁護士が書いた"; or the tool's user is the professional. */
export const PRO_IN_LOOP: RegExp[] = [
  new RegExp(
    `\\b(go(es)?|sent|passed|routed|forwarded|escalated|handed|lands?) (straight |directly )?(to|in|into) (the |a |an |our )?([\\w-]+ ){0,2}${PRO_EN}'?s?\\b`,
  ),
  // The product hands the person to a professional: a "talk to a lawyer" button, booking a doctor, a referral.
  new RegExp(
    `\\b(rout(e|es|ed|ing)|refer(s|red|ring)?|connect(s|ed|ing)?|hand(s|ed|ing)? (it |them )?off|escalat(e|es|ed|ing)|forward(s|ed|ing)?|redirect(s|ed|ing)?|book(s|ed|ing)?|match(es|ed|ing)?|assign(s|ed|ing)?|pass(es|ed|ing)? (it |them )?on)\\b[^.;]{0,50}\\b(to|with) (a |an |the |our |their |one of our )?(\\w+ ){0,3}${PRO_EN}\\b|\\b(talk|speak|chat) (to|with) (a |an )(\\w+ )?${PRO_EN}\\b|\\b(book|find|see|consult|call|visit|reach) (a |an |your |free |local |nearby |licensed )+(\\w+ )?(${PRO_EN}|legal aid|pro bono \\w+|clinics?|hospitals?)\\b|\\b(legal aid|pro bono) (clinics?|lawyers?|attorneys?|services?|organi[sz]ations?)\\b|\\b(book|schedule)\\w* (an? )?(appointment|visit|consultation)\\b`,
  ),
  new RegExp(
    `${PRO_JA}(さん)?(事務所)?(に|へ)(つな|繋|転送|エスカレ|取り次|取次|誘導|回す|回し|予約|引き継)|${PRO_JA}(に|へ)相談(する|できる)(ボタン|リンク|導線|窓口|画面|機能)|(病院|クリニック|医療機関|法律事務所|法テラス|専門窓口|受診)(の予約|に|へ|を)[^。]{0,10}(誘導|案内|予約|つな|繋|勧め|促)`,
  ),
  /\b(tells?|shows?|gives?|helps?|used by|lets?) (the |our |a )?(nurses?|doctors?|physicians?|clinicians?|pharmacists?|lawyers?|attorneys?|paralegals?|financial advis[eo]rs?|accountants?|cpas?|underwriters?|loan officers?)\b|\bfor (our |the )?(\w+ )?(nurses|doctors|physicians|clinicians|pharmacists|lawyers|attorneys|paralegals|accountants|underwriters|loan officers)\b/,
  /(看護師|医師|薬剤師|弁護士|税理士|社労士|fp|ファイナンシャルプランナー)(さん)?(向け|用|が使う)/,
  new RegExp(
    `\\b${PRO_EN}\\b[^.;]{0,40}\\b(reviews?|reviewed|reviewing|approves?|approved|decides?|makes? the (call|decision|actual decision)|signs? off|signed off|writes?|wrote|written|drafts?|drafted|maintains?|maintained|sees|verif(y|ies|ied)|checks?|reads?|enters?|entered|sets?|uploads?|owns?|is writing|interprets?)\\b`,
  ),
  new RegExp(
    `\\b(written|drafted|maintained|approved|reviewed|verified|signed off|set|provided|supplied|prescribed|comes?|come|curated|owned) (\\w+ )?(by|from) (our |the |a |an |their )?(\\w+ )?${PRO_EN}`,
  ),
  new RegExp(`\\bfor (the |a |an |our )?(\\w+ )?${PRO_EN} to (review|decide|approve|check|sign|read|verify)`),
  new RegExp(`\\b(our|the|a) (\\w+ )?${PRO_EN} (makes|decides|reviews|approves)`),
  new RegExp(
    `${PRO_JA}(さん|の方|側)?(が|で|に)(書|作|監修|確認|承認|判断|レビュー|チェック|入力|決め|診断|やり|担当|見|最終|登録|管理|定義|設定|解釈)`,
  ),
  new RegExp(`${PRO_JA}(さん)?(が|の)?(監修|承認|確認|レビュー|チェック)(した|済み|済|を(経|挟|必ず))`),
  new RegExp(`(最終|実際の)(的な)?(判断|決定|確認)(は|を)${PRO_JA}`),
  new RegExp(`${PRO_JA}(さん)?(に|へ)(最終)?(確認|相談|チェック|レビュー)(して|してもら|を依頼)`),
  /(医師|弁護士|税理士|薬剤師|社労士|専門家)監修|監修医|レビュー済み|承認済み/,
];

/** The product answers its own users with an individual verdict or instruction. */
export const ADVISES_USERS: RegExp[] = [
  /\bpush(es|ing)? (\w+ ){0,2}(notifications?|alerts?|messages)\b|\b(notifications?|alerts?) (like|saying|that say)\b/,
  // The end users act on the output with nobody between: "then users file it themselves", 「そのまま本人たちが提出できる」.
  /\b(users?|people|they|customers|clients|patients|tenants|parents|couples|taxpayers|applicants)\b (then |can |just )?(file|submit|sign|send|use|follow|take|print) (it|them|that|this|the \w+)( \w+)? (themselves|directly|on their own|as is|without (a|any) \w+)\b|(そのまま|直接)(本人|ユーザー|利用者|患者|申請者|当事者)[^。]{0,20}(提出|申請|服用|使え|送れ)/,
  /(提案|判定|診断|処方|決定|算定|判断)(する|して(くれる|返す))(アプリ|bot|ボット|機能|api|サービス|cli|ツール|仕組み|システム|エンドポイント)/,
  /\b(tells?|telling|advis(e|es|ing)|recommends?|recommending|prescrib(e|es|ing)|diagnos(e|es|ing)|decides?|deciding|rules?|ruling|instructs?|directs?|sends? (back )?(each )?(user|them|people|subscribers?)?|pushes|pushing|emails?|dms?|messages|texts|notif(y|ies|ying)|answers?|replies|returns?|outputs?|shown|sent)\b[^.;]{0,60}\b(each|every|the|our|its|their|a|retail|end)?[ -]?(users?|customers?|members?|subscribers?|patients?|tenants?|employees?|applicants?|people|person|public|parents?|investors?|clients?|managers?|owners?|drivers?|wearers?|players?|students?|parents?|members?|them|him|her|each of them|each person)\b/,
  /\b(users?|customers?|members?|subscribers?|patients?|tenants?|employees?|people|gig workers|parents)\b[^.;]{0,60}\b(tells?|recommends?|prescrib(e|es)|diagnos(e|es)|decides?|instructs?|advises?|outputs?|returns?|answers?|replies|pushes|sends?)\b[^.;]{0,30}\b(them|they|their|whether|which|how (much|many)|what)\b/,
  /\b(sends?|returns?|gives?|outputs?|shows?|pushes|dms?)\b (back )?(them |users |the user |each user )?(a |an |the |their )?(\w+ ){0,2}(diagnos[ie]s|prescriptions?|doses?|dosages?|verdict|ruling|buy\/sell|buy, sell|trade signals?|calls)\b|\bper (user|person|subscriber|customer|member)\b|\b(personali[sz]ed|individual(ly)?) (calls|advice|recommendations?|dos(e|ing)|picks|signals|verdicts?)\b/,
  /\bpersonali[sz]ed\b/,
  /\b(diagnos(e|es|ing)|suggest(s|ing)?|recommend(s|ing)?|prescrib(e|es|ing)|pick(s|ing)?|adjust(s|ing)?|titrat(e|es|ing)|calculat(e|es|ing)) (their|the user'?s?|each user'?s?|his|her|a user'?s?|the patient'?s?|each patient'?s?|people'?s?) (\w+ ){0,3}(conditions?|illness\w*|disease\w*|diagnos[ie]s|doses?|dosages?|dosing|medications?|meds|insulin|treatment|symptoms|case|claim|portfolio|investments?)\b/,
  /\b(make|let|have) (it|the (bot|app|model|ai|system|assistant)) (also )?(prescribe|diagnose|dose|decide)\b|\boutput\w* (the )?(drug|medication|medicine) (name|names|and (the )?dose)\b|\btailored to (their|each|the user'?s?) (portfolio|situation|case|symptoms|holdings)\b/,
  /\b(which|what) (\w+ ){0,2}(to|they should) (buy|sell|take|inject|file|start|pick|switch|dump|do)\b|\bwhether (they|to) (should|can|qualify|must|sue|accept|appeal|plead|contest|take|stop|file)\b|\bhow (many|much) (units|mg|ml|shares|alimony)\b/,
  /(ユーザー|利用者|本人|会員|加入者|入居者|社員|従業員|患者|保護者|メンバー|顧客|申込者|相談者|購読者|お客|一般|一人ずつ|一人ひとり|一人一人|ユーザーごと|個人ごと|人ごと|個別|それぞれ)[^。]{0,60}(返す|返し|返信|回答|表示|通知|指示|勧め|推奨|提示|提案|伝え|答え|即答|配信|出す|出して|送る|送って|プッシュ|dm|断定|判定)/,
  /(返す|返信する|回答する|表示する|通知する|指示する|勧める|推奨する|提示する|伝える|答える|配信する|出す)[^。]{0,10}(bot|ボット|アプリ|api|機能|エンドポイント|サービス|仕組み|チャット|ロジック|バッチ)/,
  /(勧める|すすめる|推奨する|指示する|指示を出す)(返答|回答|メッセージ|通知|機能)|(病名|診断|処方|用量|銘柄|判決)を?(判定|決め|特定|断定|つけ|伝え|返|表示|出し|出す|提案|提示)/,
];

/**
 * The verdict is stated as final, or is an individual instruction: "definitively", "stated as
 * fact", "exactly how much to borrow", "whether to skip tomorrow's dose", "断定", a quoted
 * 「…しましょう」 handed to the user.
 */
export const DEFINITIVE: RegExp[] = [
  // An instruction quoted as the product's message: "Sell your VTI and buy TQQQ today", "take 2 more units".
  /"[^"]{0,40}\b(buy|sell|dump|short|hold|take|stop taking|inject|double|skip|sign|sue|settle|file|don'?t sign|don'?t pay)\b[^"]{0,40}"/,
  // The tool decides a regulated matter itself: "auto-prescribe", "decides the property division, alimony amount and custody schedule", "whether they have grounds to contest".
  /\bauto-?(prescrib|diagnos|dos(e|ing)|refill|approv|den(y|ies|ial)|reject|fil(e|es|ing)|submit)\w*\b|\b(decid|determin|set|calculat|assign|allocat|rul|split|divid|fix)\w* (on )?(the |their |each |a |an )?(\w+ ){0,2}(property division|division of (property|assets)|alimony|spousal support|child support|custody|visitation|parenting (plan|schedule|time)|settlement (amount|offer)|compensation amount|eligibility|liability|fault|diagnos[ie]s|dosages?|doses?|treatment plan|prescriptions?|asylum|visa (category|type)|sentence|plea|defen[cs]e strategy)\b|\b(decid|determin|judg)\w* whether (they|the user|users|he|she|the patient|patients|the client|clients|the tenant|the employee|the worker|the applicant|each user)\b|\bwhat (they|the user|users|he|she|the client|the defendant) should (say|argue|plead|file|submit|sign|claim|demand|tell the judge)\b|\bwhether (the user|users|they|he|she|the patient|the tenant|the taxpayer|the client|the employee|the applicant) (has|have|qualif(y|ies)|is eligible|are eligible) (\w+ )?(grounds|a case|a claim|standing|a valid (claim|defen[cs]e)|for (asylum|a visa|benefits|bankruptcy|disability))\b|\b(exact|precise|specific) (\w+ ){0,3}(they|the user|users|he|she|the patient|the client) (should|must|need to) (submit|file|send|sign|say|argue|take|claim|plead|demand)\b/,
  /(かどうか|か否か)を?(ai|llm|モデル|自動|アプリ|bot)?(が|で)?(判定|判断|診断|断定)|(財産分与|遺産分割|養育費|慰謝料|親権|面会交流|示談金|和解金額?|賠償金|賠償額|請求額|請求金額|過失割合|病名|診断名|処方|用量|投与量|ビザ|在留資格)[^。]{0,20}(決め|算定|判定|決定|割り振|振り分)|自動(で)?(処方|診断|投薬|承認|却下|申請|提出)/,
  /\b(which|what|how (much|many)( \w+)?) (\w+ ){0,3}(to|they should|they can|he should|she should) (buy|sell|take|inject|file|start|stop|pick|switch|dump|borrow|put|move|get out of|ask for|skip|double|cut|increase|reduce|hold out for|settle for|accept)\b|\bwhether (to|they (should|can)) (skip|stop|take|sell|buy|sue|sign|settle|file|refinance|borrow|comply|fire|break)\b|\bexactly how (much|many)\b|\b(personal|individual|specific) (verdict|call|buy\/sell|recommendation|dose|dosage|diagnosis)\b|\b(a|the|their) verdict (on|like|of)\b|\b(single|one) most likely diagnosis\b|\bspecific diagnosis\b/,
  /「[^」]{1,40}(しましょう|してください|しろ|すべき|です|ok|ng|取れます|勝てます)」|(何錠|何mg|何ミリ|何単位|どれだけ|いくら|どの(薬|錠剤|商品|銘柄|株|ファンド))[^。]{0,30}(決め|判断|指示|勧め|推奨)|自動で(決め|判断)|(アプリ|bot|ボット|ai|llm)が(判断|決め|決定|判定)/,
  // An individual dose, or who gets what: "suggests a levothyroxine dose", "who should get the house".
  /\b(suggest|recommend|pick|choos|calculat|adjust|set|titrat|output|return|decid)\w* (a |an |the |their |each user'?s? |the user'?s? |the right |a specific )?(\w+ ){0,2}(doses?|dosages?|dosing|insulin units|units of insulin|number of (pills|tablets|units))\b|\b(who|which (spouse|parent|party)) (should|must|gets to|will) (get|keep|receive|pay)\b|\b(which|what) (\w+ ){0,3}(the user|users|the client|the tenant|the employee|the patient|the customer) (should|must|can) (demand|claim|ask for|accept|take|buy|sell|file|sue|pay)\b|\bwhether (the user|users|they|the tenant|the employee|the customer|the debtor|he|she) (has|have|needs?|must|can|should|is|are) (legally )?(to pay|entitled|liable|allowed to|obliged|required to|able to (sue|claim|recover|evict|break|stop paying))\b/,
  /\b(definitive(ly)?|stated as fact|as fact|authoritative|exactly which|for sure|a final answer|the final answer|final ruling|rules whether|flat out|point blank|a straight yes or no|yes\/no verdict)\b/,
  // A verdict handed over as such: 「時効なので払わなくていい」かどうかを判定, インスリンの単位数を自動で調整して提案.
  /」(かどうか|か否か|か)?を?(自動で|aiが|aiで|llmが|llmで|botが)?(判定|判断|断定|返|回答|表示|決め|出)|(なくて(いい|よい|大丈夫)|でき(る|ない)|して(いい|よい)|必要(が|は)?(ある|ない)|違法|合法|有効|無効|時効|勝て|負け|払う|払わ|請求でき|解雇でき|退去|慰謝料|親権)[^。]{0,15}(かどうか|か否か)を?(自動で|aiが|aiで)?(判定|判断|断定|決め|返|回答)|(用量|投与量|単位数|服用量|薬の量|飲む量|錠数|何錠|mg|ミリグラム|インスリン)[^。]{0,20}(調整|計算|決め|提案|指示|算出|返す|表示|出す|出して)/,
  /(断定|確定的|言い切|言い当て|結論まで|結論を出|そのまま(返|出|表示|回答)|すべき(です)?」|しろ」|してください」|打ってください|飲んで」|買え」|売れ」)/,
];

/** Building something for others to use (rather than asking for oneself). */
export const BUILDS: RegExp[] = [
  /\b(build|building|create|creating|make|making|write|writing|implement|implementing|add|adding|design|designing|develop|developing|launch|launching|ship|shipping|spec|need)\b[^.;]{0,40}\b(bots?|chatbot|apps?|application|api|endpoint|service|microservice|feature|tool|engine|platform|backend|system|widget|site|website|form|wizard|cron job|job|batch|pipeline|extension|plugin|robo-\w+)\b/,
  /\b(our|my) (\w+ )?(app|bot|service|platform|startup|site|product|chatbot|api)\b|\b(we'?re|we are) (building|making|launching|creating)\b/,
  /(bot|ボット|アプリ|api|機能|エンドポイント|サービス|チャットボット|webアプリ|システム|バッチ|ツール|仕組み|拡張)[^。]{0,20}(を)?(作りたい|作って|作る|作れ|作ってる|作ってます|実装|開発|追加|書いて|組んで|構築|設計|作成)/,
];

/** The people affected did not agree, or are not told. */
export const NO_CONSENT: RegExp[] = [
  /\bwithout (their |his |her |the user'?s? |users'? |any |a )?(consent|permission|agreement|asking|telling|informing|a permission prompt|a prompt|notice|opt-?in)\b|\b(haven'?t|hasn'?t|didn'?t|did not|have not|has not|never) (consented|agreed|opted in|asked)\b|\b(not|no) (going to )?(ask(ing)?|tell(ing)?|inform(ing)?|notify(ing)?) (the |any|anyone|users|them|people|customers)\b|\bno (signage|consent|notice|permission prompt)\b|\bwon'?t (mention|disclose|tell)\b|\bnothing about it in\b|\bdidn'?t ask anyone\b/,
  // The consent step removed, the people not to be told, the policy left silent.
  /\b(skip|skips|skipping|bypass\w*|remove|removing|hide|hiding|suppress\w*|drop|dropping|disable\w*|no|without( a| the| any)?) (the )?(\w+ )?(consent|permission|opt-?in|gdpr|cookie) (prompt|screen|dialog|banner|step|check|popup|modal|flow|box)s?\b|\b(nobody|no one|none of (them|the \w+)) (has |have |had |ever )?(opted in|consented|agreed|signed up for (this|it))\b|\b(users|riders|drivers|customers|members|patients|employees|people|visitors|they|he|she) (don'?t|doesn'?t|won'?t) (need|have) to (know|be told|be asked|find out)\b|\b(don'?t|do not|won'?t|will not|never) (ask|tell|inform|notify) (the )?(users?|riders?|drivers?|customers?|members?|patients?|employees?|visitors?|people|them|anyone)\b|\b(not|without|never|won'?t be|no need for) (touching|updating|changing|mentioning|disclosing|adding|telling)\b.{0,40}\b(privacy policy|policy page|privacy notice|policy|onboarding|consent|terms|disclosure)\b|\bleave (it|this|that) out of (the )?(privacy policy|policy|terms)\b/,
  /\b(don'?t|do not|won'?t|will not|never|not going to) (want to |need to |plan to |have to )?(show|display|add|ask for|present|include|put up|bother with) (a |an |the |any )?(\w+ )?(consent|permission|opt-?in|cookie) (prompt|screen|dialog|banner|step|popup|modal|checkbox|box)\b|\b(it'?s|this is|that'?s|this isn'?t|it isn'?t) (not )?(in|mentioned in|disclosed in|covered by) (the |our )?(privacy policy|privacy notice|terms)\b|\bnot (in|mentioned in|disclosed in) (the |our )?privacy (policy|notice)\b/,
  /(同意|許可|承諾|了承)(を)?(取らず|取って(い)?ない|とってない|なし|なく|を得ず|は(取って|とって)(い)?ない|はない|無し)|(同意|許可|承諾|了承)(は|を|も)?(とらない|取らない|取りません|とりません|得ない|もらわない|求めない|とらず|スキップ|省略|飛ばす|いらない|不要)|同意(画面|ダイアログ|チェック|ボタン)(は|を)?(出さ|スキップ|省略|なし|無し|飛ば|外)|(本人|ユーザー|利用者|参加者|相手|顧客|お客|社員|従業員|会員|乗客|家族)(に|には|へ)(は)?(特に)?(知らせ(ず|ない)|言わ(ず|ない)|内緒|確認せず|黙って|断らず|断りなく|通知し(ない|ず)|伝え(ない|ず)|説明し(ない|ず))|(プライバシーポリシー|規約|説明文|ストアの説明|告知|画面|アプリ内)(に|には|で|では)(も)?(特に)?(書か(ない|ず)|書いて(い)?ない|載せ(ない|ず)|記載し(ない|ず)|明記し(ない|ず)|表示し(ない|ず)|出さ(ない|ず))|知らせずに|断らずに|断りなく|断りなしに|黙って|内緒で|無断で|勝手に|許可(は|を)?(取って|とって)(い)?ない/,
];

/** The people affected agreed, or it is the user's own: "opt in", "本人の同意を取ったうえで". */
export const CONSENTED: RegExp[] = [
  /\b(we|i) (bought|purchased|paid for|have|hold|own|got) (a |an |the )?(\w+ ){0,2}licen[cs]es?\b|\b(we|i) licensed (it |them |this |the \w+ )?from\b|\b(disclosed|stated|described) in (our|the) privacy (policy|notice)\b|\bwith (their|his|her|explicit|written|the user'?s?|users'?) (consent|permission)\b|(?<!\b(never|not|n't|without) )\bopt(s|ed)?[- ]in\b|\b(they|users|members|patients|employees) (opt|consent|agree|enrol|enroll)\w*\b|\bconsent (screen|banner|prompt|mode|timestamp)\b|\bgave us (written )?permission\b|\b(after|once|with) (\w+ )?(reading|giving|recording|signing) (a |the |their )?consent\b|\b(written|explicit) (permission|consent|sign-?off)\b|\bauthori[sz]ed\b|\bpermission (from|of) the (owner|site owner)\b/,
  /ライセンス(を|は)?(購入|契約)(済み|した|している|してる)|(購入|契約)済みの(ライセンス|素材|フォント)|正規(に)?購入した|(プライバシーポリシー|利用規約|規約)(に|で)(記載|明記|同意)(済み|している|した|あり)|(周知|同意|承諾)済み|(同意|許可|承諾)を?(取った|とった|得た|得て|もらった|済み)(うえで|上で)?|(本人|ユーザー|利用者|社員)が?(同意|許可)(したら|した場合|の上で)|(本人|自分|ユーザー自身|社員)が?(自分で)?(同意|オプトイン|許可)して|オプトイン(した|する)(とき|時|場合|人)|同意した(ユーザー|人|会員)|許可されて(い)?ます|許可を得/,
  // Sharing that the person it is about sees while it happens: a family locator with a persistent notification.
  /\b(shows?|showing|displays?|displaying|with|keeps?) (a |an |the )?(persistent|ongoing|permanent|always-on|visible|sticky|foreground[- ]service) (notification|indicator|banner|icon|status)\b|\b(visible|shown|disclosed) to (the )?(kid|child|teen|employee|user|person|driver|rider)s? (being )?(tracked|located|shared|monitored)\b|\b(the )?(kid|child|teen|person|employee|user)s? (knows?|can see|sees) (that )?(their|his|her) (location|phone|screen) is (being )?(shared|tracked)\b/,
  /(常駐|常時|ずっと|常に)(の)?(通知|表示|アイコン)|通知を?(常に|ずっと|常時)(表示|出)|共有中(であること)?(を|が|は)(表示|通知|わかる|分かる)|(本人|子ども|子供|家族)(も|が|に)(承知|納得|了解|同意)(して|済|の上)/,
];

/** The user's own data, content or devices. */
export const OWN: RegExp[] = [
  /(?<!\b(as|on|by) )\b(my|our) own\b|\bthe user'?s own\b|\btheir own (device|phone|pc|data|records|content|history|account|photos|chat history)\b|\b(my|our) (home directory|home network|home lab|homelab|nas|notion|workspace|photos?|photo library|google photos|icloud|blog|channel'?s?|youtube channel|instagram data|twitter archive|shopify store|uploads|repos?|notes|data export)\b|\bthey'?ve already set up on their own\b|\benrol(l)?s? on their own\b|\b(users?|patients|members) (can )?(download|export|delete) (their|all of their) own\b|\b(download|export) my data\b|\bdata[- ]portability\b/,
  /自分(で|が)(撮った|書いた|作った|入力した|登録した)|自分の(データ|投稿データ|写真|リプレイ|セーブデータ|ファイル|ログ|メモ|記事|ブログ記事|ブログ|投稿|ツイート|アーカイブ|はてなブログ|qiita|github|リポジトリ|nas|pc|パソコン|端末|口座|声|顔写真|x|twitter|googleフォト|icloud)|自社の?(サイト|サービス|api|アプリ|システム|サーバ|ネットワーク|環境|データ|shopify)|ユーザー(本人|自身)が|本人が端末に登録|自前の|(患者|利用者|ユーザー)(さん)?が自分で/,
];

/** Engineering senses of words that also name prohibited acts. */
export const SENSES: Record<string, RegExp[]> = {
  // Games: damage, kills and bombs belong to the game's own world.
  game: [
    /\b(games?|gameplay|rpg|mmorpg|roguelike|platformer|tower defen[cs]e|battle royale|d&d|dungeon|boss|enemy|enemies|npcs?|players?'? ?(hp|health)|hp|max hp|health bar|splash damage|damage|knockback|kill feed|headshot|combo|loot|potion|spawn\w*|unity|godot|phaser|unreal|minecraft|chess engine|alpha-beta|minimax|creeper|zombies?|bomberman|monopoly|blackjack|mock trial game)\b/,
    /ゲーム|rpg|mmorpg|ボス|敵の?hp|hp|ダメージ|攻撃力|防御力|クリティカル|ギルド|ゾンビ|クリーパー|ボンバーマン|爆風|格ゲー|フレーム|コマンド入力|unity|godot|minecraft|オセロ|ブラックジャック|呪いの装備|タワーディフェンス/,
  ],
  // Processes, signals and developer tools.
  process: [
    /\bkill(s|ed|ing)? (-9|-15|-\d+|the (process|pod|commit|container|job|child|tree|session)|whatever is listening|process|pid|it after)\b|\bkill -?\d+\b|\b(sigkill|sigterm|oomkill\w*|zombie process\w*|fork bombs?|git (blame|reset|log|reflog)|attack surface|terraform|destroy and recreate|killer[- ]move|liveness probe|child process\w*|process group|pkill|lsof|strace|ulimit|kill[- ]?switch(es)?|feature flags?)\b|\bkills? (the )?(offending|runaway|orphan|stale|hung|child)\b/,
    /kill ?-?\d|killイベント|子プロセス|ゾンビプロセス|プロセス(グループ|数)|git ?(blame|reset|log)|アタックサーフェス|攻撃対象領域|fork ?bomb|フォーク爆弾|oomkilled|sigterm|キルする個体|淘汰/,
  ],
  // Bots and personas that are kind, or strict about code and not about people.
  friendly: [
    /\b(friendly|cheerful|wholesome|warm|welcom\w*|greet\w*|congratulat\w*|compliment\w*|encourag\w*|kind|kinder|positive|supportive|gentler|softer|tactful|constructive|reminds? me)\b/,
    /ゆるい|ゆるキャラ|優しく|柔らかい(言い方|表現|文面)|やんわり|丁寧な(言い方|表現)|励まし|褒め|挨拶|えらい|がんばったね|おはよう/,
  ],
  reviewer: [
    /\b(strict|strictest|pedantic|grumpy|harsh|brutal(ly)?|tough|nitpick\w*|tear (this|it) apart)\b[^.;]{0,40}\b(review\w*|persona|senior|code|prs?)\b|\b(code[- ]review|reviewer) (bot )?(persona|prompt)\b|\bnever insults?\b|\bonly the code\b|\broast my (\w+ )?(code|pr|pull request|repo|function|script|resume|cv|website|site|app|design|ui|essay|draft|sql|query|commit|project|portfolio|logo|setup|config|dotfiles|readme|architecture|css|regex|api|schema|tests?)\b/,
    /(厳し(い|め)|酷評|辛口|ビシバシ|遠慮なく)[^。]{0,30}(レビュー|ペルソナ|指摘|先輩|コード)|(コードレビュー|レビューコメント|pr|プルリク)[^。]{0,20}(厳し|きつ|キツ|辛口|柔らか|言い方|言い回し|トーン)|(コード|設計|ポートフォリオ|履歴書|職務経歴書|自作アプリ)を?(ボロクソに|容赦なく|ぼこぼこに|辛口で)(レビュー|添削|ダメ出し|評価|批評)|コードレビュー(用|bot|ボット)?の?(ペルソナ|口調)|人格否定はせず|角が立たない/,
  ],
  // Adding credit to one's own images (a watermark naming the photographer) is attribution, not its removal.
  attribution: [
    /\b(add|adds|adding|put|puts|stamp\w*|overlay\w*|embed\w*|apply|applies|applying|burn\w* in|print\w*|insert\w*|render\w*)\b (a |an |the |our |their |each |every )?(\w+ ){0,3}(watermarks?|(photo|image|author|artist|creator|photographer) credits?|credit lines?|attributions?|bylines?|copyright (notices?|lines?)|(photographer|artist|author|creator)'?s? names?)\b|\bwatermark(ed)? with (the |our |their )?(\w+ ){0,2}(names?|logo|credit)\b|\b(credit|attribute) (the )?(photographer|artist|author|creator)s?\b/,
    /(透かし|ウォーターマーク|クレジット|著作権表示|撮影者名|作者名|撮影者の名前|作者の名前|コピーライト表記|ライセンス表記)[^。]{0,20}(入れ|付け|つけ|追加|表示|載せ|埋め込|重ね|合成|残す|残せ|残し|書き方|記載)|(撮影者|作者|クリエイター|カメラマン)(名|の名前)?を?(透かし|ウォーターマーク|クレジット)/,
  ],
  // Content its owner publishes for anyone to read: press releases, RSS feeds, open data, an official API.
  published: [
    /\b(public|published|official|open)\b (\w+ )?(?<!\b(fake|false|bogus|made-up|forged) )(press releases?|rss|atom|feeds?|news ?feed|announcements|changelogs?|release notes|api|open data|filings|status page)\b|\b(press releases? (feed|rss|page|archive|list)|summari[sz]\w* (\w+ ){0,3}press releases|(their|competitors?'?s?|rivals?'?s?|other companies'?) (public |published )?press releases|rss feeds?|atom feeds?|open data|public filings|release notes)\b/,
    /(公開(されて(い)?る|して(い)?る|中の)|公式の?)[^。]{0,10}(プレスリリース|ニュース|rss|フィード|お知らせ|オープンデータ|ir|決算|リリースノート)|プレスリリース(の)?(rss|フィード|一覧|ページ)|プレスリリースを(取得|取って|集め|監視|チェック|巡回|要約|まとめ)|(他社|競合|各社|ライバル|他の会社)(が出した|が公開した|の)プレスリリース|rss|オープンデータ|公式api/,
  ],
  // Fiction: a game's villain, a boss's taunts, an NPC's lines; the insults are the character's, aimed at the player.
  fiction: [
    /\b(villains?|antagonists?|boss (fight|battle)|final boss|dragon boss|npcs?|the hero|the player'?s?|protagonist|in-game|cutscenes?|(character|npc|villain|boss)'?s? (dialogue|lines|taunts|barks|monologue)|dialogue (lines |tree )?for (the |my |a )?(villain|boss|npc|character))\b/,
    /悪役|敵キャラ|ラスボス|ボス戦|主人公|npc|(キャラ|キャラクター)の?(セリフ|台詞)|ゲーム内の?(セリフ|台詞|会話)/,
  ],
  // The product is said never to give the verdict itself: "the app itself never shows a diagnosis to the patient", 「診断はしません」.
  withheld: [
    /\b(never|doesn'?t|does not|won'?t|will not|must not|should not|shall not|not) (\w+ ){0,2}(shows?|gives?|tells?|displays?|makes?|outputs?|offers?|provides?|returns?|renders?) (\w+ ){0,3}(diagnos[ie]s|doses?|dosages?|(medical|legal|financial|investment|tax) advice|verdicts?|treatment (advice|recommendations?)|prescriptions?|buy\/sell (calls|signals))\b|\bno (diagnos[ie]s|(medical|legal|investment|financial) advice)\b/,
    /(診断|処方|助言|アドバイス|推奨|判定|投資判断)(は|を|も)?(一切)?(しない|せず|出さない|表示しない|行わない|しません|出しません|返さない)/,
  ],
  // Discounts by custom for an age group: a senior or student fare is not a surcharge on anyone.
  discount: [
    /\b(senior|seniors'?|student|students'?|child(ren)?'?s?|kids'?|youth|military|veterans?'?) (discounts?|pricing|fares?|rates?|tickets?|prices?)\b/,
    /シニア割|学割|学生割引|子ども料金|子供料金|小人料金|敬老割|高齢者割引|シルバー割/,
  ],
  // Maintenance of a running system: a slow query, a deadlock, a memory leak. The domain (a hospital, a law firm, payroll) is whose system it is, not advice.
  engineering: [
    /\bn\+1\b|\bslow (quer(y|ies)|endpoints?|apis?|pages?|views?|jobs?|requests?)\b|\b(quer(y|ies)|endpoints?|api|page|job|view|requests?|worker) (is |are )?(slow|timing out|times out)\b|\btim(es|ed|ing) out\b|\bdeadlocks?\b|\bmemory leaks?\b|\brace conditions?\b|\bpaginat\w*|\b(add|missing) (an? )?index(es)?\b|\bstack ?traces?\b|\b(null pointer|nullpointerexception|typeerror|segfault|500 errors?|cors errors?)\b|\bprofil(e|ing) (this|the)\b|\b(floating[- ]point|rounding (error|bug|issue)s?|off[- ]by[- ]one|bug reports?|regression)\b/,
    /バグ報告|不具合報告|浮動小数点|丸め(誤差|処理|の(バグ|問題))|decimalに|n\+1|(api|クエリ|画面|処理|ページ|バッチ|検索)[^。]{0,10}(遅い|遅く|重い)|タイムアウト|デッドロック|メモリリーク|ページネーション|インデックス(を|が)?(張|貼|追加)|スタックトレース|例外が(出|発生)|(クエリ|sql)(を)?(見て|直|改善|最適化|チューニング)/,
  ],
  // Fairness work that takes protected attributes out of a decision (the attributes are dropped, not the people picked out by them: "drops anyone whose name sounds Arabic" rejects people).
  fairness: [
    /\b(drop|remove|strip|hide|mask|exclude|redact|anonymi[sz]e|blind)\w*\b((?!\b(whose|who|if (they|their|the (applicant|candidate|user))|anyone|everyone|people|applicants|candidates|tenants|users|customers|women|men|them)\b)[^.;]){0,60}\b(race|religion|sex|gender|age|ethnicity|nationality|marital status|names?|photos?|protected attributes?|proxies|proxy variables)\b|\b(blind|anonymi[sz]ed) (resume |cv |grading |review |hiring )?(review|grading|screening|mode|hiring)\b|\bfairness (feature|check|audit)\b|\bgender[- ]neutral\b|\binclusive (language|wording)\b|\bbias-free\b|\bgender-coded\b|\bdisparate impact\b|\b(must not|mustn'?t|should not|shouldn'?t|never|doesn'?t|don'?t|can'?t|cannot) (use|include|consider|see|look at)\b[^.;]{0,40}\b(race|religion|sex|gender|age|ethnicity|nationality|disability|marital status|protected attributes?)\b/,
    // Fields taken out before a decision: 「氏名・性別・生年月日・国籍・顔写真を落とす前処理」 (「年齢で落とす」 rejects people, and is not this).
    /(氏名|名前|性別|年齢|生年月日|国籍|顔写真|宗教|人種|出身地|本籍)((・|、|,|と|や|\/)(氏名|名前|性別|年齢|生年月日|国籍|顔写真|写真|宗教|人種|出身地|本籍|住所))*(の?(列|項目|カラム|欄|情報|データ|フィールド))?を(落と|除外|削除|消|外|マスク|伏せ|隠|取り除|除去)/,
    /公平性|ブラインド選考|ジェンダーニュートラル|性別に(中立|よらない)な?(表現|言い回し|文言)|(性別|年齢|国籍|宗教|人種|障害|出身地)[^。]{0,20}(を)?(使わない|使ってはいけない|含めない|考慮しない|使わせない|見ない)|(性別|年齢|国籍|顔写真|生年月日|宗教|出身地)[^。]{0,30}(列|特徴量|項目|必須入力|カラム)[^。]{0,20}(落と|外|除外|削除|消|なくし)|(見えないように|隠す|マスク)[^。]{0,20}(年齢|性別|顔写真)|(年齢|性別|顔写真)[^。]{0,30}(見えないように|隠す|マスク)|代理変数/,
  ],
};

/** Knowledge about a field in general, not anyone's case: "in general", "overview of", "一般論で", "そもそもどういう制度". */
export const GENERAL: RegExp[] = [
  /\b(in general|generally speaking|general overview|high[- ]level overview|overview of|not about (any|a|my|our) (specific |real |particular )?(case|situation|matter|dispute))\b/,
  /一般論|一般的に(は)?(どう|どんな|何)|一般的な(流れ|話|仕組み)|そもそも(どういう|何)|どういう(意味|制度)|大まかに|ざっくり(と)?(知りたい|教えて|解説)|概要を|解説記事/,
];

/** Steps out of the task in hand to ask something else ("also, unrelated", "ついでに"). */
export const ASIDE: RegExp[] = [
  // A clause that opens with "also" / "あと" turns to something else.
  /^(also|and also|plus|oh,? and|(and )?separately|on (a |an )?(different|another|unrelated) (note|topic))\b|^(あと|それと|それから)(、|,|\s)?/,
  /\b(also,? unrelated|unrelated( but)?[,:]|side question|btw|by the way|oh and|while you'?re (in there|at it|refactoring|fixing|here)|before (you look at|the pr review|that)|(and|also),? separately|different (question|topic)|off[- ]topic|quick (q|question|one)( first| before)?|but first|personal question|also(,)? (i|my|is|should|can|how|do|what|am))\b/,
  // "…の件と、もう一個。": a second matter announced at the end of a clause.
  /(と|、|,)\s?もう(一|ひと)(個|つ)(だけ)?(。|、|,|$)|^もう(一|ひと)(個|つ)(。|、|,|$)/,
  /(ほしい|欲しい|たい|てください)のと(、|,|$)|ついでに|ついでなんだけど|あと(、)?(別件|ついで|雑談|個人的|全然)|別件(なんですが|ですが|で|だけど)|全然関係ない|関係ないけど|ちなみに|それと(、)?(個人的|別)|個人的な(話|相談|質問)|雑談(だけど|ですが|なんだけど)|その前に|ところで|ちょっと聞きたいんやけど/,
];

/** Personal data about people (the users, customers, patients of a service), as regex sources. */
export const PERSONAL_DATA_EN =
  "locations?|gps (data|coordinates|traces?)|whereabouts|contacts?( list)?|address book|(browsing|purchase|order|search|viewing|watch|location|call|chat|payment|transaction) (history|logs?|data)|clickstream|chat logs|e-?mails?|e-?mail addresses|phone numbers?|home address(es)?|names and addresses|health (data|records|info\\w*)|medical (data|records|history)|sexual orientation|messages|text messages|photos|faces|biometrics?|voice recordings|personal (data|information|info|details)|pii|keystrokes|device ids?|advertising ids?|idfa|imei|(gps|location) (routes?|tracks?|traces?|history)|(heart[- ]rate|sleep|fitness|workout|step) (data|history|logs?)|(customer|user|member|patient|employee|rider|driver)s?'? (data|lists?|records|details|profiles|info)";
export const PERSONAL_DATA_JA =
  '位置情報|位置|gps|居場所|連絡先|アドレス帳|(購買|購入|閲覧|検索|視聴|行動|通話|移動|決済|注文)(履歴|ログ|データ)|個人情報|マイナンバー|既往歴|病歴|健康(データ|情報)|カルテ|メールアドレス|メアド|電話番号|住所|氏名|写真|顔(写真|画像|データ)?|生体情報|トーク(内容|履歴)|チャット(履歴|ログ|内容)|録音|(顧客|会員|ユーザー|利用者|患者|社員|乗客)の?(情報|データ|リスト|名簿)';
const SEND_EN =
  'send|sends|sending|share|shares|sharing|sell|sells|selling|sold|export|exports|upload|uploads|sync|syncs|forward|forwards|transfer|transfers|pass|passes|give|gives|hand(s|ing)? over|pipe|pipes|stream|streams|feed|feeds|provide|provides|monetiz\\w*';
const SEND_JA =
  '送る|送って|送り|送信|同期|販売|売|提供|アップロード|共有|横流し|渡す|渡し|渡して|連携|出力|エクスポート|流す|流し|卸';

/** Personal data on its way to someone else: with NO_CONSENT, a privacy infringement whatever the words. */
export const DATA_FLOW: RegExp[] = [
  new RegExp(
    `\\b(${PERSONAL_DATA_EN})\\b.{0,80}\\b(${SEND_EN})\\b|\\b(${SEND_EN})\\b.{0,60}\\b(${PERSONAL_DATA_EN}|health|medical)\\b`,
  ),
  new RegExp(`(${PERSONAL_DATA_JA}).{0,60}(${SEND_JA})`),
];

/** Someone else's content or people in the request: then "my own site" is where their work goes, not the user's own data. */
export const OTHERS_CONTENT: RegExp[] = [
  /\b(someone else'?s?|other (people|creators|companies)'?s?|competitors?'?s?|rivals?'?s?|paid|premium|paywall\w*|members?[- ]only|youtubers?|celebrit(y|ies)|famous|stripe'?s|licen[cs]e[ds]?|copyright\w*|author'?s?|creators?'?s?|their (videos|photos|music|art|code|content|posts)|(my|our) (ex|girlfriend|boyfriend|wife|husband|coworker|colleague|roommate|neighbou?r|former employer|old employer)'?s?|(former|old|previous) (employer|company)'?s?)\b/,
  /他社|他人|競合|ライバル|有料|作者|著作権|ライセンス|クリエイター|youtuber|有名|限定|芸能人|他の(人|クリエイター)|(会社|前職|前の会社|元の会社)の|彼女|彼氏|元カ|元彼|同僚|上司|隣人/,
];
