import assert from 'node:assert/strict';
import type { Attachment } from '../../../extension/chat/attachments.js';
import { lineWindow, trimToFit } from '../../../extension/chat/trim-attachment.js';

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');
const lineCost = (a: Attachment) => a.text.split('\n').length; // one token a line keeps the arithmetic readable

describe('chat context: trimming an attachment', () => {
  it('takes a window from the top without a focus', () => {
    assert.deepEqual(lineWindow(100, 10, null), { start: 0, end: 10 });
    assert.deepEqual(lineWindow(5, 10, null), { start: 0, end: 5 });
  });

  it('centres the window on the focus and keeps it inside the text', () => {
    assert.deepEqual(lineWindow(100, 10, { start: 50, end: 52 }), { start: 46, end: 56 });
    assert.deepEqual(lineWindow(100, 10, { start: 1, end: 2 }), { start: 0, end: 10 });
    assert.deepEqual(lineWindow(100, 10, { start: 98, end: 100 }), { start: 90, end: 100 });
  });

  it('keeps the start of a focus larger than the window', () => {
    assert.deepEqual(lineWindow(100, 3, { start: 20, end: 40 }), { start: 20, end: 23 });
  });

  it('returns the attachment itself when it fits and null when not one line does', () => {
    const file: Attachment = { kind: 'file', name: 'a.ts', language: 'typescript', text: numbered(5) };
    assert.equal(trimToFit(file, 5, lineCost), file);
    assert.equal(trimToFit(file, 0, lineCost), null);
  });

  it('keeps the lines around the selection with true line numbers', () => {
    const file: Attachment = {
      kind: 'file',
      name: 'a.ts',
      language: 'typescript',
      text: numbered(200),
      focus: { start: 120, end: 121 },
    };
    const kept = trimToFit(file, 10, lineCost);
    assert.ok(kept);
    assert.equal(kept.startLine, 116);
    assert.equal(kept.totalLines, 200);
    assert.equal(kept.text.split('\n')[0], 'line 116');
    assert.ok(kept.text.includes('line 120\nline 121'));
    assert.equal(kept.text.split('\n').length, 10);
  });

  it("counts lines from an attachment's own start line", () => {
    const part: Attachment = {
      kind: 'file',
      name: 'a.ts',
      language: 'typescript',
      text: numbered(50),
      startLine: 101,
      totalLines: 300,
      focus: { start: 140, end: 140 },
    };
    const kept = trimToFit(part, 5, lineCost);
    assert.equal(kept?.startLine, 138);
    assert.equal(kept?.totalLines, 300);
    assert.equal(kept?.text.split('\n')[2], 'line 40');
  });
});
