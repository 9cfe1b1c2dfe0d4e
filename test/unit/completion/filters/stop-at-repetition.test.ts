import assert from 'node:assert/strict';
import { stopAtRepetition } from '../../../../extension/completion/filters/stop-at-repetition.js';
import { at, stops, textOf } from '../cursor.js';

describe('stopAtRepetition', () => {
  const ctx = at('█');

  it('keeps one copy of a line written three times in a row', () => {
    const out = stopAtRepetition('x++;\nx++;\nx++;\nx++;', ctx);
    assert.ok(stops(out));
    assert.equal(textOf(out), 'x++;');
  });

  it('allows a line twice', () => {
    assert.equal(textOf(stopAtRepetition('x++;\nx++;\ny();', ctx)), 'x++;\nx++;\ny();');
  });

  it('keeps one copy of a block of up to four lines written twice', () => {
    assert.equal(textOf(stopAtRepetition('a();\nb();\na();\nb();\na();', ctx)), 'a();\nb();');
    const four = 'a();\nb();\nc();\nd();\n';
    assert.equal(textOf(stopAtRepetition(four + four, ctx)), four.trimEnd());
  });

  it('does not count closers and blank lines as a loop', () => {
    const text = '    }\n  }\n}\n\n\n';
    assert.ok(!stops(stopAtRepetition('}\n}\n}', ctx)));
    assert.equal(textOf(stopAtRepetition(text, ctx)), text);
  });

  it('compares the first line with the cursor line prefix in front', () => {
    const indented = at('  █');
    assert.equal(textOf(stopAtRepetition('go();\n  go();\n  go();', indented)), 'go();');
  });

  it('works on Japanese lines', () => {
    assert.equal(textOf(stopAtRepetition('// 注意\n// 注意\n// 注意', ctx)), '// 注意');
  });
});
