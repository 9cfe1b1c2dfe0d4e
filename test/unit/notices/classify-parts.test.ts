import assert from 'node:assert/strict';
import { classifyParts, windowsOf } from '../../../extension/notices/classify-parts.js';

describe('notices: classifying long parts in windows', () => {
  it('keeps a part up to the window size whole, and covers a longer one with overlapping windows', () => {
    assert.deepEqual(windowsOf('short', 10, 2), ['short']);
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const windows = windowsOf(text, 40, 8);
    assert.ok(windows.every((w) => w.length <= 40));
    for (const line of text.split('\n')) assert.ok(windows.some((w) => w.split('\n').includes(line)), `${line} is whole in some window`);
    assert.equal(windows.at(-1)!.endsWith('line 49'), true);
  });

  it('never splits a surrogate pair and always moves forward', () => {
    const windows = windowsOf('😀'.repeat(30), 11, 3);
    assert.ok(windows.every((w) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(w)), JSON.stringify(windows));
    assert.ok(windows.length < 30);
  });

  it('unites the categories of every window of every part, letting the event loop run between windows', async () => {
    let pauses = 0;
    const classify = (t: string) => ({ categories: t.includes('薬') ? ['medical' as const] : t.includes('株') ? ['financial' as const] : [] });
    const long = `${'x'.repeat(20_000)}\n薬\n${'y'.repeat(20_000)}`;
    assert.deepEqual(await classifyParts(['株を買うべき?', '', long], classify, async () => { pauses++; }), ['financial', 'medical']);
    assert.ok(pauses >= 4, String(pauses));
  });
});
