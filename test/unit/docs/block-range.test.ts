import assert from 'node:assert/strict';
import { blockEndLine } from '../../../extension/docs/block-range.js';

describe('docs: a declaration\'s lines without symbols', () => {
  it('follows braces, ignoring those in strings and comments', () => {
    const lines = ['function f(a) {', '  const s = "}";  // }', '  if (a) {', '    return 1;', '  }', '}', 'f(1);'];
    assert.equal(blockEndLine(lines, 0, 'jsdoc'), 5);
  });
  it('ends a body-less declaration at its semicolon', () => {
    assert.equal(blockEndLine(['int max(int a,', '        int b);', 'int x;'], 0, 'doxygen'), 1);
  });
  it('follows Python indentation past blank lines and a multi-line signature', () => {
    const lines = ['def f(', '    a,', '):', '    x = 1', '', '    return x', 'y = 2'];
    assert.equal(blockEndLine(lines, 0, 'python'), 5);
  });
});
