// Fude's unigram tokenizer against Google's SentencePiece on the real LLM-jp-3 and Fugaku-LLM models: the
// vocabulary is built from the arrays a GGUF conversion carries (as the backend reads them), the reference
// encodes with the original .model files. Every corpus string must give the same ids.
import assert from 'node:assert/strict';
import { encodeBounded, encodeCooperatively, encodeUnigram } from '../../../../backend/tokenizer/unigram-encoder.js';
import { PieceType, UnigramVocab } from '../../../../backend/tokenizer/unigram-vocab.js';
import { ggufVocabFromSentencePiece, type RealVocabName } from '../../../fixtures/spm-gguf-vocab.js';
import { loadReference, readCorpus, type ReferenceTokenizer } from '../../../fixtures/tokenizer-reference.js';

const corpus = readCorpus();

describe('backend/tokenizer: exact SentencePiece ids on the real vocabularies', function () {
  this.timeout(120_000);

  it('has a corpus of at least 500 varied strings', () => {
    assert.ok(corpus.length >= 500, `${corpus.length} strings`);
    const kinds = new Set(corpus.map((c) => c.kind));
    for (const k of [
      'prose-ja',
      'dialogue-ja',
      'digits',
      'katakana',
      'combining',
      'astral',
      'english',
      'code',
      'urls',
      'markdown',
      'templates',
      'whitespace',
      'special-looking',
      'long',
    ]) {
      assert.ok(kinds.has(k), `corpus has ${k}`);
    }
    assert.ok(
      corpus.some((c) => c.text === ''),
      'the empty string',
    );
    assert.ok(
      corpus.some((c) => c.text.includes('\t') && c.kind === 'code'),
      'code with tabs',
    );
    assert.ok(
      corpus.some((c) => c.text.includes('𠮷')),
      'a kanji outside the BMP',
    );
    assert.ok(
      corpus.some((c) => c.text === 'か\u309b'),
      'か + ゛',
    );
  });

  for (const name of ['llm-jp-3', 'fugaku-llm'] as const satisfies readonly RealVocabName[]) {
    describe(name, () => {
      let vocab: UnigramVocab;
      let reference: ReferenceTokenizer;
      let controlIds: Set<number>;
      before(async () => {
        const arrays = ggufVocabFromSentencePiece(name);
        vocab = new UnigramVocab(arrays);
        reference = await loadReference(name);
        controlIds = new Set(
          [...arrays.types.keys()].filter(
            (i) => arrays.types[i] !== PieceType.Normal && arrays.types[i] !== PieceType.Byte,
          ),
        );
      });

      it("gives SentencePiece's ids for every corpus string (100%)", () => {
        const wrong: string[] = [];
        for (const { kind, text } of corpus) {
          const ours = encodeUnigram(vocab, text);
          const theirs = reference.encode(text);
          if (JSON.stringify(ours) !== JSON.stringify(theirs))
            wrong.push(`${kind}: ${JSON.stringify(text.slice(0, 60))}`);
        }
        assert.deepEqual(wrong, [], `${wrong.length} of ${corpus.length} strings differ`);
      });

      it('agrees on long texts, where float rounding decides near-ties', () => {
        const long = corpus
          .map((c) => c.text)
          .join('\n')
          .repeat(3);
        assert.deepEqual(encodeUnigram(vocab, long), reference.encode(long));
      });

      it('never produces a control, unknown or padding id from text, whatever the text looks like', () => {
        for (const { text } of corpus) {
          for (const id of encodeUnigram(vocab, text))
            assert.ok(!controlIds.has(id), `id ${id} from ${JSON.stringify(text)}`);
        }
      });

      it('gives the same ids when bounded or cooperative, and stops early past a limit', async () => {
        const text = corpus.map((c) => c.text).join('\n');
        const ids = encodeUnigram(vocab, text);
        assert.deepEqual(encodeBounded(vocab, text, ids.length), { ok: true, ids });
        assert.deepEqual(await encodeCooperatively(vocab, text, { maxTokens: ids.length }), { ok: true, ids });
        const over = encodeBounded(vocab, text, ids.length - 1);
        assert.equal(over.ok, false);
        const far = encodeBounded(vocab, text.repeat(50), 1000);
        assert.equal(far.ok, false);
        if (!far.ok) assert.ok(far.atLeast > 1000);
      });
    });
  }
});
