import assert from 'node:assert/strict';
import { cleanTitle, deriveTitle, graphemes } from '../../../extension/chat/conversation-title.js';

const isWellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('chat history: conversation titles', () => {
  it('keeps a short question as it is, on one line', () => {
    assert.equal(deriveTitle('  この関数は\n何を　していますか？\t', '無題'), 'この関数は 何を していますか？');
  });

  it('falls back when the question is blank', () => {
    assert.equal(deriveTitle(' \n\u3000', '新しいチャット'), '新しいチャット');
  });

  it('cuts long Japanese at 40 characters with an ellipsis', () => {
    const title = deriveTitle('あ'.repeat(100), 'x');
    assert.equal(title, `${'あ'.repeat(39)}…`);
    assert.equal(graphemes(title).length, 40);
  });

  it('never splits a surrogate pair, an emoji sequence or a combining mark', () => {
    const inputs = [
      '😀'.repeat(60),
      `${'a'.repeat(38)}😀😀😀`,
      `${'あ'.repeat(38)}👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦`,
      `${'あ'.repeat(38)}か\u3099き\u3099く\u3099`,
      '𠮷野家'.repeat(20),
    ];
    for (const input of inputs) {
      const title = deriveTitle(input, 'x');
      assert.ok(isWellFormed(title), JSON.stringify(title));
      assert.ok(input.startsWith(title.slice(0, -1)), `${JSON.stringify(title)} is a clean prefix`);
      assert.ok(graphemes(title).length <= 40);
    }
    assert.equal(deriveTitle(`${'あ'.repeat(38)}👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦`, 'x'), `${'あ'.repeat(38)}👨‍👩‍👧‍👦…`);
    assert.equal(deriveTitle(`${'あ'.repeat(38)}か\u3099き\u3099く\u3099`, 'x'), `${'あ'.repeat(38)}か\u3099…`);
  });

  it('ends Latin text at a word boundary when one is near', () => {
    assert.equal(
      deriveTitle('How do I configure the TypeScript compiler for strict mode in this project?', 'x'),
      'How do I configure the TypeScript…',
    );
  });

  it('cleans a typed title to one line and a sane length', () => {
    assert.equal(cleanTitle('  新しい\n題名  '), '新しい 題名');
    assert.equal(graphemes(cleanTitle('😀'.repeat(300))).length, 200);
  });
});
