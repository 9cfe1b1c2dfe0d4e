import assert from 'node:assert/strict';
import { windowsOf } from '../../../extension/notices/windows.js';

describe('notices: windows of long prose', () => {
  it('keeps a text up to the window size whole, and covers a longer one with overlapping windows', () => {
    assert.deepEqual(windowsOf('short', 10, 2), ['short']);
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const windows = windowsOf(text, 40, 8);
    assert.ok(windows.every((w) => w.length <= 40));
    for (const line of text.split('\n'))
      assert.ok(
        windows.some((w) => w.split('\n').includes(line)),
        `${line} is whole in some window`,
      );
    assert.equal(windows.at(-1)!.endsWith('line 49'), true);
  });

  it('never splits a surrogate pair and always moves forward', () => {
    const windows = windowsOf('😀'.repeat(30), 11, 3);
    assert.ok(
      windows.every((w) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(w)),
      JSON.stringify(windows),
    );
    assert.ok(windows.length < 30);
    assert.equal(windowsOf('x'.repeat(100_000)).length, Math.ceil((100_000 - 400) / (8000 - 400)));
  });
});
