// The backend's own refusal: a model whose terms of use were not accepted is never loaded, whatever the client.
import { termsForFamily } from '../../common/terms/index.js';
import { SetupError } from '../setup/setup-error.js';
import type { ModelIdentity } from './family.js';

export interface TermsDecision {
  termsId: string | null;
  /** For models known to have terms this registry does not hold: read them on the model page. */
  warning?: string;
}

/** Which registered terms cover this model, or a SetupError when they were not accepted. */
export function requiredTerms(identity: ModelIdentity, accepted: readonly string[]): TermsDecision {
  const r = termsForFamily(identity.family, identity.name);
  if (r.kind === 'unregistered') return { termsId: null, warning: `${r.reason} (${r.infoUrl})` };
  if (r.kind !== 'terms') return { termsId: null };
  const { terms } = r;
  if (accepted.includes(terms.id)) return { termsId: terms.id };
  const page = terms.source.modelPages[0] ?? '';
  throw new SetupError('terms_not_accepted', `${identity.name} is covered by the terms of use "${terms.id}"${page ? ` (${page})` : ''}. Read them (in VS Code: "Fude: Show Terms of Use") and start again with --accept-terms ${terms.id} to accept them.`, { termsId: terms.id });
}
