/**
 * DOMPurify as the second line of defence behind markdown-it: an allow-list
 * of exactly the tags and attributes our renderer emits, nothing that
 * navigates, loads or runs anything.
 */
import createDOMPurify from 'dompurify';
import type { Config, DOMPurify, WindowLike } from 'dompurify';
import { isAllowedLinkUrl } from '../../common/link-policy.js';

/** A DOMPurify instance (it gets our hook) or a window to make a fresh one from (webview, jsdom). */
export type PurifierSource = { purify: DOMPurify } | { window: WindowLike };

const CONFIG: Config = {
  ALLOWED_TAGS: [
    'a',
    'blockquote',
    'br',
    'code',
    'del',
    'div',
    'em',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'li',
    'ol',
    'p',
    'pre',
    's',
    'span',
    'strong',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'ul',
  ],
  ALLOWED_ATTR: [
    'class',
    'title',
    'role',
    'tabindex',
    'start',
    'data-fude-link',
    'data-code-index',
    'data-lang',
    'data-complete',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
};

export type Sanitize = (html: string) => string;

export function createSanitizer(source: PurifierSource): Sanitize {
  const purify = 'purify' in source ? source.purify : createDOMPurify(source.window);
  if (!purify.isSupported) throw new Error('DOMPurify has no usable DOM in this environment');
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'data-fude-link' && !isAllowedLinkUrl(data.attrValue)) data.keepAttr = false;
  });
  return (html) => purify.sanitize(html, CONFIG);
}
