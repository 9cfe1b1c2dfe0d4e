// What a model file shows about which weights it holds, for deciding its terms. Terms attach to the weights, so
// every sign counts and the strictest wins: any name field or the file name, the size label, and the shape and
// vocabulary, which survive a renamed file. Pure, so both sides can use it.

/** The facts of a GGUF file that can tell its weights apart (all optional: a file may lack any of them). */
export interface ModelFacts {
  name?: string;
  basename?: string;
  finetune?: string;
  sizeLabel?: string;
  /** The file name, without its folder. */
  fileName?: string;
  architecture?: string;
  /** `<architecture>.block_count` and `<architecture>.embedding_length`. */
  blockCount?: number;
  embeddingLength?: number;
  /** Vocabulary entries 0..7, where LLM-jp's tokenizers keep their special tokens. */
  firstTokens?: readonly string[];
}

/** Each sign found, as a person can check it in the file ("general.size_label \"172B\""); empty when none. */
export interface Detected {
  fugakuLlm: string[];
  llmJp3: string[];
  size172b: string[];
  beta1: string[];
}

/** Lower-case, with spaces and underscores as hyphens: "LLM-jp-3 172B beta1" -> "llm-jp-3-172b-beta1". */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '-');
}

// Fugaku-LLM and anything named after it (fine-tunes keep its terms).
const FUGAKU = /fugaku/;
// "llm-jp-3" but not "llm-jp-3.1" or "llm-jp-30…": later generations are not covered here.
const LLM_JP_3 = /llm-?jp-?3(?![.\d])/;
const SIZE_172B = /(^|[^\d.])172-?b/;
const BETA1 = /beta-?1(?!\d)/;

/**
 * Shapes (from the model cards and configs, ../shared/design/models.md) no other released model has:
 * Fugaku-LLM 13B is GPT-2 style with 40 layers of 5184; LLM-jp-3 172B is Llama style with 96 layers of 12288.
 */
const FUGAKU_13B_SHAPE = { architecture: 'gpt2', blockCount: 40, embeddingLength: 5184 };
const LLM_JP_3_172B_SHAPE = { architecture: 'llama', blockCount: 96, embeddingLength: 12288 };
/** LLM-jp-3's tokenizer (ver3.0) spells ids 3..7 like this; Fugaku-LLM's (ver2.2) spells BOS `<s|LLM-jp>` instead. */
const LLM_JP_3_VOCAB_MARK = '<EOD|LLM-jp>';

/** The signs in a file's facts; a family the user chose counts as one more sign (it can add terms, not remove them). */
export function detectModel(facts: ModelFacts, chosenFamily?: string): Detected {
  const texts: Array<[string, string | undefined]> = [
    ['general.name', facts.name],
    ['general.basename', facts.basename],
    ['general.finetune', facts.finetune],
    ['general.size_label', facts.sizeLabel],
    ['the file name', facts.fileName],
    ['the family setting', chosenFamily],
  ];
  const found: Detected = { fugakuLlm: [], llmJp3: [], size172b: [], beta1: [] };
  for (const [where, text] of texts) {
    if (!text) continue;
    const n = normaliseName(text);
    const sign = `${where} ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)}`;
    if (FUGAKU.test(n)) found.fugakuLlm.push(sign);
    if (LLM_JP_3.test(n)) found.llmJp3.push(sign);
    if (SIZE_172B.test(n)) found.size172b.push(sign);
    if (BETA1.test(n)) found.beta1.push(sign);
  }
  const arch = facts.architecture?.toLowerCase();
  if (
    arch === FUGAKU_13B_SHAPE.architecture &&
    facts.blockCount === FUGAKU_13B_SHAPE.blockCount &&
    facts.embeddingLength === FUGAKU_13B_SHAPE.embeddingLength
  ) {
    found.fugakuLlm.push(`its shape (${arch}, ${facts.blockCount} layers of ${facts.embeddingLength}: Fugaku-LLM 13B)`);
  }
  const llmJp3Vocab =
    arch === 'llama' && facts.firstTokens?.[1] === '<s>' && facts.firstTokens.includes(LLM_JP_3_VOCAB_MARK);
  if (llmJp3Vocab) found.llmJp3.push(`its vocabulary (LLM-jp-3's tokenizer, ${LLM_JP_3_VOCAB_MARK})`);
  const shape172b =
    arch === LLM_JP_3_172B_SHAPE.architecture &&
    facts.blockCount === LLM_JP_3_172B_SHAPE.blockCount &&
    facts.embeddingLength === LLM_JP_3_172B_SHAPE.embeddingLength;
  if (shape172b && (llmJp3Vocab || found.llmJp3.length > 0))
    found.size172b.push(`its shape (${arch}, ${facts.blockCount} layers of ${facts.embeddingLength}: LLM-jp-3 172B)`);
  return found;
}
