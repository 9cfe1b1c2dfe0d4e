import assert from 'node:assert/strict';
import { StableWindow } from '../../../extension/completion/stable-window.js';

/** Ten-character lines "line 000\n" … so budgets in characters are easy to reason about. */
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${String(i).padStart(3, '0')}\n`).join('');
const chars = (t: string) => t.length;
const doc = 'file:///a.ts';

function input(text: string, offset: number, tokens = 200, hardTokens = 1000) {
  return { document: doc, text, offset, tokens, hardTokens, estimate: chars, suffixShare: 0.2 };
}

describe('StableWindow', () => {
  it('keeps the first line while the user types, so the prompt start (and the KV cache) stays', () => {
    const w = new StableWindow();
    let text = lines(100);
    let cursor = 50 * 9; // start of line 50
    const first = w.build(input(text, cursor));
    for (const ch of 'const x = 1;') {
      text = text.slice(0, cursor) + ch + text.slice(cursor);
      cursor++;
      const next = w.build(input(text, cursor));
      assert.equal(next.start, first.start);
      assert.ok(next.prefix.startsWith(text.slice(first.start, first.start + 9)));
      assert.equal(next.prefix, text.slice(first.start, cursor));
    }
    assert.equal(w.fresh, 1);
    assert.equal(w.kept, 12);
  });

  it('starts a fresh, smaller window once the kept one would pass the budget plus slack', () => {
    const w = new StableWindow({ slack: 0.25, freshShare: 0.85 });
    const text = lines(200);
    const a = w.build(input(text, 100 * 9));
    const near = w.build(input(text, 100 * 9 + 4 * 9)); // four lines further: still within slack
    assert.equal(near.start, a.start);
    const far = w.build(input(text, 100 * 9 + 10 * 9)); // ten lines: past 250 chars
    assert.ok(far.start > a.start);
    assert.ok(far.prefix.length + far.suffix.length <= 170, 'fresh windows start at 85% of the budget');
  });

  it('never exceeds the hard limit, whatever the slack', () => {
    const w = new StableWindow({ slack: 1 });
    const text = lines(100);
    w.build(input(text, 50 * 9, 200, 210));
    const next = w.build(input(text, 50 * 9 + 3 * 9, 200, 210));
    assert.ok(next.prefix.length + next.suffix.length <= 210);
  });

  it('drops the anchor when the line it starts on was edited, the cursor moved above it, or the document changed', () => {
    const w = new StableWindow();
    const text = lines(100);
    const a = w.build(input(text, 50 * 9));
    const edited = text.slice(0, a.start) + 'X' + text.slice(a.start);
    w.build(input(edited, 50 * 9 + 1));
    assert.equal(w.fresh, 2);
    w.build(input(text, 10 * 9));
    assert.equal(w.fresh, 3);
    w.build({ ...input(text, 10 * 9), document: 'file:///b.ts' });
    assert.equal(w.fresh, 4);
  });

  it('a whole small file is one window from its first line', () => {
    const w = new StableWindow();
    const text = 'a\nb\nc\n';
    const r = w.build(input(text, 3));
    assert.deepEqual([r.prefix, r.suffix, r.start], ['a\nb', '\nc\n', 0]);
    assert.equal(w.build(input('a\nbx\nc\n', 4)).prefix, 'a\nbx');
  });
});
