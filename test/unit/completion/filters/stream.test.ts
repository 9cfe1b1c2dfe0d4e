import assert from 'node:assert/strict';
import { defaultFilters } from '../../../../extension/completion/filters/chain.js';
import { StreamingFilter } from '../../../../extension/completion/filters/stream.js';
import { runFilters } from '../../../../extension/completion/filters/types.js';
import { at } from '../cursor.js';

describe('StreamingFilter', () => {
  it('says stop as soon as a complete line ends the block, before the rest arrives', () => {
    const stream = new StreamingFilter(defaultFilters, at('function f() {█'));
    assert.equal(stream.push('\n  return 1;'), false);
    assert.equal(stream.push('\n}'), false, 'a half line "}" could still become "})"');
    assert.equal(stream.push('\nfunction g'), true);
    assert.equal(stream.finish().text, '\n  return 1;\n}');
    assert.equal(stream.finish().stoppedBy, 'limitScope');
  });

  it('keeps saying stop after it stopped', () => {
    const stream = new StreamingFilter(defaultFilters, at('f(█)'));
    assert.equal(stream.push('a)\n'), true);
    assert.equal(stream.push('more'), true);
    assert.equal(stream.finish().text, 'a');
  });

  it('without a stop, finish runs the chain over everything', () => {
    const ctx = at('const s = █;');
    const stream = new StreamingFilter(defaultFilters, ctx);
    stream.push('"こんにちは');
    stream.push('";');
    assert.equal(stream.finish().text, runFilters(defaultFilters, '"こんにちは";', ctx).text);
    assert.equal(stream.finish().text, '"こんにちは"');
  });

  it('drops a half-written last line when cut short by a budget', () => {
    const stream = new StreamingFilter(defaultFilters, at('function f() {█'));
    stream.push('\n  const a = 1;\n  const b = ');
    assert.equal(stream.finish(true).text, '\n  const a = 1;');
  });

  it('keeps a half-written only line when cut short', () => {
    const stream = new StreamingFilter(defaultFilters, at('const x = █'));
    stream.push('compute(');
    assert.equal(stream.finish(true).text, 'compute(');
  });
});
