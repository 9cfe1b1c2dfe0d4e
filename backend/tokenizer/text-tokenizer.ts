// Turns one run of prompt text into token ids, never parsing special tokens out of it. Two kinds:
//   - "sentencepiece-unigram": Fude's own, exact for SentencePiece unigram models (LLM-jp-3, Fugaku-LLM);
//   - "llama.cpp": node-llama-cpp's tokenizer, for every other family.
// Both refuse early, before tokenizing everything, once a text is certain to need more than `maxTokens`.
import type { LlamaModel } from 'node-llama-cpp';
import { encodeCooperatively, minUnigramTokens, type Encoded } from './unigram-encoder.js';
import { PieceType, type UnigramVocab } from './unigram-vocab.js';

export interface TokenizeLimits {
  /** Give up (ok: false) once the ids are certain to exceed this many. */
  maxTokens: number;
  signal?: AbortSignal;
}

export interface TextTokenizer {
  readonly name: 'sentencepiece-unigram' | 'llama.cpp';
  /** Ids of `text` as one run of text: SentencePiece's leading "▁", no special tokens parsed. */
  tokenize(text: string, limits: TokenizeLimits): Promise<Encoded>;
  /** A cheap lower bound of tokenize(text)'s length. */
  minTokens(text: string): number;
}

export function unigramTextTokenizer(vocab: UnigramVocab): TextTokenizer {
  return {
    name: 'sentencepiece-unigram',
    tokenize: (text, limits) => encodeCooperatively(vocab, text, limits),
    minTokens: (text) => minUnigramTokens(vocab, text),
  };
}

/**
 * The longest token in UTF-16 code units, byte tokens left out: no token covers more of a text than that
 * (byte-level BPE spells each byte as one character, so a token covers at most as many code units as it has).
 */
export function longestTokenUnits(tokens: unknown, types: unknown): number {
  if (!Array.isArray(tokens)) return Infinity;
  const typeOf = (i: number) =>
    Array.isArray(types) || ArrayBuffer.isView(types) ? (types as ArrayLike<number>)[i] : undefined;
  let longest = 1;
  for (let i = 0; i < tokens.length; i++) {
    const t: unknown = tokens[i];
    if (typeof t === 'string' && typeOf(i) !== PieceType.Byte && t.length > longest) longest = t.length;
  }
  return longest;
}

export function llamaTextTokenizer(model: LlamaModel): TextTokenizer {
  const ggml = model.fileInfo.metadata.tokenizer?.ggml as { tokens?: unknown; token_type?: unknown } | undefined;
  const longest = longestTokenUnits(ggml?.tokens, ggml?.token_type);
  const minTokens = (text: string) => (Number.isFinite(longest) ? Math.ceil(text.length / longest) : 0);
  return {
    name: 'llama.cpp',
    minTokens,
    async tokenize(text, limits) {
      const floor = minTokens(text);
      if (floor > limits.maxTokens) return { ok: false, atLeast: floor };
      const ids = model.tokenize(text, false) as number[];
      return ids.length > limits.maxTokens ? { ok: false, atLeast: ids.length } : { ok: true, ids };
    },
  };
}
