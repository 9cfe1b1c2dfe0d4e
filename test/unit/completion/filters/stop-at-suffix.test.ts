import assert from 'node:assert/strict';
import { stopAtSuffix } from '../../../../extension/completion/filters/stop-at-suffix.js';
import { at, stops, textOf } from '../cursor.js';

describe('stopAtSuffix', () => {
  it('cuts where the rest of the line is re-typed', () => {
    assert.equal(textOf(stopAtSuffix('a, b)', at('f(█)'))), 'a, b');
    assert.equal(textOf(stopAtSuffix('a: number) {', at('function f(█) {'))), 'a: number');
  });

  it('cuts only a tail that is wholly a prefix of the suffix, not an inner bracket', () => {
    assert.equal(textOf(stopAtSuffix('g(1), 2)', at('f(█)'))), 'g(1), 2');
    assert.equal(textOf(stopAtSuffix('g(1), 2', at('f(█)'))), 'g(1), 2');
  });

  it('tolerates spaces before the suffix and after the suggestion', () => {
    assert.equal(textOf(stopAtSuffix('x ) ', at('f(█ )'))), 'x');
    assert.equal(textOf(stopAtSuffix('x)', at('f(█ )'))), 'x');
  });

  it('empties a suggestion that only repeats the suffix', () => {
    assert.equal(textOf(stopAtSuffix(');', at('f(█);'))), '');
  });

  it('stops mid-line once the first line is complete', () => {
    const out = stopAtSuffix('a)\nmore', at('f(█)'));
    assert.ok(stops(out));
    assert.equal(textOf(out), 'a');
    assert.ok(!stops(stopAtSuffix('a)', at('f(█)'))), 'a half line may still grow');
  });

  it('cuts before lines that re-type the lines after the cursor', () => {
    const ctx = at('x = 1;█\ny = 2;\nz = 3;\n');
    const out = stopAtSuffix('\nw = 0;\ny = 2;\nz = 3;', ctx);
    assert.ok(stops(out));
    assert.equal(textOf(out), '\nw = 0;');
  });

  it('needs two matching lines where the suffix has two, so a lone common line is kept', () => {
    const ctx = at('x = 1;█\ny = 2;\nz = 3;\n');
    assert.equal(textOf(stopAtSuffix('\ny = 2;\nq = 9;', ctx)), '\ny = 2;\nq = 9;');
  });

  it('compares bare closers with their indentation', () => {
    const ctx = at('  if (a) {█\n}\n', 'typescript');
    assert.equal(textOf(stopAtSuffix('\n    b();\n  }', ctx)), '\n    b();\n  }');
    assert.equal(textOf(stopAtSuffix('\n    b();\n  }\n}', ctx)), '\n    b();\n  }');
  });
});
