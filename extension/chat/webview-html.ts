/**
 * The chat webview's page. Nothing runs or loads but the panel's own script (by nonce) and
 * stylesheet (from the media folder): no inline script or style, no remote resource.
 */
import { escapeHtml } from "../../webview/markdown/escape.js";

export interface ChatHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  /** Localized strings for the webview. */
  strings: Record<string, string>;
  /** BCP 47 language of the strings, for the page's lang attribute (fonts, line breaking). */
  lang: string;
  /** The sidebar view has New chat / History in its title bar; an editor tab shows them in the page. */
  host: "view" | "panel";
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
  ].join("; ");
}

/** JSON safe inside a <script type="application/json"> element: no "</script>", no HTML comment openers. */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export function chatHtml(o: ChatHtmlOptions): string {
  const csp = escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta property="csp-nonce" content="${escapeHtml(o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>Fude</title>
</head>
<body>
<div id="app" class="fude-chat" data-host="${o.host}"></div>
<script type="application/json" id="fude-strings">${jsonForScriptElement(o.strings)}</script>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}

const NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** 32 characters from a cryptographic source. */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(32)), (byte) => NONCE_CHARS[byte % NONCE_CHARS.length]).join("");
}
