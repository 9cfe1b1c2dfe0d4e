import assert from 'node:assert/strict';
import { rewritesAttachedCode } from '../../../extension/chat/rewrite-intent.js';

const withCode = (question: string) => rewritesAttachedCode({ question, attachments: 1 });

describe('rewritesAttachedCode: questions whose answer copies the attached code', () => {
  it('recognises requests to change the code, in English and Japanese', () => {
    for (const q of [
      'Refactor this to use async/await',
      'fix the bug',
      'Please rewrite it in a functional style',
      'Convert this class to a function',
      'rename `x` to `count`',
      'add type annotations',
      'Add error handling',
      'simplify this',
      'Port this to Python',
      'この関数をリファクタリングしてください',
      'バグを修正して',
      '直してください',
      '型注釈を付けて',
      'async/await に書き換えて',
      '変数名を分かりやすく変更してください',
      'Why does this fail? Fix it.',
      'なぜ動かないのか説明して、修正してください',
    ])
      assert.equal(withCode(q), true, q);
  });

  it('leaves questions about the code alone', () => {
    for (const q of [
      'What does this function do?',
      'Explain this code',
      'How does the cache work here?',
      'Is this thread-safe?',
      'この関数は何をしますか？',
      'このコードを説明してください',
      'なぜこの変数が必要なのですか',
      'What is the complexity of this?',
    ])
      assert.equal(withCode(q), false, q);
  });

  it('needs code to rewrite: an attachment or a fenced block in the question', () => {
    assert.equal(rewritesAttachedCode({ question: 'Refactor it', attachments: 0 }), false);
    assert.equal(rewritesAttachedCode({ question: 'Fix this:\n```ts\nconst a = ;\n```', attachments: 0 }), true);
  });
});
