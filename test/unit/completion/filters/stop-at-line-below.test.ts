import assert from 'node:assert/strict';
import { stopAtLineBelow } from '../../../../extension/completion/filters/stop-at-line-below.js';
import { at, stops, textOf } from '../cursor.js';

describe('stopAtLineBelow', () => {
  it('cuts before a line equal to the first non-blank line below the cursor', () => {
    const ctx = at('def f():\n    a = 1█\n\n    return a\n', 'python');
    const out = stopAtLineBelow('\n    b = 2\n    return a\n', ctx);
    assert.ok(stops(out));
    assert.equal(textOf(out), '\n    b = 2');
  });

  it('ignores indentation for lines with words', () => {
    const ctx = at('a();█\nb();\n');
    assert.equal(textOf(stopAtLineBelow('\nc();\n    b();', ctx)), '\nc();');
  });

  it('keeps a closer of a deeper block', () => {
    const ctx = at('function f() {\n  if (x) {█\n}\n');
    assert.equal(textOf(stopAtLineBelow('\n    y();\n  }', ctx)), '\n    y();\n  }');
  });

  it('does nothing mid-line or at the end of the file', () => {
    assert.equal(textOf(stopAtLineBelow('a)\nb', at('f(█)\nb\n'))), 'a)\nb');
    assert.equal(textOf(stopAtLineBelow('\nx', at('a█'))), '\nx');
  });
});
