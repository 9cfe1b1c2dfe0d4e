import assert from 'node:assert/strict';
import { limitScope } from '../../../../extension/completion/filters/limit-scope.js';
import { at, stops, textOf } from '../cursor.js';

describe('limitScope', () => {
  it('keeps one line in the middle of a line, and stops at its end', () => {
    const out = limitScope('a + b\nc', at('x = f(█);'));
    assert.ok(stops(out));
    assert.equal(textOf(out), 'a + b');
    assert.ok(!stops(limitScope('a + b', at('x = f(█);'))));
  });

  it('at the end of an opener keeps the body and its closer', () => {
    const out = limitScope('\n  return 1;\n}\nfunction g() {}', at('function f() {█'));
    assert.ok(stops(out));
    assert.equal(textOf(out), '\n  return 1;\n}');
  });

  it('goes on past "} else {"', () => {
    const text = '\n  a();\n} else {\n  b();\n}';
    assert.equal(textOf(limitScope(text + '\nc();', at('if (x) {█'))), text);
  });

  it('ends a Python block where indentation returns to the def', () => {
    const ctx = at('def f():█', 'python');
    assert.equal(textOf(limitScope('\n    return 1\n\ndef g():\n    pass', ctx)), '\n    return 1');
  });

  it('ends where indentation drops below the cursor line', () => {
    const ctx = at('function f() {\n  a();█');
    assert.equal(textOf(limitScope('\n  b();\n}\n', ctx)), '\n  b();');
  });

  it('ends at a closer of a block opened before the cursor line, even at the same indentation', () => {
    const ctx = at('f(function () {\na();█');
    assert.equal(textOf(limitScope('\nb();\n});', ctx)), '\nb();');
  });

  it('after a plain statement, ends at a blank line followed by the same level', () => {
    const ctx = at('a();█');
    assert.equal(textOf(limitScope('\nb();\n\nc();', ctx)), '\nb();');
  });

  it('keeps blank lines inside a block', () => {
    const ctx = at('def f():█', 'python');
    const body = '\n    a = 1\n\n    return a';
    assert.equal(textOf(limitScope(body, ctx)), body);
  });

  it('does not count brackets in strings and comments', () => {
    const ctx = at('function f() {█');
    assert.equal(
      textOf(limitScope('\n  s = "}";  // }\n  return s;\n}\nx', ctx)),
      '\n  s = "}";  // }\n  return s;\n}',
    );
  });

  it('does not stop on a trailing half line in a stream', () => {
    assert.ok(!stops(limitScope('\n  a();\n', at('function f() {█'))));
  });
});
