/**
 * The one HTML page every Fude webview (chat, terms gate, documentation panel) starts from. Nothing runs or
 * loads but the panel's own script (by nonce) and stylesheet (from the media folder): no inline script or
 * style, no remote resource. Pure, so the unit tests check the page and its policy directly.
 */
import { escapeHtml } from '../../webview/markdown/escape.js';

export interface PageOptions {
  /** webview.cspSource */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  /** BCP 47 language of the page's text, for the lang attribute (fonts, line breaking). */
  lang: string;
  title: string;
  /** Class of the #app element the script fills. */
  appClass?: string;
  /** data-* attributes of #app (names in lower case, e.g. { host: "view" } gives data-host="view"). */
  data?: Record<string, string>;
  /** Localized strings, put in an inert <script type="application/json" id="fude-strings">. */
  strings?: Record<string, string>;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    // The nonce lets the toolkit's one feature-test <style> element in (it reads the csp-nonce meta).
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** JSON safe inside a <script type="application/json"> element: no "</script>", no HTML comment openers. */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const DATA_NAME = /^[a-z][a-z0-9-]*$/;

function dataAttributes(data: Record<string, string>): string {
  return Object.entries(data)
    .map(([name, value]) => {
      // Names come from our code, never from data; refuse anything that could leave the attribute list.
      if (!DATA_NAME.test(name)) throw new Error(`bad data attribute name: ${name}`);
      return ` data-${name}="${escapeHtml(value)}"`;
    })
    .join('');
}

export function pageHtml(o: PageOptions): string {
  const csp = escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce));
  const appClass = o.appClass === undefined ? '' : ` class="${escapeHtml(o.appClass)}"`;
  const strings =
    o.strings === undefined
      ? ''
      : `\n<script type="application/json" id="fude-strings">${jsonForScriptElement(o.strings)}</script>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta property="csp-nonce" content="${escapeHtml(o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<div id="app"${appClass}${dataAttributes(o.data ?? {})}></div>${strings}
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}

const NONCE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 characters from a cryptographic source. */
export function makeNonce(
  random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b),
): string {
  return Array.from(random(new Uint8Array(32)), (byte) => NONCE_CHARS[byte % NONCE_CHARS.length]).join('');
}
