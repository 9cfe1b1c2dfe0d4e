/** What the statistical model sees of a request: its character n-grams and its weak signals. */
import { ngramsOf } from './ngrams.js';
import { signalsOf } from './signals.js';

export function featuresOf(text: string): string[] {
  return [...ngramsOf(text), ...signalsOf(text)];
}
