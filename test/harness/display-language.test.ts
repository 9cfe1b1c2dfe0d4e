import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { displayLanguagePack, registerLanguagePack } from './code-server.js';

describe('display language (code-server --locale)', () => {
  it("finds the harness's Japanese pack, and refuses a language it has none for", () => {
    assert.match(displayLanguagePack('ja'), /test[/\\]fixtures[/\\]ja-display-language$/);
    assert.equal(displayLanguagePack('ja-JP'), displayLanguagePack('ja'));
    assert.throws(() => displayLanguagePack('fr'), /no display-language pack for "fr"/);
  });

  it("records the installed pack in languagepacks.json as VS Code's language-pack service does", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fude-langpack-test-'));
    try {
      await registerLanguagePack(dir, '/ext', 'ja', displayLanguagePack('ja'));
      const packs = JSON.parse(await readFile(path.join(dir, 'languagepacks.json'), 'utf8')) as Record<
        string,
        { label: string; extensions: unknown; translations: unknown; hash: string }
      >;
      assert.deepEqual(Object.keys(packs), ['ja']);
      assert.equal(packs.ja.label, '日本語');
      assert.deepEqual(packs.ja.extensions, [
        { extensionIdentifier: { id: 'fude-tests.ja-display-language' }, version: '0.0.1' },
      ]);
      assert.deepEqual(packs.ja.translations, {
        vscode: '/ext/fude-tests.ja-display-language-0.0.1/translations/main.i18n.json',
      });
      assert.match(packs.ja.hash, /^[0-9a-f]{32}$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
