import assert from 'node:assert/strict';
import type { Attachment } from '../../../extension/chat/attachments.js';
import { fitToBudget, type BudgetRequest, type ChatTurn } from '../../../extension/chat/context-budget.js';
import { describeLeftOut } from './left-out-text.js';

// One token a character: exact and easy to reason about.
const countTokens = (text: string) => Array.from(text).length;
const numbered = (n: number) =>
  Array.from({ length: n }, (_, i) => `line ${String(i + 1).padStart(3, '0')}`).join('\n');

const turns: ChatTurn[] = [
  { role: 'user', text: '最初の質問' },
  { role: 'assistant', text: '最初の答え' },
  { role: 'user', text: '二つ目の質問' },
  { role: 'assistant', text: '二つ目の答え' },
  { role: 'user', text: '三つ目の質問' },
  { role: 'assistant', text: '三つ目の答え' },
];

function request(overrides: Partial<BudgetRequest>): BudgetRequest {
  return {
    systemPrompt: 'あなたは助手です。',
    question: 'これは何?',
    selection: null,
    files: [],
    turns: [],
    budgetTokens: 10_000,
    countTokens,
    perMessageTokens: 4,
    ...overrides,
  };
}

/** Recounts what would be sent, the way the budget is defined. */
function recount(messages: { content: string }[], overhead = 4): number {
  return messages.reduce((sum, m) => sum + countTokens(m.content) + overhead, 0);
}

describe('chat context: fitting a request into the budget', () => {
  it('sends everything when it fits, system first and the new question last', () => {
    const result = fitToBudget(request({ turns }));
    assert.deepEqual(
      result.messages.map((m) => m.role),
      ['system', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user'],
    );
    assert.equal(result.messages[7].content, 'これは何?');
    assert.deepEqual(result.leftOut, []);
    assert.equal(result.fits, true);
    assert.equal(result.tokens, recount(result.messages));
  });

  it('drops the oldest exchanges whole, never half of one', () => {
    const full = fitToBudget(request({ turns })).tokens;
    const exchangeCost = (5 + 4) * 2; // the first exchange: two 5-character messages plus overhead
    const result = fitToBudget(request({ turns, budgetTokens: full - 1 }));
    assert.deepEqual(result.leftOut, [{ kind: 'turns', from: 1, to: 1 }]);
    assert.deepEqual(
      result.messages.slice(1, 3).map((m) => m.content),
      ['二つ目の質問', '二つ目の答え'],
    );
    assert.equal(result.tokens, full - exchangeCost);
    const tighter = fitToBudget(request({ turns, budgetTokens: full - exchangeCost - 1 }));
    assert.deepEqual(tighter.leftOut.map(describeLeftOut), ['older turns 1-2']);
  });

  it('gives attachments priority over earlier turns', () => {
    const file: Attachment = { kind: 'file', name: 'foo.ts', language: 'typescript', text: numbered(40) };
    const alone = fitToBudget(request({ files: [file] })).tokens;
    const result = fitToBudget(request({ files: [file], turns, budgetTokens: alone + 10 }));
    assert.deepEqual(result.leftOut, [{ kind: 'turns', from: 1, to: 3 }]);
    assert.ok(result.messages[1].content.includes('line 040'));
  });

  it('trims a long file at line boundaries around the selection and says so', () => {
    const file: Attachment = {
      kind: 'file',
      name: 'foo.ts',
      language: 'typescript',
      text: numbered(400),
      focus: { start: 200, end: 202 },
    };
    const selection: Attachment = {
      kind: 'selection',
      name: 'foo.ts',
      language: 'typescript',
      text: 'line 200\nline 201\nline 202',
      startLine: 200,
    };
    const result = fitToBudget(request({ files: [file], selection, budgetTokens: 1000 }));
    assert.equal(result.fits, true);
    assert.ok(result.tokens <= 1000);
    assert.equal(result.tokens, recount(result.messages));
    const [note] = result.leftOut;
    assert.equal(note.kind, 'trimmed');
    if (note.kind !== 'trimmed') return;
    assert.ok(note.start < 200 && note.end > 202, `${note.start}-${note.end} holds the selection`);
    assert.ok(Math.abs(200 - note.start - (note.end - 202)) <= 1, 'centred on the selection');
    assert.equal(describeLeftOut(note), `file foo.ts trimmed to lines ${note.start}-${note.end}`);
    const user = result.messages[result.messages.length - 1].content;
    assert.ok(
      user.startsWith(
        `ファイル: foo.ts (${note.start}〜${note.end}行目 / 全400行)\n\`\`\`typescript\nline ${String(note.start).padStart(3, '0')}\n`,
      ),
    );
    assert.ok(!user.includes('line 001'));
  });

  it('trims a file without a selection from the top', () => {
    const file: Attachment = { kind: 'file', name: 'long.md', language: 'markdown', text: numbered(300) };
    const result = fitToBudget(request({ files: [file], budgetTokens: 600 }));
    assert.deepEqual(result.leftOut.map(describeLeftOut), [
      `file long.md trimmed to lines 1-${(result.leftOut[0] as { end: number }).end}`,
    ]);
  });

  it('keeps small files whole and shares the rest among long ones', () => {
    const small: Attachment = { kind: 'file', name: 'small.ts', language: 'typescript', text: numbered(3) };
    const big1: Attachment = { kind: 'file', name: 'big1.ts', language: 'typescript', text: numbered(200) };
    const big2: Attachment = { kind: 'file', name: 'big2.ts', language: 'typescript', text: numbered(200) };
    const result = fitToBudget(request({ files: [big1, small, big2], budgetTokens: 1200 }));
    const user = result.messages[result.messages.length - 1].content;
    assert.ok(
      user.indexOf('big1.ts') < user.indexOf('small.ts') && user.indexOf('small.ts') < user.indexOf('big2.ts'),
      'attachment order kept',
    );
    assert.ok(user.includes('ファイル: small.ts\n'));
    const notes = result.leftOut.filter((n) => n.kind === 'trimmed');
    assert.deepEqual(
      notes.map((n) => n.name),
      ['big1.ts', 'big2.ts'],
    );
    const sizes = notes.map((n) => (n.kind === 'trimmed' ? n.end - n.start + 1 : 0));
    assert.ok(Math.abs(sizes[0] - sizes[1]) <= 2, `shares ${sizes.join(' and ')} are about equal`);
    assert.ok(result.tokens <= 1200);
  });

  it('leaves a file out when not even a line of it fits', () => {
    const file: Attachment = { kind: 'file', name: 'x.ts', language: 'typescript', text: numbered(10) };
    const base = fitToBudget(request({})).tokens;
    const result = fitToBudget(request({ files: [file], budgetTokens: base + 5 }));
    assert.deepEqual(result.leftOut.map(describeLeftOut), ['file x.ts left out']);
    assert.equal(result.messages[result.messages.length - 1].content, 'これは何?');
  });

  it('cuts a selection too long for the context from its end', () => {
    const selection: Attachment = {
      kind: 'selection',
      name: 'big.ts',
      language: 'typescript',
      text: numbered(100),
      startLine: 11,
    };
    const result = fitToBudget(request({ selection, turns, budgetTokens: 400 }));
    assert.equal(result.fits, true);
    const trimmed = result.leftOut.find((n) => n.kind === 'trimmed');
    assert.ok(trimmed && trimmed.kind === 'trimmed');
    assert.equal(trimmed.start, 11);
    assert.equal(describeLeftOut(trimmed), `selection in big.ts trimmed to lines 11-${trimmed.end}`);
    assert.ok(result.leftOut.some((n) => n.kind === 'turns'));
    assert.ok(result.tokens <= 400);
  });

  it('reports a question that cannot fit at all', () => {
    const file: Attachment = { kind: 'file', name: 'x.ts', language: 'typescript', text: 'x' };
    const result = fitToBudget(request({ question: '長い'.repeat(100), files: [file], turns, budgetTokens: 50 }));
    assert.equal(result.fits, false);
    assert.deepEqual(
      result.leftOut.map((n) => n.kind),
      ['turns', 'questionTooLong', 'dropped'],
    );
    assert.match(
      describeLeftOut(result.leftOut[1]),
      /^the question is too long for the model's context \(\d+ of 50 tokens\)$/,
    );
  });

  it('never goes over the budget, whatever the budget', () => {
    const file: Attachment = {
      kind: 'file',
      name: 'f.ts',
      language: 'typescript',
      text: numbered(120),
      focus: { start: 60, end: 61 },
    };
    const other: Attachment = { kind: 'file', name: 'g.ts', language: 'typescript', text: numbered(30) };
    const selection: Attachment = {
      kind: 'selection',
      name: 'f.ts',
      language: 'typescript',
      text: 'line 060\nline 061',
      startLine: 60,
    };
    for (let budget = 0; budget <= 3000; budget += 37) {
      const result = fitToBudget(request({ files: [file, other], selection, turns, budgetTokens: budget }));
      assert.equal(result.tokens, recount(result.messages), `estimate at ${budget}`);
      if (result.fits) assert.ok(result.tokens <= budget, `over at ${budget}: ${result.tokens}`);
    }
  });
});
