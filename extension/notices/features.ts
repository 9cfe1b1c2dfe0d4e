/** What the statistical model sees of a request: its character n-grams, its words and its weak signals. */
import { ngramsOf } from './ngrams.js';
import type { RuleClassification } from './rules.js';
import { signalsOf } from './signals.js';
import { wordsOf } from './words.js';

/** Pass the rules' result when it is at hand, to save running them twice. */
export function featuresOf(text: string, rules?: RuleClassification): string[] {
  return [...ngramsOf(text), ...wordsOf(text), ...signalsOf(text, rules)];
}
