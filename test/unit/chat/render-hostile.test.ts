import assert from 'node:assert/strict';
import { createMarkdownRenderer } from '../../../webview/markdown/render.js';
import { assertSafeHtml, links, testWindow } from './dom-checks.js';
import { HOSTILE } from './hostile-markdown.js';

const renderer = createMarkdownRenderer({ window: testWindow });
const render = (markdown: string) => renderer.render(markdown).html;

describe('markdown render: hostile input', () => {
  for (const [name, input] of Object.entries(HOSTILE)) {
    it(`renders nothing active for: ${name}`, () => {
      assertSafeHtml(render(input), input);
    });
  }

  it('stays safe when hostile fragments are combined and cut at any point', function () {
    this.timeout(10_000); // jsdom makes DOMPurify slow; a browser is about ten times faster
    const fragments = Object.values(HOSTILE);
    for (let i = 0; i < fragments.length; i += 3) {
      const combined = `${fragments[i]}\n${fragments[(i * 7 + 3) % fragments.length]} ${fragments[(i * 5 + 1) % fragments.length]}`;
      for (let cut = 3; cut <= combined.length + 12; cut += 13)
        assertSafeHtml(render(combined.slice(0, cut)), combined);
    }
  });

  it('shows raw HTML from the model as text', () => {
    const container = assertSafeHtml(render('<script>alert(1)</script> and <b>bold</b>'));
    assert.equal(container.querySelector('script, b'), null);
    assert.equal(container.textContent?.trim(), '<script>alert(1)</script> and <b>bold</b>');
  });

  it('keeps HTML entities as text instead of turning them into tags', () => {
    const container = assertSafeHtml(render('&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;img&amp;gt;'));
    assert.equal(container.querySelector('script, img'), null);
    assert.equal(container.textContent?.trim(), '<script>alert(1)</script> &lt;img&gt;');
  });

  it('makes no link at all from refused schemes', () => {
    for (const name of [
      'markdown javascript link',
      'markdown link with decimal entity scheme',
      'autolink javascript',
      'markdown link with full-width scheme',
      'reference link',
      'markdown data link',
      'file link',
    ]) {
      assert.deepEqual(links(assertSafeHtml(render(HOSTILE[name]))), [], name);
    }
  });

  it('never links to a host hidden behind credentials', () => {
    // linkify may still link the visible "https://github.com" part of the text, which goes where it says.
    const targets = links(assertSafeHtml(render(HOSTILE['credentials in a link'])));
    assert.ok(
      targets.every((url) => !url.includes('evil.example')),
      targets.join(' '),
    );
  });

  it('turns a remote image into a link to open outside, never an <img>', () => {
    const container = assertSafeHtml(render(HOSTILE['remote image']));
    assert.equal(container.querySelector('img'), null);
    assert.deepEqual(links(container), ['https://evil.example/pixel.png']);
    assert.equal(container.textContent?.trim(), 'tracker');
  });

  it('keeps code in fences as escaped text', () => {
    const { html, codeBlocks } = renderer.render(HOSTILE['code fence with html inside']);
    const container = assertSafeHtml(html);
    assert.equal(container.querySelector('script, img'), null);
    assert.equal(
      container.querySelector('code')?.textContent,
      '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n',
    );
    assert.equal(codeBlocks[0].code, '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n');
  });

  it('drops a fence language that is not a plain name', () => {
    for (const name of ['language name with quotes', 'language name with html']) {
      const { html, codeBlocks } = renderer.render(HOSTILE[name]);
      assertSafeHtml(html);
      assert.equal(codeBlocks[0].language, '', name);
    }
  });
});
