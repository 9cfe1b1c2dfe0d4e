import assert from 'node:assert/strict';
import { typedSince } from '../../../extension/completion/typed-since.js';

describe('typedSince', () => {
  it('returns what was typed after the earlier prefix', () => {
    assert.equal(typedSince('let x = ', 'let x = fo', 64), 'fo');
    assert.equal(typedSince('let x = ', 'let x = ', 64), '');
    assert.equal(typedSince('', 'ab', 64), 'ab');
  });

  it('is undefined after deleting, editing elsewhere, or typing too much', () => {
    assert.equal(typedSince('let x = f', 'let x = ', 64), undefined);
    assert.equal(typedSince('let x = ', 'let y = 1', 64), undefined);
    assert.equal(typedSince('a', 'abcdef', 3), undefined);
  });

  it('compares only the tail of a long prefix, so a sliding window still matches', () => {
    const earlier = 'header line\n' + 'body '.repeat(20);
    const newer = earlier.slice(12) + 'xy';
    assert.equal(typedSince(earlier, newer, 64, 50), 'xy');
  });
});
