// The documentation assistant's prompts, as the real backend renders them for both instruct families.
import assert from 'node:assert/strict';
import type { ChatMessage } from '../../protocol/messages.js';
import {
  docCommentMessages,
  draftMessages,
  explainMessages,
  SYSTEM_SENTENCE,
  translateCommentsMessages,
  translateDocCommentMessages,
  type DocStyle,
} from '../../extension/docs/prompts.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, type BackendProcess } from './harness.js';

const TS = {
  code: 'export function greet(name: string): string {\n  return `こんにちは、${name}`;\n}',
  languageId: 'typescript',
  fileName: 'greet.ts',
};
const PY = { code: '# 名前で挨拶する\ndef greet(name):\n    return "こんにちは、" + name', languageId: 'python' };
const POLITE: DocStyle = { politeness: 'desu-masu', length: 'short' };
const PLAIN: DocStyle = { politeness: 'de-aru', length: 'one-line' };

const CODE_TS = '```typescript\nexport function greet(name: string): string {\n  return `こんにちは、${name}`;\n}\n```';
const CODE_PY = '```python\n# 名前で挨拶する\ndef greet(name):\n    return "こんにちは、" + name\n```';

/** Each action's messages and the instruction text it must render to, written out in full. */
const CASES: Array<{ name: string; messages: ChatMessage[]; instruction: string }> = [
  {
    name: 'doc comment (です/ます, short)',
    messages: docCommentMessages(TS, POLITE, 'jsdoc'),
    instruction:
      '次のコードのドキュメントコメントを日本語で書いてください。\n一行目から説明を書き、その後に引数ごとに「@param 引数名 説明」、戻り値があれば「@returns 説明」、投げる例外があれば「@throws 例外名 説明」の行を書いてください。\nコメント記号(/** や """ など)やコードは書かないでください。\n文体は「です・ます」調にしてください。長さは二、三文の簡潔なものにしてください。\n\n' +
      CODE_TS,
  },
  {
    name: 'translate an existing doc comment (である, one line)',
    messages: translateDocCommentMessages('/** Returns a greeting. */', TS, PLAIN),
    instruction:
      '次のドキュメントコメントを日本語に翻訳してください。\n一行目から説明を書き、その後に「@param 引数名 説明」「@returns 説明」「@throws 例外名 説明」の行を書いてください。コメント記号は書かないでください。\n文体は「である」調にしてください。長さは一行にしてください。\n\n/** Returns a greeting. */\n\n' +
      CODE_TS,
  },
  {
    name: 'explain (である, detailed)',
    messages: explainMessages(PY, { politeness: 'de-aru', length: 'detailed' }),
    instruction:
      '次のコードが何をするのかを日本語で説明してください。\n文体は「である」調にしてください。詳しく説明してください。\n\n' +
      CODE_PY,
  },
  {
    name: 'translate comments to English',
    messages: translateCommentsMessages(PY, 'to-en', POLITE),
    instruction:
      '次のコードのコメントだけを英語に翻訳してください。\nコードは一文字も変えず、コード全体をそのまま返してください。\n\n' +
      CODE_PY,
  },
  {
    name: 'translate comments to Japanese',
    messages: translateCommentsMessages(PY, 'to-ja', PLAIN),
    instruction:
      '次のコードのコメントだけを日本語に翻訳してください。\n文体は「である」調にしてください。\nコードは一文字も変えず、コード全体をそのまま返してください。\n\n' +
      CODE_PY,
  },
  {
    name: 'README section',
    messages: draftMessages(TS, 'readme', POLITE),
    instruction:
      '次のファイル「greet.ts」について、README の一節を日本語の Markdown で書いてください。見出し、概要、使い方を含めてください。\n文体は「です・ます」調にしてください。長さは二、三文の簡潔なものにしてください。\n\n' +
      CODE_TS,
  },
  {
    name: 'API description',
    messages: draftMessages(TS, 'api', PLAIN),
    instruction:
      '次のファイル「greet.ts」について、公開されている関数・クラスの API 説明を日本語の Markdown で書いてください。それぞれの引数と戻り値を説明してください。\n文体は「である」調にしてください。長さは一行にしてください。\n\n' +
      CODE_TS,
  },
];

describe('backend: documentation prompts rendered per family', function () {
  this.timeout(120_000);
  let dir: string;
  const backends: BackendProcess[] = [];
  const clients: Client[] = [];
  let n = 0;

  async function open(preset: 'llm-jp-3-1.8b' | 'fugaku', extra: string[] = []): Promise<Client> {
    const b = spawnBackend(['--model', writePresetModel(dir, preset).path, ...extra]);
    backends.push(b);
    const c = await Client.connect((await b.ready).port);
    clients.push(c);
    return c;
  }

  async function render(c: Client, messages: ChatMessage[]) {
    const res = await c.request({ id: `r${++n}`, type: 'render', messages });
    assert.equal(res.final.type, 'done', JSON.stringify(res.final));
    return res.final.type === 'done' ? res.final.render! : assert.fail('no render');
  }

  before(() => {
    dir = makeTinyModelDir();
  });
  after(async () => {
    for (const c of clients) c.close();
    await Promise.all(backends.map((b) => b.stop()));
    removeTinyModelDir(dir);
  });

  describe('LLM-jp-3 (one BOS, fixed system sentence)', () => {
    let c: Client;
    before(async () => {
      c = await open('llm-jp-3-1.8b');
    });
    for (const k of CASES) {
      it(k.name, async () => {
        const r = await render(c, k.messages);
        assert.equal(r.text, `<s>${SYSTEM_SENTENCE}\n\n### 指示:\n${k.instruction}\n\n### 応答:\n`);
        assert.equal(r.tokens.filter((t) => t === 1).length, 1, 'exactly one BOS');
        assert.equal(r.tokens[0], 1);
      });
    }
  });

  describe('Fugaku-LLM (no BOS)', () => {
    let c: Client;
    before(async () => {
      c = await open('fugaku', ['--accept-terms', 'fugaku-llm']);
    });
    for (const k of CASES) {
      it(k.name, async () => {
        const r = await render(c, k.messages);
        assert.equal(r.text, `${SYSTEM_SENTENCE}\n\n### 指示:\n${k.instruction}\n\n### 応答:\n`);
        assert.ok(!r.pieces.some((p) => p.startsWith('<s')), 'no BOS piece');
      });
    }
  });
});
