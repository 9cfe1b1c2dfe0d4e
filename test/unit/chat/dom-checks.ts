/** Shared helpers for the markdown tests: a jsdom window and the safety invariants of rendered HTML. */
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { isAllowedLinkUrl } from '../../../common/link-policy.js';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
export const testWindow = dom.window as unknown as WindowLike;

const ALLOWED_TAGS = new Set([
  'A',
  'BLOCKQUOTE',
  'BR',
  'CODE',
  'DEL',
  'DIV',
  'EM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'S',
  'SPAN',
  'STRONG',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const ALLOWED_ATTRS = new Set([
  'class',
  'title',
  'role',
  'tabindex',
  'start',
  'data-fude-link',
  'data-code-index',
  'data-lang',
  'data-complete',
]);

/** Parses HTML the way the webview will (innerHTML) and returns the container. */
export function parseHtml(html: string): HTMLElement {
  const container = dom.window.document.createElement('div');
  container.innerHTML = html;
  return container;
}

/** Everything that could run, load or navigate is absent; returns the parsed container for more checks. */
export function assertSafeHtml(html: string, input = ''): HTMLElement {
  const container = parseHtml(html);
  for (const element of Array.from(container.querySelectorAll('*'))) {
    assert.ok(ALLOWED_TAGS.has(element.tagName), `tag ${element.tagName} rendered for ${JSON.stringify(input)}`);
    for (const attr of Array.from(element.attributes)) {
      assert.ok(ALLOWED_ATTRS.has(attr.name), `attribute ${attr.name} rendered for ${JSON.stringify(input)}`);
      if (attr.name === 'data-fude-link') {
        assert.ok(isAllowedLinkUrl(attr.value), `link ${attr.value} rendered for ${JSON.stringify(input)}`);
      }
    }
  }
  return container;
}

export function links(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('[data-fude-link]')).map((a) => a.getAttribute('data-fude-link') ?? '');
}
