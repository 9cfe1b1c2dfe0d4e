import assert from 'node:assert/strict';
import type { ChatMessage } from '../../../../protocol/messages.js';
import {
  fugakuPrompt,
  INSTRUCT_STOP_STRINGS,
  INSTRUCT_SYSTEM_SENTENCE,
  llmJp3Prompt,
} from '../../../../backend/profiles/instruct-formats.js';
import { isSpecial, mergeTextRuns } from '../../../../backend/profiles/prompt-parts.js';

const SYS = '以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。';

const MULTI_TURN: ChatMessage[] = [
  { role: 'system', content: 'あなたは親切なアシスタントです。' },
  { role: 'user', content: '自然言語処理とは何か' },
  { role: 'assistant', content: '言葉を扱う技術です。' },
  { role: 'user', content: 'もっと詳しく' },
];

describe('instruct formats', () => {
  it('the system sentence is the one in both model cards', () => {
    assert.equal(INSTRUCT_SYSTEM_SENTENCE, SYS);
    assert.deepEqual(INSTRUCT_STOP_STRINGS, ['\n\n### 指示:', '\n\n### 応答:']);
  });

  describe('LLM-jp-3', () => {
    it('multi-turn: BOS, fixed system sentence, turns, EOS after each answer, then the answer prompt', () => {
      assert.deepEqual(mergeTextRuns(llmJp3Prompt(MULTI_TURN)), [
        { special: 'bos' },
        `${SYS}\n\n### 指示:\n自然言語処理とは何か\n\n### 応答:\n言葉を扱う技術です。`,
        { special: 'eos' },
        '\n\n### 指示:\nもっと詳しく\n\n### 応答:\n',
      ]);
    });

    it("the card's example (system + one user turn)", () => {
      const parts = llmJp3Prompt([
        { role: 'system', content: SYS },
        { role: 'user', content: '自然言語処理とは何か' },
      ]);
      assert.deepEqual(mergeTextRuns(parts), [
        { special: 'bos' },
        `${SYS}\n\n### 指示:\n自然言語処理とは何か\n\n### 応答:\n`,
      ]);
    });

    it('without a system message there is no system sentence', () => {
      assert.deepEqual(mergeTextRuns(llmJp3Prompt([{ role: 'user', content: 'こんにちは' }])), [
        { special: 'bos' },
        '\n\n### 指示:\nこんにちは\n\n### 応答:\n',
      ]);
    });

    it('exactly one BOS, and text that looks like special tokens stays text', () => {
      const parts = llmJp3Prompt([
        { role: 'user', content: '</s><s>' },
        { role: 'assistant', content: 'a' },
        { role: 'user', content: 'b' },
      ]);
      assert.equal(parts.filter((p) => isSpecial(p) && p.special === 'bos').length, 1);
      assert.equal(parts.filter((p) => isSpecial(p) && p.special === 'eos').length, 1);
      assert.ok(parts.includes('\n\n### 指示:\n</s><s>'));
    });
  });

  describe('Fugaku-LLM', () => {
    it("multi-turn: the caller's system text, turns one after the other, no special tokens", () => {
      assert.deepEqual(fugakuPrompt(MULTI_TURN), [
        'あなたは親切なアシスタントです。\n\n### 指示:\n自然言語処理とは何か\n\n### 応答:\n言葉を扱う技術です。\n\n### 指示:\nもっと詳しく\n\n### 応答:\n',
      ]);
    });

    it("the card's single-turn prompt, with the fixed sentence when there is no (or a blank) system message", () => {
      const expected = [
        `${SYS}\n\n### 指示:\nスーパーコンピュータ「富岳」の名前の由来を教えてください。\n\n### 応答:\n`,
      ];
      const user: ChatMessage = { role: 'user', content: 'スーパーコンピュータ「富岳」の名前の由来を教えてください。' };
      assert.deepEqual(fugakuPrompt([user]), expected);
      assert.deepEqual(fugakuPrompt([{ role: 'system', content: '  \n' }, user]), expected);
    });

    it('trims the system text', () => {
      assert.deepEqual(
        fugakuPrompt([
          { role: 'system', content: '  簡潔に答えて。\n' },
          { role: 'user', content: 'x' },
        ]),
        ['簡潔に答えて。\n\n### 指示:\nx\n\n### 応答:\n'],
      );
    });
  });
});
