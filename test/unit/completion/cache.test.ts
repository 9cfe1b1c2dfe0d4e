import assert from 'node:assert/strict';
import { CompletionCache } from '../../../extension/completion/cache.js';

const doc = 'file:///a.ts';

describe('CompletionCache', () => {
  it('serves a stored suggestion at the same position', () => {
    const cache = new CompletionCache();
    cache.set({ document: doc, prefix: 'const x = ', suffix: ';' }, 'compute()');
    assert.deepEqual(cache.get({ document: doc, prefix: 'const x = ', suffix: ';' }), { text: 'compute()', typed: '' });
  });

  it('type-ahead: serves the rest when the user typed the start of the suggestion', () => {
    const cache = new CompletionCache();
    cache.set({ document: doc, prefix: 'const x = ', suffix: ';' }, 'compute()');
    assert.deepEqual(cache.get({ document: doc, prefix: 'const x = comp', suffix: ';' }), {
      text: 'ute()',
      typed: 'comp',
    });
  });

  it('type-ahead works through Japanese and surrogate pairs', () => {
    const cache = new CompletionCache();
    cache.set({ document: doc, prefix: 's = "', suffix: '"' }, 'こんにちは😀世界');
    assert.equal(cache.get({ document: doc, prefix: 's = "こんにちは😀', suffix: '"' })?.text, '世界');
  });

  it('misses when the typed text differs from the suggestion', () => {
    const cache = new CompletionCache();
    cache.set({ document: doc, prefix: 'const x = ', suffix: ';' }, 'compute()');
    assert.equal(cache.get({ document: doc, prefix: 'const x = cam', suffix: ';' }), undefined);
  });

  it('misses once the whole suggestion was typed, in another document, or with another suffix', () => {
    const cache = new CompletionCache();
    cache.set({ document: doc, prefix: 'a', suffix: '' }, 'bc');
    assert.equal(cache.get({ document: doc, prefix: 'abc', suffix: '' }), undefined);
    assert.equal(cache.get({ document: 'file:///b.ts', prefix: 'a', suffix: '' }), undefined);
    assert.equal(cache.get({ document: doc, prefix: 'a', suffix: 'x' }), undefined);
  });

  it('does not walk back further than maxTypeAhead', () => {
    const cache = new CompletionCache({ maxTypeAhead: 3 });
    cache.set({ document: doc, prefix: 'p', suffix: '' }, 'abcdef');
    assert.equal(cache.get({ document: doc, prefix: 'pabc', suffix: '' })?.text, 'def');
    assert.equal(cache.get({ document: doc, prefix: 'pabcd', suffix: '' }), undefined);
  });

  it('keys on the prefix tail, so text far above the cursor does not matter', () => {
    const cache = new CompletionCache({ prefixTailChars: 10 });
    cache.set({ document: doc, prefix: 'OLD HEADER\n' + 'x'.repeat(20), suffix: '' }, 'y');
    assert.equal(cache.get({ document: doc, prefix: 'NEW HEADER\n' + 'x'.repeat(20), suffix: '' })?.text, 'y');
  });

  it('evicts the least recently used entry', () => {
    const cache = new CompletionCache({ capacity: 2 });
    cache.set({ document: doc, prefix: '1', suffix: '' }, 'one');
    cache.set({ document: doc, prefix: '2', suffix: '' }, 'two');
    assert.ok(cache.get({ document: doc, prefix: '1', suffix: '' }), 'touch 1 so 2 is the oldest');
    cache.set({ document: doc, prefix: '3', suffix: '' }, 'three');
    assert.equal(cache.size, 2);
    assert.equal(cache.get({ document: doc, prefix: '2', suffix: '' }), undefined);
    assert.equal(cache.get({ document: doc, prefix: '1', suffix: '' })?.text, 'one');
    assert.equal(cache.get({ document: doc, prefix: '3', suffix: '' })?.text, 'three');
  });

  it('does not store empty suggestions, and clears', () => {
    const cache = new CompletionCache();
    cache.set({ document: doc, prefix: 'a', suffix: '' }, '');
    assert.equal(cache.size, 0);
    cache.set({ document: doc, prefix: 'a', suffix: '' }, 'b');
    cache.clear();
    assert.equal(cache.size, 0);
  });
});
