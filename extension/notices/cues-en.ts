/** English cues. Patterns run on normalised (lower-case, NFKC) text; see cues.ts for what each group means. */
import { cue, intentOnly, near, type LanguageCues } from './cues.js';

// People (or their organisation) who can be the target of an act.
const PEOPLE =
  "(ex|ex-\\w+|neighbou?rs?|roommates?|flatmates?|co-?workers?|colleagues?|boss|manager|teachers?|classmates?|girlfriend|boyfriend|wife|husband|partner|sister|brother|friends?|landlord|tenants?|employees'?|cousin|mom|dad|parents?|competitors?|rivals?)";
const OTHER = `(someone|somebody|a person|people|other people|others|strangers?|my (\\w+ )?${PEOPLE}|(his|her|their) \\w+|this (user|person|guy|girl|woman|man|streamer|account|youtuber)|a (streamer|youtuber|user|rival|competitor|celebrity)|(my|our|a) (school|university|company|employer|competitor|rival|ex)|celebrit(y|ies))`;
// Targets of harassment: named people, not "people" in general ("so people don't get stuck").
const TARGET = `(someone|somebody|a person|strangers?|my (\\w+ )?${PEOPLE}|this (user|person|guy|girl|woman|man|streamer|account|youtuber)|a (streamer|youtuber|rival|competitor|celebrity)|(my|our|a) (school|university|competitor|rival|ex))`;
// Where someone else's data or account lives.
const PLACES = '(facebook|instagram|twitter|x|tiktok|snapchat|whatsapp|line|linkedin|netflix|spotify|youtube|discord|email|gmail|inbox|dms?|phone|laptop|computer|pc|screens?|icloud|account|profile|cloud|wi-?fi|channel|router)';
// Intent to trouble the target.
const MALICE =
  "fake (orders|bookings|reservations|accounts|names|identities)|stop working|can'?t (stream|work|use|sleep|log ?in|get in)|look like an accident|trip (down|over)|garbage|mess(ing)? (up|with)|sabotag\\w*|ruin\\w*|humiliat\\w*|embarrass\\w*|annoy\\w*|torment\\w*|pretend(ing)? to be|impersonat\\w*|repeatedly|over and over|nonstop|all night|lock (him|her|them) out|get back at|revenge|payback|crash";
const GROUPS =
  "women|men|girls|female|foreigners|immigrants|refugees|disabled|wheelchairs?|blind people|deaf people|black people|asians?|indians?|chinese|mexicans?|arabs?|africans?|muslims|jews|christians|gay|gays|lesbians|trans(gender)? people|ethnic(ities| groups?)|races|nationalit(y|ies)|religions?|people from (that|this|their) country|old people|the elderly|single mothers|poor people|fat people";
const ACCUSATION =
  "an? (thief|criminal|liar|fraud|scammer|pedophile|cheat|drunk|junkie|whore|slut|abuser|rapist)|is a fraud|a scam|hurts kids|abuses|steals|embezzl\\w*|tax evasion|molest\\w*|cheating on";

export const EN_CUES: LanguageCues = {
  lang: 'en',
  advice: [
    cue('should-i', /\bshould (i|we|my \w+|our \w+)\b/),
    cue('what-should', /\bwhat (should|do|can) (i|we) do\b|\bwhat\b.{0,30}\bshould (i|we) (use|take|buy|do|try|get|pick|choose|ask)\b/),
    cue('can-i', /\b(can|could|may) (i|we|my \w+)\b|\b(if|whether) (i|we) can\b/),
    cue('is-it-ok', /\bis (it|this|that|now) (ok|okay|safe|fine|smart|wise|normal|bad|worth|a good idea|better|too late|the time|a good time|risky|dangerous|something serious|serious)\b|\b(too much|too many|overvalued|undervalued|worth it|a good idea)\b/),
    cue('am-i', /\b(am i|do i have to|do i need|do we need|does (our|my) \w+ need|will i)\b/),
    cue('how-do-i', /\bhow (do|can|should|would) (i|we)\b/),
    cue('which-better', /\b(which|what)('s| is)? (one |option )?(is )?(better|best|safer)\b|\bwhich \w+ (works|is) best\b/),
    cue('recommend', /\b(recommend|advise|advice)\b/),
    cue('how-much', /\bhow (much|many|long|often)\b.{0,40}\b(should|can|could) (i|we)\b|\bwhat percentage\b/),
    cue('will-it', /\b(will|would) (it|this|that|they) (hold up|work|be (ok|enough|valid|allowed))\b|\bwhat happens (if|when|legally)\b|\bdo you think\b/),
  ],
  question: [
    cue('question-mark', /\?/),
    cue('tell-me', /\btell me (if|whether|which|what|how|the best)\b|\bhow to\b/),
  ],
  informational: [
    cue('what-is', /^(what|who) (is|are|was|were) (a|an|the)?\s?[\w()\-' ]{1,30}\??$|\bwhat does .{1,40} (mean|stand for)\b|\bdifference between\b|\bhow does .{1,40} work\b|\bhistory of\b|^explain\b|^define\b/),
  ],
  personal: [cue('my', /\b(my|i'm|i've|i have|i had|i keep|i feel|i got|i was|me)\b/)],
  coding: [
    cue('artifact', /\b(functions?|methods?|class(es)?|schemas?|tables?|columns?|fields?|apis?|endpoints?|regex(es|p)?|regular expressions?|unit tests?|test cases?|tests? for|test (the|this|that|our|my)|sql|quer(y|ies)|components?|modules?|parsers?|databases?|db|json|csv|xml|yaml|forms?|webhooks?|pipelines?|algorithms?|classifiers?|mocks?|migrations?|dockerfile|workflows?|readme|docstrings?|exceptions?|stack traces?|crud|orm|er diagram|frontend|backend|banner|button|checkbox|footer|navbar|modal|dashboard|widget|hook|controller|service class|cli|sdk|library|framework|codebase|repo|pull requests?|unit-tests?|integration tests?|end-to-end tests?|e2e|enum|boolean|null|nan|plaintext|flags?|cache|admin page|uuids?|ids?|types? for|timezones?|scheduling|caching|logs?|logging|audit log|api keys?|commit message|apps?|application|bugs?|pages?|site|website|widget|calculator|generator|screener|plot|chart|graph|storage|local storage|notifications?|mobile|dark mode|ui|ux|hosting|server|sandbox|loads slowly)\b/),
    cue('build-verb', /\b(implement|refactor|debug|compile|deploy|serialize|deserialize|render|hash it|write (a|an|the|some)? ?(function|class|test|query|parser|regex|schema|component|endpoint|mock|migration)|design a (\w+ )?(schema|database|table|api|ledger))\b/),
    cue('tech', /\b(typescript|javascript|python|java|kotlin|rust|golang|c\+\+|c#|ruby|php|swift|react|vue|next\.js|nextjs|node(\.js)?|express|django|flask|pandas|numpy|scikit-learn|postgres(ql)?|mysql|sqlite|mongodb|redis|graphql|rest|opencv|jest|mocha|pytest|recharts|elasticsearch|nginx|docker|kubernetes|bcrypt|stripe|ses|fhir|hl7|spdx|clamav|npm)\b|\bin go\b/),
    cue('code-fence', /```/),
  ],
  defensive: [
    cue('protect', /\b(protect|prevent|detect|detection|block|mitigat\w*|defen[cs]e|defend|filter|flags?|moderat\w*|honeypot|rate limit\w*|captcha|anti-?(virus|spam|malware|fraud|phishing|abuse)|virus scan\w*|sanitiz\w*|anonymi[sz]\w*|mask(ing)?|blur|report-abuse|against|disclaimer)\b/),
  ],
  categories: {
    legal: {
      personalCounts: true,
      intent: [],
      veto: [cue('programming-legal', /\b(variable|identifier|property|function|class|method|file|key) names?\b|\bsyntax\b|\blegal (moves?|values?|characters?|identifiers?|tokens?|json|syntax|states?)\b|\bchess\b/)],
      ask: [
        cue('is-it-legal', /\b(is|are|was) (it|this|that|they|these|\w+ing)\b.{0,120}\b(legal|illegal|lawful|unlawful|enforceable|allowed by law|against the law)\b/),
        cue('my-rights', /\bwhat are (my|our) (legal )?rights\b/),
        cue('sue', /\b(can|could|should|will) (i|we|they|he|she|my \w+|our \w+) (sue|be sued|get sued|press charges)\b|\bsue (me|us|him|her|them)\b/),
        cue('liable', /\b(am i|are we|is (he|she|my \w+)) (liable|responsible|allowed)\b/),
        cue('need-permission', /\b(do|does) (i|we|our \w+|my \w+) need (\w+ ){0,3}(consent|permission|a licen[cs]e|to register|a lawyer|an attorney)\b/),
        cue('legal-event', /\b(got|received|was served( with)?|been served( with)?) (a |an )?(cease and desist|subpoena|lawsuit|summons|legal notice|dmca (notice|takedown)|court order)\b/),
        cue('court-trouble', /\b(hold up|stand up|win) in court\b|\b(get|be) in (legal )?trouble\b|\bget arrested\b|\bgo to jail\b/),
        cue('license-use', /\b(can|may) (i|we) use\b.{0,60}\b(gpl|agpl|lgpl|copyleft|licensed|copyrighted|trademarked)\b|\bwithout releasing (our|my|the) (source|code)\b/),
      ],
      domain: [
        cue('contract', /\b(contracts?|clauses?|nda|non-compete|terms and conditions|lease|rental agreement|agreement|invoice)\b/),
        cue('court', /\b(lawyers?|attorneys?|courts?|small claims|lawsuits?|sue|sued|judge|police|arrest(ed)?|press charges|cease and desist|subpoena|regulator|complaint|compensation|damages|settlement|penalty|(parking|speeding|traffic) (ticket|fine)|criminal record)\b/),
        cue('law', /\b(legal(ly)?|illegal|law|laws|statute|gdpr|ccpa|hipaa|liab(le|ility)|enforceable|gpl|agpl|commercial use|trademark|patent)\b/),
        cue('family', /\b(divorce|custody|alimony|child support|inheritance|write a will|my will|estate|probate)\b|\bmy ex\b.{0,60}\b(kids?|child(ren)?|son|daughter)\b/),
        cue('work', /\b(fired|wrongful termination|severance|landlord|tenant|evict(ion|ed)?|deposit|visa|immigration status|overtime pay)\b/),
        cue('consent', /\b(user )?consent\b/),
      ],
    },
    financial: {
      personalCounts: true,
      intent: [],
      veto: [],
      ask: [
        cue('buy-sell', /\b(should|do) (i|we|my \w+|our \w+) (buy|sell|short|hold|invest|move|put|dump|keep)\b.{0,40}\b(stocks?|shares?|crypto|bitcoin|btc|eth|coins?|funds?|etfs?|bonds?|gold|401k|ira|savings|portfolio|equit(y|ies)|options|cash)\b/),
        cue('good-investment', /\b(good|bad|smart|safe) investment\b|\bworth investing\b|\bis (now|it) a good time to (buy|sell|invest)\b|\bbest time to (buy|sell|invest|convert|exchange|refinance)\b/),
        cue('stocks-to-buy', /\b(stocks?|coins?|shares?|funds?|etfs?)\b.{0,20}\bto buy\b|\bwhich (stock|coin|fund|etf)s?\b.{0,30}\b(buy|go up|rise)\b|\bwill go up\b/),
      ],
      domain: [
        cue('invest', /\b(stocks?|shares|invest(ing|ment|ments)?|portfolio|crypto(currency)?|bitcoin|ethereum|etfs?|index funds?|mutual funds?|bonds?|401k|ira|roth|dividends?|forex|equit(y|ies)|earnings|options trading|overvalued|nikkei|s&p( 500)?)\b/),
        cue('money', /\b(savings|mortgage|loans?|debt|refinanc\w*|retire(ment)?|pension|salary|income|insurance|annuit(y|ies)|tax (return|deduction|saving)s?|credit score|interest rates?|emergency fund|cash reserves?|rates to drop|yen|dollars|euros?|exchange rate|currency)\b/),
      ],
    },
    medical: {
      personalCounts: true,
      intent: [],
      veto: [],
      ask: [
        cue('take-drug', /\bis it safe to (take|stop|mix|combine)\b|\b(dose|dosage) of\b.{0,40}\b(should|can)\b|\b(drink|alcohol|eat|drive)\b.{0,30}\b(while|after) taking\b/),
        cue('what-disease', /\b(is (this|it) (cancer|an infection)|do i have (cancer|covid|diabetes|depression|adhd|the flu|an? \w+ (disorder|disease|infection)))\b/),
      ],
      domain: [
        cue('drug', /\b(medicines?|medications?|meds|drugs?|pills?|tablets|doses?|dosage|mg|ibuprofen|aspirin|paracetamol|acetaminophen|antibiotics?|antidepressants?|statins?|melatonin|sleeping pills?|painkillers?|supplements?|vaccines?|insulin|eye drops|caffeine)\b|\b\w+(cillin|mycin|cycline|statin|pril|sartan|olol|prazole|zepam|oxetine|triptan|profen|codone)\b/),
        cue('symptom', /\b(pain|ache|aches|hurts?|fever|cough|rash|headaches?|migraines?|nausea|dizz(y|iness)|symptoms?|swollen|bleeding|lump|mole|sore|insomnia|fatigue|palpitations?|itchy|dry and red|swallowed|choking|overdose|allergic reaction)\b/),
        cue('condition', /\b(cancer|diabetes|anxiety|depression|adhd|asthma|allergy|allergies|blood pressure|blood sugar|cholesterol|heart attack|stroke|infection|uti|sinus|acne|eczema|ulcer|thyroid|carpal tunnel|pregnan(t|cy)|covid|flu|cold)\b/),
        cue('care', /\b(doctor|er|emergency room|clinic|treat(ment)?|cure|diagnos\w*|therapy|diet|sick|get better|heal|get rid of)\b/),
      ],
    },
    rights: intentOnly([
      cue('private-content', new RegExp(`\\b(private|locked|protected|hidden) (\\w+ )?(photos?|pictures?|messages?|accounts?|profiles?|posts?|videos?|channels?|groups?|repos?|documents|files)\\b|\\b${OTHER}'?s? (\\w+ ){0,2}(photos?|pictures?|messages?|emails?|passwords?|location|home address|${PLACES})\\b|\\b(from|into|to) ${OTHER}'?s? (\\w+ )?${PLACES}\\b`)),
      cue('covert', /\bwithout (him|her|them|their|his|my \w+|the owner)?\s?(knowing|noticing|knowledge|permission|consent|finding out)\b|\bwithout (telling|asking|informing) (him|her|them|anyone)\b|\b(don'?t|do not) have (access|permission)\b/),
      cue('piracy', /\b(license key generator|keygen|crack(ed|ing)? (the |a )?(software|license|licence|game|app|password)|pirat\w+|torrent\w*|bypass (the )?(drm|paywall|license|licence|activation|copy protection)|strip (the )?licen[cs]e|remove (the )?watermarks?|so i don'?t have to (pay|subscribe)|full version of .{1,30} for free|rips? .{0,30}\b(tracks|songs|videos|movies|dvds|blu-?rays))\b/),
      cue('paid-copy', near('\\bpaid (theme|plugin|font|software|app|course|template|asset|game|ebook|book|movie|music)s?\\b', '\\b(free|publish|share|resell|sell|distribute|copy|clone|upload)\\b', 40)),
      cue('copy-work', /\b(copy|paste|reproduce|give me|print|output) the (entire|full|whole|complete) (text|source|chapter|book|lyrics|article|novel|script)\b|\bdownloads? every (episode|chapter|issue)\b|\b(lyrics|full text) (to|of) the (whole|entire|new|latest)\b|\bas (my|our) own\b/),
      cue('redistribute', /\bso (i|we) can (share|repost|resell|sell|upload|redistribute|reupload) (them|it)\b|\b(personal|private) (emails|data|information|phone numbers)\b.{0,30}\bto sell\b/),
      cue('doxxing', /\b(home address|real name|phone numbers?) (of|for) (this|that|a) \w+|\bdox+(ing)?\b|\bfind (out )?(where|who) (he|she|they|this \w+) (lives?|is|works?)\b|\bwho is behind (this|that|an?) (anonymous )?\w+|\bunmask\b|\bde-?anonymi[sz]e\b|\bcollects? (people'?s|users'?) (names|phone numbers|addresses|emails)\b|\btrack (my|his|her|their|someone'?s?) .{0,20}location\b/),
    ]),
    discrimination: intentOnly([
      cue('group-derogation', near(`\\b(${GROUPS})\\b`, "\\b(inferior|less intelligent|stupid|lazy|dirty|ruining|worst|dangerous|criminals|terrorists|a cult|don'?t belong|shouldn'?t be allowed|should be banned|mocking|pay .{0,20}less|lower (pay|salar(y|ies)|wages)|not (be )?promot\\w*|never promot\\w*|segregat\\w*)\\b", 60)),
      cue('exclusion', /\b(don'?t|do not|won'?t|never) (hire|rent to|accept|serve|promote)\b|\bno (foreigners|women|immigrants|blacks|asians|gays|single mothers|disabled)\b|\b(women|people) over \d\d\b/),
      cue('ridicule', /\b(insults?|slurs?|jokes? (making fun|about)|make fun of|ridicul\w+|mean nicknames?|(funny |mean )?names to call|roast (of|my|him|her|them)|mocking (people|him|her|them|my|\w+ people))\b/),
      cue('rank-groups', /\brank (these |the )?(ethnic|racial|religious|national)\b|\b(ethnic|racial) groups? from best\b/),
      cue('defamation', /\b(fake (negative |bad )?reviews?|spread (a )?rumou?rs?|defam\w+|slander\w*|smear|ruin (his|her|their) reputation)\b|\bspread\b.{0,40}\bthat\b/),
      cue('accuse-publicly', near('\\b(saying|calling|claiming|reviews?|articles?|posts?|tweets?|blog|comments?|press release|flyers?)\\b', `\\b(${ACCUSATION})\\b`, 60)),
      cue('proving-group', /\b(prove|proving|explain why|arguing that|claiming that|why are)\b.{0,40}\b(immigrants|women|foreigners|people from|races?|ethnic|gay|religion|muslims|jews|poor people|\w+ people)\b.{0,20}\b(so|are|is)\b/),
    ]),
    harm: intentOnly([
      cue('attack-tool', /\b(ddos|dos attack|keyloggers?|ransomware|malware|trojans?|botnet|spyware|stalkerware|rootkit|phishing (page|site|email|kit|link)s?|make a phishing|(a|write a|create a) virus that)\b/),
      cue('bodily', /\b(poison(ing)? (someone|somebody|him|her|them|my \w+|a person|people|the \w+)|how to poison|laxatives?|spike (his|her|their|someone'?s) drink|make (someone|him|her|them) (sick|ill)|slash\w* .{0,20}tires|hurt (someone|him|her|them)|without getting caught)\b/),
      cue('target-malice', near(`\\b${TARGET}`, `\\b(${MALICE})\\b`, 60)),
      cue('flood', new RegExp(`\\b(flood|spam|bomb)\\w*\\b.{0,30}\\b(servers?|inbox|chat|channel|forms?|comments?|phone|site|website|group|dms?|mentions|timeline|reviews?)\\b|\\b(mass[- ]report\\w*|harass\\w*|stalk\\w*|prank call\\w*)\\b|\\b(\\d[\\d,]*|thousands of|hundreds of) (emails|messages|calls|texts)\\b.{0,30}\\b${OTHER}|\\b(call|text|message|email) ${OTHER}'?s? (phone )?.{0,20}every (minute|second|hour)`)),
      cue('sabotage', /\b(so (nobody|no one) else can|get (them|him|her|it) (banned|fired|suspended)|take down (my|our|their|a|the) \w+'?s? (site|website|server)|(wipe|delete|encrypt)s? (all )?(the )?files on (my|our|their|the) (company|school|office|work)|pretending to be (it|tech) support)\b/),
    ]),
  },
};
