import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { Env } from 'markdown-it';
import { createMarkdownRenderer } from '../../../webview/markdown/render.js';
import { createStreamRenderer, type StreamRenderer } from '../../../webview/markdown/stream-render.js';
import { assertSafeHtml, testWindow } from './dom-checks.js';
import { HOSTILE } from './hostile-markdown.js';

/** Feeds `text` in steps of `step` characters; calls `check` with the whole HTML shown after each step. */
function stream(
  renderer: StreamRenderer,
  text: string,
  step: number,
  check: (html: string, shown: string) => void,
): string {
  let final = '';
  let html = '';
  for (let end = step; end < text.length + step; end += step) {
    const shown = text.slice(0, Math.min(end, text.length));
    const update = renderer.update(shown);
    if (update.reset) final = '';
    final += update.appended;
    html = final + update.tail;
    check(html, shown);
  }
  return html;
}

const SAMPLES: Record<string, string> = {
  'prose, lists, code, a table, a quote': [
    '## 変更の概要\n\nこの関数は**配列の合計**を計算します。次の点に注意してください:\n\n',
    '1. 空の配列では `0` を返す\n2. 数値以外は無視する\n3. 詳しくは [MDN](https://developer.mozilla.org/ja/) を参照\n\n',
    '```typescript\nexport function sum(values: unknown[]): number {\n  let total = 0;\n\n  return total;\n}\n```\n\n',
    '| 入力 | 結果 |\n|:--|--:|\n| `[]` | 0 |\n| `[1, 2]` | 3 |\n\n',
    '> テストは `npm test` で実行できます。\n続き\n\n- a\n- b\n\n  続きの段落\n- c\n\n終わり',
  ].join(''),
  'a partial line that changes its mind':
    '段落\n#x\n段落\n# 見出し\n段落\n***太字***\n段落\n```x```\n\n段落\n---\n\n    code\n\n    more\n\nend\r\nwindows\r\n\r\nlast',
  'setext headings and a table that starts as a paragraph':
    '見出し\n===\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText\n---\n\n1. one\n\n2. two\n\n3) three',
  'an unclosed fence to the end': "前置き\n\n~~~python\nprint('a')\n\n\nprint('b')\n",
};

describe('markdown render: streaming, incrementally', () => {
  const full = createMarkdownRenderer({ window: testWindow });

  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`shows what a whole render shows, at every cut: ${name}`, function () {
      this.timeout(60_000); // jsdom makes DOMPurify slow
      const renderer = createStreamRenderer({ window: testWindow });
      stream(renderer, text, 1, (html, shown) =>
        assert.equal(html, full.render(shown).html, `after ${JSON.stringify(shown.slice(-30))}`),
      );
    });
  }

  it('numbers code blocks across final and open parts like a whole render', () => {
    const text = '```js\na\n```\n\ntext\n\n```py\nb\n```\n\n```sh\nc';
    const renderer = createStreamRenderer({ window: testWindow });
    stream(renderer, text, 5, () => undefined);
    const update = renderer.update(text);
    assert.deepEqual(update.codeBlocks, full.render(text).codeBlocks);
  });

  it('starts again when the text does not continue the last one (a regenerated answer)', () => {
    const renderer = createStreamRenderer({ window: testWindow });
    stream(renderer, '一つ目の答え\n\n続き\n\n', 4, () => undefined);
    const update = renderer.update('別の答え');
    assert.equal(update.reset, true);
    assert.equal(update.appended + update.tail, full.render('別の答え').html);
  });

  // Issue 13: "the chat webview re-parses the whole answer on every streamed frame".
  it('parses each part of a long answer a bounded number of times, not the whole answer every frame', function () {
    this.timeout(60_000); // jsdom makes DOMPurify slow
    const answer = SAMPLES['prose, lists, code, a table, a quote'].repeat(120).slice(0, 100_000);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be restored, then called with its own this
    const parse = MarkdownIt.prototype.parse;
    let parsed = 0;
    MarkdownIt.prototype.parse = function (src: string, env: Env) {
      parsed += src.length;
      return parse.call(this, src, env);
    };
    try {
      stream(createStreamRenderer({ window: testWindow }), answer, 208, () => undefined);
    } finally {
      MarkdownIt.prototype.parse = parse;
    }
    assert.ok(
      parsed < 5 * answer.length,
      `parsed ${parsed} characters for a ${answer.length}-character answer (${(parsed / answer.length).toFixed(1)}×)`,
    );
  });
});

describe('markdown render: streaming hostile input', () => {
  it('stays safe at every cut of every hostile input, fed one character at a time', function () {
    this.timeout(120_000);
    for (const input of Object.values(HOSTILE)) {
      stream(createStreamRenderer({ window: testWindow }), `${input}\n\n${input}\n`, 1, (html) =>
        assertSafeHtml(html, input),
      );
    }
  });

  it('stays safe when hostile fragments are combined and streamed in uneven chunks', function () {
    this.timeout(60_000);
    const fragments = Object.values(HOSTILE);
    for (let i = 0; i < fragments.length; i += 3) {
      const combined = `${fragments[i]}\n${fragments[(i * 7 + 3) % fragments.length]} ${fragments[(i * 5 + 1) % fragments.length]}\n\n${fragments[(i + 1) % fragments.length]}`;
      for (const step of [2, 7, 13])
        stream(createStreamRenderer({ window: testWindow }), combined, step, (html) => assertSafeHtml(html, combined));
    }
  });
});
