/**
 * Which link targets a chat answer may offer to open.
 *
 * Allow-list, not deny-list: the string must literally start with one of the
 * schemes below, so every spelling trick (mixed case is fine, but tabs, entities,
 * full-width letters, percent escapes or leading controls are not) fails closed.
 * The extension checks again before it opens anything.
 */

const ALLOWED_PREFIX = /^(?:https?:\/\/|mailto:)/i;
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// C0/C1 controls, spaces, quotes and angle brackets never belong in a link we offer.
// eslint-disable-next-line no-control-regex -- the controls are what it looks for
const FORBIDDEN_CHARS = /[\u0000-\u0020\u007f-\u009f"'<>`\\]/;
const MAX_URL_LENGTH = 2048;

export function isAllowedLinkUrl(url: string): boolean {
  if (url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  if (!ALLOWED_PREFIX.test(url) || FORBIDDEN_CHARS.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  // "http://" with no host, or credentials smuggled in front of the host, are refused.
  if (parsed.protocol !== 'mailto:' && (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '')) {
    return false;
  }
  return true;
}

/** Web pages only (http and https): what the terms gate offers to open. */
export function isAllowedWebUrl(url: string): boolean {
  return isAllowedLinkUrl(url) && /^https?:\/\//i.test(url);
}
