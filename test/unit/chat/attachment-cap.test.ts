import assert from 'node:assert/strict';
import { capAttachment, cutPoint, MAX_ATTACHMENT_CHARS } from '../../../extension/chat/attachment-cap.js';
import { formatAttachment, type Attachment } from '../../../extension/chat/attachments.js';
import { fitToBudget } from '../../../extension/chat/context-budget.js';
import { trimToFit } from '../../../extension/chat/trim-attachment.js';

const file = (text: string): Attachment => ({ kind: 'file', name: 'bundle.min.js', language: 'javascript', text });

describe('chat attachments: the size cap', () => {
  // Issue 13: "a one-line file over 400k characters attaches as empty text".
  it('keeps the first characters of a one-line file over the cap, and says it was cut', () => {
    const text = 'var a=1;'.repeat(60_000); // 480,000 characters, no newline
    const { attachment, cut } = capAttachment(file(text));
    assert.equal(attachment.text.length, MAX_ATTACHMENT_CHARS);
    assert.equal(attachment.text, text.slice(0, MAX_ATTACHMENT_CHARS));
    assert.deepEqual(cut, {
      name: 'bundle.min.js',
      kind: 'file',
      keptChars: MAX_ATTACHMENT_CHARS,
      totalChars: 480_000,
      keptLines: 1,
      totalLines: 1,
    });
    assert.match(
      formatAttachment(attachment).split('\n')[0],
      /^ファイル: bundle\.min\.js \(1〜1行目 \/ 全1行、先頭400000文字 \/ 全480000文字\)$/,
    );
  });

  it('cuts a long text after its last whole line, and a selection too', () => {
    const line = 'const value = 1; // 値\n';
    const text = line.repeat(50_000);
    const { attachment, cut } = capAttachment({
      kind: 'selection',
      name: 'a.ts',
      language: 'typescript',
      text,
      startLine: 10,
    });
    assert.ok(attachment.text.length <= MAX_ATTACHMENT_CHARS);
    assert.ok(text.startsWith(attachment.text) && text[attachment.text.length] === '\n');
    assert.equal(cut?.keptLines, attachment.text.split('\n').length);
    assert.equal(cut?.totalLines, 50_000);
    assert.match(
      formatAttachment(attachment).split('\n')[0],
      /^選択範囲: a\.ts \(10〜\d+行目、先頭\d+文字 \/ 全\d+文字\)$/,
    );
  });

  it('never cuts between the halves of a surrogate pair, and leaves small texts alone', () => {
    assert.equal(cutPoint('ab😀cd', 3), 2);
    assert.equal(cutPoint('abc', 3), 3);
    const small = file('x\n');
    assert.deepEqual(capAttachment(small), { attachment: small, cut: null });
  });

  it('describes an attachment cut earlier (by the editor layer) without cutting it again', () => {
    const once = capAttachment(file('y'.repeat(500_000))).attachment;
    const again = capAttachment(once);
    assert.equal(again.attachment, once);
    assert.equal(again.cut?.totalChars, 500_000);
  });

  it('fits the start of a line longer than the whole context instead of leaving the file out', () => {
    const { attachment } = capAttachment(file('abcdefgh'.repeat(60_000)));
    const cost = (a: Attachment) => Math.ceil(a.text.length / 4);
    const trimmed = trimToFit(attachment, 1000, cost);
    assert.ok(trimmed !== null && trimmed.text.length > 3000 && cost(trimmed) <= 1000, String(trimmed?.text.length));
    assert.equal(trimmed?.totalChars, 480_000);
    const fitted = fitToBudget({
      systemPrompt: '',
      question: 'これは何?',
      selection: null,
      files: [attachment],
      turns: [],
      budgetTokens: 2000,
      countTokens: (t) => Math.ceil(t.length / 4),
    });
    assert.ok(fitted.messages[0].content.includes('abcdefgh'), "the file's start was sent");
    assert.ok(!fitted.leftOut.some((l) => l.kind === 'dropped'));
  });
});
