import assert from 'node:assert/strict';
import { isSpecial, mergeTextRuns, type PromptPart } from '../../../../backend/profiles/prompt-parts.js';

const BOS: PromptPart = { special: 'bos' };
const EOS: PromptPart = { special: 'eos' };

describe('prompt parts', () => {
  it('isSpecial tells special tokens from text', () => {
    assert.equal(isSpecial(BOS), true);
    assert.equal(isSpecial(EOS), true);
    assert.equal(isSpecial('<s>'), false, 'text that looks like a special token is text');
    assert.equal(isSpecial(''), false);
  });

  it('merges adjacent text runs and keeps specials between them in place', () => {
    assert.deepEqual(mergeTextRuns([BOS, 'a', 'b', EOS, 'c', 'd', 'e']), [BOS, 'ab', EOS, 'cde']);
    assert.deepEqual(mergeTextRuns(['x', BOS, BOS, 'y']), ['x', BOS, BOS, 'y']);
  });

  it('drops empty text runs', () => {
    assert.deepEqual(mergeTextRuns(['', BOS, '', EOS, '']), [BOS, EOS]);
    assert.deepEqual(mergeTextRuns(['', 'a', '', 'b']), ['ab']);
    assert.deepEqual(mergeTextRuns([]), []);
  });

  it('does not modify its input', () => {
    const parts: PromptPart[] = ['a', 'b', BOS];
    mergeTextRuns(parts);
    assert.deepEqual(parts, ['a', 'b', BOS]);
  });
});
