import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { chatHtml, contentSecurityPolicy, jsonForScriptElement, makeNonce } from "../../../extension/chat/webview-html.js";

const options = {
  cspSource: "https://file+.vscode-resource.vscode-cdn.net",
  scriptUri: "https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/chat.js",
  styleUri: "https://file+.vscode-resource.vscode-cdn.net/ext/media/chat.css",
  nonce: "abcDEF0123456789abcDEF0123456789",
  strings: { send: "送信", evil: "</script><script>alert(1)</script>" },
  lang: "ja",
  host: "view" as const,
};

describe("chat webview page", () => {
  it("has a CSP that runs only the nonce'd script and loads nothing remote", () => {
    const csp = contentSecurityPolicy(options.cspSource, options.nonce);
    const directives = new Map(csp.split("; ").map((d) => { const [name, ...values] = d.split(" "); return [name, values]; }));
    assert.deepEqual(directives.get("default-src"), ["'none'"]);
    assert.deepEqual(directives.get("script-src"), [`'nonce-${options.nonce}'`]);
    assert.deepEqual(directives.get("style-src"), [options.cspSource, `'nonce-${options.nonce}'`]);
    assert.ok(!csp.includes("unsafe-inline") && !csp.includes("unsafe-eval") && !csp.includes("https:;") && !csp.includes("*"), csp);
  });

  it("puts the strings in an inert JSON element that no string can break out of", () => {
    const html = chatHtml(options);
    const dom = new JSDOM(html);
    const doc = dom.window.document;
    const scripts = Array.from(doc.querySelectorAll("script"));
    assert.equal(scripts.length, 2);
    assert.equal(scripts[0].getAttribute("type"), "application/json");
    assert.deepEqual(JSON.parse(scripts[0].textContent ?? ""), options.strings);
    assert.equal(scripts[1].getAttribute("nonce"), options.nonce);
    assert.equal(scripts[1].getAttribute("src"), options.scriptUri);
    assert.equal(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"), contentSecurityPolicy(options.cspSource, options.nonce));
    assert.equal(doc.querySelector('meta[property="csp-nonce"]')?.getAttribute("content"), options.nonce);
    assert.equal(doc.querySelectorAll("[style], [onload], [onerror]").length, 0);
    assert.equal(doc.documentElement.lang, "ja");
    assert.equal(doc.getElementById("app")?.dataset.host, "view");
    assert.ok(!jsonForScriptElement({ a: "</script>\u2028<!--" }).match(/[<>\u2028]/));
  });

  it("makes a fresh 32-character nonce each time", () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, makeNonce());
  });
});
