/**
 * The prohibited-use detector: the explainable rules (rules.ts) with the shape of the
 * ask (ask.ts), and a model over character n-grams, words and weak signals trained on the
 * labelled sets (ngram-model.ts, weights in the generated ngram-model-data.ts) that flags
 * phrasings the rules do not know and overrules a rule the whole request contradicts
 * (combine.ts). Every verdict is graded confident or borderline. A statistical flag names
 * the model's probability and the features that drove it, and obeys the rules'
 * exemptions. Pure and deterministic. request.ts judges a whole request (question,
 * attachments, selection) with this.
 */
import type { Category } from '../../common/terms/categories.js';
import { detectorText } from './code-text.js';
import { combine } from './combine.js';
import { featuresOf } from './features.js';
import { parseModel, scoreFeatures, type NgramModel } from './ngram-model.js';
import { MODEL_CONFIDENT, MODEL_TEXT, MODEL_THRESHOLD, MODEL_VETO } from './ngram-model-data.js';
import { classifyByRules, type Classification } from './rules.js';

export type { Category };
export type { Classification, CueHit, Grade, Reason, Rule, Suppression } from './rules.js';

let model: NgramModel | undefined;

/** The committed model, parsed on first use. */
export function committedModel(): NgramModel {
  model ??= parseModel(MODEL_TEXT);
  return model;
}

export function classifyRequest(text: string): Classification {
  const t = detectorText(text);
  const rules = classifyByRules(t);
  return combine(
    rules,
    scoreFeatures(committedModel(), featuresOf(t, rules)),
    MODEL_THRESHOLD,
    MODEL_VETO,
    MODEL_CONFIDENT,
  );
}
