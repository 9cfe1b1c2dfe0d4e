/** English cues. Patterns run on normalised (lower-case, NFKC) text; see cues.ts for what each group means. */
import { EN_ACTS } from './cues-en-acts.js';
import { cue, near, type LanguageCues } from './cues.js';

export const EN_CUES: LanguageCues = {
  lang: 'en',
  advice: [
    cue('should-i', /\bshould (i|we|my \w+|our \w+)\b/),
    cue(
      'what-should',
      /\bwhat (should|do|can) (i|we) do\b|\bwhat\b.{0,30}\bshould (i|we) (use|take|buy|do|try|get|pick|choose|ask)\b/,
    ),
    cue('can-i', /\b(can|could|may) (i|we|my \w+)\b|\b(if|whether) (i|we) can\b/),
    cue(
      'is-it-ok',
      /\bis (it|this|that|now) (ok|okay|safe|fine|smart|wise|normal|bad|worth|a good idea|better|too late|the time|a good time|risky|dangerous|something serious|serious)\b|\b(too much|too many|overvalued|undervalued|worth it|a good idea)\b/,
    ),
    cue('am-i', /\b(am i|do (i|we) have to|do i need|do we need|does (our|my) \w+ need|will i)\b/),
    cue('how-do-i', /\bhow (do|can|should|would) (i|we)\b/),
    cue(
      'which-better',
      /\b(which|what)('s| is)? (one |option )?(is )?(better|best|safer)\b|\bwhich \w+ (works|is) best\b/,
    ),
    cue('recommend', /(?<!\b(no|not|without|never|zero|any) )\b(recommend|advise|advice)\b/),
    cue('how-much', /\bhow (much|many|long|often)\b.{0,40}\b(should|can|could) (i|we)\b|\bwhat percentage\b/),
    cue(
      'will-it',
      /\b(will|would) (it|this|that|they) (hold up|work|be (ok|enough|valid|allowed))\b|\bwhat happens (if|when|legally)\b|\bdo you think\b/,
    ),
    cue(
      'judge-for-me',
      /\bwhat'?s a good\b|\bwho'?s right\b|\bwhat i'?m required to do\b|\bis (that|this|it) (even )?allowed\b|\bis it (dumb|stupid|crazy|wise|reckless)\b|\bthe right (move|call|choice)\b|\bshould (i|we) be worried\b|\bwhat would you do\b|\bgut feeling\b|\b(need|give me) a (yes\/no|yes or no|straight answer)\b|\bas my (lawyer|doctor|advisor|adviser)\b|\bjust tell me (which|what|if|whether)\b|\bis (that|this) (ok|okay|fine|safe)\b/,
    ),
  ],
  question: [
    cue('question-mark', /\?/),
    cue(
      'tell-me',
      /\btell me (if|whether|which|what|how|the best)\b|\bhow to\b|^(whats|what'?s) (the )?(best|a safe|safest)\b/,
    ),
  ],
  informational: [
    cue(
      'what-is',
      /\b(high[- ]level )?overview of\b|\bin general terms\b|\bgenerally speaking\b|\bnot about (any|a|my|our) (specific |real |particular )?(case|situation|matter|dispute)\b|^(what|who) (is|are|was|were) (a|an|the)?\s?[\w()\-' ]{1,30}\??$|\bwhat does .{1,40} (mean|stand for)\b|\bdifference between\b|\bhow does .{1,40} work\b|\bhistory of\b|^explain\b|^define\b/,
    ),
  ],
  personal: [cue('my', /\b(my|i'm|i've|i have|i had|i keep|i feel|i got|i was|me)\b/)],
  coding: [
    cue(
      'artifact',
      /\b(functions?|methods?|class(es)?|schemas?|tables?|columns?|fields?|apis?|endpoints?|regex(es|p)?|regular expressions?|unit tests?|test cases?|tests? for|test (the|this|that|our|my)|sql|quer(y|ies)|components?|modules?|parsers?|databases?|db|json|csv|xml|yaml|forms?|webhooks?|pipelines?|algorithms?|classifiers?|mocks?|migrations?|dockerfile|workflows?|readme|docstrings?|exceptions?|stack traces?|crud|orm|er diagram|frontend|backend|banner|button|checkbox|footer|navbar|modal|dashboard|widget|hook|controller|service class|cli|sdk|library|framework|codebase|repo|commits?|branch(es)?|rebase|stash|pull requests?|unit-tests?|integration tests?|end-to-end tests?|e2e|enum|boolean|null|nan|plaintext|flags?|cache|admin page|uuids?|ids?|types? for|timezones?|scheduling|caching|logs?|logging|audit log|api keys?|commit message|apps?|application|bugs?|pages?|site|website|widget|calculator|tracker|generator|screener|plot|chart|graph|storage|local storage|notifications?|mobile|dark mode|ui|ux|hosting|server|sandbox|loads slowly)\b/,
    ),
    cue(
      'build-verb',
      /\b(implement|refactor|debug|compile|deploy|serialize|deserialize|render|hash it|write (a|an|the|some)? ?(function|class|test|query|parser|regex|schema|component|endpoint|mock|migration)|design a (\w+ )?(schema|database|table|api|ledger))\b/,
    ),
    cue(
      'tech',
      /\b(git|typescript|javascript|python|java|kotlin|rust|golang|c\+\+|c#|ruby|php|swift|react|vue|next\.js|nextjs|node(\.js)?|express|django|flask|rails|laravel|spring|gtm|fastapi|swiftui|kotlin|flutter|unity|godot|pandas|numpy|scikit-learn|postgres(ql)?|mysql|sqlite|mongodb|redis|graphql|rest|opencv|jest|mocha|pytest|recharts|elasticsearch|nginx|docker|kubernetes|bcrypt|stripe|ses|fhir|hl7|spdx|clamav|npm|ocr|tesseract|puppeteer|playwright|selenium|twilio|sendgrid|firebase|supabase|aws|s3|lambda|azure|gcp|airflow|kafka|celery|cron|ci\/cd|github actions)\b|\b(review|check|fix|look at|debug|refactor|lint|test)\w* (my|our|this|the) (\w+ ){0,3}(code|script|snippet|implementation|function)\b|\bin go\b/,
    ),
    cue('code-fence', /```/),
    // Inline code with a call or an operator in it: `Math.round(1.005 * 100)`.
    cue('inline-code', /`[^`\n]*[()[\]=<>;{}][^`\n]*`/),
    cue(
      'code-syntax',
      /[{}]|\b(let|const|var|def|return) \w+|\w+\([^)]*\);|\w\s*[-+*/]?=\s*\w+\s*[-+*/;]|\b(floating point|rounding|off by (one|a cent)|race condition|deadlock|mutex|transaction)\b/,
    ),
  ],
  defensive: [
    cue(
      'protect',
      /\b(protect(ion)?|prevent\w*|mitigat\w*|defen[cs]e|defend(s|ed|ing)?|moderat\w*|honeypot|rate[- ]limit(ing|er|ers)|(add|implement|set up|configure|enforce|apply)\w* (\w+ ){0,2}(rate[- ]limits?|captchas?)|anti-?(virus|spam|malware|fraud|phishing|abuse|cheat|raid|bot|ddos|scraping|tamper|harassment)|stop (people|users|attackers|crackers|pirates|anyone|others) from|virus scan\w*|sanitiz\w*|anonymi[sz]\w*|k-anonymity|mask(s|ed|ing)?|blur\w*|redact\w*|report-abuse|disclaimer|lockout|fail2ban|firewall|waf|quarantin\w*|yara|sigma rule|siem|soc|incident response|forensics?|disaster recovery|recovery (plan|procedure|runbook)|restore from backups?|harden\w*|audit\w*|compl(y|iance)|retention policy|opt[- ]?(out|in)|(?<!\b(never|not|nobody|no one|n't|didn't) )opt(s|ed|ing)[- ]out)\b/,
    ),
    // Explaining how an act works: a defence only when nothing in the request builds it (rules.ts).
    cue('explain', /\bexplain how (a |an |the )?\w+( \w+)? (works?|gets?|spreads?|infects?|operates?|typically)\b/),
    cue(
      'tooling',
      /\bthreat model\w*|\bprivacy (settings?|options?|controls?)\b|\b(let|allow|option for) users to (hide|delete|control|export|opt|block)\b|\b(prohibited (uses?|activities|content|items)|acceptable use policy|blocklist|denylist|wordlist|sandbox\w*|malware analysis|revok\w*|rotat(e|ing) (the )?(keys|secrets|credentials)|secret scanning|\w+-(resistant|proof)|resilien\w*)\b/,
    ),
    cue(
      'detect',
      /(?<!\b(avoid|avoiding|evade|evading|escape|bypass|bypassing|without|beat|beating) )\b(detect(s|ed|ing|ion|or|ors)?|identif(y|ies|ying) (\w+ ){0,2}(phishing|spam|fraud|malware|bots?|abuse|attacks?)|classif(y|ier|iers|ies)|(spam|profanity|content|hate[- ]speech|toxicity|abuse|nsfw|phishing|malware|fraud|bot) (filter|filtering|classifier|check|scanner))\b(?!.{0,30}\b(is|are) (gay|muslim|jewish|black|trans|a woman|female|disabled)\b)/,
    ),
    cue(
      'against',
      /\b(protect|guard|defend|harden|secure|test|safeguard)\w* (\w+ ){0,3}against\b|\bfilter(s|ing)? (out )?(spam|slurs|hate|profanity|abuse|bots|toxic|phishing|malware|fraud)\b|\bflag(s|ging)? (\w+ ){0,2}(hate|slurs|abuse|toxic|spam|fraud|phishing|malicious|suspicious|inappropriate|harassment|medical advice|advice)\b|\bblock(s|ing)? (\w+ ){0,2}(ips?|bots?|spam|attacks?|attackers|malware|phishing|trackers|abuse|scrapers|crawlers)\b|\bstop (\w+ ){0,2}(spam|bots?|brute|attacks?|abuse|scalpers?|fraud)\b/,
    ),
    cue(
      'victim-side',
      /\breport\w* (a |an |the |this )?(\w+ )?(phishing|scam|malware|fraud\w*|spoofed)\b|\b(how (do|can|should) (i|we) |want to |need to |i'?ll )report (it|this|them|the (review|account|post|user|comment))\b|\b(got|received|getting|hit with) (a |an |some )?(\w+ ){0,2}(fake|negative|one-star|1-star|bad) (\w+ )?reviews?\b|\b(got|received|get|getting) (a |an )?(\w+ )?(phishing|scam|spoofed|fraudulent) (email|e-mail|text|sms|message|call|link)s?\b|\bis (this|it|that) (a |an )?(phishing|scam|spoofed|malicious)\b|\bbeing (used|copied|reposted|stolen|scraped|republished) (elsewhere |online )?without (permission|consent|credit)\b|\b(check|find out|detect) (whether|if) (our|my) (\w+ ){0,2}(is|are) being\b/,
    ),
    cue(
      'own-or-authorised',
      /\b(bans?|kicks?|mutes?|blocks?|times? out) (\w+ ){0,2}(users|accounts|members|spammers|bots|raiders|trolls)\b|\bstudying for (the |an? |my )?(exam|test|cert\w*|class|course|linux\+|security\+|comptia|cissp|oscp)|(?<!\b(as|to|into|onto) )\b(my|our) own (\w+ )?(servers?|network|systems?|infrastructure|staging|api|machines?|devices?|domain|scan|accounts?)\b|\bauthori[sz]ed\b|\bwith (their|his|her|explicit|written) (consent|permission)\b|\bsecurity (class|course|awareness|training|team|audit|review|research)\b|\bexplain what\b|\bwhat (is|are) an? \w+( \w+)?\??$|\btest(ing)? for (it|them|this|that)\b|\b(y2038|y2k)\b|\bblock and report\b|\breport(s|ing)? (\w+ ){0,2}(abuse|harass\w*|spam|users|posts|content|accounts)\b|\b(phishing|security) (awareness|simulation|training|drill|quiz)\b|\bfor (a|my|our) (class|lecture|course|presentation|thesis)\b|\b(measure|reduce|detect|test for|check for|mitigate|audit) (\w+ ){0,2}bias\b|\bfairness\b|\bdisparate impact\b/,
    ),
    // Keeping cracked or pirated keys out of one's own product: "so cracked keys fail".
    cue(
      'reject-cracked',
      /\b(reject|block|detect|revok|refus|blacklist|deny|catch)\w* (\w+ ){0,2}(cracked|pirated|leaked|forged|fake|stolen|keygen(ned)?) (keys|licen[cs]es|serials|copies|builds|tokens)\b|\b(cracked|pirated|leaked|forged|fake|stolen) (keys|licen[cs]es|serials|copies|tokens) (fail|are rejected|get rejected|don'?t work|stop working|won'?t work)\b/,
    ),
    cue('no-leak', /\b(don'?t|do not|never|won'?t|avoid|without) (\w+ ){0,2}(leak|expose|reveal|disclos)\w*/),
  ],
  malicious: [
    cue(
      'not-a-drill',
      /\bnot (a |for (a |an )?)?(drill|training|test|pentest|simulation|exercise|ctf)\b|\b(this )?isn'?t (a |for (a |an )?)?(drill|training|test|pentest|simulation)\b|\bfor real\b/,
    ),
    cue(
      'exfiltrate',
      /\b(credentials|passwords?|usernames and passwords|cookies|session tokens|tokens|keystrokes)\b.{0,50}\bto (my|our) (own )?(server|endpoint|webhook|email|gmail|discord|telegram)\b/,
    ),
    cue(
      'evade',
      /\bhides? its (own )?icon\b|\bno icon\b|\b(launcher|app) icon (is )?hidden\b|\bhid(e|es|den|ing) (the |its )?(launcher|app) icon\b|\b(hidden|invisible) (from|in) (the )?(launcher|app drawer|home screen)\b|\b(doesn'?t|does not|won'?t|never) (show|appear)( up)? (in|on) (the )?(launcher|app drawer|home screen)\b|\bstealth[- ]?(mode|install\w*)\b|\bundetect\w*|\bso (she|he|they|it|nobody|no one) (can'?t|cannot|won'?t|doesn'?t|does not) (get )?(block|ban|filter|stop|trace)\w*\b|\b(after|since|because|once) (she|he|they) (blocked|muted|banned) (me|us|my)\b|\b(even (though|if|when|after)|despite( the fact that)?|although) (she|he|they|my \w+)('s| has| have| is| are)? (already )?(blocked|muted|banned|unfriended|unfollowed) (me|us)\b|\b(she|he|they) (has |have )?(blocked|muted|unfriended) me (but|and|so|yet|everywhere|on every)\b|\b(evade|evading|avoid|avoiding|bypass|bypassing|get past|get around|gets around|disables?|turn off|circumvent)\w* (the |any |their |its |his |her )?(\w+ ){0,2}(detection|antivirus|av|edr|defender|firewall|rate limits?|captcha|2fa|mfa|filters?|moderation|security)\b|\bwithout (being |getting )?(detected|caught|noticed)\b|\bwithout (anyone|them|him|her) (noticing|knowing)\b/,
    ),
  ],
  aside: [
    cue(
      'not-the-code',
      /\b(forget|ignore|never ?mind|leave) (about )?the code\b|\bunrelated to (the|this|my|our) (pr|code|task|ticket|issue|question)\b|\bnot (a )?(coding|code|programming|tech) (question|related)\b|\boff[- ]topic\b|\bquick (legal |medical |money )?(q|question)\b|\bwhile (the )?(tests?|build|ci|deploy) (runs?|is running)\b|\bbtw\b|\b(personal|side) question\b/,
    ),
  ],
  categories: {
    legal: {
      personalCounts: true,
      intent: [],
      veto: [
        cue(
          'programming-legal',
          /\b(variable|identifier|property|function|class|method|file|key) names?\b|\bsyntax\b|\blegal (moves?|values?|characters?|identifiers?|tokens?|json|syntax|states?)\b|\bchess\b/,
        ),
      ],
      ask: [
        cue(
          'is-it-legal',
          /\b(is|are|was) (it|this|that|they|these|\w+ing)\b.{0,120}\b(legal|illegal|lawful|unlawful|enforceable|allowed by law|against the law)\b/,
        ),
        cue('my-rights', /\bwhat are (my|our) (legal )?rights\b/),
        cue(
          'sue',
          /\b(can|could|should|will) (i|we|they|he|she|my \w+|our \w+) (sue|be sued|get sued|press charges)\b|\bsue (me|us|him|her|them)\b/,
        ),
        cue('liable', /\b(am i|are we|is (he|she|my \w+)) (liable|responsible|allowed)\b/),
        cue(
          'need-permission',
          /\b(do|does) (i|we|our \w+|my \w+) need (\w+ ){0,3}(consent|permission|a licen[cs]e|to register|a lawyer|an attorney)\b/,
        ),
        cue(
          'legal-event',
          /\b(got|received|was served( with)?|been served( with)?) (a |an )?(cease and desist|subpoena|lawsuit|summons|legal notice|dmca (notice|takedown)|court order|jury duty)\b.{0,100}(what (should|do|can) (i|we) do|how (should|do|can) (i|we) (respond|reply|handle|fight)|should (i|we)|can (i|we))/,
        ),
        cue(
          'court-trouble',
          /\b(am i|are we|is (he|she|my \w+)) (the one |the ones )?in (legal )?trouble\b|\b(hold up|stand up|win) in court\b|\b(get|be) in (legal )?trouble\b|\bget arrested\b|\bgo to jail\b/,
        ),
        cue(
          'authority',
          near(
            '\\b(police|warrant|subpoena|court order|regulators?|government|authorities|fbi|irs|tax office)\\b',
            '\\b(do (i|we) have to|are (we|i) (required|obligated)|must (we|i)|should (we|i) (comply|hand|give))\\b',
            60,
          ),
        ),
        cue(
          'legally',
          /\b(can|could|may|do|does|should) (i|we|our \w+|my \w+) legally\b|\blegally (allowed|ok|okay|fine|required|binding|enforceable|obligated|safe|have)\b|\bis (that|this|it) legally\b|\b(my|our) legal (options|risks?|exposure|rights|obligations|position|standing|steps)\b|\b(give me|need) (actual |real )?legal advice\b|\bwhat legal steps\b|\b(would|will|could) (i|we)'?d? win in court\b|\bi'?d win\b/,
        ),
        cue(
          'license-use',
          /\b(can|may) (i|we) use\b.{0,60}\b(gpl|agpl|lgpl|copyleft|licensed|copyrighted|trademarked)\b|\bwithout releasing (our|my|the) (source|code)\b/,
        ),
      ],
      domain: [
        cue(
          'contract',
          /\b(contracts?|clauses?|nda|non-compete|terms and conditions|lease|rental agreement|agreement|invoice)\b/,
        ),
        cue(
          'served',
          /\b(cease and desist|subpoena|lawsuit|summons|legal notice|dmca (notice|takedown)|court order|jury duty)\b/,
        ),
        cue(
          'court',
          /\b(lawyers?|attorneys?|courts?|small claims|lawsuits?|sue|sued|judge|police|arrest(ed)?|press charges|cease and desist|subpoena|regulator|complaint|compensation|damages|settlement|penalty|(parking|speeding|traffic) (ticket|fine)|criminal record|zoning|code violation|violation notice|citation)\b/,
        ),
        cue(
          'law',
          /\b(legal(ly)?|illegal|law|laws|statute|gdpr|ccpa|hipaa|liab(le|ility)|enforceable|gpl|agpl|commercial use|trademark|patent)\b/,
        ),
        cue(
          'family',
          /\bwho('ll| will)? (end up with|gets?|keeps?) the (kids|children)\b|\b(divorce|custody|alimony|child support|inheritance|write a will|my will|estate|probate)\b|\bmy ex\b.{0,60}\b(kids?|child(ren)?|son|daughter)\b/,
        ),
        cue(
          'tax',
          /\b(sales tax|vat|tax (obligations|nexus|audit|court)|audit letter|irs|hmrc|notice of (deficiency|assessment)|required to (collect|file|register))\b/,
        ),
        cue(
          'ip',
          /\bassign (\w+ ){0,2}ip\b|\bintellectual property\b|\bip assignment\b|\b(dmca|counter-?notice|cfaa|copyright infringement|infring\w*|patent troll|non-solicit|money transmitter|claw ?back)\b/,
        ),
        cue(
          'incident',
          /\b(rear-ended|car accident|accident|insurer|insurance (claim|company)|laid off|layoffs?|visa)\b/,
        ),
        cue(
          'work',
          /\b(fired|wrongful termination|severance|landlord|tenant|evict(ion|ed)?|deposit|visa|immigration status|overtime pay)\b/,
        ),
        cue('consent', /\b(user )?consent\b/),
      ],
    },
    financial: {
      personalCounts: true,
      intent: [],
      veto: [],
      ask: [
        cue(
          'tax-evasion',
          /\bthe (irs|tax (office|authority|man)|hmrc|cra) (never|won'?t|doesn'?t|does not|can'?t|will never) (sees?|finds?|knows?|notices?|catch(es)?)\b|\b(stays?|staying|keep\w*|kept) (\w+ ){0,3}(under|below) the (reporting|tax|audit|1099) (threshold|limit)\b|\b(stay|stays|kept|keep\w*) off (the )?books\b|\bleave (\w+ ){0,3}off (the|their|my|our) (tax )?returns?\b|\bwithout (getting|being) audited\b|\b(hidden|hide|hiding) (\w+ ){0,3}from the (irs|tax\w*|hmrc|cra)\b|\bso the (irs|tax \w+|hmrc) (doesn'?t|does not|won'?t|can'?t) (see|find|know)\b|\b(avoid|evade|dodge|skip)\w* (the )?(tax reporting|reporting thresholds?|taxes on)\b|\bsmall enough to avoid reporting\b|\bnever show up in what i report\b|\bkeep (it|them|those|this) off (the )?(books|my taxes|tax returns?)\b|\b(evade|evading|dodge|dodging) (\w+ )?tax(es)?\b|\bunder the table\b.{0,40}\b(tax|report|irs)\b/,
        ),
        cue(
          'buy-sell',
          /\b(should|do) (i|we|my \w+|our \w+) (buy|sell|short|hold|invest|move|put|dump|keep|exercise|stake|throw|load up on)\b.{0,40}\b(stocks?|shares?|crypto|bitcoin|btc|eth|coins?|funds?|etfs?|bonds?|gold|401k|ira|savings|portfolio|equit(y|ies)|options|rsus?|cash|bonus|money|net worth)\b/,
        ),
        cue(
          'which-to-buy',
          /\b(which|what) (\w+ )?(stocks?|coins?|crypto|etfs?|funds?|pairs?|shares|tokens?) (should )?(i|we) (should )?(buy|sell|trade|load up on|invest in|stake|short|long|pick|hold)\b|\b(which|what) (pairs?|coins?|stocks?|crypto|etfs?|options) to (trade|buy|sell|short|long|stake)\b|\b(what|how much) leverage\b|\b(stocks?|coins?) that will\b|\bby which (i|we) should buy\b|\b(go all[- ]in|yolo)\b|\b(which|what) (one|stock|coin|etf)('s| is)? (gonna|going to|will) (outperform|go up|moon|rise|beat)\b|\boutperform\b.{0,40}\b(pick|buy|choose)\b/,
        ),
        cue(
          'good-investment',
          /\b(good|bad|smart|safe) investment\b|\bworth investing\b|\bis (now|it) a good time to (buy|sell|invest)\b|\bbest time to (buy|sell|invest|convert|exchange|refinance)\b/,
        ),
        cue(
          'stocks-to-buy',
          /\b(stocks?|coins?|shares?|funds?|etfs?)\b.{0,20}\bto buy\b|\bwhich (stock|coin|fund|etf)s?\b.{0,30}\b(buy|go up|rise)\b|\bwill go up\b/,
        ),
      ],
      domain: [
        cue(
          'invest',
          /\b(holdings|robo-?advis\w*|buy and sell|lenders?|payday loans?|stocks?|shares|invest(ing|ment|ments)?|portfolio|crypto(currency)?|bitcoin|ethereum|eth|coins?|altcoins?|memecoins?|stak(e|ing)|leverag\w*|net worth|rsus?|espp|vest(ing|s)?|stock options|startup options|penny stocks|etfs?|index funds?|mutual funds?|bonds?|401k|ira|roth|dividends?|forex|equit(y|ies)|earnings|options trading|overvalued|nikkei|s&p( 500)?)\b/,
        ),
        cue(
          'money',
          /\b(savings|mortgage|loans?|debt|refinanc\w*|retire(ment)?|pension|salary|income|insurance|annuit(y|ies)|tax (return|deduction|saving)s?|credit score|interest rates?|emergency fund|cash reserves?|rates to drop|yen|dollars|euros?|exchange rate|currency|signing bonus|bonus|cash|allocation|risk tolerance|btc|checking( account)?|savings account|vanguard|target date funds?|financial advis[eo]r|credit card debt|car loan|annuit\w*|deduct(ible|ions?)?|(tax )?write-?offs?)\b/,
        ),
      ],
    },
    medical: {
      personalCounts: true,
      intent: [],
      veto: [
        cue(
          'dev-doctor',
          /\b(brew|flutter|npm|expo|yarn|pnpm|react-native|rails|composer|rustup|dotnet) doctor\b|\bdiagnos\w* (this |the |a |my )?(error|exception|crash|stack ?trace|segfault|segmentation fault|memory leak|build|bug)\b/,
        ),
      ],
      ask: [
        cue(
          'take-drug',
          /\bis it safe to (take|stop|mix|combine)\b|\b(dose|dosage) of\b.{0,40}\b(should|can)\b|\b(drink|alcohol|eat|drive)\b.{0,30}\b(while|after) taking\b/,
        ),
        cue(
          'safe-body',
          /\bsafe (daily )?(dose|dosage|amount|limit)\b|\bsafe to take\b|\bsafely\b.{0,30}\b(take|go without|sleep|drink|stop|skip)\b|\bwhat can i take\b|\b(max|maximum) (amount|dose)\b|\bhow (much|many) \w+ can i take\b|\bhow much \w+ should i take\b|\b(double|halve|skip|up) my \w+ (dose|dosage)\b|\bdo i need (\w+ ){0,2}(the er|a doctor|antibiotics|stitches|benadryl|meds|medication|to see a doctor)\b|\bis (this|that|it) (a|an) (heart|nerve|kidney|liver|skin|lung|thyroid) (problem|issue|condition|thing)\b|\bdiagnose me\b|\bwhat do you think it is\b|\b(keep (running|training|working out|lifting)|should i rest)\b.{0,40}\b(with|on|or)\b|\bdo i need (another|a) (shot|booster|vaccine|tetanus)\b/,
        ),
        cue(
          'what-disease',
          /\b(is (this|it) (cancer|an infection)|do i have (cancer|covid|diabetes|depression|adhd|the flu|an? \w+ (disorder|disease|infection)))\b/,
        ),
      ],
      domain: [
        cue(
          'drug',
          /\b(medicines?|medications?|meds|drugs?|pills?|tablets|doses?|dosage|mg|ibuprofen|aspirin|paracetamol|acetaminophen|antibiotics?|antidepressants?|statins?|melatonin|sleeping pills?|painkillers?|supplements?|vaccines?|insulin|eye drops|caffeine|benadryl|tylenol|advil|motrin|aleve|nyquil|sudafed|antihistamines?|sertraline|ssris?|adderall|modafinil|stimulants?|vitamin [a-z0-9]+|omeprazole|prescription|cream|taper\w*|cross-?taper\w*|titrat\w*|wean\w* off)\b|\b\d+(\.\d+)? ?(mg|mcg|µg|ml|iu)\b|\b\w+(cillin|mycin|cycline|statin|pril|sartan|olol|prazole|zepam|oxetine|triptan|profen|codone)\b/,
        ),
        cue(
          'symptom',
          /\b(pain|ache|aches|aching|hurts?|fever|cough\w*|vomit\w*|bleed\w*|blood|rash|headaches?|migraines?|nausea|dizz(y|iness)|symptoms?|swollen|bleeding|lump|mole|sore|insomnia|fatigue|palpitations?|itchy|dry and red|swallowed|choking|overdose|allergic reaction|night sweats|numb|numbness|tingl\w*|twitch\w*|blurry|heartburn|reflux|bee sting|sting|swelling|swell\w*|chest (pain|feels tight|tightness)|tight chest|tetanus|rusty nail|shin splints|sprain\w*|fracture\w*|concussion|injur(y|ies|ed)|heart rate|pulse|bpm|sleep aids?|otc|over[- ]the[- ]counter|short(ness)? of breath|without sleep|stay awake|sleep deprivation|all-?nighter)\b/,
        ),
        cue(
          'condition',
          /\b\w+itis\b|\b(apnea|snor\w*|infect\w*|stitches)\b|\b(irregular (rhythm|heartbeat|heart ?beat)|arrhythmia|afib|beta[- ]blockers?|blood thinners?|inhalers?|heart (problem|issue|condition|disease|rhythm)|nerve|tendon\w*|rsi|cancer|diabetes|anxiety|depression|adhd|asthma|allergy|allergies|blood pressure|blood sugar|cholesterol|heart attack|stroke|infection|uti|sinus|acne|eczema|ulcer|thyroid|carpal tunnel|pregnan(t|cy)|covid|flu|cold)\b/,
        ),
        cue(
          'care',
          /\b(doctor|er|emergency room|clinic|treat(ment)?|cure|diagnos\w*|therapy|diet|sick|get better|heal|get rid of|glucose|blood sugar|cgm|a1c|units to inject|inject (\w+ ){0,2}(units|insulin|mg|ml))\b/,
        ),
      ],
    },
    ...EN_ACTS,
  },
};
