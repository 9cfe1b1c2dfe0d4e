import assert from 'node:assert/strict';
import { codeUnchanged, extractCode } from '../../../extension/docs/answer-text.js';
import { formatDocParts, parseDocParts } from '../../../extension/docs/doc-parts.js';

describe('docs: reading answers', () => {
  it('takes the fenced block, or the whole answer', () => {
    assert.equal(extractCode('はい。\n```ts\nconst a = 1; // 一\n```\n以上'), 'const a = 1; // 一');
    assert.equal(extractCode('const a = 1;'), 'const a = 1;');
  });

  it('a comment translation must keep the code', () => {
    assert.ok(codeUnchanged('const a = 1; // one\n/* two */', 'const a = 1;  // 一\n/* 二 */', 'typescript'));
    assert.ok(!codeUnchanged('const a = 1; // one', 'const a = 2; // 一', 'typescript'));
    assert.ok(
      !codeUnchanged('s = "// one"', 's = "// 一"', 'typescript'),
      'a string is code even when it looks like a comment',
    );
    assert.ok(
      codeUnchanged(
        'def f():\n    """Adds."""\n    return 1  # one',
        'def f():\n    """足す。"""\n    return 1  # 一',
        'python',
      ),
    );
    assert.ok(!codeUnchanged("x = 'a'  # it's", "x = 'b'  # それ", 'python'));
  });

  it('parses the neutral doc form, tolerating comment markers and fences', () => {
    const p = parseDocParts(
      '```\n/**\n * 挨拶文を返します。\n * @param {string} name 名前\n * @return 挨拶文\n * @throws {TypeError} 名前が空のとき\n * @throws 失敗したとき\n */\n```',
    );
    assert.deepEqual(p, {
      description: ['挨拶文を返します。'],
      params: [{ name: 'name', text: '名前' }],
      returns: '挨拶文',
      throws: [
        { type: 'TypeError', text: '名前が空のとき' },
        { type: '', text: '失敗したとき' },
      ],
    });
    assert.equal(
      formatDocParts(p),
      '挨拶文を返します。\n@param name 名前\n@returns 挨拶文\n@throws TypeError 名前が空のとき\n@throws 失敗したとき',
    );
  });
});
