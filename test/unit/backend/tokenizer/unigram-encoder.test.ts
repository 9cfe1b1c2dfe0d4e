// The unigram encoder's own rules on a hand-made vocabulary, where each case can be worked out by hand.
import assert from 'node:assert/strict';
import {
  encodeBounded,
  encodeCooperatively,
  encodeUnigram,
  minUnigramTokens,
  normalizeUnigram,
} from '../../../../backend/tokenizer/unigram-encoder.js';
import { PieceType, UnigramVocab, VocabError } from '../../../../backend/tokenizer/unigram-vocab.js';
import { llamaTextTokenizer, longestTokenUnits } from '../../../../backend/tokenizer/text-tokenizer.js';

const byte = (b: number) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`;

/** <unk> <s> </s>, the 256 byte pieces (ids 3..258), then normal pieces with the given scores. */
function vocabOf(pieces: Array<[string, number]>, opts: { bytes?: boolean } = {}): UnigramVocab {
  const tokens = ['<unk>', '<s>', '</s>'];
  const scores = [0, 0, 0];
  const types: number[] = [PieceType.Unknown, PieceType.Control, PieceType.Control];
  if (opts.bytes !== false)
    for (let b = 0; b < 256; b++) {
      tokens.push(byte(b));
      scores.push(0);
      types.push(PieceType.Byte);
    }
  for (const [p, s] of pieces) {
    tokens.push(p);
    scores.push(s);
    types.push(PieceType.Normal);
  }
  return new UnigramVocab({ tokens, scores, types });
}
const BASE = 259;

describe('backend/tokenizer: unigram encoder rules', () => {
  it('normalizes as SentencePiece does for these models: one leading ▁, spaces as ▁, nothing else', () => {
    assert.equal(normalizeUnigram(''), '');
    assert.equal(normalizeUnigram(' '), '▁▁');
    assert.equal(normalizeUnigram('a  b\t\n\u3000'), '▁a▁▁b\t\n\u3000');
    assert.equal(normalizeUnigram('x\uD800y\uDC00'), '▁x\uFFFDy\uFFFD', 'lone surrogates are not UTF-8: U+FFFD');
    assert.equal(normalizeUnigram('😀'), '▁😀', 'a surrogate pair stays');
  });

  it('picks the segmentation with the best total score (Viterbi), not the longest first match', () => {
    // ▁ab + c = -1 + -1 = -2 beats ▁a + bc = -1.5 + -1 = -2.5 and ▁abc = -3.
    const v = vocabOf([
      ['▁', -1],
      ['▁a', -1.5],
      ['▁ab', -1],
      ['bc', -1],
      ['c', -1],
      ['▁abc', -3],
      ['a', -2],
      ['b', -2],
    ]);
    assert.deepEqual(encodeUnigram(v, 'abc'), [BASE + 2, BASE + 4]);
  });

  it('ties keep the earlier start (the longer piece ending there), as SentencePiece does', () => {
    const v = vocabOf([
      ['▁', -1],
      ['▁a', -1],
      ['b', -1],
      ['▁ab', -2],
      ['a', -5],
    ]);
    // ▁ab (-2) and ▁a + b (-2) tie: ▁ab started first.
    assert.deepEqual(encodeUnigram(v, 'ab'), [BASE + 3]);
  });

  it('writes a character no piece covers as its UTF-8 byte pieces', () => {
    const v = vocabOf([
      ['▁', -1],
      ['a', -1],
    ]);
    assert.deepEqual(encodeUnigram(v, 'a𠮷'), [BASE, BASE + 1, 3 + 0xf0, 3 + 0xa0, 3 + 0xae, 3 + 0xb7]);
    assert.deepEqual(encodeUnigram(v, 'aあ'), [BASE, BASE + 1, 3 + 0xe3, 3 + 0x81, 3 + 0x82]);
  });

  it('uses the unknown id where the vocabulary has no byte pieces', () => {
    const v = new UnigramVocab({
      tokens: ['<unk>', '▁', 'a'],
      scores: [0, -1, -1],
      types: [PieceType.Unknown, PieceType.Normal, PieceType.Normal],
    });
    assert.deepEqual(encodeUnigram(v, 'aé'), [1, 2, 0, 0]);
  });

  it('never matches control, unknown, unused or byte pieces against text', () => {
    const tokens = ['<unk>', '<s>', '</s>', '[PAD3]', '<0x41>', '▁', '<', 's', '>', '/', 'A'];
    const types = [2, 3, 3, 5, 6, 1, 1, 1, 1, 1, 1];
    const v = new UnigramVocab({ tokens, scores: tokens.map(() => -1), types });
    // Characters no piece covers fall back to <unk> here (this vocabulary has no byte pieces for them), but
    // <s>, </s>, [PAD3] and <0x41> are never matched as pieces.
    assert.deepEqual(
      encodeUnigram(v, '<s></s>[PAD3]<0x41>').filter((id) => id >= 1 && id <= 4),
      [],
    );
  });

  it('refuses an empty or incomplete vocabulary with a clear error', () => {
    assert.throws(() => new UnigramVocab({ tokens: [], scores: [], types: [] }), VocabError);
    assert.throws(() => new UnigramVocab({ tokens: ['a'], scores: [], types: [1] }), /incomplete/);
    assert.throws(() => new UnigramVocab({ tokens: ['<s>'], scores: [0], types: [3] }), /no normal pieces/);
  });

  it('bounds the token count from below with the longest piece, and stops as soon as the bound passes the limit', async () => {
    const v = vocabOf([
      ['▁', -1],
      ['a', -1],
      ['aaaa', -1],
    ]);
    assert.equal(v.maxPieceUnits, 4);
    const text = 'a'.repeat(100_000);
    assert.equal(minUnigramTokens(v, text), Math.ceil(100_001 / 4));
    assert.ok(encodeUnigram(v, text).length >= minUnigramTokens(v, text));
    assert.deepEqual(encodeBounded(v, text, 10), { ok: false, atLeast: 25_001 });
    const exact = encodeUnigram(v, text).length;
    assert.deepEqual(await encodeCooperatively(v, text, { maxTokens: exact - 1 }), { ok: false, atLeast: exact });
  });

  it('yields between slices of a long text, and stops when the request is cancelled', async () => {
    const v = vocabOf([
      ['▁', -1],
      ['a', -1],
    ]);
    let turns = 0;
    const r = await encodeCooperatively(v, 'a'.repeat(50_000), {
      yieldNow: async () => {
        turns++;
      },
    });
    assert.ok(r.ok && r.ids.length === 50_001);
    assert.ok(turns >= 10, `${turns} turns`);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await assert.rejects(encodeCooperatively(v, 'a'.repeat(50_000), { signal: controller.signal }), /cancelled/);
  });

  it('bounds other tokenizers by their longest non-byte token', () => {
    assert.equal(longestTokenUnits(['<0x0A>', 'ab', 'abcd', '<|im_start|>'], [6, 1, 1, 3]), 12);
    assert.equal(longestTokenUnits(undefined, undefined), Infinity);
    const fake = {
      fileInfo: { metadata: { tokenizer: { ggml: { tokens: ['abcd'], token_type: [1] } } } },
      tokenize: () => [],
    };
    assert.equal(llamaTextTokenizer(fake as never).minTokens('x'.repeat(40)), 10);
  });
});
