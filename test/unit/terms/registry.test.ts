import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, getTerms, listTerms, termsHash } from '../../../common/terms/index.js';
import { findRepoRoot, readTextFiles, renderModule } from '../../../scripts/terms-generate-texts.js';

const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
const onDisk = readTextFiles(root);

describe('terms registry', () => {
  it('lists exactly the two known sets', () => {
    assert.deepEqual(
      listTerms().map((t) => t.id),
      ['llm-jp-3-172b-beta1', 'fugaku-llm'],
    );
    assert.equal(getTerms('nope'), undefined);
  });

  it('termsHash is SHA-256 hex of the UTF-8 bytes', () => {
    assert.equal(termsHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(termsHash('利用規約'), termsHash(Buffer.from('利用規約', 'utf8').toString('utf8')));
  });

  it('every stored text hash matches the text file on disk', () => {
    const diskHashes = new Set(Object.values(onDisk).map(termsHash));
    for (const set of listTerms()) {
      for (const text of set.texts) {
        assert.equal(text.sha256, termsHash(text.text));
        assert.ok(diskHashes.has(text.sha256), `${set.id} ${text.lang} differs from common/terms/texts`);
      }
      assert.equal(set.sha256, set.texts[0].sha256);
    }
  });

  it('texts.generated.ts is up to date with common/terms/texts/*.txt', () => {
    const generated = readFileSync(join(root, 'common', 'terms', 'texts.generated.ts'), 'utf8');
    assert.equal(generated, renderModule(onDisk), 'run: npm run terms:generate');
  });

  it('LLM-jp-3 172B beta1: Japanese authoritative + English reference, individual permission required', () => {
    const t = getTerms('llm-jp-3-172b-beta1');
    assert.ok(t);
    assert.deepEqual(
      t.texts.map((x) => [x.lang, x.role]),
      [
        ['ja', 'authoritative'],
        ['en', 'reference'],
      ],
    );
    assert.equal(t.hasAuthoritativeText, true);
    assert.equal(t.requiresIndividualPermission, true);
    assert.match(t.texts[0].text, /^「LLM-jp-3 172B beta1」利用規約\n/);
    assert.match(t.texts[0].text, /提供者から個別の許諾を得るものとします/);
    assert.match(t.texts[0].text, /第10条\(言語\)\n\s*本規約は日本語を正本とします。/);
    assert.ok(t.source.modelPages.includes('https://huggingface.co/llm-jp/llm-jp-3-172b-beta1-instruct'));
  });

  it('Fugaku-LLM: only an unofficial rendering is stored, no permission gate, official links given', () => {
    const t = getTerms('fugaku-llm');
    assert.ok(t);
    assert.equal(t.hasAuthoritativeText, false);
    assert.ok(t.texts.every((x) => x.role !== 'authoritative'));
    assert.equal(t.requiresIndividualPermission, false);
    assert.ok(t.source.licenseFiles.some((u) => u.endsWith('/LICENSE_ja')));
    assert.ok(t.source.licenseFiles.some((u) => u.endsWith('/LICENSE')));
  });

  it('every prohibited-use quote appears verbatim in the stored text of its language', () => {
    for (const set of listTerms()) {
      for (const use of set.prohibitedUses) {
        const quotes = Object.entries(use.quote);
        assert.ok(quotes.length > 0, `${set.id} ${use.ref.label.en} has no quote`);
        for (const [lang, quote] of quotes) {
          const text = set.texts.find((x) => x.lang === lang);
          assert.ok(text, `${set.id} has no ${lang} text`);
          assert.ok(text.text.includes(quote), `${set.id} ${use.ref.label.en}: quote not in ${lang} text`);
        }
      }
    }
  });

  it('LLM-jp-3 prohibited actions are 第3条 (1)-(8), in order, and cover every category', () => {
    const t = getTerms('llm-jp-3-172b-beta1');
    assert.ok(t);
    assert.deepEqual(
      t.prohibitedUses.map((u) => [u.ref.article, u.ref.item]),
      [1, 2, 3, 4, 5, 6, 7, 8].map((i) => [3, i]),
    );
    assert.match(t.texts[0].text, /第3条\(禁止行為\)/);
    for (const c of CATEGORIES)
      assert.ok(
        t.prohibitedUses.some((u) => u.category === c),
        c,
      );
    assert.equal(t.prohibitedUses.find((u) => u.category === 'medical')?.ref.label.ja, '第3条(7)');
    assert.equal(t.outputAccuracy.ref.label.en, 'Article 4, paragraph 1');
  });

  it('Fugaku-LLM lists no "harm" item (its terms have none) but every other category', () => {
    const t = getTerms('fugaku-llm');
    assert.ok(t);
    assert.ok(!t.prohibitedUses.some((u) => u.category === 'harm'));
    for (const c of CATEGORIES.filter((c) => c !== 'harm'))
      assert.ok(
        t.prohibitedUses.some((u) => u.category === c),
        c,
      );
  });

  it('the registry cannot be mutated by a caller', () => {
    const t = getTerms('fugaku-llm');
    assert.ok(t);
    assert.throws(() => {
      (t as { requiresIndividualPermission: boolean }).requiresIndividualPermission = true;
    });
  });
});
