// Files and family settings with the outcome the backend must reach before loading: model-terms.test.ts runs
// them; kept apart so the same rows can be run against an older backend to count what it got wrong.
import type { ModelFamily } from '../../../protocol/messages.js';
import type { ModelFacts } from '../../../common/terms/detect.js';

export type Outcome = 'fugaku-llm' | 'llm-jp-3-172b-beta1' | 'refused: unregistered' | 'no terms';

const FUGAKU_SHAPE = { architecture: 'gpt2', blockCount: 40, embeddingLength: 5184 };
const LLM_JP_3_TOKENS = [
  '<unk>',
  '<s>',
  '</s>',
  '<MASK|LLM-jp>',
  '<PAD|LLM-jp>',
  '<CLS|LLM-jp>',
  '<SEP|LLM-jp>',
  '<EOD|LLM-jp>',
];
const FUGAKU_TOKENS = [
  '<unk|LLM-jp>',
  '<s|LLM-jp>',
  '</s|LLM-jp>',
  '<MASK|LLM-jp>',
  '<PAD|LLM-jp>',
  '<CLS|LLM-jp>',
  '<SEP|LLM-jp>',
  '<EOD|LLM-jp>',
];
const SHAPE_172B = { architecture: 'llama', blockCount: 96, embeddingLength: 12288, firstTokens: LLM_JP_3_TOKENS };
const SHAPE_13B = { architecture: 'llama', blockCount: 40, embeddingLength: 5120, firstTokens: LLM_JP_3_TOKENS };

export const TERMS_TABLE: ReadonlyArray<{ what: string; facts: ModelFacts; family?: ModelFamily; expect: Outcome }> = [
  // The bypasses of issue 13.
  {
    what: 'Fugaku-LLM, general.name respelled, family set to generic (basename and file name still say it)',
    facts: {
      ...FUGAKU_SHAPE,
      name: 'F-LLM 13B instruct',
      basename: 'Fugaku-LLM',
      fileName: 'Fugaku-LLM-13B-instruct-Q4_K_M.gguf',
    },
    family: 'generic',
    expect: 'fugaku-llm',
  },
  {
    what: 'Fugaku-LLM with every name respelled and family generic: its shape still says it',
    facts: { ...FUGAKU_SHAPE, name: 'My model', basename: 'mine', fileName: 'model.gguf', firstTokens: FUGAKU_TOKENS },
    family: 'generic',
    expect: 'fugaku-llm',
  },
  {
    what: 'Fugaku-LLM named only in general.finetune',
    facts: { architecture: 'llama', name: 'My chat', finetune: 'fugaku-llm-instruct', fileName: 'chat.gguf' },
    expect: 'fugaku-llm',
  },
  {
    what: 'LLM-jp-3 172B beta1, size only in general.size_label and the file name',
    facts: {
      ...SHAPE_13B,
      name: 'llm-jp-3-instruct',
      basename: 'llm-jp-3',
      sizeLabel: '172B',
      fileName: 'llm-jp-3-172b-beta1-instruct-Q4_K_M.gguf',
    },
    expect: 'llm-jp-3-172b-beta1',
  },
  {
    what: 'LLM-jp-3 172B beta1, size only in the file name',
    facts: { name: 'llm-jp-3 beta1 instruct', fileName: 'llm-jp-3-172b-beta1-instruct.gguf' },
    expect: 'llm-jp-3-172b-beta1',
  },
  {
    what: 'LLM-jp-3 172B beta1, size only in general.size_label, beta1 only in general.finetune',
    facts: { name: 'llm-jp-3', finetune: 'beta1-instruct', sizeLabel: '172B', fileName: 'model.gguf' },
    expect: 'llm-jp-3-172b-beta1',
  },
  {
    what: 'LLM-jp-3 172B beta1 with family set to generic',
    facts: { name: 'llm-jp-3-172b-beta1-instruct', fileName: 'x.gguf' },
    family: 'generic',
    expect: 'llm-jp-3-172b-beta1',
  },
  {
    what: 'LLM-jp-3 172B beta1, renamed, known by shape and vocabulary; beta1 in the file name',
    facts: { ...SHAPE_172B, name: 'big model', fileName: 'big-beta1.gguf' },
    family: 'generic',
    expect: 'llm-jp-3-172b-beta1',
  },
  {
    what: 'an LLM-jp-3 172B file renamed so that nothing says beta1: refused, never open',
    facts: { ...SHAPE_172B, name: 'big model', fileName: 'big.gguf' },
    family: 'generic',
    expect: 'refused: unregistered',
  },
  {
    what: 'a 13B name on a file whose size label says 172B: the stricter sign wins',
    facts: { name: 'llm-jp-3-13b-instruct', sizeLabel: '172B', fileName: 'llm-jp-3-13b-instruct.gguf' },
    expect: 'refused: unregistered',
  },
  // Unregistered releases are refused until their terms are registered.
  {
    what: 'LLM-jp-3 172B instruct3',
    facts: {
      name: 'llm-jp-3-172b-instruct3',
      basename: 'llm-jp-3',
      sizeLabel: '172B',
      fileName: 'llm-jp-3-172b-instruct3-Q4_K_M.gguf',
    },
    expect: 'refused: unregistered',
  },
  {
    what: 'LLM-jp-3 172B beta2',
    facts: { name: 'LLM-jp-3 172B beta2 instruct', fileName: 'x.gguf' },
    expect: 'refused: unregistered',
  },
  {
    what: 'LLM-jp-3 172B with no release in its name',
    facts: { name: 'llm-jp-3-172b', fileName: 'llm-jp-3-172b.gguf' },
    expect: 'refused: unregistered',
  },
  // What stays open or unknown.
  {
    what: 'LLM-jp-3 1.8B instruct (Apache-2.0)',
    facts: {
      name: 'llm-jp-3-1.8b-instruct',
      basename: 'llm-jp-3',
      sizeLabel: '1.8B',
      fileName: 'llm-jp-3-1.8b-instruct-Q8_0.gguf',
    },
    expect: 'no terms',
  },
  {
    what: 'LLM-jp-3 13B by vocabulary only',
    facts: { ...SHAPE_13B, name: 'renamed', fileName: 'renamed.gguf' },
    expect: 'no terms',
  },
  {
    what: 'a 1172B or 17.2B size is not 172B',
    facts: { name: 'llm-jp-3-1172b-beta1', sizeLabel: '17.2B', fileName: 'x.gguf' },
    expect: 'no terms',
  },
  {
    what: 'Qwen',
    facts: {
      architecture: 'qwen2',
      name: 'Qwen2.5 Coder 1.5B Instruct',
      sizeLabel: '1.5B',
      fileName: 'qwen2.5-coder-1.5b-instruct-q8_0.gguf',
    },
    expect: 'no terms',
  },
  {
    what: 'a GPT-2 model that is not Fugaku-LLM',
    facts: { architecture: 'gpt2', blockCount: 48, embeddingLength: 1600, name: 'gpt2-xl', fileName: 'gpt2-xl.gguf' },
    expect: 'no terms',
  },
  {
    what: 'a Llama of the 172B shape without LLM-jp-3 in name or vocabulary',
    facts: {
      architecture: 'llama',
      blockCount: 96,
      embeddingLength: 12288,
      firstTokens: ['<unk>', '<s>', '</s>'],
      name: 'other-172b',
      fileName: 'o.gguf',
    },
    expect: 'no terms',
  },
  // A family setting can add terms, never remove them.
  {
    what: 'family fugaku-llm on any file',
    facts: { name: 'Qwen2.5', fileName: 'q.gguf' },
    family: 'fugaku-llm',
    expect: 'fugaku-llm',
  },
  {
    what: 'family llm-jp-3 on a file that says 172B beta1 elsewhere',
    facts: { name: 'x', sizeLabel: '172B', finetune: 'beta1', fileName: 'x.gguf' },
    family: 'llm-jp-3',
    expect: 'llm-jp-3-172b-beta1',
  },
  {
    what: 'family llm-jp-3 on a file that says nothing',
    facts: { name: 'x', fileName: 'x.gguf' },
    family: 'llm-jp-3',
    expect: 'no terms',
  },
];
