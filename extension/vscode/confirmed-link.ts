// Opening a link from a webview (a model's answer, the terms gate): checked against the link policy, then
// opened only after the person confirmed it in a modal dialog. Pure; the VS Code dialog is link-prompt.ts.
import { isAllowedLinkUrl } from '../../common/link-policy.js';

export interface LinkPrompt {
  /** Asks the person (modally) whether to open `url`; true to open. */
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

export type LinkOutcome = 'opened' | 'declined' | 'refused';

export async function openAfterConfirming(
  url: string,
  prompt: LinkPrompt,
  allowed: (url: string) => boolean = isAllowedLinkUrl,
): Promise<LinkOutcome> {
  if (!allowed(url)) return 'refused';
  if (!(await prompt.confirm(url))) return 'declined';
  await prompt.open(url);
  return 'opened';
}
