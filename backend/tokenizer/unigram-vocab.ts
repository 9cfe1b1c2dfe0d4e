// The pieces a SentencePiece unigram model may produce from text, indexed for Viterbi: a trie over UTF-16
// code units (an open-addressing hash of (node, unit) edges, with a direct table for the first unit), each
// piece's score as a float32, and the byte pieces used for characters no piece covers.
//
// Which pieces enter the trie mirrors SentencePiece's encoder: NORMAL pieces only. CONTROL (<s>, </s>,
// <EOD|LLM-jp>…), UNKNOWN, UNUSED (the converter's [PADn] rows) and BYTE pieces are never matched against
// text, so text that looks like a special token stays text. USER_DEFINED pieces are left out too: neither
// LLM-jp-3's nor Fugaku-LLM's tokenizer has any, and Fude never lets user text produce one.

/** llama.cpp's token types (tokenizer.ggml.token_type), the same numbers as SentencePiece's piece types. */
export const PieceType = { Normal: 1, Unknown: 2, Control: 3, UserDefined: 4, Unused: 5, Byte: 6 } as const;

export interface VocabArrays {
  tokens: readonly string[];
  scores: ArrayLike<number>;
  types: ArrayLike<number>;
}

export class VocabError extends Error {}

const NO_NODE = -1;
const EMPTY = -1;

export class UnigramVocab {
  /** Vocabulary size (GGUF rows), for range checks. */
  readonly size: number;
  /** Float32 scores by piece id. */
  readonly scores: Float32Array;
  /** SentencePiece's unknown-character score: the lowest NORMAL score minus 10, in float32. */
  readonly unkScore: number;
  /** The longest NORMAL piece in UTF-16 code units (at least 2: one character, maybe a surrogate pair). */
  readonly maxPieceUnits: number;
  /** Byte piece id by byte value, -1 where the vocabulary has none. */
  readonly byteIds: Int32Array;
  readonly unkId: number;
  readonly pieceCount: number;

  // Trie: node 0 is the root. terminal[node] = piece id ending there, or -1.
  private readonly rootChild: Int32Array;
  private terminal: Int32Array;
  private edgeParent: Int32Array;
  private edgeUnit: Uint16Array;
  private edgeChild: Int32Array;
  private mask: number;
  private nodes = 1;
  private edges = 0;

  constructor(vocab: VocabArrays, unkId?: number) {
    const { tokens, scores, types } = vocab;
    if (tokens.length === 0 || scores.length !== tokens.length || types.length !== tokens.length) {
      throw new VocabError(
        `the vocabulary is incomplete: ${tokens.length} tokens, ${scores.length} scores, ${types.length} token types`,
      );
    }
    this.size = tokens.length;
    this.scores = Float32Array.from({ length: tokens.length }, (_, i) => scores[i]);
    this.byteIds = new Int32Array(256).fill(-1);
    let units = 0;
    let min = Infinity;
    let pieceCount = 0;
    let maxLen = 2;
    for (let id = 0; id < tokens.length; id++) {
      const type = types[id];
      if (type === PieceType.Byte) {
        const m = /^<0x([0-9A-Fa-f]{2})>$/.exec(tokens[id]);
        if (m) this.byteIds[parseInt(m[1], 16)] = id;
      } else if (type === PieceType.Normal && tokens[id].length > 0) {
        units += tokens[id].length;
        pieceCount++;
        maxLen = Math.max(maxLen, tokens[id].length);
        if (this.scores[id] < min) min = this.scores[id];
      }
    }
    if (pieceCount === 0) throw new VocabError('the vocabulary has no normal pieces');
    this.pieceCount = pieceCount;
    this.maxPieceUnits = maxLen;
    this.unkScore = Math.fround(Math.fround(min) - 10);
    this.unkId =
      unkId ??
      Math.max(
        0,
        Array.prototype.findIndex.call(types, (t: number) => t === PieceType.Unknown),
      );

    this.rootChild = new Int32Array(0x10000).fill(NO_NODE);
    this.terminal = new Int32Array(units + 1).fill(-1);
    let cap = 1024;
    while (cap < units * 2) cap *= 2;
    this.mask = cap - 1;
    this.edgeParent = new Int32Array(cap).fill(EMPTY);
    this.edgeUnit = new Uint16Array(cap);
    this.edgeChild = new Int32Array(cap);
    for (let id = 0; id < tokens.length; id++) {
      if (types[id] !== PieceType.Normal || tokens[id].length === 0) continue;
      const piece = tokens[id];
      let node = 0;
      for (let k = 0; k < piece.length; k++) node = this.childOrAdd(node, piece.charCodeAt(k));
      // A duplicate spelling keeps the first id, as SentencePiece's piece map does.
      if (this.terminal[node] === -1) this.terminal[node] = id;
    }
  }

  /** The child of `node` along code unit `unit`, or -1. */
  child(node: number, unit: number): number {
    if (node === 0) return this.rootChild[unit];
    let h = this.hash(node, unit);
    for (;;) {
      const p = this.edgeParent[h];
      if (p === EMPTY) return NO_NODE;
      if (p === node && this.edgeUnit[h] === unit) return this.edgeChild[h];
      h = (h + 1) & this.mask;
    }
  }

  /** The piece id ending at `node`, or -1. */
  pieceAt(node: number): number {
    return this.terminal[node];
  }

  private hash(node: number, unit: number): number {
    return ((Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 1, 0x85ebca77)) >>> 0) & this.mask;
  }

  private childOrAdd(node: number, unit: number): number {
    const found = this.child(node, unit);
    if (found !== NO_NODE) return found;
    const fresh = this.nodes++;
    if (node === 0) {
      this.rootChild[unit] = fresh;
      return fresh;
    }
    let h = this.hash(node, unit);
    while (this.edgeParent[h] !== EMPTY) h = (h + 1) & this.mask;
    this.edgeParent[h] = node;
    this.edgeUnit[h] = unit;
    this.edgeChild[h] = fresh;
    this.edges++;
    return fresh;
  }
}
