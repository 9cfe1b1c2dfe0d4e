// Why a language-model request gets no answer, as the kind of VS Code LanguageModelError a caller can test
// (`error.code`) and a sentence of Fude's own in the display language that names the editor action that
// fixes it. The sentences come from the VS Code layer (lm-texts.ts); this module only chooses.
import type { ModelFailure, ModelState } from '../engine/model-status.js';
import type { GuardVerdict } from '../guard/request-guard.js';
import type { SamplingFields } from '../../protocol/messages.js';
import type { MessagesProblem } from './request-messages.js';

/** LanguageModelError's codes: NoPermissions (terms not accepted), Blocked (a notice stopped it), NotFound, or a plain failure. */
export type LmErrorKind = 'NoPermissions' | 'Blocked' | 'NotFound' | 'Unknown';

export class LmRefusal extends Error {
  constructor(
    readonly kind: LmErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'LmRefusal';
  }
}

export interface LmTexts {
  /** The model's terms are not accepted: "Run "Fude: Show Terms of Use"…". `terms`: their title. */
  termsNotAccepted(model: string, terms: string): string;
  /** The model could not be started; the failure worded as the editor's notice words it. */
  startFailed(failure: ModelFailure, model: string): string;
  /** Not running (and no failure to say why). */
  notReady: string;
  /** The person chose Cancel at a prohibited-use notice. */
  declined: string;
  /** fude.notices.mode is "block". */
  blocked: string;
  /** The answer failed: the engine's code worded. */
  failed(code: string, retryAfterMs?: number): string;
  badMessages(problem: MessagesProblem): string;
  /** A model option of the wrong type or out of range; `field` is the sampling field it sets. */
  badOption(option: string, field: keyof SamplingFields): string;
  toolsRequired: string;
  /** The caller holds a model that is no longer Fude's model (another one was chosen). */
  notFound(id: string, current: string): string;
}

/** The model is not usable after trying to start it. */
export function startRefusal(state: ModelState, texts: LmTexts, termsTitle: (id: string) => string): LmRefusal {
  const model = state.model?.name ?? state.configuredName;
  const failure = state.failure;
  if (failure?.code === 'terms_not_accepted') {
    const id = failure.params.termsId ?? '';
    return new LmRefusal('NoPermissions', texts.termsNotAccepted(model, termsTitle(id)));
  }
  if (failure) return new LmRefusal('Unknown', texts.startFailed(failure, model));
  return new LmRefusal('Unknown', texts.notReady);
}

/** The request guard said no. */
export function guardRefusal(
  verdict: Extract<GuardVerdict, { send: false }>,
  state: ModelState,
  texts: LmTexts,
  termsTitle: (id: string) => string,
): LmRefusal {
  switch (verdict.reason) {
    case 'terms-not-accepted': {
      const id = state.model?.termsId ?? '';
      return new LmRefusal(
        'NoPermissions',
        texts.termsNotAccepted(state.model?.name ?? state.configuredName, termsTitle(id)),
      );
    }
    case 'blocked':
      return new LmRefusal('Blocked', texts.blocked);
    case 'declined':
      return new LmRefusal('Blocked', texts.declined);
    case 'not-ready':
      return startRefusal(state, texts, termsTitle);
  }
}
