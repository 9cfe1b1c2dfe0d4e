import assert from 'node:assert/strict';
import {
  docCommentMessages,
  docSampling,
  draftMessages,
  explainMessages,
  SYSTEM_SENTENCE,
  translateCommentsMessages,
  translateDocCommentMessages,
} from '../../../extension/docs/prompts.js';

const TS = {
  code: 'function add(a: number, b: number): number {\n  return a + b;\n}\n',
  languageId: 'typescript',
  fileName: 'add.ts',
};
const sys = { role: 'system', content: SYSTEM_SENTENCE } as const;

describe('docs: prompt messages', () => {
  it('doc comment: neutral form, style and length, code fenced with its language', () => {
    assert.deepEqual(docCommentMessages(TS, { politeness: 'desu-masu', length: 'short' }, 'jsdoc'), [
      sys,
      {
        role: 'user',
        content: [
          '次のコードのドキュメントコメントを日本語で書いてください。',
          '一行目から説明を書き、その後に引数ごとに「@param 引数名 説明」、戻り値があれば「@returns 説明」、投げる例外があれば「@throws 例外名 説明」の行を書いてください。',
          'コメント記号(/** や """ など)やコードは書かないでください。',
          '文体は「です・ます」調にしてください。長さは二、三文の簡潔なものにしてください。',
          '',
          '```typescript\nfunction add(a: number, b: number): number {\n  return a + b;\n}\n```',
        ].join('\n'),
      },
    ]);
  });

  it('doc comment for Go asks for a summary that follows the name', () => {
    const [, user] = docCommentMessages(
      { code: 'func Add(a, b int) int { return a + b }', languageId: 'go' },
      { politeness: 'de-aru', length: 'one-line' },
      'go',
    );
    assert.equal(
      user.content,
      [
        '次のコードのドキュメントコメントを日本語で書いてください。',
        '一行目から説明を書き、その後に引数ごとに「@param 引数名 説明」、戻り値があれば「@returns 説明」、投げる例外があれば「@throws 例外名 説明」の行を書いてください。',
        'コメント記号(/** や """ など)やコードは書かないでください。',
        '一行目は「は」で始めてください(関数名は自動で前に付きます)。',
        '文体は「である」調にしてください。長さは一行にしてください。',
        '',
        '```go\nfunc Add(a, b int) int { return a + b }\n```',
      ].join('\n'),
    );
  });

  it('translate an existing doc comment', () => {
    assert.deepEqual(
      translateDocCommentMessages('/** Adds. */', TS, { politeness: 'desu-masu', length: 'detailed' })[1].content,
      [
        '次のドキュメントコメントを日本語に翻訳してください。',
        '一行目から説明を書き、その後に「@param 引数名 説明」「@returns 説明」「@throws 例外名 説明」の行を書いてください。コメント記号は書かないでください。',
        '文体は「です・ます」調にしてください。詳しく説明してください。',
        '',
        '/** Adds. */',
        '',
        '```typescript\nfunction add(a: number, b: number): number {\n  return a + b;\n}\n```',
      ].join('\n'),
    );
  });

  it('explain', () => {
    assert.deepEqual(explainMessages(TS, { politeness: 'de-aru', length: 'detailed' }), [
      sys,
      {
        role: 'user',
        content:
          '次のコードが何をするのかを日本語で説明してください。\n文体は「である」調にしてください。詳しく説明してください。\n\n```typescript\nfunction add(a: number, b: number): number {\n  return a + b;\n}\n```',
      },
    ]);
  });

  it('translate comments in both directions, code kept', () => {
    const code = { code: '# 足す\nx = 1', languageId: 'python' };
    assert.equal(
      translateCommentsMessages(code, 'to-en', { politeness: 'de-aru', length: 'short' })[1].content,
      '次のコードのコメントだけを英語に翻訳してください。\nコードは一文字も変えず、コード全体をそのまま返してください。\n\n```python\n# 足す\nx = 1\n```',
    );
    assert.equal(
      translateCommentsMessages(code, 'to-ja', { politeness: 'desu-masu', length: 'short' })[1].content,
      '次のコードのコメントだけを日本語に翻訳してください。\n文体は「です・ます」調にしてください。\nコードは一文字も変えず、コード全体をそのまま返してください。\n\n```python\n# 足す\nx = 1\n```',
    );
  });

  it('README section and API description name the file', () => {
    assert.equal(
      draftMessages(TS, 'readme', { politeness: 'desu-masu', length: 'short' })[1].content,
      '次のファイル「add.ts」について、README の一節を日本語の Markdown で書いてください。見出し、概要、使い方を含めてください。\n文体は「です・ます」調にしてください。長さは二、三文の簡潔なものにしてください。\n\n```typescript\nfunction add(a: number, b: number): number {\n  return a + b;\n}\n```',
    );
    assert.equal(
      draftMessages({ ...TS, fileName: undefined }, 'api', { politeness: 'de-aru', length: 'one-line' })[1].content,
      '次のファイルについて、公開されている関数・クラスの API 説明を日本語の Markdown で書いてください。それぞれの引数と戻り値を説明してください。\n文体は「である」調にしてください。長さは一行にしてください。\n\n```typescript\nfunction add(a: number, b: number): number {\n  return a + b;\n}\n```',
    );
  });

  it('sampling: low temperature, answer length by the chosen length', () => {
    assert.deepEqual(docSampling('one-line'), { temperature: 0.2, maxTokens: 96 });
    assert.ok(docSampling('detailed').maxTokens > docSampling('short').maxTokens);
  });
});
