import assert from 'node:assert/strict';
import {
  builtInCatalog,
  downloadSource,
  entrySizeBytes,
  loadCatalog,
  parseUserEntry,
} from '../../../backend/models/catalog.js';
import { getTerms, listTerms, termsForFamily } from '../../../common/terms/index.js';

const TERMS = listTerms().map((t) => t.id);

describe('the built-in catalog', () => {
  const entries = builtInCatalog();

  it('has the LLM-jp-3 instruct sizes with public GGUFs, the official Fugaku-LLM GGUF and the 172B guide', () => {
    const ids = entries.map((e) => e.id);
    for (const id of [
      'llm-jp-3-1.8b-instruct-q4_k_m',
      'llm-jp-3-3.7b-instruct-q4_k_m',
      'llm-jp-3-13b-instruct-q4_k_m',
      'fugaku-llm-13b-instruct-q5_k_m',
      'llm-jp-3-172b-beta1-instruct',
    ]) {
      assert.ok(ids.includes(id), id);
    }
    const fugaku = entries.find((e) => e.id === 'fugaku-llm-13b-instruct-q5_k_m')!;
    assert.equal(fugaku.download?.repo, 'Fugaku-LLM/Fugaku-LLM-13B-instruct-gguf');
  });

  it('says where every source was verified, and pins a SHA-256 or explains why not', () => {
    for (const e of entries) {
      assert.ok(e.verifiedFrom.length > 0, e.id);
      if (!e.download) continue;
      assert.ok(e.download.sha256 || e.download.approxSizeNote, `${e.id}: a SHA-256 or a note`);
      assert.ok(e.download.file!.endsWith('.gguf'));
      assert.ok(
        e.quantization && e.download.file!.toLowerCase().includes(e.quantization.toLowerCase()),
        `${e.id}: the file is the ${e.quantization} one`,
      );
    }
  });

  it('names terms that exist and agree with the terms registry for the family', () => {
    for (const e of entries) {
      const byName = termsForFamily(e.family, e.name);
      if (e.terms.kind === 'terms') {
        assert.ok(getTerms(e.terms.termsId), `${e.id}: ${e.terms.termsId} is registered`);
        assert.equal(byName.kind === 'terms' && byName.terms.id, e.terms.termsId, e.id);
      } else {
        assert.equal(e.terms.kind, 'open');
        assert.equal(byName.kind === 'open' && byName.license, e.terms.kind === 'open' && e.terms.license, e.id);
      }
    }
  });

  it('gives the memory needed at the backend default context and 3 sequences: weights + context', () => {
    for (const e of entries) {
      assert.ok(e.memory, `${e.id} has memory numbers (run node out/scripts/catalog-memory.js --write)`);
      assert.equal(e.memory.sequences, 3);
      assert.equal(e.memory.contextSize, e.family === 'fugaku-llm' ? 2048 : 4096);
      assert.equal(e.memory.weightsBytes, entrySizeBytes(e));
      assert.equal(e.memory.ramBytes, e.memory.weightsBytes + e.memory.contextBytes);
    }
  });

  it('explains the two ways to use LLM-jp-3 172B beta1 instead of a download', () => {
    const e = entries.find((x) => x.id === 'llm-jp-3-172b-beta1-instruct')!;
    assert.equal(e.download, null);
    assert.equal(downloadSource(e), undefined);
    const cmds = e.howToUse!.convert.commands.join('\n');
    assert.match(cmds, /convert_hf_to_gguf\.py \.\.\/llm-jp-3-172b-beta1-instruct --outfile \S+\.gguf --outtype bf16/);
    assert.match(cmds, /llama-quantize \S+BF16\.gguf \S+Q4_K_M\.gguf Q4_K_M/);
    assert.match(e.howToUse!.remote.en, /OpenAI-compatible/);
    assert.match(e.howToUse!.remote.ja, /OpenAI 互換/);
  });

  it('builds pinned download URLs against the endpoint', () => {
    const e = entries.find((x) => x.id === 'llm-jp-3-3.7b-instruct-q4_k_m')!;
    const s = downloadSource(e, 'https://mirror.example')!;
    assert.equal(
      s.url,
      'https://mirror.example/alfredplpl/llm-jp-3-3.7b-instruct-gguf/resolve/0dbba987603749afdeb336c71cc9c8dc0a90564e/llm-jp-3-3.7b-instruct-Q4_K_M.gguf',
    );
    assert.equal(
      s.source,
      'hf:alfredplpl/llm-jp-3-3.7b-instruct-gguf/llm-jp-3-3.7b-instruct-Q4_K_M.gguf#0dbba987603749afdeb336c71cc9c8dc0a90564e',
    );
    assert.equal(s.sha256, '38edf85f7570b94afb966167867accc256295bc2d9fb99eccd7e07919f14165e');
  });
});

describe('user catalog entries (the fude.models.catalog setting)', () => {
  it('adds valid entries first and reports each bad one', () => {
    const c = loadCatalog(
      [
        {
          id: 'my-model',
          name: 'My model',
          url: 'hf:me/repo/m-Q4_K_M.gguf',
          sha256: 'A'.repeat(64),
          quantization: 'Q4_K_M',
          license: 'MIT',
        },
        { id: 'Bad Id', name: 'x', url: 'https://x/m.gguf' },
        { id: 'no-url', name: 'x' },
        { id: 'txt', name: 'x', url: 'https://x/readme.txt' },
        { id: 'terms', name: 'x', url: 'https://x/m.gguf', termsId: 'nope' },
        { id: 'llm-jp-3-1.8b-instruct-q4_k_m', name: 'dup', url: 'https://x/m.gguf' },
        'not an object',
      ],
      TERMS,
    );
    assert.equal(c.entries[0].id, 'my-model');
    assert.equal(c.entries[0].origin, 'user');
    assert.equal(c.entries[0].download?.sha256, 'a'.repeat(64));
    assert.deepEqual(c.entries[0].terms, { kind: 'open', license: 'MIT' });
    assert.equal(c.problems.length, 6);
    assert.match(c.problems.join('\n'), /"id" must be lower-case/);
    assert.match(c.problems.join('\n'), /"url" .* is required/);
    assert.match(c.problems.join('\n'), /must name a \.gguf file/);
    assert.match(c.problems.join('\n'), /"termsId" must be one of/);
    assert.match(c.problems.join('\n'), /already in the catalog/);
  });
  it('knows terms from the registry for user entries', () => {
    const e = parseUserEntry(
      { id: 'f', name: 'Fugaku mirror', url: 'https://mirror/f.gguf', termsId: 'fugaku-llm' },
      TERMS,
    );
    assert.ok(typeof e !== 'string');
    assert.deepEqual(e.terms, { kind: 'terms', termsId: 'fugaku-llm' });
    assert.equal(downloadSource(e)?.url, 'https://mirror/f.gguf');
  });
  it('reports a setting that is not a list', () => {
    assert.deepEqual(loadCatalog({ id: 'x' }, TERMS).problems, ['the setting must be a list of entries']);
  });
});
