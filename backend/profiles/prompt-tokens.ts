// How a family's prompts become token ids: which tokenizer reads the text runs, and where BOS goes.
//   - LLM-jp-3 and Fugaku-LLM: Fude's exact SentencePiece unigram tokenizer over the GGUF's own pieces
//     (llama.cpp tokenizes these "llama"-type vocabularies by greedy merges and splits differently).
//     BOS policy, the same in chat, documentation and completion: LLM-jp-3 exactly one BOS; Fugaku-LLM
//     none (its card tokenizes with add_special_tokens=False), whatever the GGUF's add_bos_token says.
//   - any other family: node-llama-cpp's tokenizer, and BOS for completions as the GGUF asks.
// BOS and EOS are always inserted as ids, never parsed from text.
import type { LlamaModel, Token } from 'node-llama-cpp';
import type { ModelFamily } from '../../protocol/messages.js';
import { contextOverflow } from '../engine/generate.js';
import { vocabArraysFromGguf } from '../tokenizer/gguf-vocab.js';
import { llamaTextTokenizer, unigramTextTokenizer, type TextTokenizer } from '../tokenizer/text-tokenizer.js';
import { UnigramVocab } from '../tokenizer/unigram-vocab.js';
import { mergeTextRuns, type PromptPart } from './prompt-parts.js';

export interface PromptTokenizer {
  readonly text: TextTokenizer;
  /** True when the ids are the ones the model was trained on (SentencePiece's own rules). */
  readonly exact: boolean;
  /** Whether a completion prompt starts with BOS. */
  readonly completionBos: boolean;
  special(which: 'bos' | 'eos'): Token;
  /** How the vocabulary spells a token ("<s>", "▁以下", "<0x0A>"). */
  spell(token: Token): string;
}

export interface PromptLimits {
  /** The prompt's largest accepted length in tokens; past it, a context_overflow error. */
  maxTokens: number;
  /** The context size, for the error message. */
  contextSize: number;
  /** A completion prompt: the error names the completion lane and its option. */
  completion?: boolean;
  signal?: AbortSignal;
}

/** The prompt as evaluated: its ids, and its text with special tokens spelled as the vocabulary spells them. */
export interface PromptTokens {
  tokens: Token[];
  text: string;
}

export function promptTokenizerFor(family: ModelFamily, model: LlamaModel): PromptTokenizer {
  const ggml = model.fileInfo.metadata.tokenizer?.ggml as Parameters<typeof vocabArraysFromGguf>[0] & {
    tokens?: unknown;
  };
  const vocabTokens = Array.isArray(ggml?.tokens) ? (ggml.tokens as string[]) : undefined;
  const spell = (t: Token) =>
    vocabTokens && typeof vocabTokens[t] === 'string' ? vocabTokens[t] : model.detokenize([t], true);
  const special = (which: 'bos' | 'eos'): Token => {
    const t = which === 'bos' ? model.tokens.bos : model.tokens.eos;
    if (t == null) throw new Error(`the model has no ${which.toUpperCase()} token`);
    return t;
  };
  if (family === 'llm-jp-3' || family === 'fugaku-llm') {
    const arrays = vocabArraysFromGguf(ggml);
    const vocab = new UnigramVocab(arrays, arrays.unkId);
    return { text: unigramTextTokenizer(vocab), exact: true, completionBos: family === 'llm-jp-3', special, spell };
  }
  return {
    text: llamaTextTokenizer(model),
    exact: false,
    completionBos: model.tokens.shouldPrependBosToken && model.tokens.bos != null,
    special,
    spell,
  };
}

/**
 * Tokenizes a prompt's parts: each text run on its own (adjacent runs merged first, as the reference
 * tokenizers see them), special parts as their ids. Refuses with ContextOverflowError as soon as the prompt
 * is certain to exceed `limits.maxTokens`, without tokenizing the rest.
 */
export async function tokenizeParts(
  pt: PromptTokenizer,
  parts: readonly PromptPart[],
  limits: PromptLimits,
): Promise<PromptTokens> {
  const merged = mergeTextRuns(parts);
  const floor = merged.reduce((n, p) => n + (typeof p === 'string' ? pt.text.minTokens(p) : 1), 0);
  if (floor > limits.maxTokens) throw contextOverflow(floor, limits.contextSize, false, limits.completion);
  let tokens: Token[] = [];
  let text = '';
  for (const p of merged) {
    if (typeof p === 'string') {
      const r = await pt.text.tokenize(p, { maxTokens: limits.maxTokens - tokens.length, signal: limits.signal });
      if (!r.ok) throw contextOverflow(tokens.length + r.atLeast, limits.contextSize, false, limits.completion);
      if (tokens.length === 0) tokens = r.ids as Token[];
      else for (const id of r.ids) tokens.push(id as Token);
      text += p;
    } else {
      if (tokens.length + 1 > limits.maxTokens)
        throw contextOverflow(tokens.length + 1, limits.contextSize, false, limits.completion);
      const id = 'special' in p ? pt.special(p.special) : (p.id as Token);
      tokens.push(id);
      text += pt.spell(id);
    }
  }
  return { tokens, text };
}
