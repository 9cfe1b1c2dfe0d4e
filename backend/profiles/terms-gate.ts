// The backend's own refusal: a model whose terms of use were not accepted is never loaded, whatever the client;
// nor is a release of a family with terms whose own terms Fude does not hold yet.
import { SetupError } from '../setup/setup-error.js';
import { termsForModel, type ModelFacts } from '../../common/terms/index.js';
import type { ModelIdentity } from './family.js';

export interface TermsDecision {
  termsId: string | null;
}

/**
 * Which registered terms cover this model, or a SetupError when they were not accepted or are not registered.
 * The terms follow the weights (every sign in `facts`); the identity's family, overridden or not, can only add.
 */
export function requiredTerms(facts: ModelFacts, identity: ModelIdentity, accepted: readonly string[]): TermsDecision {
  const r = termsForModel(facts, identity.family);
  if (r.kind === 'unregistered') {
    throw new SetupError(
      'terms_unregistered',
      `${identity.name} is not loaded: ${r.reason} (recognised by ${r.because.join(', ')}). Read its terms at ${r.infoUrl}; Fude loads it once a version of Fude registers them.`,
      { path: facts.fileName, url: r.infoUrl },
    );
  }
  if (r.kind !== 'terms') return { termsId: null };
  const { terms } = r;
  if (accepted.includes(terms.id)) return { termsId: terms.id };
  const page = terms.source.modelPages[0] ?? '';
  throw new SetupError(
    'terms_not_accepted',
    `${identity.name} is covered by the terms of use "${terms.id}"${page ? ` (${page})` : ''}, recognised by ${r.because.join(', ')}. Read them (in VS Code: "Fude: Show Terms of Use") and start again with --accept-terms ${terms.id} to accept them.`,
    { termsId: terms.id },
  );
}
