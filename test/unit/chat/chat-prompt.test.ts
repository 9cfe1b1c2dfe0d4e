import assert from 'node:assert/strict';
import {
  answerReserve,
  fitPrompt,
  PER_MESSAGE_TOKENS,
  sentText,
  SYSTEM_PROMPT,
} from '../../../extension/chat/chat-prompt.js';
import type { StoredMessage } from '../../../extension/chat/history-store.js';

const chars = (text: string) => Array.from(text).length;
const user = (text: string, attachments?: StoredMessage['attachments']): StoredMessage => ({
  role: 'user',
  text,
  createdAt: 0,
  ...(attachments ? { attachments } : {}),
});
const answer = (text: string): StoredMessage => ({ role: 'assistant', text, createdAt: 0 });
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');

describe("chat prompt: a conversation fitted into the model's context", () => {
  it('keeps a quarter of a small context for the answer, and the answer limit of a large one', () => {
    assert.equal(answerReserve(512), 128);
    assert.equal(answerReserve(4096), 1024);
    assert.equal(answerReserve(8192), 1024);
    assert.equal(answerReserve(8192, 300), 300);
    assert.equal(answerReserve(32), 16);
  });

  it('writes earlier questions as they were sent, with their attachments', () => {
    const message = user('これは？', [
      { kind: 'selection', name: 'a.py', language: 'python', text: 'x = 1', startLine: 4 },
    ]);
    assert.equal(sentText(message), '選択範囲: a.py (4〜4行目)\n```python\nx = 1\n```\n\nこれは？');
    assert.equal(sentText(answer('答え')), '答え');
  });

  it('sends the whole conversation when it fits', async () => {
    const result = await fitPrompt([user('一'), answer('二'), user('三')], { contextSize: 4096, countTokens: chars });
    assert.deepEqual(
      result.messages.map((m) => [m.role, m.content]),
      [
        ['system', SYSTEM_PROMPT],
        ['user', '一'],
        ['assistant', '二'],
        ['user', '三'],
      ],
    );
    assert.equal(result.fits, true);
    assert.deepEqual(result.leftOut, []);
    assert.equal(result.limit, 4096 - 1024);
  });

  it('trims a file that holds the selection around the selection, not from its top', async () => {
    const file = { kind: 'file' as const, name: 'big.ts', language: 'typescript', text: numbered(300) };
    const selection = {
      kind: 'selection' as const,
      name: 'big.ts',
      language: 'typescript',
      text: 'line 250',
      startLine: 250,
    };
    const result = await fitPrompt([user('これは？', [file, selection])], { contextSize: 1200, countTokens: chars });
    const sent = result.messages.at(-1)!.content;
    assert.match(sent, /^ファイル: big\.ts \((\d+)〜(\d+)行目 \/ 全300行\)/);
    const [, start, end] = /\((\d+)〜(\d+)行目/.exec(sent)!.map(Number);
    assert.ok(start <= 250 && 250 <= end, `lines ${start}-${end} hold the selection`);
    assert.equal(result.leftOut[0].kind, 'trimmed');
  });

  it("counts every line with the model's tokenizer in one call and fits with those counts", async () => {
    const calls: Array<{ messages: { content: string }[]; texts: string[] }> = [];
    // The "real tokenizer" needs three tokens a character (byte fallback), the estimate one.
    const count = async (call: { messages: { content: string }[]; texts: string[] }) => {
      calls.push(call);
      return {
        prompt: call.messages.reduce((sum, m) => sum + 3 * chars(m.content) + PER_MESSAGE_TOKENS, 0),
        texts: call.texts.map((t) => 3 * chars(t)),
      };
    };
    const history = [
      user('あ'.repeat(50)),
      answer('い'.repeat(50)),
      user('う'.repeat(50)),
      answer('え'.repeat(50)),
      user('最後の質問'),
    ];
    const result = await fitPrompt(history, { contextSize: 1024, countTokens: chars, count });
    assert.equal(calls.length, 1, 'one round trip');
    assert.equal(result.fits, true);
    const exact = result.messages.reduce((sum, m) => sum + 3 * chars(m.content) + PER_MESSAGE_TOKENS, 0);
    assert.ok(exact <= result.limit, `${exact} <= ${result.limit}`);
    assert.ok(result.tokens >= exact, 'the counts used are not below the real ones');
    assert.deepEqual(result.leftOut, [{ kind: 'turns', from: 1, to: 1 }]);
    assert.equal(result.messages.at(-1)!.content, '最後の質問');
  });

  it('trims an attachment by its counted lines, without counting again', async () => {
    let calls = 0;
    const file = { kind: 'file' as const, name: 'big.ts', language: 'typescript', text: numbered(300) };
    const count = async (call: { texts: string[] }) => {
      calls++;
      return { texts: call.texts.map((t) => 2 * chars(t)) };
    };
    const result = await fitPrompt([user('これは？', [file])], { contextSize: 2048, countTokens: chars, count });
    assert.equal(calls, 1);
    assert.equal(result.fits, true);
    assert.equal(result.leftOut[0].kind, 'trimmed');
    const sent = result.messages.at(-1)!.content;
    assert.ok(2 * chars(sent) <= result.limit, 'the trimmed file fits by the real count');
  });

  it('falls back to estimates when the engine cannot count', async () => {
    const result = await fitPrompt([user('一'), answer('二'), user('三')], {
      contextSize: 4096,
      countTokens: chars,
      count: async () => undefined,
    });
    assert.equal(result.fits, true);
    assert.equal(result.messages.length, 4);
  });

  it('says the question cannot fit when even it alone is over', async () => {
    const result = await fitPrompt([user('あ'.repeat(500))], {
      contextSize: 256,
      countTokens: chars,
      count: async (call) => ({ texts: call.texts.map(() => 10_000) }),
    });
    assert.equal(result.fits, false);
    assert.equal(result.leftOut.at(-1)?.kind, 'questionTooLong');
  });

  it('refuses a conversation that does not end with a question', async () => {
    await assert.rejects(fitPrompt([user('q'), answer('a')], { contextSize: 100 }), /must end with a question/);
  });
});

describe('lineCounter: token costs from exact per-line counts', () => {
  it('costs a text made of counted lines as their sum plus its newlines, a little over rather than under', async () => {
    const { lineCounter } = await import('../../../extension/chat/chat-prompt.js');
    const count = lineCounter(['alpha', 'beta'], [3, 2], 1, (t) => t.length);
    assert.equal(count('alpha'), Math.ceil(3 * 1.02));
    assert.equal(count('alpha\nbeta'), Math.ceil((3 + 2 + 1) * 1.02));
    assert.ok(count('alpha\nbeta\nalpha') >= 3 + 2 + 3 + 2);
  });

  it('scales the rough estimate of lines it never counted by how far off it was on the counted ones', async () => {
    const { lineCounter } = await import('../../../extension/chat/chat-prompt.js');
    // The estimate says 5 for "alpha" but the tokenizer said 10: unknown lines are doubled.
    const count = lineCounter(['alpha'], [10], 1, (t) => t.length);
    assert.equal(count('gamma'), Math.ceil(10 * 1.02));
  });
});
