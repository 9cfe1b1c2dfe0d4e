/**
 * English cues for the act categories (rights, discrimination, harm): the vocabulary of
 * the prohibited act itself, so that a request is caught however it is phrased, as a
 * question or as a coding task ("auto-reject applicants with arabic sounding surnames").
 * Patterns run on normalised (lower-case, NFKC) text.
 */
import { PERSONAL_DATA_EN } from './ask-cues.js';
import { cue, defeatCue, intentOnly, near, undefendedCue, type CategoryCues } from './cues.js';

// People (or their organisation) who can be the target of an act.
const PEOPLE =
  "(ex|ex-\\w+|neighbou?rs?|roommates?|flatmates?|co-?workers?|colleagues?|boss|manager|teachers?|classmates?|girlfriend|boyfriend|wife|husband|partner|sister|brother|friends?|landlord|tenants?|employees'?|cousin|mom|dad|parents?|competitors?|rivals?|co-?founder)";
const OTHER = `(someone|somebody|a person|people|other people|others|strangers?|my (\\w+ )?${PEOPLE}|(his|her|their) (?!own\\b)\\w+|this (user|person|guy|girl|woman|man|streamer|account|youtuber)|a (streamer|youtuber|user|rival|competitor|celebrity)|(my|our|a) (school|university|company|employer|competitor|rival|ex)|celebrit(y|ies))`;
// Targets of harassment: named people, not "people" in general ("so people don't get stuck").
const TARGET = `(someone|somebody|a person|strangers?|my (\\w+ )?${PEOPLE}|this (user|person|guy|girl|woman|man|streamer|account|youtuber|creator)|a (streamer|youtuber|rival|competitor|celebrity)|(my|our|a) (school|university|competitor|rival|ex)|the (hr|it) (guy|person|manager|lady)|the target'?s?|the victim'?s?)`;
// Where someone else's data or account lives.
const PLACES =
  '(facebook|instagram|twitter|x|tiktok|snapchat|whatsapp|line|linkedin|netflix|spotify|youtube|discord|email|gmail|inbox|dms?|phone|laptop|computer|pc|screens?|icloud|account|profile|cloud|wi-?fi|channel|router)';
// Intent to trouble the target.
const MALICE =
  "every (minute|hour|\\d+ (seconds|minutes))|forever|as a prank|prank (on )?(him|her|them|my|our|the)|lose (his|her|their) (work|data|progress)|fake (orders|bookings|reservations|accounts|names|identities)|stop working|can'?t (stream|work|use|sleep|log ?in|get in)|look like an accident|trip (down|over)|garbage|mess(ing)? (up|with)|sabotag\\w*|ruin\\w*|humiliat\\w*|embarrass\\w*|annoy\\w*|torment\\w*|pretend(ing)? to be|impersonat\\w*|repeatedly|over and over|nonstop|all night|lock (him|her|them) out|get back at|revenge|payback|crash\\w*|zip bomb|payload|can'?t stand|hate (him|her|them)|so annoying|lose (his|her|their) (job|mind|account)|look (bad|stupid|incompetent)|get (in trouble|sick|hurt)|make (him|her|them) (cry|quit|suffer|pay|lose)";
const GROUPS =
  'non-(christian|muslim|white|black|japanese|native|english)s?|women|men|girls|female|foreigners|japanese|koreans?|filipinos?|vietnamese|latinos?|hispanics?|russians?|pakistanis?|nigerians?|immigrants|refugees|disabled|wheelchairs?|blind people|deaf people|black people|asians?|indians?|chinese|mexicans?|arabs?|africans?|muslims|jews|christians|gay|gays|lesbians|trans(gender)? people|ethnic(ities| groups?)|races|nationalit(y|ies)|religions?|people from (that|this|their) country|old people|old (developers|devs|engineers|programmers|workers)|boomers|the elderly|single mothers|poor people|fat people|(poor|low-income|rough|bad) (neighbou?rhoods?|areas|families|backgrounds)|' +
  // Where someone is from: a region, a state, a province, a small town.
  "people from (\\w+ ){0,2}(state|prefecture|province|region|county|town|city|village|country|south|north)|(\\w+ )?(prefecture|province|region)'?s? (people|residents|folks)|rednecks|hillbillies|country bumpkins|hicks|(northern|southern|rural) (people|folks)|(northerners|southerners|rural people)";
const ACCUSATION =
  'an? (thief|criminal|liar|fraud|scammer|pedophile|cheat|drunk|junkie|whore|slut|abuser|rapist|racist|sexist|predator|plagiarist)|is a fraud|a scam|hurts kids|abuses|steals|stole|stealing|embezzl\\w*|tax evasion|molest\\w*|cheating on|plagiari[sz]\\w*|sexually harass\\w*|harassed';

// Who a decision must not turn on: protected attributes and the proxies that stand in for them.
const PROTECTED = [
  '(foreign|ethnic|arabic|arab|asian|african|chinese|indian|hispanic|latino|muslim|jewish|black|immigrant|non-?native)[- ](sounding|looking)',
  '(names?|surnames?|last names?|first names?) (that )?(looks?|sounds?|seems?) (\\w+ ){0,2}(foreign|arabic|arab|chinese|indian|hispanic|african|asian|muslim|jewish|black|middle eastern|non-\\w+)',
  '(browser|device|phone|system|os) (language|locale)|(chinese|korean|arabic|hindi|spanish|vietnamese|tagalog|urdu|farsi)[- ]speak(ing|ers?)|graduat\\w* (before|prior to|in or before) (19|20)\\d\\d|born (before|prior to) (19|20)\\d\\d',
  'native-born|young(er)? (candidates|applicants|people|workers|employees|talent)',
  '(arabic|arab|chinese|indian|hispanic|latino|african|asian|muslim|jewish|foreign|non-english|non-japanese) (names?|surnames?|last names?|first names?)',
  'nationalit(y|ies)|ethnicit(y|ies)|\\brace\\b|racial|religio(n|us)|muslims?|jews|jewish|christians?|hindus?|sikhs?|\\bgender\\b|women|woman|female|pregnan\\w*|maternity|paternity|parental leave|marital status|single (moms?|mothers|parents)|sexual orientation|same-sex|\\bgay\\b|lesbian|transgender|\\btrans (people|women|men)|lgbt\\w*',
  'disabled (people|users|applicants|candidates|employees|persons?|tenants)|disabilit(y|ies)|handicap\\w*|wheelchairs?|chronic (illness|condition)s?|pre-?existing conditions?|health conditions?|mental (illness|health (history|condition))',
  '(applicants|candidates|people|users|workers|employees|tenants|women|men|anyone) (who are |aged |over |above |older than ){1,2}[3-9]\\d|[3-9]\\d\\+? ?(year[- ]olds?|years? old)|older (applicants|candidates|workers|employees|people|developers|users|tenants|customers|clients)|(candidates|applicants|people|anyone|those) (under|younger than) [3-6]\\d|(has|have|mentions?|with) (kids|children)|elderly|old (people|developers|devs|workers)',
  '(zip ?codes?|zips?|post ?codes?|postal codes?|neighbou?rhoods?|areas?|districts?|census tracts?|tracts?) (\\w+ ){0,3}(mostly|predominantly|majority|largely|heavily) (\\w+ )?(black|white|hispanic|latino|asian|immigrant|muslim|poor|minority)',
  '(indian|foreign|thick|heavy|strong|asian|african|hispanic|mexican|chinese|arab|arabic|southern|non-native) accents?|hbcus?|historically black|first language|native language|mother tongue|mosques?|synagogues?|temples|women.?s colleges?|census tracts?|hijabs?|headscar(f|ves)|turbans?|kippahs?|yarmulkes?|niqabs?|burqas?|religious (attire|dress|clothing|symbols?)|section 8|housing (vouchers?|benefits?)|food stamps|welfare (recipients|benefits)|(kids|children) under \\d+|(language|locale) is (\\w+ or )?(hindi|arabic|urdu|bengali|tagalog|swahili|farsi|persian|amharic|somali|vietnamese|spanish|chinese|korean|russian|turkish)|broken english|poor english|non-native (speakers?|english)|dialects?|immigrants?|foreigners?|refugees?|black (people|applicants|candidates|tenants|users|customers)|skin (tone|colou?r)|caste',
].join('|');
// Decisions that act on a person.
const DECIDE = [
  '(drop|weed|cull|toss|bin|trash|discard|eliminat|strip out|skip|ignor)\\w* (out )?(anyone|everyone|those|people|applicants|candidates|resumes|cvs|tenants)\\b|auto-?reject\\w*|reject\\w*|screen(s|ed|ing)? (\\w+ ){0,2}out|filter(s|ed|ing)? (\\w+ ){0,3}out|weed(s|ed)? out|exclud\\w*|disqualif\\w*|den(y|ies|ied)|auto-?declin\\w*|declin(e|es|ed)|refus\\w*',
  '(drop|dock|cut|reduce|subtract|knock)\\w* (the |their |its )?(score|rating|points)|score \\* ?0?\\.\\d|bump\\w* (them |it )?down|(gets?|add|adds|with) \\+?\\d+(\\.\\d+)?% (apr|interest|rate)|sink\\w*|bur(y|ies|ying)|mark-?ups?|surcharges?|extra fees?|hid(e|es|ing) (\\w+ ){0,3}(applicants|candidates|tenants|users|people|profiles|listings|resumes)|penali[sz]\\w*|deprioriti[sz]\\w*|down-?(rank|weight|grade)\\w*|lower(s|ed|ing)? (the |their |its )?(\\w+ )?(score|rank|ranking|rating|priority|limit|chances|offer|salary|pay)s?|(score|rank|rate)s? (them |it )?lower|push .{0,60}(down|to the bottom)|to the bottom|bottom of the (list|pile|ranking)|(slowest|worst|lowest|last|longest|back of the)[- ](priority |wait )?(queue|tier|line|priority)|route\\w* .{0,40}\\b(slow|worst|last)',
  "(don'?t|do not|never|won'?t) (hire|interview|promote|rent to|approve|accept|serve)|factor\\w* (that|it|this|them|those)? ?into (\\w+ ){0,2}(promotions?|hiring|pay|salar(y|ies)|bonus(es)?|raises?|firing|layoffs?|rent\\w*|loans?|credit|admissions?)|(weigh|count|hold)\\w* (that|it|this|them) against|(quietly |just )?ignor\\w* (\\w+ ){0,3}(inquiries|applications|requests|messages|emails)|(charge|price)s? (\\w+ ){0,3}(more|higher)|bump\\w* (up )?the (price|premium|rate)|rais\\w* (the )?(price|premium|rate)s?|higher (premiums?|prices?|interest|rates?|fees?)|pay (\\w+ ){0,3}less|less pay",
  '(flag|mark|treat)\\w* .{0,60}\\bas (likely |potential |possible )?(fraud\\w*|risky|high[- ]risk|suspicious|spam|bots?)|\\bas (likely |potential |possible )(fraud\\w*|risky|high[- ]risk|suspicious)|(risk|penalty|negative) points|adds? risk|bonus points|extra points|hide (\\w+ ){0,4}from|blacklist\\w*|shadow-?ban\\w*|flag (them |\\w+ )?as (risky|high[- ]risk|suspicious)|auto-?fail|refuse (service|to serve)|not allowed|kick (them )?out|ineligible|prefer\\w* .{0,40}\\bexclud\\w*|not eligible|treat (them )?differently|(reply|respond|answer)\\w* (\\w+ ){0,2}(with insults|rudely|coldly)',
  "down-?scor\\w*|low-priority|(sort|order|rank)\\w* .{0,40}\\b(come|comes|go|goes|are) (first|last|on top)|(aren'?t|are not|isn'?t|not|never) (be )?shown to|prefer\\w*|pays? ([\\d.]+% )?more|get ([\\d.]+% )?off|(charge|price)s? ([\\w%]+ ){0,3}(more|higher)|bump\\w* (up )?(the )?(prices?|premiums?|rates?)",
].join('|');

// Personal data that belongs to someone else.
const PII =
  '(e-?mails?|e-?mail addresses|phone numbers?|mobile numbers?|home address\\w*|addresses|personal (data|info\\w*|details)|pii|dates? of birth|birthdays?|ssns?|social security numbers?|selfies|profile (photos|pictures)|faces)';

// Paid streaming, course and fan-subscription platforms whose content is licensed to their subscribers only.
const PLATFORMS =
  "netflix|hulu|disney\\+?|crunchyroll|funimation|hbo( max)?|prime video|paramount\\+?|udemy|coursera|skillshare|masterclass|pluralsight|o'?reilly|spotify|apple music|tidal|deezer|audible|kindle|patreon|onlyfans|fanbox|fantia|abema|u-next|dazn|nhk on demand";
// Where copied content or copied people's data ends up: a site, server or list the user runs.
const OURS =
  '(our|my|a|the) (own |free |new )?([\\w-]+ )?(site|server|platform|app|channel|cdn|drive|bucket|website|service|store|shop|mailing list|crm|newsletter|database)';
// Licence and copy-protection checks, and the verbs that defeat them.
const DEFEAT =
  'bypass|get(s|ting)? around|circumvent|skip|disable|defeat|patch(ed|ing)?( out)?|nop(ped|ping)?( out)?|remov|crack|kill|neutrali[sz]|stub(bed)? out|short-circuit|spoof|emulat|force';
const PROTECTION =
  '(serial|licen[cs]e|activation|registration|product[- ]key|trial|subscription|dongle|ilok|denuvo|drm|widevine|fairplay|copy[- ]protection|anti-?tamper|entitlement|premium|paywall)[- ]?(key |number |server )?(checks?|checking|validation|verification|screen|server|protection|lock|gate)';
// Commercial media and paywalled content: captured page by page or frame by frame, it is still someone else's work.
const MEDIA =
  "manga|comics?|webtoons?|e-?books?|kindle|textbooks?|magazines?|movies?|films?|anime|tv (shows?|series)|episodes?|paid|premium|subscri\\w+|members?[- ]only|paywall\\w*|someone else'?s|other people'?s|" +
  PLATFORMS;
const CAPTURE =
  'screenshot\\w*|screen-?shot\\w*|screen[- ]?captur\\w*|screen[- ]?record\\w*|screen ?grab\\w*|captur\\w*|record\\w*|page through|flip through|turn(ing)? (the |each |every )?pages?';
const REPUBLISH =
  'upload\\w*|re-?upload\\w*|publish\\w*|republish\\w*|post (them|it|the \\w+)|host\\w*|shar(e|es|ing) (them|it|the \\w+)|sell\\w*|distribut\\w*|(my|our) (own )?(site|server|discord|channel|blog|app|telegram)|pdfs? (to|for|on) (share|sell|post|upload|distribut)';
// What people refused (cookies, tracking, consent) and the acts that identify or follow them anyway.
const REFUSED =
  "((declin\\w*|reject\\w*|refus\\w*|opt(ed|s|ing)?[- ]out( of)?|said no to|den(y|ies|ied)|did(n'?t| not) (consent|agree)( to)?) ([\\w']+ ){0,4}(cookies?|tracking|consent|(the )?(cookie |consent )?banner|analytics|ad tracking|app tracking transparency|att|do not track|dnt)|(block\\w*|disabl\\w*|turn\\w* off|clear\\w*|delet\\w*) (their |the |all )?(third[- ]party )?(cookies|tracking|trackers|ad ids?)|(do not track|dnt|gpc|global privacy control) (is )?(on|enabled|set|header))";
const TRACK =
  '(fingerprint\\w*|identif(y|ies|ied|ying)|re-?identif\\w*|recogni[sz]\\w*|track\\w*|link\\w*|tie|ties|tying|match\\w*|follow\\w*|respawn\\w*|recreat\\w*|regenerat\\w*|zombie cookies?|evercookie|anyway|regardless)';
// Where a re-identified person ends up named: real names, a voter file, a home address.
const NAMED =
  '(figure out|find out|work out|identify|see|know|tell) (who|which (employee|person|user|student|respondent|patient)) (\\w+ )?(wrote|posted|said|submitted|left|answered|is)|' +
  'specific (people|persons|individuals|users|riders|drivers|patients|customers|employees|respondents)|real (people|names|identities)|named (individuals|people)|(their|actual|true) (names|identities)|who (they|each (one|person|rider|user|patient)) (is|are|really are)|voter (files?|rolls?|records|lists?|registration)|public records|home address\\w*|linkedin|social media profiles|build (\\w+ )?profiles|identify (them|each|individuals|the (people|users|riders|patients))';

// Someone the user worked for: their customers are not the user's to take.
const FORMER_EMPLOYER =
  "i used to work (at|for)|my (former|old|previous|last|ex-?) ?(employer|job|company|workplace|firm)|(former|old|previous|last) (employer|job|company|workplace)'?s?|still have (the |my )?(admin |old )?(login|access|credentials)|before (i|we) (leave|quit|resign)|on my way out";

// Keys made for someone else's product: a keygen, "generate valid keys", the serial check analysed to mint keys. A generator for one's own product's licences is ordinary.
const NOT_OWN_PRODUCT =
  '^(?!.*\\b(our|my) (own )?([\\w-]+ ){0,2}(apps?|products?|software|saas|plugins?|games?|tools?|service|platform|licen[cs]e server|licensing|store)\\b)';
const KEYGEN_EN = [
  '\\b(keygens?|key ?gen(erator)?s?|(serial|licen[cs]e|product|activation|cd|registration) (key |number |code )?generators?|serial keys? for)\\b',
  '\\b(generat|produc|creat|mak|mint|forg|comput|spit)\\w* (out )?(\\w+ ){0,3}(valid|working|legit(imate)?|genuine|accepted|usable|real) (\\w+ ){0,2}(serials?|serial numbers?|keys|licen[cs]e keys|product keys|activation (keys|codes)|registration (keys|codes)|cd[- ]keys|codes|ones)\\b',
  '\\b(serial|licen[cs]e|activation|registration|product)[- ]?(key |code |number )?(checks?|validation|verification|algorithm|routine|logic|scheme)\\b.{0,120}\\b(generat|mint|forg)\\w*',
  '\\b(check|validat|verif)\\w* (the )?(serial|licen[cs]e|activation|registration|product)[- ]?(keys?|codes?|numbers?)\\b.{0,120}\\b(generat|mint|forg|outputs?|produc|spit)\\w*',
  '\\b(generat|mint|forg|outputs?|produc|spit|mak)\\w* (out )?(\\w+ ){0,2}(keys|serials|serial numbers|activation codes|licen[cs]es) that (pass|work|validate|are accepted|unlock)\\b',
].join('|');
// An app that keeps itself out of sight: its icon hidden, absent from the launcher, "stealth mode".
const ICON_HIDDEN_EN =
  "\\b(hid(e|es|den|ing)|remov\\w*|no|without an?) (the |its |an? |app'?s? )?(launcher |app |home[- ]screen )?icon\\b|\\bicon (is )?hidden\\b|\\b(hidden|invisible) (from|in|on) (the )?(launcher|app drawer|home screen|app list)\\b|\\b(doesn'?t|does not|won'?t|never|not) (show|appear)( up)? (in|on) (the )?(launcher|app drawer|home screen|app list|recent apps)\\b|\\bstealth[- ]?(mode|install\\w*)\\b|\\binvisible app\\b";
const WATCHED_EN =
  '\\b(locations?|gps|messages|sms|texts|calls|call logs?|mic|microphone|camera|keystrokes|photos|browsing|whatsapp|chats?|notifications|screenshots?|screen)\\b';
// Age as a price or a fee: a surcharge for customers over 65 (a senior discount is not one).
const AGED_EN =
  "\\b(customers?|clients?|users?|members?|passengers?|riders?|patients?|policyholders?|buyers?|guests?|borrowers?|tenants?|renters?|shoppers?|subscribers?|people|anyone|those)( who are| aged| over| above| older than| age){1,2} ?[1-9]\\d\\b|\\b(seniors?|elderly|retirees|pensioners|older (customers|clients|users|members|people|passengers|patients|policyholders|borrowers|tenants))\\b|\\bover-\\d\\ds\\b|\\b(customer|user|client|member|patient|passenger)'?s? age (is )?(above|over|greater than|>=?|more than)";
const PRICE_UP_EN =
  '\\b(surcharges?|extra (fee|charge|cost)s?|(pays?|charged?|costs?) ([$€¥£]?[\\w.%]+ ){0,2}more|higher (prices?|rates?|premiums?|fees?|fares?|apr|interest|deposits?)|mark ?ups?|price (bumps?|increases?|hikes?)|premium increases?|uplifts?|loadings?|(multiply|scale)\\w* (the )?(price|premium|rate|fee|fare|quote) by 1\\.\\d+)\\b|\\+\\d+ ?%|\\b\\d+ ?% (more|extra|higher|surcharge|uplift|loading)\\b';

export const EN_ACTS: { rights: CategoryCues; discrimination: CategoryCues; harm: CategoryCues } = {
  rights: intentOnly([
    defeatCue('keygen', new RegExp(`${NOT_OWN_PRODUCT}.*(${KEYGEN_EN})`)),
    cue('covert-app', near(ICON_HIDDEN_EN, WATCHED_EN, 120)),
    cue(
      'private-content',
      new RegExp(
        `\\b(private|locked|protected|hidden) (\\w+ )?(photos?|pictures?|messages?|accounts?|profiles?|posts?|videos?|channels?|groups?|repos?|documents|files)\\b|\\b${OTHER}'?s? (\\w+ ){0,2}(photos?|pictures?|messages?|emails?|passwords?|location|home address|${PLACES})\\b|\\b(from|into|to) ${OTHER}'?s? (\\w+ )?${PLACES}\\b`,
      ),
    ),
    cue(
      'covert',
      /\bwithout (him|her|them|their|his|my \w+|the owner|the user'?s?|users'?|employees'?|anyone'?s?)?\s?(knowing|noticing|knowledge|permission|consent|finding out)\b|\bwithout (telling|asking|informing) (him|her|them|anyone|the \w+)\b|\b(don'?t|do not) have (access|permission)\b|\bdidn'?t ask (him|her|them)\b|\b(he|she|they) (doesn'?t|don'?t|won'?t) (know|find out)\b|\bno need to (tell|update|ask|notify|inform|mention)\b|\b(secretly|covertly)\b|\bbehind (his|her|their|my \w+'?s?) back\b|\bso (he|she|they|nobody|no one) (won'?t|doesn'?t|don'?t|can'?t|never) (notice|know|find out|see it)\b|\bso (nobody|no one) (notices|knows|finds out)\b|\bsilently (replace|redirect|upload|collect|record|forward|exfiltrate|track|monitor|copy|swap|log|capture|send (their|his|her|users'?))\w*|\bwithout (showing |displaying )?(any |an? |the )?(recording |camera |mic(rophone)? )?(indicator|notification|status bar icon|permission dialog|permission prompt)\b|\bhide (the )?(recording |camera |mic(rophone)? |privacy )?indicator\b/,
    ),
    cue(
      'piracy',
      /\bpatch\w* (\w+ ){0,4}(licen[cs]e|serial|activation|trial)[- ](number )?(check|key|validation|verification)\b|\b(serial|licen[cs]e)[- ](number )?check (always )?returns? true\b|\bwithout a valid (key|licen[cs]e)\b|\b(drm|copy protection|copy-protection)s? (removed|stripped|cracked|off)\b|\b(i|we) (don'?t|do not) (have|own|hold) (the )?(rights|a licen[cs]e|licen[cs]es)\b|\b(re-?stream\w*|iptv)\b.{0,60}\b(premium|paid|pay-per-view|ppv|sports channels)\b|\bwithout (paying|buying|purchasing) (for )?(a |the )?licen[cs]e\b|\b(don'?t|do not|never) (care|worry) about (the )?licen[cs](e|ing)\b|\bignore the licen[cs]e\b|\bnon-?commercial\b.{0,80}\b(paid|commercial|sell\w*|monetiz\w*|our (product|app|saas))\b|\bjust rename (the )?(functions|variables|classes|identifiers)\b|\bcracked [a-z]+\b|\breset\w* (the )?(free )?trial\b|\bone licen[cs]e\b.{0,60}\b(all|every|\d+) (\w+ )?(agents|machines|seats|users|computers)\b|\bdon'?t have to (buy|pay for) it\b|\bbehind (the |a )?([\w.]+ ){0,3}paywall\b|\b(nulled|warez|crack(ed|ing)? (the |a )?(software|license|licence|game|app|password|version|build)|pirat\w+|torrent\w*|(bypass|unlock|remove|strip|crack|circumvent|get(s|ting)? around|skip)\w* (the |a )?(\w+ )?(drm|paywall|paywalled|license check|licen[cs]e (verification|validation)|activation|copy protection|premium lock)|paywalled|strip (the )?licen[cs]e|remove (the )?watermarks?|so i don'?t have to (pay|subscribe)|full version of .{1,30} for free|rips? .{0,30}\b(tracks|songs|videos|movies|shows|episodes|dvds|blu-?rays))\b/,
    ),
    cue(
      'rip-host',
      /\b(rip|ripp\w+)\b.{0,40}\b(netflix|spotify|hulu|disney|prime video|youtube|crunchyroll|shows|movies|episodes|music|streams)\b|\b(drm|netflix|spotify|hulu|disney|movies|shows|episodes)\b.{0,60}\bhost (them|it|copies)\b|\bpatch\w* (the )?(binary|exe|dll|jar|apk)\b.{0,60}\b(licen[cs]e|trial|activation|premium|paid|registration)\b|\blicen[cs]e check always\b/,
    ),
    cue(
      'paid-copy',
      near(
        '\\bpaid ([\\w-]+ )?(theme|plugin|font|software|app|course|template|asset|game|ebook|book|movie|music|vs code theme|content|videos?|posts?|articles?|newsletters?|\\w+ content)s?\\b',
        '\\b(free|publish|share|resell|sell|distribute|copy|clone|upload|patch|repost\\w*|bundl\\w*|open[- ]source|reus\\w*|dump\\w*)\\b',
        60,
      ),
    ),
    cue(
      'reupload',
      /\bre-?upload\w* (\w+ ){0,3}(from|of|by) (other|others'?|another|their|someone|other people'?s?)\b|\b(watermark|logo) (covering|over) theirs\b|\brepublish\w* (them |it )?(on|in|to) (our|my)\b/,
    ),
    cue(
      'appropriate',
      near(
        "\\b(competitor'?s?|rival'?s?|someone else'?s?|other (company|companies)'?s?|another company'?s?|their|stripe'?s?|apple'?s?|google'?s?)\\b",
        '\\b(decompil\\w*|reverse[- ]engineer\\w*|reuse|re-?upload\\w*|ship (it|them) as|as (our|my) own|rebrand\\w*|license (it|them) to|clone (it|their)|lift (their|the))\\b',
        60,
      ),
    ),
    cue(
      'paid-mirror',
      near(
        '\\bpaid\\b',
        '\\b(mirror\\w*|republish\\w*|re-?host\\w*|re-?upload\\w*|for free|to the public|publicly)\\b',
        60,
      ),
    ),
    cue(
      'others-key',
      /\b(api key|token|credentials?|login|password|account)s? (from|of|in) (their|the|a|someone|another|other|my friend'?s?|a friend'?s?)\b.{0,40}\b(bundle|app|site|page|repo|source|account|pull|stream|use)\b|\b(use|share)\w* (my |a )?(friend|roommate|ex|coworker|parent)'?s? (\w+ )?(login|password|account|subscription)\b/,
    ),
    cue(
      'paid-download',
      /\b(download|grab|save|scrape|dump)\w* (all |every )?(the )?(\w+ ){0,2}(videos|episodes|courses?|lectures|lessons|chapters|issues|movies|songs|tracks|ebooks?)\b.{0,30}\b(udemy|coursera|netflix|spotify|hulu|disney|crunchyroll|patreon|skillshare|masterclass|o'?reilly|kindle|audible|paid|premium|members?[- ]only|private)\b/,
    ),
    cue(
      'copy-work',
      /\b(copy|paste|reproduce|give me|print|output|dump|post|type out|write out) the (entire|full|whole|complete) (text|source|chapter|book|lyrics|article|novel|script|transcript)\b|\bdownloads? every (episode|chapter|issue)\b|\b(lyrics|full text) (to|of) (the )?(whole|entire|new|latest)\b|\bas (my|our) own\b|\bchapter by chapter\b|\bfull text of\b|\b(the )?(full|entire|whole|complete) lyrics\b/,
    ),
    cue(
      'strip-credit',
      /\b(strip|remove|delete|erase|drop)\w* (\w+ ){0,3}(copyright (headers?|notices?|lines?)|licen[cs]e (headers?|files?|notices?|text)|attribution|author (names?|credits?)|credits)\b.{0,80}\b(our own|relabel|rebrand|proprietary|sell|ours|our product|closed[- ]source)\b|\b(relabel|rebrand|white-?label)\w* (it|this|them) as\b|\brelicens\w* (it|this|them|the \w+) (as|under) (proprietary|closed|commercial|our own|mit)\b|\bso (nobody|no one) (can tell|knows|notices|finds out) (where|that) it (came|comes|was) from\b|\bpass (it|this|them) off as\b/,
    ),
    // Identifying people by matching their faces to social profiles; no defensive purpose makes that consented.
    undefendedCue(
      'face-match',
      /\b(match|compar|identif|recogni[sz]|tag)\w* .{0,40}\bfaces?\b.{0,60}\b(linkedin|facebook|instagram|social media|profile (pictures|photos)|dating)\b|\bfaces? (\w+ ){0,2}(against|with) (\w+ ){0,2}(linkedin|facebook|instagram|social media|profile)\b/,
    ),
    cue(
      'likeness',
      /\bdeep-?fake\w*|\bface[- ]?swap\w*|\bswaps? ([\w-]+'?s? ){0,3}face|\b(put|paste|superimpose|overlay)\w* (\w+'?s? ){0,2}face (on|onto|into)\b|\bclone (\w+'?s? ){0,3}voice|\bvoice (clone|cloning)\b|\b(train|fine-?tune)\w* (a |an )?(\w+ )?(voice|face|image|lora)? ?(model )?on (my |his |her |their |a )?\w+'?s? (voicemails|voice|photos|face|selfies|recordings)\b|\bmake (him|her|them) say\b|\bnudes? of\b|\bundress\w*/,
    ),
    cue(
      'celebrity-use',
      near(
        "\\b(celebrit(y|ies)|famous (person|people|actor|actress|singer)|influencer|idol|actor|actress)'?s? (\\w+ ){0,2}(photos?|face|image|likeness|voice|name)\\b",
        '\\b(ads?|advert\\w*|marketing|promo\\w*|endorse\\w*|thumbnails?|merch|sell|app icon|ringtones?)\\b',
        40,
      ),
    ),
    cue(
      'brand-copy',
      /\b(exact|identical|basically|essentially|just like|copy of) (the |their |a )?(\w+ )?(sprite|logo|mascot|character|trademark|branding)\b|\b(pikachu|pokemon|mario|nintendo|mickey|disney|marvel|ghibli|totoro|hello kitty|spongebob|minecraft|zelda|doraemon|star wars)\b.{0,60}\b(icon|logo|sprite|mascot|merch|steam|app store|selling|sell|commercial|our (game|app|product))\b/,
    ),
    cue(
      'leaked',
      /\bleak(ed|s)? (\w+ ){0,2}(passwords?|credentials|source( code)?|code|data(bases?)?|dumps?|keys?|tokens?)\b|\b(grab|extract|pull|steal|rip|lift)\w* (the )?(\w+ ){0,2}(api keys?|secrets?|tokens?|credentials|assets|sprites|models?|fonts?|font files|icons|textures|sound effects|music|audio files) (\w+ )?(from|out of) (this |that |another |other |someone else'?s? |their |a )?(\w+'?s? )?(app|apk|ipa|binary|game|site|extension)\b/,
    ),
    cue(
      'others-data-use',
      /\b(linkedin|facebook|instagram|twitter|tiktok|dating[- ]app) (profile )?(photos|pictures|selfies)\b.{0,60}\b(train|dataset|face recognition|model)\b|\b(train|fine-?tune)\w* (a |an |our )?(\w+ )?(model|ai|lora|network) on (\w+ ){0,3}(users'?|customers'?|their|someone'?s?|an? artist'?s?|his|her|other people'?s?|employees'?) .{0,20}\b(photos|faces|art|artwork|drawings|voices?|images|books|code|messages)\b|\b(sell|share|give)\w* (it |them |the data |this |their data )?(to|with) (advertisers|data brokers|third parties|marketers)\b|\brepost\w* (\w+ )?(paid|premium|subscriber|patreon|onlyfans|members?[- ]only)\b/,
    ),
    cue(
      'scrape-pii',
      new RegExp(
        `\\b(scrap|crawl|harvest|collect|pull|extract|export|compil|gather|grab|dump|cop(y|ies))\\w*\\b.{0,80}\\b(${PII}|names)\\b.{0,80}\\b(sell|resell|outreach|leads|spam|marketing list|broker|mailchimp|audience|newsletter|mailing list|crm|hubspot|salesforce|prospect\\w*|lead (spreadsheet|list|db|database)|sales team|without (their|consent|permission|asking))|\\b${PII}\\b.{0,40}\\b(to sell|for sale|so (i|we) can sell)\\b|\\bsell (the|this|that|a|our) (list|data|emails|leads|database)\\b`,
      ),
    ),
    cue(
      'redistribute',
      /\bso (i|we) can (share|repost|resell|sell|upload|redistribute|reupload|host) (them|it)\b|\b(personal|private) (emails|data|information|phone numbers)\b.{0,30}\bto sell\b|\b(book|ebook|textbook|novel)s?\b.{0,40}\b(into|on|to) (our|my|the) (wiki|docs|blog|site|drive|server|discord|slack)\b/,
    ),
    cue(
      'surveil',
      /\b(employee|employees'?|staff|coworkers?'?|wife'?s?|husband'?s?|girlfriend'?s?|boyfriend'?s?|partner'?s?|roommate'?s?|everyone'?s?|people'?s?|users'?) (\w+ )?(slack |private |personal |direct )?(dms|direct messages|private messages|keystrokes|browsing history|screens?)\b.{0,60}\b(forward|personal email|without|secretly|to me|to my)\b|\b(log|capture|record|forward|intercept|screenshot)\w* (all |every )?(\w+ )?(slack |private |direct )?(dms|direct messages|private messages|keystrokes)\b|\bspy(ing)? on\b|\bhidden camera\b|\bsecretly record\w*/,
    ),
    cue(
      'deanonymise',
      /\b(full|real) name and (employer|address|workplace|home)\b|\bwho (left|wrote|posted) (this|that|the) (\w+ )?(review|comment|post|tweet)\b|\b(figure out|find out|identify|work out) (which|who) (\w+ )?(wrote|posted|left|is behind)\b|\bdownload\w* .{0,40}\bre-?upload\w*/,
    ),
    defeatCue(
      'deanonymise-users',
      /\bde-?anonymi[sz]\w*|\bre-?identif\w* (the |our )?(\w+ )?(users|people|patients|respondents|records)\b/,
    ),
    cue(
      'doxxing',
      /\bwho (it|they|he|she) (really )?(is|are) (irl|in real life)\b|\b(correlat|match|link|cross-referenc)\w* .{0,60}\bto (figure out|find out|identify|work out) who\b|\b(home address|real name|phone numbers?) (of|for) (this|that|a) \w+|\bdox+(ing)?\b|\bfind (out )?(where|who) (he|she|they|this \w+) (lives?|is|works?)\b|\bwho is behind (this|that|an?) (anonymous )?\w+|\bunmask\b|\bcollects? (people'?s|users'?) (names|phone numbers|addresses|emails)\b|\btrack (my|his|her|their|someone'?s?) .{0,20}location\b|\bfinds? (a |the )?(person'?s?|someone'?s?|their|his|her) (home address|real name|identity|address|workplace)\b|\b(home address|real name|identity|where (he|she|they) lives?)\b.{0,40}\bfrom (their|his|her|a|the) (github|username|photos?|commits?|ip|email)\b/,
    ),
    // Users' personal data handed to brokers, advertisers or other third parties: the people it is about did not sign up for that.
    cue(
      'data-sale',
      new RegExp(
        `\\b(sell|sells|selling|sold|monetiz\\w*|rent|license)\\b (\\w+ ){0,3}(users'?|customers'?|members'?|patients'?|riders'?|subscribers'?|their|our users'?|people'?s?) (\\w+ )?(${PERSONAL_DATA_EN}|data|logs|history|profiles)\\b|\\b(${PERSONAL_DATA_EN})\\b.{0,80}\\b(to|with) (a |an |our |the |their |some )?(data[- ]brokers?|ad(vertising)? (partners?|networks?)|advertisers|marketers|marketing partners|data partners|insurers|insurance (companies|agents|partners?)|lead buyers)\\b`,
      ),
    ),
    // Defeating a licence or copy-protection check, generating keys, unlocking paid content without paying.
    defeatCue(
      'licence-bypass',
      new RegExp(
        `\\b(${PROTECTION}|(subscription |premium |pro |paid[- ]feature )?entitlements?|(purchase|receipt|subscription) (validation|verification|status))\\b((?!\\b(stop|prevent|protect|detect|against|harden|tamper|cannot|can'?t|verif|tests?)\\w*)[^.?]){0,80}\\b(force (it |them )?to return (true|premium|pro)|return (premium|pro|ispremium)|patch(ed|ing)? (it|the (jump|branch|compare|comparison|check|call|binary|exe|dll))|nop(ped|ping)? (it |the \\w+ )?out|jne|jnz|jz|jmp|always return(s)? true|return true|bypass\\w*|crack\\w*|circumvent\\w*|defeat\\w*|neutrali[sz]\\w*)\\b|\\b(${DEFEAT})\\w* (the |its |their |a |this )?(\\w+ ){0,3}${PROTECTION}\\b|\\b(crack|cracking)\\b (the |this |a )?(\\w+ ){0,2}(protection|drm|ilok|denuvo|activation|licen[cs]e|serial|plugin|vst)\\b|\\bkms (server|activator)\\b|\\bunlock\\w* (the |all )?(\\w+ ){0,2}(paid|premium|pro) (dlc|features?|content|skins?|levels?|version|tier)\\b.{0,40}\\b(without (paying|buying|a licen[cs]e|purchas\\w*)|for free)\\b|\\b(premium|pro|plus|unlocked) mod apk\\b|\\bmod apk\\b.{0,30}\\b(premium|pro|unlocked)\\b|\\bnot (buying|paying for) (a |the )?licen[cs]e\\b`,
      ),
    ),
    // A watermark protects its owner's work: removing it defeats that protection (see Cue.defeats).
    defeatCue(
      'watermark',
      /\b(remov|strip|eras|delet|clean|inpaint|get rid of|crop)\w* (\w+ ){0,3}watermarks?\b|\bwatermarks? (off|out of)\b|\bwatermarks?\b((?!\b(add|adding|apply|applying|stamp|embed|overlay|put|burn)\w*\b)[^.]){0,60}\b(inpaint\w*|(remov|eras|strip|mask|clean|crop|paint|blur|cover|hid)\w* (it|them)( out| off| away| over)?\b|get rid of (it|them))/,
    ),
    // Pages or frames of commercial or paywalled media captured one by one and put up again.
    cue(
      'capture-copy',
      new RegExp(
        `^(?!.*\\b((my|our) own (manga|comics?|course|videos?|streams?|content|book|ebook|articles?|shows?|podcast)|bugs?|crash\\w*|reproduc\\w*|repro|bug reports?|support tickets?|visual regression)\\b).*(\\b(${MEDIA})\\b.{0,80}\\b(${CAPTURE})\\b|\\b(${CAPTURE})\\b.{0,80}\\b(${MEDIA})\\b).{0,150}\\b(${REPUBLISH})\\b`,
      ),
    ),
    // A commercial game's sprites, music or models pulled out of its files to be used in another game.
    cue(
      'rip-assets',
      /\b(rip|rips|ripp\w*|extract\w*|dump\w*|unpack\w*|pull\w*|grab\w*|export\w*|lift\w*|steal\w*|datamin\w*|yank\w*)\b.{0,80}\b(sprites?|textures?|music|soundtracks?|sound effects|sfx|audio|3d models?|models|meshes|animations?|voice lines|character art|tilesets?|assets?)\b.{0,80}\b(out of|from) (?!(my|our) )(.{0,60}\b(asset ?bundles?|\.pak|pak files?|\.assets|uassets?|game files|apk|ipa|games?|assetstudio|assetripper|unitypy|umodel|fmodel|quickbms|ninja ?ripper))\b.{0,150}\b(reuse|re-use|use (them|it|those|these|the \w+) (in|for)|in my (own )?(game|project|app)|for my (own )?(game|project|app)|sell\w*|steam|itch(\.io)?|commercial\w*|ship\w*|put (them|it) in)\b/,
    ),
    // People who refused cookies or tracking, identified or followed anyway.
    defeatCue(
      'track-refusers',
      new RegExp(
        `^(?!.*\\b(respect\\w*|honou?r\\w*|stop (tracking|collecting|fingerprinting)|(don'?t|do not|never|no longer|not|won'?t) (track|fingerprint|identify|collect|load|set|fire|drop|recreate|respawn|rebuild|regenerate|restore)|exclud\\w*|skip (them|those|these)|suppress\\w*)\\b).*(\\b${REFUSED}\\b.{0,100}\\b${TRACK}\\b|\\b(fingerprint\\w*|identif\\w*|track\\w*|recogni[sz]\\w*)\\b.{0,80}\\b(visitors|users|people|customers|those|anyone|everyone)( who| that)? (\\w+ )?${REFUSED}\\b|\\b(evercookies?|zombie cookies?|respawn\\w* (\\w+ )?cookies?)\\b)`,
      ),
    ),
    // Anonymised records joined with other data until the people in them are named again.
    defeatCue(
      'reidentify',
      new RegExp(
        `\\b(anonymi[sz]ed|de-?identified|pseudonymi[sz]ed|masked|hashed|redacted|aggregated|scrubbed)\\b.{0,150}\\b(link\\w*|join\\w*|match\\w*|merg\\w*|cross-?referenc\\w*|tie|ties|tying|map\\w*|combin\\w*|correlat\\w*|back out)\\b.{0,100}\\b(${NAMED})\\b`,
      ),
    ),
    // Content from a subscription platform re-hosted where others get it without the platform.
    cue(
      'rehost',
      near(
        `\\b(${PLATFORMS})\\b`,
        `\\b(upload|re-?upload|host|mirror|rehost|republish|clone|cop(y|ies)|re-?encod|rip|serv)\\w*\\b.{0,60}\\b${OURS}\\b|\\b(onto|into|to|on) ${OURS}\\b`,
        100,
      ),
    ),
    cue(
      'rip-disc',
      /\b(rip|ripp\w+|decrypt\w*)\b (\w+ ){0,3}(blu-?rays?|bds?|dvds?|cds)\b.{0,80}\b(upload|host|stream|share|site|distribut\w*|sell|subtitl\w*)/,
    ),
    // Taking a former employer's customers along.
    cue(
      'former-employer',
      near(
        `\\b(customer|client|user|member|contact|patient|donor|lead|subscriber)s?'? (names|lists?|data|database|emails?|e-?mail addresses|addresses|records|contacts|info\\w*|details|phone numbers|csv|spreadsheet|export)\\b`,
        `\\b(${FORMER_EMPLOYER})\\b`,
        120,
      ),
    ),
    cue(
      'evade-rights',
      /\bso (the )?(copyright (holder|owner)s?|labels?|publishers?|authors?|rights? ?holders?|dmca bots?|content ?id|artists?) (won'?t|doesn'?t|can'?t|never|don'?t) (notice|find|detect|catch|see|flag)\b|\b(evade|avoid|bypass|fool|trick|get past|dodge)\w* (\w+ ){0,2}(content ?id|copyright (detection|filters?|bots?|strikes?|claims?)|dmca (bots?|takedowns?))\b/,
    ),
    // Naming strangers by their faces: people at an event, in footage or passing by, matched to names or profiles.
    cue(
      'face-identify',
      /^(?=.*\bfaces?\b)(?=.*\b(every (person|one|attendee|guest|customer|passer-?by|employee|student|visitor|shopper)|everyone|strangers?|passers?-?by|pedestrians|attendees|guests|shoppers|customers|visitors|people (in|at|on|walking|passing|who)|crowds?|cctv|security (camera|footage)|footage|street|party|event|conference|protest)\b)(?=.*\b(tag\w*|names?|identif\w*|linkedin|facebook|instagram|social (media )?profiles?|who (they|he|she) (are|is))\b)(?=.*\b(match\w*|recogni[sz]\w*|identif\w*|compar\w*|look\w* up|search\w*)\b)/,
    ),
    cue(
      'voice-likeness',
      /\b(famous|celebrity|popular|well-known|real) (voice actor|actor|actress|singer|youtuber|streamer|vtuber|anime voice)'?s? voice\b|\bvoice (model|clone) of (the |a |that |this )?(\w+ )?(voice actor|actor|actress|singer|streamer|celebrity|youtuber|vtuber)\b|\bvoice of (a |the )?(famous|celebrity|popular|well-known) \w+|\b(sound|talk|speak)s? (exactly )?like (a |the )?(famous|celebrity|popular|well-known) \w+/,
    ),
    // Data of people who left a service, kept and reused for something else.
    cue(
      'departed-users',
      /\b(deleted|closed|cancel+ed|former|churned|unsubscribed|departed) (accounts?|users?|members?|customers?)'?s?\b.{0,60}\b(reus\w*|repurpos\w*|keep (using|emailing|mailing)|sell\w*|import\w* (them |it )?into|use (them|their \w+) (for|in|as))\b/,
    ),
    // A model trained on one artist's or real person's work or likeness, to sell or without them.
    cue(
      'style-clone',
      /^(?=.*\b(train\w*|fine-?tun\w*|lora|dreambooth)\b)(?=.*\b(artist|illustrator|painter|photographer|author|celebrity|actor|actress|singer|voice actor|streamer|youtuber|mangaka)'?s? (\w+ ){0,2}(art|artwork|portfolio|style|drawings|works?|photos|faces?|voice|books|illustrations)\b)(?=.*\b(sell|commercial|merch|in (his|her|their) (exact )?style|without (paying|asking|permission|credit|consent)|sounds? exactly like)\b)/,
    ),
    cue(
      'identify-stranger',
      /\b(photo|picture|image|snapshot) of (any|a random|some|a|an) (person|stranger|woman|man|girl|guy|passer-?by)\b.{0,80}\b(returns?|finds?|gets?|shows?|gives?|looks? up) (their|his|her) (name|identity|profiles?|address|employer|socials)\b|\bpimeyes\b/,
    ),
    // Everyone's contact details or photos collected from a place they posted in or a service they use.
    cue(
      'mass-pii',
      new RegExp(
        `\\b(scrap|crawl|harvest|collect|extract|grab|pull|dump)\\w* .{0,40}\\b(home address\\w*|addresses|phone numbers|personal (data|info)|real names|locations?|selfies|profile (photos|pictures))\\b.{0,30}\\b(of|from) (everyone|every (user|member|person|poster|follower|attendee)|all (the )?(users|members|posters|followers|people|attendees))\\b`,
      ),
    ),
    cue(
      'profile-person',
      near(
        `\\b${OTHER}`,
        '\\b(home address|workplace|daily (schedule|routine)|whereabouts|licen[cs]e plate|commute)\\b',
        60,
      ),
    ),
  ]),
  discrimination: intentOnly([
    // A xenophobic line sent to people picked out by their origin: "go back to your country".
    cue(
      'go-back',
      /\bgo back to (your|their|his|her|where (you|they) came from)( own)?( country)?\b|\bgo home,? (foreigner|immigrant)s?\b/,
    ),
    undefendedCue('age-pricing', near(AGED_EN, PRICE_UP_EN, 80)),
    // Insults about a group produced on demand (a generator, a bot, a list): nothing a defence would build.
    undefendedCue(
      'group-insult',
      new RegExp(
        `^(?!.*\\b(detect|flag|filter|block|moderat|classif|report|remov|hid(e|ing)|censor|catch|screen|avoid|prevent|without|never|don'?t)\\w*)(?=.*\\b(generat\\w*|write|make|create|build|bot|list|give me|come up with|random|app|tool)\\b).*(\\b(${GROUPS})\\b.{0,40}\\b(insults?|slurs?|(mean|racist|offensive|cruel|nasty|demeaning|derogatory|sexist|bigoted) (jokes?|nicknames|names|memes?|lines|comments)|jokes (making fun of|mocking|about how)|roasts?|mocking|ridicul\\w*|demeaning|derogatory|stereotyp\\w*|trash[- ]talk\\w*)\\b|\\b(insults?|slurs?|(mean|racist|offensive|cruel|nasty|demeaning|derogatory|sexist|bigoted) (jokes?|nicknames|names|memes?|lines|comments)|jokes (making fun of|mocking|about how)|roasts?|mocking|ridicul\\w*|demeaning|derogatory|stereotyp\\w*|trash[- ]talk\\w*)\\b.{0,40}\\b(${GROUPS})\\b)`,
      ),
    ),
    undefendedCue(
      'protected-feature',
      /\b(add|use|include|feed|put|keep)\w* (the )?(\w+'?s? )?(religion|ethnicity|race|nationality|gender|sex|caste|disability|pregnancy|sexual orientation|marital status)\b((,|,? and|,? or) (the )?(\w+'?s? )?(religion|ethnicity|race|nationality|gender|sex|caste|disability|pregnancy|sexual orientation|marital status)){0,3} (as|into) (an? )?(input |model |categorical )?(features?|variables?|factors?|signals?|inputs?)\b/,
    ),
    undefendedCue('protected-decision', near(`\\b(${PROTECTED})\\b`, `\\b(${DECIDE})\\b`, 80)),
    undefendedCue(
      'protected-profiling',
      /\b(infer|guess|predict|identify|figure out|work out|find out|determine|list|tag|label|flag)\w* (\w+ ){0,4}(who (is|are|might be|may be)|which \w+ (is|are)|whether \w+ (is|are)|as) (gay|lesbian|bisexual|trans\w*|queer|pregnant|muslim|jewish|religious|disabled|mentally ill|hiv positive|undocumented|illegal)\b/,
    ),
    cue(
      'protected-derogation',
      near(
        `\\b(${PROTECTED})\\b`,
        "\\b(unreliable|incompetent|lazy|stupid|dumb|inferior|a liability|a burden|can'?t be trusted|less (capable|intelligent|productive|committed)|too (emotional|dumb|old|slow)|dirty|criminals)\\b",
        60,
      ),
    ),
    cue(
      'group-derogation',
      near(
        `\\b(${GROUPS})\\b`,
        "\\b(too (dumb|stupid|lazy|old|slow)|dumb|bad (drivers|at \\w+)|can'?t (drive|be trusted)|untrustworthy|smell\\w*|stink\\w*|cheap|loud|rude|inferior|less intelligent|stupid|lazy|dirty|ruining|worst|dangerous|criminals?|thie(f|ves)|rapists?|drug dealers?|terrorists|a cult|don'?t belong|(aren'?t|are not|not) welcome|shouldn'?t be|should not be|should be banned|mocking|too emotional|not (smart|capable|suited|fit) (enough )?(to|for)|can'?t (code|lead|keep up|be trusted)|bad at|worse at|pay .{0,20}less|lower (pay|salar(y|ies)|wages)|not (be )?promot\\w*|never promot\\w*|segregat\\w*)\\b",
        60,
      ),
    ),
    cue(
      'exclusion',
      /\b(don'?t|do not|won'?t|never) (hire|rent to|accept|serve|promote)\b|\bno (foreigners|women|immigrants|blacks|asians|gays|single mothers|disabled|muslims|jews|christians|arabs|mexicans|indians|gay people)( allowed)?\b|\bonly (got|gets|was hired|hired|got in|was promoted) .{0,40}because (she'?s|he'?s|they'?re|she is|he is|they are) (black|a woman|female|gay|asian|indian|hispanic|latina|latino|a minority|disabled|trans)\b|\b(women|people) over \d\d\b/,
    ),
    cue(
      'ridicule',
      /(?<!\b(never|not|no|without|don'?t|doesn'?t|won'?t|avoid|avoids) )\b(insults?|slurs?|jokes? (making fun|about)|makes? fun of|making fun of|ridicul\w+|mean (nicknames?|jokes?)|offensive (\w+ )?(jokes?|kind|memes?|names|nicknames?|words|terms)|(funny |mean )?names to call|roast (of|my (?!(\w+ )?(code|pr|pull request|repo|function|script|resume|cv|website|site|app|design|ui|essay|draft|sql|query|commit|project|portfolio|logo|setup|config|dotfiles|readme|architecture|css|regex|api|schema|tests?)\b)|him|her|them)|mocking (people|him|her|them|my|\w+ people)|(mock\w*|make fun of|roast\w*|jokes? about) (\w+'?s? ){0,3}(stutter|accent|weight|sexuality|religion|disability|appearance|looks|skin|race)|(jokes?|memes?) (mocking|making fun of)|call (him|her|them) (stupid|lazy|an idiot|incompetent|useless))\b/,
    ),
    cue(
      'rank-groups',
      /\brank (these |the )?(ethnic|racial|religious|national)\b|\b(ethnic|racial) groups? from best\b/,
    ),
    cue(
      'hoax',
      /\b(hoax|fake news|disinformation|false (claims?|rumou?rs?|story|allegations?)|made-up (story|claims?|allegations?)|lie about (him|her|them|my \w+))\b/,
    ),
    cue(
      'rival-rating',
      near(
        "\\b(competitors?|rivals?|the (shop|store|restaurant|cafe|salon|clinic) (next door|across the street|down the street))'?s?\\b",
        '\\b(1|one)[- ]star\\b|\\b(negative|bad|fake) (\\w+ )?(reviews|ratings)\\b|\\b(tank|drag down|lower)\\w* (their|its) (rating|score|stars)\\b',
        60,
      ),
    ),
    cue(
      'defamation',
      /\b(\d+|dozens of|hundreds of) (realistic |fake |negative |different )?(one|1|two|2)[- ]star (\w+ )?reviews\b|\b(\d+|dozens of|hundreds of) (realistic |fake )?negative (\w+ )?reviews\b|\b(fake (negative |bad |1-star |one-star )?(\w+ )?reviews?|spread (a )?rumou?rs?|defam\w+|slander\w*|smear|ruin (his|her|their) (reputation|career)|(lose|loses) (his|her|their) (next )?(job|career|clients|reputation))\b|\bspread\b.{0,40}\bthat\b/,
    ),
    cue(
      'accuse-publicly',
      near(
        '\\b(saying|calling|claiming|implying|accusing|reviews?|articles?|posts?|tweets?|threads?|blog|comments?|press release|flyers?)\\b',
        `\\b(${ACCUSATION})\\b`,
        60,
      ),
    ),
    cue(
      'unfounded',
      near(
        '\\b(post|tweet|thread|review|article|blog|comment|message|email|linkedin|reddit|glassdoor|press release|rumou?r|story|accus\\w*)\\b',
        "\\b(no proof|without (any )?(proof|evidence)|no evidence|don'?t have (any )?(proof|evidence)|made[- ]up|not true|isn'?t true|(he|she|they) didn'?t|sound credible|look credible|make it (sound|look) (real|true|credible|believable))\\b",
        100,
      ),
    ),
    cue(
      'proving-group',
      /\b(prove|proving|explain why|arguing( that)?|claiming that|why are)\b.{0,40}\b(immigrants|women|foreigners|people from|races?|ethnic|gay|religion|muslims|jews|poor people|\w+ people)\b.{0,20}\b(so|are|is|shouldn'?t|should not|can'?t)\b/,
    ),
  ]),
  harm: intentOnly([
    cue('covert-app', near(ICON_HIDDEN_EN, WATCHED_EN, 120)),
    cue(
      'trojan',
      /\b(looks? (legit|legitimate|normal|harmless|innocent|real|like an? [\w'-]+( [\w'-]+){0,2})|disguised as|masquerad\w* as|posing as)\b.{0,80}\b(but|while|that|and)\b.{0,60}\b(delet|corrupt|wip|encrypt|mine|mines|mining|steal|sends?|upload|exfiltrat|forward)\w*|\b(silently|quietly|secretly|covertly)\b (\w+ ){0,2}(corrupt|delet|wip|encrypt|steal|mine|mines)\w* (\w+ ){0,4}(files|documents|data|crypto|cookies|passwords|tokens|cpu|folders?)\b/,
    ),
    cue(
      'phish-lure',
      near(
        '\\b(clon|cop|replicat|mimic|fake|lookalike|spoof)\\w* (\\w+ ){0,3}(login|log-in|sign-?in|sso|okta|auth\\w*|password reset|bank\\w*) (page|screen|portal|form|site)\\b',
        '\\b(credentials|passwords?|whatever (they|users|people) (type|enter)|what (they|users|people) (type|enter)|send (the |a )?link to|email (it|the link) to|to all (students|employees|staff|users|customers))\\b',
        100,
      ),
    ),
    cue(
      'phish-clone',
      /\b(clon\w+|cop(y|ies)|replicat\w+|mimic\w*|lookalike)\b.{0,60}\b(login|log-in|sign-?in|sso)\b.{0,100}\b(credentials|passwords?|usernames?)\b.{0,40}\b(my|our) (own )?(server|endpoint|webhook|email|inbox|site|database)\b/,
    ),
    // A cheat used on other players; writing the anti-cheat that catches one is the defence.
    undefendedCue(
      'cheat',
      /^(?!.*\b(anti-?cheat|cheat detection|(detect|catch|flag|block|ban)\w* (\w+ ){0,3}(aim ?bots?|wall ?hacks?|cheat\w*))\b).*?\b(aim ?bots?|wall ?hacks?|trigger ?bots?|esp hacks?|mod menus?)\b/,
    ),
    cue(
      'ransom',
      /\bransom (note|demand|message|screen)\b|\bencrypt\w* .{0,60}\b(btc|bitcoin|monero) (address|wallet|payment)\b|\bdecrypt(ion)? key .{0,30}\b(pay|payment|bitcoin|btc)\b/,
    ),
    cue(
      'spam-evade',
      /\b(purchased|bought|scraped) (\w+ )?(lists?|emails|addresses)\b|\b(get|gets|getting) past (the |their )?spam filters?\b|\b(dodge|evade|avoid|bypass)\w* (the |their )?spam (filters?|detection)\b|\bspoof\w* the from (header|address)\b|\bsms bomb\w*/,
    ),
    defeatCue(
      'ban-evasion',
      /\b(get|getting) around (the |a |my |their )?(\w+ )?ban\b|\b(evade|evading|dodge|dodging|circumvent\w*|bypass\w*) (the |a |my |their )?(\w+ )?ban\b|\bbanned\b.{0,80}\b(new|fresh|rotat\w*|cycl\w*) (\w+ )?(accounts|proxies|ips)\b|\b(rotat|cycl)\w* (\w+ ){0,2}(proxies|ips|accounts)\b.{0,60}\b(keep posting|banned|ban)\b/,
    ),
    cue(
      'stalkerware',
      /\b(install|put|hide|sneak)\w* (\w+ ){0,3}on (my |his |her |their |someone'?s? )?(\w+'?s? )?(phone|laptop|pc|computer|iphone|android)\b.{0,80}\b(forward|send|upload|track|record|report)\w*\b.{0,40}\b(messages|location|gps|texts|calls|photos|keystrokes|browsing)\b|\b(hides?|hidden) (its|the app'?s?) icon\b.{0,80}\b(location|messages|gps)\b|\b(location|messages|gps)\b.{0,80}\b(no|without an?|hide\w*) (the )?(app )?icon\b/,
    ),
    cue(
      'pile-on',
      /\b(sock ?puppets?|alt accounts|burner accounts|fake accounts|\d+ accounts)\b.{0,80}\b(repl(y|ies)|comment\w*|message\w*|dm\w*|tag\w*|mention\w*|insult\w*)\b|\buntil (she|he|they) (quits?|leaves?|deletes?|gives up|logs off)\b|\bsign\w* (\w+'?s? ){0,3}(email|e-mail|address|number|phone)( address)? up (to|for)\b/,
    ),
    cue(
      'stalk',
      /\b(watch|monitor|track|follow)\w* (one |a |this )?(particular |specific |certain )?(woman|man|girl|guy|person)'?s?\b.{0,100}\b(where (she|he|they) (is|are|lives?)|location|whereabouts)\b/,
    ),
    cue(
      'attack-tool',
      /\b(ddos|dos attack|keyloggers?|ransomware|malware|trojans?|botnet|spyware|stalkerware|rootkit|worms?|logic bombs?|time bombs?|zip bombs?|fork bombs?|backdoors?|info-?stealers?|(token|cookie|credential|password|session) (grabber|logger|stealer|harvester)s?|crypto-?jack\w*|(crypto|bitcoin|monero|xmr)[- ]?miners?|cryptominers?|reverse shell|crypter|self-(propagating|replicating)|phishing (page|site|email|kit|link)s?|make a phishing|(a|write a|create a) virus( that)?|fake (login|sign-?in) (page|screen|form)|credential dump\w*)\b(?![- ](like|style|ish|resistant|proof|protection|mitigation)\b| bugs?\b)/,
    ),
    cue(
      'spread-destroy',
      /\bspreads? (itself )?(over|via|through|across|to) (the |every |all )?(\w+ )?(network|machines?|computers?|smb|lan|hosts?)\b|\bwipes? (the |all |their |every )?(\w+ )?(drives?|disks?|hard drives?|machines?)\b|\bbricks? (any|the|their|a|his|her|every|someone'?s?) (\w+ )?(computer|pc|laptop|phone|iphone|device|machine|router|console)\b|\bcrash(es)? (any|every|his|her|their|my \w+'?s?) (\w+ )?(iphone|phone|device|computer|pc)\b/,
    ),
    cue(
      'victim-machine',
      /\b(the target|the victim|victims?)'?s? (machine|computer|pc|phone|device|network|browser)\b|\b(disables?|turn(s|ing)? off|kill(s|ing)?) (windows )?(defender|antivirus|the av|edr)\b|\b(runs?|executes?|infects?|installs?) on (everyone|anyone|every (user|machine|visitor))\b|\b(inject|add|put|insert|hide|sneak|slip)\w* .{0,40}\b(miner|backdoor|stealer|malware|keylogger|reverse shell)\b|\bpostinstall\b.{0,60}\b(miner|mining|steal\w*|exfiltrat\w*|ssh keys?|backdoor)\b/,
    ),
    cue(
      'keystrokes',
      /\brecords? (everything|all) (the )?(users?|people|they|he|she|visitors) (type|types|enter)\b|\b(capture|log|record)s? (\w+ )?(keystrokes|key ?presses|everything (users?|they) type)\b|\blooks? (exactly |just )?like (the real |the official )?(paypal|google|microsoft|apple|amazon|facebook|instagram|netflix|office ?365|outlook|gmail|coinbase|binance|steam|discord|(my |the |a )?bank\w*)\b.{0,60}\b(login|log in|sign in|password|2fa|otp|codes?|credentials|card|pin)\b/,
    ),
    cue(
      'credentials',
      /\bsteal(s|ing)? (\w+ ){0,3}(passwords?|credentials|cookies|sessions?|card (numbers|details)|credit cards?|wallets?|ssh keys|logins?|identity)\b|\bharvest(s|ing)? (\w+ ){0,2}(credentials|passwords|logins)\b|\bcollect (everyone'?s?|their|people'?s?|users'?|employees'?) (passwords|credentials|logins|tokens)\b|\bbrute[- ]?forc\w* (into |my |his |her |their |someone'?s? |the |a )?(\w+'?s? ){0,3}(account|password|login|wi-?fi|router)\b|\b(get|break|hack)s? into (my |his |her |their |someone'?s? |a |the )?(\w+'?s? ){0,2}(account|phone|email|computer|laptop|wi-?fi|server|network)\b|\bclone (my |his |her |their |a |someone'?s? )?(\w+'?s? )?(badge|key ?card|sim card|sim|credit card|rfid)\b|\bexfiltrat\w*/,
    ),
    cue(
      'disrupt-other',
      near(
        "\\b(neighbou?r|coworker|co-worker|colleague|roommate|flatmate|ex|boss|manager|school|university|teacher|classmate|competitor|rival|landlord|sister|brother|friend|wife|husband|girlfriend|boyfriend|office|company|employer|other players|opponents?)'?s? (\\w+ ){0,3}(clients?|laptop|computer|pc|phone|iphone|car|wi-?fi|router|network|server|site|website|smart home|hub|lights|printer|tv|console|camera|cameras|alarm|email|account|portal|system|app|stream|game|demo|shopping carts?|carts?|inventory|store|shop|listings|charger|tesla|thermostat|lock|garage)",
        '\\b(crash\\w*|freez\\w*|brick\\w*|blue ?screen|bsod|overload\\w*|overheat\\w*|slow (it |them )?down|lag|flicker\\w*|shut (it |them )?(down|off)|turn (it |them )?off|knock\\w* (\\w+ )?offline|take (\\w+ )?(down|offline)|disabl\\w*|break|hack\\w*|log(s|ging)? into|get into|spy\\w*|track\\w*)\\b',
        40,
      ),
    ),
    cue(
      'stalk-device',
      /\b(airtag|gps tracker|tracker|tile|tracking device|tracking app)s? (on|in|under|into|to) (his|her|their|my ex'?s?|someone'?s?|my (wife|husband|girlfriend|boyfriend|partner|ex|neighbou?r|coworker)'?s?)\b|\b(replace|swap|redirect|change)\w* .{0,40}\b(wallet address\w*|(crypto|bitcoin|btc|eth|wallet) addresses|bank account|iban|payment (address|details)|payout)\w* .{0,30}\b(mine|my own|my wallet|my account)\b|\bclipper\b|\b(deletes?|wipes?|encrypts?|corrupts?|steals?) (the |their )?(files|data|everything|passwords) (of|on|from) (anyone|everyone|whoever)\b/,
    ),
    cue(
      'fraud',
      /\b(scam\w*|defraud\w*|catfish\w*|trick (people|someone|him|her|them|users|my \w+) into|fake (gofundme|charity|fundraiser|invoice|donation|giveaway|lottery|prize|job offers?|store|shop|(\d+[- ]star|five[- ]star|5[- ]star|positive) reviews?)|(\d+|hundreds of|thousands of) fake (\w+ )?(reviews|ratings|accounts|followers|likes)|(card |atm )?skimm(er|ing)|inject\w* (\w+ ){0,2}ads|adware|pretending to be (from )?(the |my |a |his |her )?(bank|irs|police|government|ceo|boss|support)|(card|account) pin\b)\b/,
    ),
    cue(
      'bulk-buy',
      /\b(\d{2,}|hundreds of|dozens of|multiple|many|a bunch of) (accounts|alts|alt accounts|bots)\b.{0,80}\b(buy|purchas|snip|cop|grab|reserv)\w*\b.{0,60}\b(drops?|restocks?|tickets|sneakers|limited|gpus?|consoles?|stock|resell\w*|releases?)\b|\bauto-?(buy|checkout|clicks? (on )?buy)\w*\b.{0,80}\b(accounts|bot detection|captcha|queue|limit)\b/,
    ),
    cue(
      'threaten',
      /(?<!\b(detect|flag|filter|block|report|moderat)\w* (\w+ )?)\bthreat(ening)? (messages?|texts?|emails?|dms?|letters?|calls?|voicemails?)\b.{0,80}\b(send|to (her|him|them|my|his)|from (lots of|many|multiple|different) (numbers|accounts))|\b(show up|turn up|wait) (at|outside) (his|her|their) (house|home|place|work|office|school)\b/,
    ),
    cue(
      'scalp-jam',
      /\b(buy|auto-?buy|grab|snipe|cop)\w* (up )?(all|every)\b.{0,40}\b(resell|scalp\w*|flip)\b|\bscalp(ing|er|ers)\b|\bjam\w* (the )?(wi-?fi|signal|gps|cell|network|phone)\b|\braid\w* (the |their |a |discord |other )?servers?\b|\bselfbot\b|\b(put|mix|add|slip)\w* .{0,20}\b(in|into) (his|her|their|my \w+'?s?) (food|drink|coffee|water|lunch)\b|\b(his|her|their|\w+'s) (food|drink|coffee|lunch) (taste|smell)\b/,
    ),
    cue(
      'bodily',
      /\b(poison(ing)? (someone|somebody|him|her|them|my \w+|a person|people|the \w+)|how to poison|poison (\w+'?s? ){0,2}(dog|cat|pet|food|drink|coffee|water)|laxatives?|spike (his|her|their|someone'?s) drink|make (someone|him|her|them) (sick|ill)|slash\w* .{0,20}tires|hurt (someone|him|her|them)|without getting caught|untraceable|toxic gas|poisonous gas|chlorine gas|mix (bleach|ammonia)|bleach and ammonia|pipe bomb|molotov)\b/,
    ),
    cue('target-malice', near(`\\b${TARGET}`, `\\b(${MALICE})\\b`, 60)),
    cue(
      'flood',
      new RegExp(
        `(?<!\\b(loop|client|code|app|retries|retry|job|worker|script|service|function|test|tests)\\s)\\b(flood|spam|bomb)\\w*\\b.{0,30}\\b(servers?|inbox|chat|channel|forms?|comments?|phone|site|website|group|dms?|mentions|timeline|reviews?|voicemail|mailbox|notifications|calendar)\\b|\\b(mass[- ](report|dm|message|email|text|flag|downvote)\\w*|auto-?reports?|harass(ing|ed)? (him|her|them|someone|people|my|this|that|a|the|users|\\w+'s)|harassment campaign|stalk(ing|ed)? (him|her|them|someone|my|this|that|a|the)|stalk (him|her|them|someone|my|this|that|a|the)|cyberstalk\\w*|prank call\\w*|swat(ting)?|auto-?dial\\w*|robocall\\w*)\\b|\\b(\\d[\\d,]*k?|thousands of|hundreds of) (emails|messages|calls|texts|sms|newsletters)\\b.{0,30}\\b${OTHER}|\\b(call|text|message|email) ${OTHER}'?s? (phone )?.{0,20}every (minute|second|hour)|\\bsigns? (him|her|them|my \\w+|someone) up for\\b|\\breports? every (video|post|tweet|comment)\\b`,
      ),
    ),
    cue(
      'verification-farm',
      /\b(bypass|get around|circumvent|defeat|skip)\w* (the )?(sms|phone|email|identity|id|age|kyc|2fa|mfa|otp) ?(verification|check|codes?)\b|\bfarm\w* (\w+ )?(referral|signup|sign-up|promo|welcome) (bonuses|codes|credits|rewards)\b|\b(delet|drop|corrupt|wip)\w* .{0,40}\b(prod|production)\b.{0,60}\b(nobody|no one|without anyone|unnoticed|too late)\b/,
    ),
    cue(
      'evade-blame',
      /\b(without getting caught|can'?t be traced|untraceable|cover (my|our) tracks|so it looks like (an accident|someone else|it came from)|frame (him|her|them|my \w+|someone)|plant (evidence|it) on)\b/,
    ),
    cue(
      'false-alarm',
      /\bspoof\w* (a |an |the )?(911|caller ?id|emergency|call|number|sms)\b|\bfake (fire )?alarms?\b|\bfalse alarms?\b|\bbomb threats?\b|\btrigger\w* (the |all )?(fire )?alarms?\b/,
    ),
    cue(
      'sabotage',
      /\b(so (nobody|no one) else can|get (them|him|her|it) (banned|fired|suspended)|take down (my|our|their|a|the) \w+'?s? (site|website|server)|(wipe|delete|encrypt)s? (all )?(the )?files on (my|our|their|the) (company|school|office|work)|pretending to be (it|tech) support)\b|\b(before|after|when|once|if) (i|i'm|i am) (leave|quit|gone|fired|let go|laid off|terminated|resign\w*)\b.{0,60}\b(delete|wipe|drop|destroy|corrupt|encrypt|brick|crash|shut down|rm -rf)\b|\b(delete|wipe|drop|destroy|corrupt|encrypt)\w*\b.{0,60}\b(after|when|once|if) (i|i'm|i am) (leave|quit|gone|fired|let go|laid off|terminated)\b|\bdead ?man'?s? switch\b.{0,40}\b(delete|wipe|drop|destroy)\b/,
    ),
    // Traffic aimed at someone else's service until it falls over.
    cue(
      'dos',
      near(
        '\\b(requests?|rps|req\\/s|qps|traffic|connections|ddos|slowloris|loic|hoic|syn flood|hammer\\w*|flood\\w*)\\b',
        "\\b(so (it|they|their \\w+|the (site|server|api|app)) (goes?|go|falls?|fall|crash\\w*) (down|over|offline)?|take (it|them|their \\w+|the site) (down|offline)|falls? over|goes down|competitor'?s?|rival'?s?|ex-?employer'?s?|former employer'?s?|(their|a) (black friday|launch|sale|product launch)|can'?t block (us|me)|government site|bill goes through the roof)\\b",
        80,
      ),
    ),
    cue(
      'spam-run',
      /\b(submit|post|send|blast|spam)\w* (our |my |an? |the )?(ads?|advert\w*|promo\w*|marketing (message|pitch)|pitch|offer)\b.{0,60}\b(every|all|thousands of|\d+k?) (\w+ ){0,3}(contact forms?|forms|websites|sites|inboxes|comment sections)\b|\b(solv|bypass|defeat|break|crack)\w* (the )?(re)?captchas?\b.{0,40}\b(2captcha|anti-?captcha|capmonster|deathbycaptcha|solver|solving service|farm)\b|\b(2captcha|anti-?captcha|capmonster|deathbycaptcha)\b|\bspam ?(bots?|tools?|campaigns?)\b|\b(affiliate|casino|referral|promo)\w* links? .{0,60}\b(comments?|every|all|dms?|replies|issues)\b|\b(\d[\d,]*k?|thousands of|hundreds of) (sms|texts|emails|messages|dms) (a|per) (day|hour|minute)\b.{0,80}\b(scraped|bought|purchased|promot\w*|casino|affiliate|random numbers|cold)\b|\b(thousands|hundreds) of fake (bug reports|issues|tickets|complaints|signups)\b/,
    ),
    cue(
      'game-cheat',
      /\bsee (enemies|players|opponents) through walls\b|\b(spoof\w* (the )?gps|gps spoof\w*|location spoof\w*)\b.{0,60}\b(pokemon go|pok[eé]mon|ingress|raids?|gyms?|game)\b|\bdup(e|es|ing|licat\w*) items\b.{0,60}\b(live|server|mmo|online|sell)\b|\b(script|code|way|how|tool|mod|exploit|macro)\b.{0,40}\bcrash\w* (every|all|the other|other) (other )?players?'?s? (clients?|games?)\b/,
    ),
    cue(
      'malware-more',
      /\bremote access trojan\b|\binstalls? an? rat\b|\busb killer\b|\bfry (his|her|their|my \w+'?s?) (laptop|pc|computer|phone)\b|\b(grab|harvest|collect|scrape)s? (\w+ ){0,3}(saved )?(passwords|session cookies|browser cookies|credentials|seed phrases?)\b|\b(quietly|silently|secretly) (\w+ ){0,2}(delet|wip|corrupt|encrypt)\w* (\w+ ){0,3}(photos|pictures|emails|contacts|backups|documents)\b/,
    ),
    cue(
      'phish-more',
      /\b(asks?|asking|collect\w*|captur\w*|grab\w*)\b .{0,40}\b(seed phrases?|recovery phrases?|private keys?|bank details|card details)\b|\bfake (job (postings?|listings?|ads?)|airdrops?)\b|\bpretend\w* to be (from )?(\w+ ){0,2}(bank|chase|paypal|amazon|apple|microsoft|netflix|post office|usps|fedex|dhl)\b.{0,60}\b(verify|confirm|update|enter|log ?in|sign ?in)\b|\b(post|send)s? the creds\b|\bfraudulent (card )?(charges|transactions|orders|chargebacks)\b|\brug ?pull\w*|\bexit scam\b|\bponzi\b|\b(gofundme|crowdfunding|donation|charity)\b.{0,80}\b(nobody'?s actually|not (actually|really) (sick|real)|made[- ]up)\b|\b(\d+|hundreds of|dozens of) (five|5)[- ]star (\w+ )?reviews\b|\breviews? (from|across) (different|multiple|many|fake|\d+) accounts\b/,
    ),
    cue(
      'pile-on-more',
      /\b(comment|repl|dm|message|tag|mention|post)\w*\b.{0,80}\bfrom (\d+|multiple|many|different|fake|alt|burner) accounts\b|\b(every time|whenever|after|once) (she|he|they) blocks?\b.{0,60}\b(new|fresh|another|alt|second) accounts?\b|\b(new|fresh|another|alt) accounts?\b.{0,60}\b(every time|whenever|after|once) (she|he|they) blocks?\b|\bsql ?injection (payloads?|attacks?)\b.{0,60}\b(portal|their|school|grades|drop|dump)\b|\bchange my (grades|scores|attendance)\b/,
    ),
    cue(
      'leave-sabotage',
      /\b(being|getting) (laid off|fired|let go)\b.{0,120}\b(delet|wip|drop|destroy|corrupt|encrypt)\w*|\bmake it look like (routine|normal|a bug|an accident|maintenance|a glitch)\b|\b(ex-?employer|former employer|old (job|company|employer))'?s? .{0,60}\b(keys?|credentials|access|ssh|login)\b.{0,60}\b(delet|wip|drop|destroy)\w*/,
    ),
  ]),
};
