// SentencePiece's unigram encoding of one text run, as its encoder does it for LLM-jp-3 and Fugaku-LLM
// (identity normalizer, add_dummy_prefix, remove_extra_whitespaces off, byte fallback):
//   1. normalize: "" stays empty; otherwise one "▁" in front and every " " becomes "▁" (nothing else changes);
//   2. Viterbi over the pieces' scores, left to right, linear in the text's length (each start position
//      walks the trie at most maxPieceUnits steps); a character no one-character piece covers gets the
//      unknown score (lowest score - 10) and is written as its UTF-8 byte pieces <0xNN>.
// Scores add up with SentencePiece's own float/double rounding and ties keep the first candidate, as its
// optimized encoder (EncodeOptimized) does,
// so the ids are the same as SentencePiece's, not only the same in most cases.
//
// Long texts: `encodeBounded` gives up as soon as the result is certain to exceed a token limit (a lower
// bound from the longest piece, checked before starting and again as the Viterbi pass advances), and the
// async `encodeCooperatively` yields to the event loop between slices so a huge request never stalls others.
import type { UnigramVocab } from './unigram-vocab.js';

export const SPACE_PIECE = '\u2581';

export type Encoded = { ok: true; ids: number[] } | { ok: false; atLeast: number };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** SentencePiece's normalization for these models. Lone surrogates (not UTF-8) become U+FFFD. */
export function normalizeUnigram(text: string): string {
  if (text === '') return '';
  const wellFormed = /[\uD800-\uDFFF]/.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
  return SPACE_PIECE + wellFormed.replaceAll(' ', SPACE_PIECE);
}

/** Tokens the text needs at the least: no piece covers more than maxPieceUnits code units. Cheap. */
export function minUnigramTokens(vocab: UnigramVocab, text: string): number {
  return text === '' ? 0 : Math.ceil((text.length + 1) / vocab.maxPieceUnits);
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function pushUtf8Bytes(vocab: UnigramVocab, cp: number, out: number[]): void {
  const byte = (b: number) => {
    const id = vocab.byteIds[b];
    out.push(id >= 0 ? id : vocab.unkId);
  };
  if (cp < 0x80) byte(cp);
  else if (cp < 0x800) {
    byte(0xc0 | (cp >> 6));
    byte(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    byte(0xe0 | (cp >> 12));
    byte(0x80 | ((cp >> 6) & 0x3f));
    byte(0x80 | (cp & 0x3f));
  } else {
    byte(0xf0 | (cp >> 18));
    byte(0x80 | ((cp >> 12) & 0x3f));
    byte(0x80 | ((cp >> 6) & 0x3f));
    byte(0x80 | (cp & 0x3f));
  }
}

const UNK = -2;
/** Code units processed between checks of the limit (and, when cooperative, between yields). */
export const SLICE_UNITS = 4096;

/** One Viterbi pass over a normalized string, resumable slice by slice. */
class ViterbiPass {
  private readonly n: number;
  /** Best path score to each position; always a float32 value, as SentencePiece stores it. */
  private readonly best: Float32Array;
  private readonly from: Int32Array;
  private readonly piece: Int32Array;
  /** Ids on the best path to each position (byte pieces counted one by one). */
  private readonly count: Int32Array;
  private pos = 0;

  constructor(
    private readonly vocab: UnigramVocab,
    private readonly s: string,
  ) {
    this.n = s.length;
    this.best = new Float32Array(this.n + 1);
    this.from = new Int32Array(this.n + 1).fill(-1);
    this.piece = new Int32Array(this.n + 1);
    this.count = new Int32Array(this.n + 1);
  }

  get done(): boolean {
    return this.pos >= this.n;
  }

  /** Process start positions up to `until` (code units). */
  advance(until: number): void {
    const { vocab, s, n, best, from, piece, count } = this;
    const end = Math.min(until, n);
    let start = this.pos;
    while (start < end) {
      const till = best[start];
      const tillCount = count[start];
      const c0 = s.charCodeAt(start);
      const pair = c0 >= 0xd800 && c0 <= 0xdbff && start + 1 < n;
      const mblen = pair ? 2 : 1;
      let hasSingle = false;
      let node = 0;
      for (let k = start; k < n; k++) {
        node = vocab.child(node, s.charCodeAt(k));
        if (node < 0) break;
        const id = vocab.pieceAt(node);
        if (id < 0) continue;
        const target = k + 1;
        // SentencePiece adds a piece's score in double precision, compares that with the stored float, and
        // stores it rounded to float; the unknown candidate below is added in float. Rounding decides ties in
        // long texts, so it is copied exactly.
        const score = vocab.scores[id] + till;
        if (from[target] === -1 || score > best[target]) {
          best[target] = score;
          from[target] = start;
          piece[target] = id;
          count[target] = tillCount + 1;
        }
        if (target - start === mblen) hasSingle = true;
      }
      if (!hasSingle) {
        const target = start + mblen;
        const score = Math.fround(vocab.unkScore + till);
        if (from[target] === -1 || score > best[target]) {
          best[target] = score;
          from[target] = start;
          piece[target] = UNK;
          count[target] = tillCount + utf8Length(pair ? s.codePointAt(start)! : c0);
        }
      }
      start += mblen;
    }
    this.pos = start;
  }

  /**
   * The fewest ids the finished pass can give, from what is known now: the final path leaves the processed
   * part at some position s within one piece's length of the frontier, having used count[s] ids, and
   * needs at least ceil((n - s) / maxPieceUnits) more.
   */
  lowerBound(): number {
    const L = this.vocab.maxPieceUnits;
    let bound = Infinity;
    for (let p = Math.max(0, this.pos - L + 1); p <= this.pos; p++) {
      if (p !== 0 && this.from[p] === -1) continue;
      bound = Math.min(bound, this.count[p] + Math.ceil((this.n - p) / L));
    }
    return bound === Infinity ? 0 : bound;
  }

  ids(): number[] {
    const { n, from, piece, s, vocab } = this;
    const segments: number[] = [];
    for (let end = n; end > 0; end = from[end]) segments.push(end);
    const out: number[] = [];
    for (let i = segments.length - 1; i >= 0; i--) {
      const end = segments[i];
      const id = piece[end];
      if (id !== UNK) out.push(id);
      else pushUtf8Bytes(vocab, s.codePointAt(from[end])!, out);
    }
    return out;
  }
}

/** SentencePiece ids of `text` (one text run: no special tokens are parsed from it). */
export function encodeUnigram(vocab: UnigramVocab, text: string): number[] {
  const r = encodeBounded(vocab, text, Infinity);
  return r.ok ? r.ids : [];
}

/** Like encodeUnigram, but stops early with `{ok: false}` once the ids are certain to exceed `maxTokens`. */
export function encodeBounded(vocab: UnigramVocab, text: string, maxTokens: number): Encoded {
  const floor = minUnigramTokens(vocab, text);
  if (floor > maxTokens) return { ok: false, atLeast: floor };
  const pass = new ViterbiPass(vocab, normalizeUnigram(text));
  for (let at = SLICE_UNITS; !pass.done; at += SLICE_UNITS) {
    pass.advance(at);
    const bound = pass.lowerBound();
    if (bound > maxTokens) return { ok: false, atLeast: bound };
  }
  const ids = pass.ids();
  return ids.length > maxTokens ? { ok: false, atLeast: ids.length } : { ok: true, ids };
}

export interface CooperativeOptions {
  maxTokens?: number;
  signal?: AbortSignal;
  /** How to let other work run between slices; default setImmediate. */
  yieldNow?: () => Promise<void>;
}

/** Resolves on a later turn of the event loop, after pending I/O (another connection's request) is served. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** encodeBounded that yields to the event loop between slices of a long text; rejects when `signal` aborts. */
export async function encodeCooperatively(
  vocab: UnigramVocab,
  text: string,
  opts: CooperativeOptions = {},
): Promise<Encoded> {
  const maxTokens = opts.maxTokens ?? Infinity;
  if (text.length <= SLICE_UNITS) return encodeBounded(vocab, text, maxTokens);
  const floor = minUnigramTokens(vocab, text);
  if (floor > maxTokens) return { ok: false, atLeast: floor };
  const yieldNow = opts.yieldNow ?? nextTurn;
  const pass = new ViterbiPass(vocab, normalizeUnigram(text));
  for (let at = SLICE_UNITS; !pass.done; at += SLICE_UNITS) {
    pass.advance(at);
    const bound = pass.lowerBound();
    if (bound > maxTokens) return { ok: false, atLeast: bound };
    await yieldNow();
    opts.signal?.throwIfAborted();
  }
  const ids = pass.ids();
  // Let other work run before the caller goes on with a long result.
  await yieldNow();
  return ids.length > maxTokens ? { ok: false, atLeast: ids.length } : { ok: true, ids };
}
