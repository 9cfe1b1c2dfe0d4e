// The vocabulary arrays a GGUF carries (tokenizer.ggml.tokens / scores / token_type), read from the metadata
// node-llama-cpp has already parsed, with a message that says what is missing.
import { VocabError, type VocabArrays } from './unigram-vocab.js';

interface GgufTokenizerMetadata {
  tokens?: unknown;
  scores?: unknown;
  token_type?: unknown;
  unknown_token_id?: unknown;
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && (v as ArrayLike<unknown>).length >= 0;
}

/** `ggml` is the GGUF's `tokenizer.ggml` metadata object. */
export function vocabArraysFromGguf(ggml: GgufTokenizerMetadata | undefined): VocabArrays & { unkId?: number } {
  const tokens = ggml?.tokens;
  const scores = ggml?.scores;
  const types = ggml?.token_type;
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string')) {
    throw new VocabError('the GGUF has no tokenizer.ggml.tokens list');
  }
  if (!isNumberArray(scores))
    throw new VocabError('the GGUF has no tokenizer.ggml.scores (a SentencePiece vocabulary has them)');
  if (!isNumberArray(types)) throw new VocabError('the GGUF has no tokenizer.ggml.token_type');
  const unk = ggml?.unknown_token_id;
  return { tokens, scores, types, ...(typeof unk === 'number' ? { unkId: unk } : {}) };
}
