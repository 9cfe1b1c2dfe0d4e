// The terms gate's links: only the terms' own sources (model pages, license files), only http/https by the
// shared link policy, and only after the person confirmed, as chat asks before opening a model's link.
import { isAllowedWebUrl } from '../../common/link-policy.js';
import type { TermsSet } from '../../common/terms/types.js';
import { openAfterConfirming, type LinkOutcome, type LinkPrompt } from '../vscode/confirmed-link.js';

export function gateLinkOpener(terms: TermsSet, prompt: LinkPrompt): (url: string) => Promise<LinkOutcome> {
  const listed = new Set([...terms.source.modelPages, ...terms.source.licenseFiles]);
  return (url) => openAfterConfirming(url, prompt, (u) => listed.has(u) && isAllowedWebUrl(u));
}
