import assert from 'node:assert/strict';
import { blockEndLine, enclosingDeclaration } from '../../../extension/docs/block-range.js';

describe("docs: a declaration's lines without symbols", () => {
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

describe('docs: the declaration around the cursor without symbols', () => {
  it('skips a nested function that ended above the cursor', () => {
    const lines = ['def outer(x):', '    def inner(y):', '        return y', '', '    return inner(x)', ''];
    assert.equal(enclosingDeclaration(lines, 4, 'python'), 0);
    assert.equal(enclosingDeclaration(lines, 2, 'python'), 1);
  });
  it('skips a closed brace block', () => {
    const lines = ['function a() {', '  function b() {', '    return 1;', '  }', '  return b();', '}'];
    assert.equal(enclosingDeclaration(lines, 4, 'jsdoc'), 0);
  });
  it('falls back to the nearest declaration above when none encloses the cursor', () => {
    assert.equal(enclosingDeclaration(['def f():', '    pass', '', 'x = f()'], 3, 'python'), 0);
  });
});
