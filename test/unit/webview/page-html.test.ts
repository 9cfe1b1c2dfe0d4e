import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import {
  contentSecurityPolicy,
  jsonForScriptElement,
  makeNonce,
  pageHtml,
} from '../../../extension/webview/page-html.js';

const options = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/chat.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/chat.css',
  nonce: 'abcDEF0123456789abcDEF0123456789',
  title: 'Fude <chat>',
  strings: { send: '送信', evil: '</script><script>alert(1)</script>' },
  lang: 'ja',
  appClass: 'fude-chat',
  data: { host: 'view' },
};

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

describe('webview page (chat, terms gate, documentation panel)', () => {
  it("has a CSP that runs only the nonce'd script and loads nothing remote", () => {
    const csp = contentSecurityPolicy(options.cspSource, options.nonce);
    const directives = new Map(
      csp.split('; ').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values];
      }),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${options.nonce}'`]);
    assert.deepEqual(directives.get('style-src'), [options.cspSource, `'nonce-${options.nonce}'`]);
    assert.ok(
      !csp.includes('unsafe-inline') && !csp.includes('unsafe-eval') && !csp.includes('https:;') && !csp.includes('*'),
      csp,
    );
  });

  it('carries the CSP and the csp-nonce meta the toolkit reads, and no inline style or handler', () => {
    const doc = parse(pageHtml(options));
    assert.equal(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      contentSecurityPolicy(options.cspSource, options.nonce),
    );
    assert.equal(doc.querySelector('meta[property="csp-nonce"]')?.getAttribute('content'), options.nonce);
    assert.equal(doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href'), options.styleUri);
    assert.equal(doc.querySelectorAll('style, [style], [onload], [onerror]').length, 0);
    assert.equal(doc.title, 'Fude <chat>');
    assert.equal(doc.documentElement.lang, 'ja');
  });

  it('puts the strings in an inert JSON element that no string can break out of', () => {
    const doc = parse(pageHtml(options));
    const scripts = Array.from(doc.querySelectorAll('script'));
    assert.equal(scripts.length, 2);
    assert.equal(scripts[0].getAttribute('type'), 'application/json');
    assert.equal(scripts[0].id, 'fude-strings');
    assert.deepEqual(JSON.parse(scripts[0].textContent ?? ''), options.strings);
    assert.equal(scripts[1].getAttribute('nonce'), options.nonce);
    assert.equal(scripts[1].getAttribute('src'), options.scriptUri);
    assert.ok(!jsonForScriptElement({ a: '</script>\u2028<!--' }).match(/[<>\u2028]/));
  });

  it('gives #app its class and data attributes, and leaves the strings element out when there are none', () => {
    const app = parse(pageHtml(options)).getElementById('app');
    assert.equal(app?.className, 'fude-chat');
    assert.equal(app?.dataset.host, 'view');
    const bare = parse(pageHtml({ ...options, strings: undefined, appClass: undefined, data: undefined }));
    assert.equal(bare.querySelectorAll('script').length, 1);
    assert.equal(bare.getElementById('app')?.attributes.length, 1);
  });

  it('escapes data values and refuses a data attribute name that could leave the tag', () => {
    const app = parse(pageHtml({ ...options, data: { host: '"><script>' } })).getElementById('app');
    assert.equal(app?.dataset.host, '"><script>');
    assert.throws(() => pageHtml({ ...options, data: { 'x onload="alert(1)"': '' } }), /bad data attribute name/);
  });

  it('makes a fresh 32-character nonce each time', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, makeNonce());
  });
});
