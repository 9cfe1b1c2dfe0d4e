// Which family a GGUF belongs to (for its prompt format and sampling): GGUF metadata first, then the file name,
// then its shape and vocabulary; the user may override. The terms follow the weights whatever the family
// (terms-gate.ts), so an override changes the format only.
import { basename } from 'node:path';
import { familyFromNames } from '../../common/model-family.js';
import type { ModelFamily } from '../../protocol/messages.js';
import { detectModel, type ModelFacts } from '../../common/terms/index.js';

export type { ModelFacts };

export interface ModelIdentity {
  /** general.name, or the file name without extension when the metadata has none. */
  name: string;
  family: ModelFamily;
}

/** The facts detection reads, from node-llama-cpp's metadata object (any of them may be missing or mistyped). */
export function modelFacts(metadata: unknown, filePath: string): ModelFacts {
  const m = record(metadata);
  const general = record(m.general);
  const architecture = text(general.architecture);
  const arch = architecture ? record(m[architecture]) : {};
  const tokens = record(record(m.tokenizer).ggml).tokens;
  return {
    name: text(general.name),
    basename: text(general.basename),
    finetune: text(general.finetune),
    sizeLabel: text(general.size_label),
    fileName: basename(filePath),
    architecture,
    blockCount: count(arch.block_count),
    embeddingLength: count(arch.embedding_length),
    firstTokens: Array.isArray(tokens) ? tokens.slice(0, 8).map((t) => String(t)) : undefined,
  };
}

export function identifyModel(facts: ModelFacts, override?: ModelFamily): ModelIdentity {
  const fileName = (facts.fileName ?? '').replace(/\.gguf$/i, '');
  const name = facts.name?.trim() || fileName;
  if (override) return { name, family: override };
  const named = familyFromNames([facts.name, facts.basename, fileName]);
  if (named !== 'generic') return { name, family: named };
  // A renamed file still shows its shape and vocabulary (and a fine-tune its finetune field).
  const found = detectModel(facts);
  if (found.llmJp3.length > 0) return { name, family: 'llm-jp-3' };
  if (found.fugakuLlm.length > 0) return { name, family: 'fugaku-llm' };
  return { name, family: 'generic' };
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function count(v: unknown): number | undefined {
  const n = typeof v === 'bigint' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
