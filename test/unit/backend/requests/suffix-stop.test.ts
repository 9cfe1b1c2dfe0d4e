import assert from 'node:assert/strict';
import { suffixStop } from '../../../../common/suffix-stop.js';

describe('suffixStop', () => {
  it('no suffix, an empty one or a blank one: no stop', () => {
    assert.equal(suffixStop(undefined), undefined);
    assert.equal(suffixStop(''), undefined);
    assert.equal(suffixStop('\n  \n\t\n'), undefined);
    assert.equal(suffixStop('\r\n\r\n'), undefined);
  });

  it('the first non-blank line, trimmed', () => {
    assert.equal(suffixStop('\n\n    return x;\n}\n'), 'return x;');
    assert.equal(suffixStop('\r\n  value\r\n'), 'value', 'CRLF files');
    assert.equal(suffixStop('  # コメント  \nnext'), '# コメント');
  });

  it('the rest of the cursor line when the cursor is mid-line', () => {
    assert.equal(suffixStop('x);\nfoo()'), 'x);');
  });

  it('no stop for a line of brackets and punctuation alone, which nested code would hit early', () => {
    assert.equal(suffixStop(');\nfoo()'), undefined);
    assert.equal(suffixStop('\n}\n'), undefined);
    assert.equal(suffixStop('})'), undefined);
  });
});
