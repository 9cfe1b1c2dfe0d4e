// Each documentation action's prompt as the model sees it, for both instruct families: the docs messages
// through the backend's own renderers (backend/profiles/instruct-formats.ts). Expected texts are written out.
import assert from 'node:assert/strict';
import { fugakuPrompt, llmJp3Prompt } from '../../../backend/profiles/instruct-formats.js';
import type { PromptPart } from '../../../backend/profiles/prompt-parts.js';
import type { ChatMessage } from '../../../protocol/messages.js';
import { docCommentMessages, draftMessages, explainMessages, translateCommentsMessages, translateDocCommentMessages } from '../../../extension/docs/prompts.js';

/** Special tokens shown as the LLM-jp-3 tokenizer writes them. */
function text(parts: readonly PromptPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.special === 'bos' ? '<s>' : '</s>')).join('');
}

const PY = { code: 'def add(a, b):\n    return a + b\n', languageId: 'python', fileName: 'calc.py' };
const FENCE = '```python\ndef add(a, b):\n    return a + b\n```';

const CASES: { action: string; messages: ChatMessage[]; user: string }[] = [
  {
    action: 'doc comment (です/ます, short)',
    messages: docCommentMessages(PY, { politeness: 'desu-masu', length: 'short' }, 'python'),
    user: '次のコードのドキュメントコメントを日本語で書いてください。\n'
      + '一行目から説明を書き、その後に引数ごとに「@param 引数名 説明」、戻り値があれば「@returns 説明」、投げる例外があれば「@throws 例外名 説明」の行を書いてください。\n'
      + 'コメント記号(/** や """ など)やコードは書かないでください。\n'
      + '文体は「です・ます」調にしてください。長さは二、三文の簡潔なものにしてください。\n\n' + FENCE,
  },
  {
    action: 'translate an existing doc comment (である, one line)',
    messages: translateDocCommentMessages('"""Add two numbers."""', PY, { politeness: 'de-aru', length: 'one-line' }),
    user: '次のドキュメントコメントを日本語に翻訳してください。\n'
      + '一行目から説明を書き、その後に「@param 引数名 説明」「@returns 説明」「@throws 例外名 説明」の行を書いてください。コメント記号は書かないでください。\n'
      + '文体は「である」調にしてください。長さは一行にしてください。\n\n"""Add two numbers."""\n\n' + FENCE,
  },
  {
    action: 'explain (です/ます, detailed)',
    messages: explainMessages(PY, { politeness: 'desu-masu', length: 'detailed' }),
    user: '次のコードが何をするのかを日本語で説明してください。\n文体は「です・ます」調にしてください。詳しく説明してください。\n\n' + FENCE,
  },
  {
    action: 'translate comments to Japanese',
    messages: translateCommentsMessages(PY, 'to-ja', { politeness: 'de-aru', length: 'short' }),
    user: '次のコードのコメントだけを日本語に翻訳してください。\n文体は「である」調にしてください。\nコードは一文字も変えず、コード全体をそのまま返してください。\n\n' + FENCE,
  },
  {
    action: 'translate comments to English',
    messages: translateCommentsMessages(PY, 'to-en', { politeness: 'de-aru', length: 'short' }),
    user: '次のコードのコメントだけを英語に翻訳してください。\nコードは一文字も変えず、コード全体をそのまま返してください。\n\n' + FENCE,
  },
  {
    action: 'README section',
    messages: draftMessages(PY, 'readme', { politeness: 'desu-masu', length: 'detailed' }),
    user: '次のファイル「calc.py」について、README の一節を日本語の Markdown で書いてください。見出し、概要、使い方を含めてください。\n'
      + '文体は「です・ます」調にしてください。詳しく説明してください。\n\n' + FENCE,
  },
  {
    action: 'API description',
    messages: draftMessages(PY, 'api', { politeness: 'de-aru', length: 'short' }),
    user: '次のファイル「calc.py」について、公開されている関数・クラスの API 説明を日本語の Markdown で書いてください。それぞれの引数と戻り値を説明してください。\n'
      + '文体は「である」調にしてください。長さは二、三文の簡潔なものにしてください。\n\n' + FENCE,
  },
];

describe('docs: prompts as rendered for each model family', () => {
  for (const c of CASES) {
    it(`LLM-jp-3: ${c.action}`, () => {
      assert.equal(text(llmJp3Prompt(c.messages)),
        '<s>以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。\n\n### 指示:\n' + c.user + '\n\n### 応答:\n');
    });
    it(`Fugaku-LLM: ${c.action}`, () => {
      assert.equal(text(fugakuPrompt(c.messages)),
        '以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。\n\n### 指示:\n' + c.user + '\n\n### 応答:\n');
    });
  }
});
