import assert from 'node:assert/strict';
import createDOMPurify from 'dompurify';
import { createMarkdownRenderer } from '../../../webview/markdown/render.js';
import { createSanitizer } from '../../../webview/markdown/sanitize.js';
import { createMarkdownIt } from '../../../webview/markdown/markdown-setup.js';
import { createHighlightCache } from '../../../webview/markdown/highlight-cache.js';
import { assertSafeHtml, links, parseHtml, testWindow } from './dom-checks.js';

const renderer = createMarkdownRenderer({ window: testWindow });

describe('markdown render: links', () => {
  it('renders http, https and mailto links as data-fude-link elements without href or target', () => {
    const md = '[a](https://example.com/x?y=1&z=2) [b](HTTP://EXAMPLE.ORG) <mailto:me@example.com>';
    const container = assertSafeHtml(renderer.render(md).html);
    assert.deepEqual(links(container), [
      'https://example.com/x?y=1&z=2',
      'HTTP://EXAMPLE.ORG',
      'mailto:me@example.com',
    ]);
    assert.equal(container.querySelector('[href], [target]'), null);
    const first = container.querySelector('a');
    assert.equal(first?.getAttribute('title'), 'https://example.com/x?y=1&z=2');
    assert.equal(first?.getAttribute('tabindex'), '0');
  });

  it('linkifies only URLs with a scheme, never file names', () => {
    const container = assertSafeHtml(
      renderer.render('詳しくは https://example.jp/docs を参照。README.md と main.py も。').html,
    );
    assert.deepEqual(links(container), ['https://example.jp/docs']);
  });

  it('encodes Japanese in URLs', () => {
    const container = assertSafeHtml(renderer.render('[説明](https://example.jp/説明)').html);
    assert.deepEqual(links(container), ['https://example.jp/%E8%AA%AC%E6%98%8E']);
    assert.equal(container.textContent?.trim(), '説明');
  });

  it('shows a relative link as its markdown text', () => {
    const container = assertSafeHtml(renderer.render('[foo](./src/foo.ts)').html);
    assert.deepEqual(links(container), []);
    assert.equal(container.textContent?.trim(), '[foo](./src/foo.ts)');
  });
});

describe('markdown render: code blocks', () => {
  it('wraps each block with its index, language and completeness for the buttons', () => {
    const md = '説明:\n\n```ts\nconst a = 1;\n```\n\n文章\n\n```\nplain\n```\n\n    indented\n';
    const { html, codeBlocks } = renderer.render(md);
    const wrappers = Array.from(assertSafeHtml(html).querySelectorAll('.fude-code'));
    assert.deepEqual(
      wrappers.map((w) => [
        w.getAttribute('data-code-index'),
        w.getAttribute('data-lang'),
        w.getAttribute('data-complete'),
      ]),
      [
        ['0', 'ts', 'true'],
        ['1', '', 'true'],
        ['2', '', 'true'],
      ],
    );
    assert.deepEqual(codeBlocks, [
      { index: 0, language: 'ts', code: 'const a = 1;\n', complete: true },
      { index: 1, language: '', code: 'plain\n', complete: true },
      { index: 2, language: '', code: 'indented\n', complete: true },
    ]);
    assert.equal(wrappers[0].querySelector('code')?.className, 'hljs language-typescript');
    assert.ok(wrappers[0].querySelector('code .hljs-keyword'), 'typescript is highlighted');
  });

  it('highlights aliases and VS Code language ids, leaves unknown languages plain', () => {
    const md = '```typescriptreact\nconst a = 1;\n```\n```py\ndef f(): pass\n```\n```brainfuck\n+++\n```';
    const container = assertSafeHtml(renderer.render(md).html);
    const classes = Array.from(container.querySelectorAll('code')).map((c) => c.className);
    assert.deepEqual(classes, ['hljs language-typescript', 'hljs language-python', 'hljs']);
    assert.equal(container.querySelectorAll('code')[2].innerHTML, '+++\n');
  });

  it('keeps a nested fence inside a longer outer fence as code', () => {
    const md = '````markdown\n例:\n```js\nalert(1)\n```\n````\n後の文';
    const { html, codeBlocks } = renderer.render(md);
    assert.equal(codeBlocks.length, 1);
    assert.deepEqual(codeBlocks[0], {
      index: 0,
      language: 'markdown',
      code: '例:\n```js\nalert(1)\n```\n',
      complete: true,
    });
    assert.equal(parseHtml(html).querySelector('p')?.textContent, '後の文');
  });

  it('marks an unclosed fence incomplete and still renders what has arrived', () => {
    const { html, codeBlocks } = renderer.render("前置き\n\n```python\nprint('途中')\n``");
    assert.deepEqual(codeBlocks, [{ index: 0, language: 'python', code: "print('途中')\n``", complete: false }]);
    const wrapper = assertSafeHtml(html).querySelector('.fude-code');
    assert.equal(wrapper?.getAttribute('data-complete'), 'false');
    assert.equal(wrapper?.querySelector('code')?.textContent, "print('途中')\n``");
  });

  it('treats a fence closed on the last line without a newline as complete', () => {
    assert.equal(renderer.render('```js\nx\n```').codeBlocks[0].complete, true);
    assert.equal(renderer.render('```js\n```').codeBlocks[0].complete, true);
    assert.equal(renderer.render('```js\n').codeBlocks[0].complete, false);
    assert.equal(renderer.render('```js').codeBlocks[0].complete, false);
  });
});

describe('markdown render: Japanese and layout', () => {
  it('renders Japanese headings, emphasis, lists and line breaks intact', () => {
    const md =
      '## 概要\n\nこれは**重要な**点です。\n次の行です。\n\n- 項目一\n- `コード`を含む項目\n\n> 引用：「日本語」';
    const container = assertSafeHtml(renderer.render(md).html);
    assert.equal(container.querySelector('h2')?.textContent, '概要');
    assert.equal(container.querySelector('strong')?.textContent, '重要な');
    assert.ok(container.querySelector('p br'), 'a single newline is a line break');
    assert.deepEqual(
      Array.from(container.querySelectorAll('li')).map((li) => li.textContent),
      ['項目一', 'コードを含む項目'],
    );
    assert.equal(container.querySelector('blockquote')?.textContent?.trim(), '引用：「日本語」');
  });

  it('does not apply typographic replacements', () => {
    assert.equal(parseHtml(renderer.render('"quotes" -- (c) ...').html).textContent?.trim(), '"quotes" -- (c) ...');
  });

  it('turns table alignment into classes, not inline styles', () => {
    const container = assertSafeHtml(renderer.render('| 左 | 右 |\n|:--|--:|\n| 1 | 2 |').html);
    assert.deepEqual(
      Array.from(container.querySelectorAll('th')).map((th) => th.className),
      ['fude-align-left', 'fude-align-right'],
    );
  });
});

describe('markdown render: streaming', () => {
  const answer = [
    '## 手順\n\n1. ファイルを開く\n2. 次のコードを貼る:\n\n',
    '```typescript\nexport function 合計(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n```\n\n',
    '詳しくは [ドキュメント](https://example.jp/docs) を見てください。\n\n```bash\nnpm test\n```\n',
  ].join('');

  it('renders every prefix safely, with only the block still streaming marked incomplete', function () {
    this.timeout(10_000); // jsdom makes DOMPurify slow; a browser is about ten times faster
    for (let end = 0; end <= answer.length; end += 5) {
      const { html, codeBlocks } = renderer.render(answer.slice(0, end));
      assertSafeHtml(html);
      codeBlocks.slice(0, -1).forEach((block) => assert.equal(block.complete, true, `prefix ${end}`));
    }
    assert.deepEqual(
      renderer.render(answer).codeBlocks.map((b) => [b.language, b.complete]),
      [
        ['typescript', true],
        ['bash', true],
      ],
    );
  });

  it('gives the same HTML from its caches as a fresh renderer, and as sanitizing the whole answer at once', () => {
    const whole = createSanitizer({ window: testWindow });
    const md = createMarkdownIt();
    for (const end of [17, 60, 123, 200, answer.length]) {
      const prefix = answer.slice(0, end);
      const fresh = createMarkdownRenderer({ window: testWindow }).render(prefix);
      assert.deepEqual(renderer.render(prefix), fresh, `prefix ${end}`);
      const oneGo = whole(md.render(prefix, { codeBlocks: [], highlight: createHighlightCache() }));
      assert.equal(parseHtml(fresh.html).innerHTML, parseHtml(oneGo).innerHTML, `prefix ${end}`);
    }
  });
});

describe('markdown sanitizer (second line of defence)', () => {
  const sanitize = createSanitizer({ window: testWindow });

  it('removes what markdown-it would never emit', () => {
    const dirty = [
      '<a class="fude-link" data-fude-link="javascript:alert(1)" href="javascript:alert(1)" target="_blank">x</a>',
      '<img src=x onerror=alert(1)><svg onload=alert(1)></svg><iframe src="https://e.example"></iframe>',
      '<div data-evil="1" style="position:fixed" onclick="alert(1)" aria-label="x">d</div>',
      '<style>*{}</style><script>alert(1)</script><form><button formaction=x>b</button></form>',
    ].join('');
    const container = assertSafeHtml(sanitize(dirty));
    assert.equal(container.querySelector('a')?.hasAttribute('data-fude-link'), false);
    assert.equal(container.querySelector('div')?.attributes.length, 0);
  });

  it('keeps the attributes the renderer uses', () => {
    const html =
      '<div class="fude-code" data-code-index="3" data-lang="ts" data-complete="true"><a data-fude-link="https://a.example" role="link" tabindex="0" title="t">a</a></div>';
    assert.equal(sanitize(html), html);
  });

  it('accepts a DOMPurify instance instead of a window', () => {
    const withInstance = createMarkdownRenderer({ purify: createDOMPurify(testWindow) });
    assert.deepEqual(links(assertSafeHtml(withInstance.render('[a](https://a.example) <b>x</b>').html)), [
      'https://a.example',
    ]);
  });

  it('refuses to run without a DOM rather than pass HTML through unsanitized', () => {
    assert.throws(() => createSanitizer({ purify: createDOMPurify() }), /no usable DOM/);
  });
});
