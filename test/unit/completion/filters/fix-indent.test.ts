import assert from 'node:assert/strict';
import { fixIndent } from '../../../../extension/completion/filters/fix-indent.js';
import { at, textOf } from '../cursor.js';

describe('fixIndent', () => {
  it('turns space indentation into tabs in a tab document', () => {
    const ctx = at('func f() {\n\tif x {█\n}\n', 'go', '\t');
    assert.equal(textOf(fixIndent('\n        y()\n    }', ctx)), '\n\t\ty()\n\t}');
  });

  it('turns tabs into the document unit of spaces', () => {
    const ctx = at('def f():█', 'python', '    ');
    assert.equal(textOf(fixIndent('\n\treturn 1', ctx)), '\n    return 1');
  });

  it('leaves already matching indentation alone', () => {
    const ctx = at('function f() {█', 'typescript', '  ');
    assert.equal(textOf(fixIndent('\n  return 1;\n}', ctx)), '\n  return 1;\n}');
  });

  it('does not re-indent the first line on a line holding only indentation', () => {
    const ctx = at('function f() {\n    █', 'typescript', '    ');
    assert.equal(textOf(fixIndent('    return 1;', ctx)), 'return 1;');
  });

  it('restyles the first line when the cursor is at column 0', () => {
    const ctx = at('█', 'go', '\t');
    assert.equal(textOf(fixIndent('    x := 1', ctx)), '\tx := 1');
  });

  it('shifts a block indented from column 0 to the cursor line', () => {
    const ctx = at('class A {\n  m() {█', 'typescript', '  ');
    assert.equal(textOf(fixIndent('\n  return 1;\n}', ctx)), '\n    return 1;\n  }');
  });

  it('does not shift an empty block closed at the right level', () => {
    const ctx = at('class A {\n  m() {█', 'typescript', '  ');
    assert.equal(textOf(fixIndent('\n  }', ctx)), '\n  }');
  });
});
