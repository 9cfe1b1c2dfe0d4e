import assert from 'node:assert/strict';
import {
  detectIndentUnit,
  indentWidth,
  isTrivialLine,
  makeIndent,
  snapToCharBoundary,
} from '../../../extension/completion/text.js';

describe('completion text helpers', () => {
  it('snapToCharBoundary never lands inside a surrogate pair', () => {
    const s = 'a😀b';
    assert.equal(snapToCharBoundary(s, 2, 'start'), 1);
    assert.equal(snapToCharBoundary(s, 2, 'end'), 3);
    assert.equal(snapToCharBoundary(s, 1), 1);
    assert.equal(snapToCharBoundary(s, 99), s.length);
    assert.equal(snapToCharBoundary(s, -5), 0);
  });

  it('indentWidth counts tabs to the next stop', () => {
    assert.equal(indentWidth('\t  x', 4), 6);
    assert.equal(indentWidth('  \tx', 4), 4);
    assert.equal(indentWidth('x', 4), 0);
  });

  it('makeIndent builds tabs or spaces', () => {
    assert.equal(makeIndent(6, '\t', 4), '\t  ');
    assert.equal(makeIndent(6, '  ', 4), '      ');
  });

  it('detectIndentUnit finds tabs, 2 and 4 spaces', () => {
    assert.equal(detectIndentUnit('func f() {\n\tx()\n\tif y {\n\t\tz()\n\t}\n}'), '\t');
    assert.equal(detectIndentUnit('a {\n  b {\n    c\n  }\n}'), '  ');
    assert.equal(detectIndentUnit('def f():\n    if x:\n        y\n    return\n'), '    ');
    assert.equal(detectIndentUnit('x = 1\n', '    '), '    ');
  });

  it('isTrivialLine is true for closers and blanks, false for words in any script', () => {
    assert.ok(isTrivialLine('  });'));
    assert.ok(isTrivialLine(''));
    assert.ok(!isTrivialLine('end'));
    assert.ok(!isTrivialLine('// 注意'));
  });
});
