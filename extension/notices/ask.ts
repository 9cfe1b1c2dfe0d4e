/**
 * The shape of the ask, beyond its vocabulary: who is advised (the asker, or the users
 * of a product the asker builds), whether a qualified professional is in the loop, whose
 * data it is and whether they agreed, and whether the alarming words are used in an
 * engineering sense (a game's damage, `kill -9`, a strict code reviewer). Each fact names
 * the text that showed it, so the notice can say why. Judged clause by clause (clauses.ts):
 * "no lawyer" in one sentence says nothing about "our lawyer wrote it" in another.
 */
import {
  ADVISES_USERS,
  ASIDE,
  BUILDS,
  CONSENTED,
  DEFINITIVE,
  GENERAL,
  NO_CONSENT,
  OTHERS_CONTENT,
  OWN,
  PRO_EXCLUDED,
  PRO_IN_LOOP,
  SENSES,
} from './ask-cues.js';
import { clausesOf } from './clauses.js';

export type AskFact =
  | 'professional-excluded'
  | 'professional-in-loop'
  | 'advises-users'
  | 'definitive'
  | 'builds'
  | 'no-consent'
  | 'consented'
  | 'own'
  | 'general'
  | 'aside';

export type Sense = keyof typeof SENSES;

export interface AskHit {
  fact: AskFact | `sense.${Sense}`;
  match: string;
}

export interface AskFacts {
  hits: AskHit[];
  /** The facts that hold, for quick tests. */
  has: Set<AskHit['fact']>;
  /** Clauses from the first aside on ("also, unrelated: can I sue…"): a second ask that the task before it does not excuse. */
  asideText: string;
}

function first(res: readonly RegExp[], text: string): string | undefined {
  return firstMatch(res, text)?.[0];
}

function firstMatch(res: readonly RegExp[], text: string): RegExpExecArray | undefined {
  for (const re of res) {
    const m = re.exec(text);
    if (m) return m;
  }
  return undefined;
}

const FACTS: [AskFact, RegExp[]][] = [
  ['professional-excluded', PRO_EXCLUDED],
  ['professional-in-loop', PRO_IN_LOOP],
  ['advises-users', ADVISES_USERS],
  ['definitive', DEFINITIVE],
  ['builds', BUILDS],
  ['no-consent', NO_CONSENT],
  ['consented', CONSENTED],
  ['own', OWN],
  ['general', GENERAL],
];

/** `normalised` is the output of normaliseRequest. */
export function analyseAsk(normalised: string): AskFacts {
  const clauses = clausesOf(normalised);
  const hits: AskHit[] = [];
  const seen = new Set<AskHit['fact']>();
  const add = (fact: AskHit['fact'], match: string | undefined): void => {
    if (match === undefined || seen.has(fact)) return;
    seen.add(fact);
    hits.push({ fact, match });
  };
  let asideAt = -1;
  let asideFrom = 0;
  clauses.forEach((clause, i) => {
    const excluded = first(PRO_EXCLUDED, clause);
    const refused = first(NO_CONSENT, clause);
    for (const [fact, res] of FACTS) {
      // A clause that leaves the professional out does not also put them in; one that skips the consent prompt does not ask for consent.
      if (fact === 'professional-in-loop' && excluded !== undefined) continue;
      if (fact === 'consented' && refused !== undefined) continue;
      add(fact, fact === 'professional-excluded' ? excluded : first(res, clause));
    }
    for (const sense of Object.keys(SENSES)) add(`sense.${sense}`, first(SENSES[sense], clause));
    const aside = firstMatch(ASIDE, clause);
    if (aside !== undefined && asideAt < 0) {
      asideAt = i;
      // The second ask starts at the turn, not at the start of its clause ("fix this bug, and by the way can I sue…", 「…書いてほしいのと、…も判断して」).
      asideFrom = aside.index;
      add('aside', aside[0]);
    }
  });
  // "My own" with someone else's work in the request is where that work goes ("rehost it on my own site"), not the user's own data.
  if (seen.has('own') && first(OTHERS_CONTENT, normalised) !== undefined) {
    seen.delete('own');
    hits.splice(
      hits.findIndex((h) => h.fact === 'own'),
      1,
    );
  }
  const asideText = asideAt < 0 ? '' : [clauses[asideAt].slice(asideFrom), ...clauses.slice(asideAt + 1)].join(' ');
  return { hits, has: seen, asideText };
}
