import assert from 'node:assert/strict';
import { Utf8TokenDecoder } from '../../../../backend/text/utf8-token-decoder.js';

const REPLACEMENT = '\uFFFD';
/** Not streaming: each decode() is a whole input, an incomplete end becoming U+FFFD. */
const UTF8 = new TextDecoder();

/**
 * A fake vocabulary whose tokens are arbitrary byte strings, detokenized the way llama.cpp does it: the
 * tokens' bytes concatenated and decoded as UTF-8, an incomplete or invalid sequence becoming U+FFFD.
 * The context is used as node-llama-cpp uses it (decode context + tokens, strip the context's text).
 */
class ByteVocab {
  private readonly pieces: Uint8Array[] = [];

  token(bytes: Uint8Array | number[]): number {
    this.pieces.push(Uint8Array.from(bytes));
    return this.pieces.length - 1;
  }

  private decode(tokens: readonly number[]): string {
    return UTF8.decode(Buffer.concat(tokens.map((t) => this.pieces[t])));
  }

  readonly detokenize = (tokens: readonly number[], context: readonly number[]): string => {
    const contextText = this.decode(context);
    const text = this.decode([...context, ...tokens]);
    return contextText !== '' && text.startsWith(contextText) ? text.slice(contextText.length) : this.decode(tokens);
  };
}

interface Run {
  pieces: string[];
  text: string;
}

/** Feeds `tokens` to a fresh decoder, then flushes; returns every emitted piece. */
function run(vocab: ByteVocab, tokens: readonly number[]): Run {
  const decoder = new Utf8TokenDecoder(vocab.detokenize);
  const pieces = tokens.map((t) => decoder.push(t));
  pieces.push(decoder.flush());
  return { pieces, text: pieces.join('') };
}

/** Every way to cut `length` bytes into consecutive runs of 1..4 bytes, as lists of run lengths. */
function* splits(length: number): Generator<number[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (let first = 1; first <= Math.min(4, length); first++) {
    for (const rest of splits(length - first)) yield [first, ...rest];
  }
}

function tokensFor(vocab: ByteVocab, bytes: Uint8Array, lengths: readonly number[]): number[] {
  const tokens: number[] = [];
  let at = 0;
  for (const n of lengths) {
    tokens.push(vocab.token(bytes.subarray(at, at + n)));
    at += n;
  }
  return tokens;
}

function assertWhole(r: Run, expected: string, how: string): void {
  assert.equal(r.text, expected, how);
  for (const p of r.pieces)
    assert.ok(!p.includes(REPLACEMENT), `${how}: piece ${JSON.stringify(p)} has a broken character`);
}

describe('Utf8TokenDecoder', () => {
  it('one byte per token: Japanese, emoji and mixed text come out whole, character by character', () => {
    for (const text of ['あ', '日本語のテキスト。', '😀', '👨‍👩‍👧', 'a€b𝄞c', '漢字とemoji😀、混在']) {
      const vocab = new ByteVocab();
      const r = run(
        vocab,
        [...Buffer.from(text)].map((b) => vocab.token([b])),
      );
      assertWhole(r, text, text);
      // Each character comes out as soon as its last byte arrives, never later.
      const nonEmpty = r.pieces.filter((p) => p !== '');
      assert.deepEqual(nonEmpty, Array.from(text), text);
    }
  });

  it('every split of "あ。é😀a" into tokens of 1..4 bytes gives the text back with no broken piece', () => {
    const text = 'あ。é😀a';
    const bytes = Buffer.from(text);
    let count = 0;
    for (const lengths of splits(bytes.length)) {
      const vocab = new ByteVocab();
      assertWhole(run(vocab, tokensFor(vocab, bytes, lengths)), text, `split ${lengths.join('+')}`);
      count++;
    }
    assert.equal(count, 2872, 'all compositions of 13 bytes into parts of 1..4');
  });

  it('every split of other short mixed strings, too', () => {
    for (const text of ['😀😀a', 'éあ€', '字\n𝄞']) {
      const bytes = Buffer.from(text);
      for (const lengths of splits(bytes.length)) {
        const vocab = new ByteVocab();
        assertWhole(run(vocab, tokensFor(vocab, bytes, lengths)), text, `${text}: split ${lengths.join('+')}`);
      }
    }
  });

  it('a multi-byte character split right before the end comes out whole on flush', () => {
    const vocab = new ByteVocab();
    const decoder = new Utf8TokenDecoder(vocab.detokenize);
    assert.equal(decoder.push(vocab.token(Buffer.from('abc'))), 'abc');
    assert.equal(decoder.push(vocab.token([0xe3])), '');
    assert.equal(decoder.push(vocab.token([0x80, 0x82])), '。');
    assert.equal(decoder.flush(), '');
  });

  it('flush emits what is held, as U+FFFD when the character never completed', () => {
    const vocab = new ByteVocab();
    const decoder = new Utf8TokenDecoder(vocab.detokenize);
    assert.equal(decoder.push(vocab.token(Buffer.from('ok'))), 'ok');
    assert.equal(decoder.push(vocab.token([0xe3])), '');
    assert.equal(decoder.push(vocab.token([0x81])), '');
    assert.equal(decoder.flush(), REPLACEMENT);
    assert.equal(decoder.flush(), '', 'nothing twice');
  });

  it('genuinely invalid bytes come out as U+FFFD, in place, neither dropped nor held forever', () => {
    const cases: Array<[number[][], string]> = [
      [[[0xff], [0x61]], `${REPLACEMENT}a`],
      [[[0x80], [0x80], [0x61]], `${REPLACEMENT}${REPLACEMENT}a`],
      [[[0xc0], [0x80], [0x62]], `${REPLACEMENT}${REPLACEMENT}b`], // overlong encoding
      [[[0xed, 0xa0, 0x80], [0x63]], `${REPLACEMENT}${REPLACEMENT}${REPLACEMENT}c`], // a UTF-16 surrogate
      [[[0xe3, 0x81], [0x61]], `${REPLACEMENT}a`], // a truncated character followed by ASCII
      [[[0xe3], [0xe3, 0x81, 0x82]], `${REPLACEMENT}あ`],
    ];
    for (const [tokenBytes, expected] of cases) {
      const vocab = new ByteVocab();
      const all = Buffer.concat(tokenBytes.map((b) => Uint8Array.from(b)));
      assert.equal(new TextDecoder().decode(all), expected, 'the case itself');
      const decoder = new Utf8TokenDecoder(vocab.detokenize);
      const pushed = tokenBytes.map((b) => decoder.push(vocab.token(b))).join('');
      assert.equal(pushed, expected, `all of ${JSON.stringify(tokenBytes)} is out before flush`);
      assert.equal(decoder.flush(), '');
    }
  });

  it('a long run of invalid bytes keeps flowing instead of being held', () => {
    const vocab = new ByteVocab();
    const decoder = new Utf8TokenDecoder(vocab.detokenize);
    let out = '';
    for (let i = 0; i < 50; i++) out += decoder.push(vocab.token([0x80]));
    assert.ok(out.length >= 50 - 4, `emitted ${out.length} of 50 while streaming`);
    out += decoder.flush();
    assert.equal(out, REPLACEMENT.repeat(50));
  });

  it('any byte stream, valid or not, in any 1..4-byte split, decodes exactly as a whole-stream decode', () => {
    // Random but seeded, so the test is deterministic.
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = [0x61, 0x80, 0x81, 0xbf, 0xc3, 0xa9, 0xe3, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xed, 0xa0];
    for (let round = 0; round < 400; round++) {
      const bytes = Uint8Array.from({ length: 1 + rand(12) }, () => alphabet[rand(alphabet.length)]);
      const lengths: number[] = [];
      for (let left = bytes.length; left > 0;) {
        const n = Math.min(left, 1 + rand(4));
        lengths.push(n);
        left -= n;
      }
      const vocab = new ByteVocab();
      const r = run(vocab, tokensFor(vocab, bytes, lengths));
      assert.equal(
        r.text,
        new TextDecoder().decode(bytes),
        `bytes ${[...bytes].map((b) => b.toString(16)).join(' ')} split ${lengths.join('+')}`,
      );
    }
  });

  it('a token that decodes to nothing (a control token) does not disturb the text around it', () => {
    const vocab = new ByteVocab();
    const empty = vocab.token([]);
    const r = run(vocab, [
      vocab.token(Buffer.from('a')),
      empty,
      vocab.token([0xe3, 0x81]),
      empty,
      vocab.token([0x82]),
      empty,
    ]);
    assertWhole(r, 'aあ', 'with empty tokens');
  });

  it('passes already-emitted tokens as context (at most 8)', () => {
    const contexts: number[][] = [];
    const decoder = new Utf8TokenDecoder((tokens, context) => {
      contexts.push([...context]);
      return tokens.map((t) => String.fromCharCode(0x61 + t)).join('');
    });
    for (let t = 0; t < 12; t++) decoder.push(t);
    assert.deepEqual(contexts[0], []);
    assert.deepEqual(contexts[3], [0, 1, 2]);
    assert.deepEqual(contexts[11], [3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
