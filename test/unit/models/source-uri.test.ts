import assert from 'node:assert/strict';
import { ModelsError } from '../../../backend/models/errors.js';
import { hfResolveUrl, normaliseEndpoint, resolveSource, safeFileName } from '../../../backend/models/source-uri.js';

function badInput(f: () => unknown, mentions: RegExp): void {
  assert.throws(f, (e: unknown) => e instanceof ModelsError && e.code === 'bad_input' && mentions.test(e.message));
}

describe('resolveSource', () => {
  it('turns hf:owner/repo/file.gguf into the resolve URL of the default endpoint', () => {
    const r = resolveSource('hf:alfredplpl/llm-jp-3-1.8b-instruct-gguf/llm-jp-3-1.8b-instruct-Q4_K_M.gguf');
    assert.equal(
      r.url,
      'https://huggingface.co/alfredplpl/llm-jp-3-1.8b-instruct-gguf/resolve/main/llm-jp-3-1.8b-instruct-Q4_K_M.gguf',
    );
    assert.equal(r.fileName, 'llm-jp-3-1.8b-instruct-Q4_K_M.gguf');
    assert.deepEqual(r.hf, {
      repo: 'alfredplpl/llm-jp-3-1.8b-instruct-gguf',
      path: 'llm-jp-3-1.8b-instruct-Q4_K_M.gguf',
      revision: 'main',
    });
    assert.deepEqual(r.tokenOrigins, ['https://huggingface.co']);
  });

  it('keeps a revision after # and folders inside the repository, and uses a mirror', () => {
    const r = resolveSource(
      'hf:o/r/sub/dir/m.gguf#0dbba987603749afdeb336c71cc9c8dc0a90564e',
      'https://hf-mirror.example/',
    );
    assert.equal(
      r.url,
      'https://hf-mirror.example/o/r/resolve/0dbba987603749afdeb336c71cc9c8dc0a90564e/sub/dir/m.gguf',
    );
    assert.deepEqual(
      r.tokenOrigins,
      ['https://hf-mirror.example'],
      'the token goes to the mirror, not to huggingface.co',
    );
  });

  it('rewrites a Hugging Face file page (/blob/) to the file (/resolve/)', () => {
    const r = resolveSource('https://huggingface.co/o/r/blob/main/m.gguf');
    assert.equal(r.url, 'https://huggingface.co/o/r/resolve/main/m.gguf');
    assert.equal(r.hf?.repo, 'o/r');
  });

  it('gives no token to other hosts', () => {
    assert.deepEqual(resolveSource('https://example.com/models/m.gguf').tokenOrigins, []);
  });

  it('refuses what it cannot use, saying what would work', () => {
    badInput(() => resolveSource('hf:o/m.gguf'), /hf:owner\/repo\/file\.gguf/);
    badInput(() => resolveSource('hf:o/r/m.gguf#a#b'), /not a Hugging Face file URI/);
    badInput(() => resolveSource('hf:o/r/../m.gguf'), /characters/);
    badInput(() => resolveSource('file:///etc/passwd'), /Only http\(s\)/);
    badInput(() => resolveSource('https://user:pw@example.com/m.gguf'), /no user name or password/);
    badInput(() => resolveSource('not a url'), /neither a URL nor an hf: URI/);
    badInput(() => normaliseEndpoint('ftp://mirror'), /http\(s\) URL/);
    badInput(() => normaliseEndpoint('https://mirror/?x=1'), /query or fragment/);
  });

  it('builds resolve URLs with encoded parts', () => {
    assert.equal(
      hfResolveUrl('https://huggingface.co/', 'o/r', 'a b.gguf'),
      'https://huggingface.co/o/r/resolve/main/a%20b.gguf',
    );
  });

  it('only accepts plain file names for the models folder', () => {
    assert.equal(safeFileName('dir/m.gguf'), 'm.gguf');
    badInput(() => safeFileName('.hidden.gguf'), /cannot be used/);
    badInput(() => safeFileName('a:b.gguf'), /cannot be used/);
  });
});
