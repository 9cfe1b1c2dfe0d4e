// Which family a GGUF belongs to: GGUF metadata first, then the file name; the user may override.
import { basename } from 'node:path';
import type { ModelFamily } from '../../protocol/messages.js';

export interface ModelIdentity {
  /** general.name, or the file name without extension when the metadata has none. */
  name: string;
  family: ModelFamily;
}

export interface GeneralMetadata {
  name?: string;
  basename?: string;
  size_label?: string;
  finetune?: string;
}

const PATTERNS: ReadonlyArray<[RegExp, ModelFamily]> = [
  [/llm[-_ ]?jp/i, 'llm-jp-3'],
  [/fugaku/i, 'fugaku-llm'],
];

export function identifyModel(general: GeneralMetadata | undefined, filePath: string, override?: ModelFamily): ModelIdentity {
  const fileName = basename(filePath).replace(/\.gguf$/i, '');
  const name = general?.name?.trim() || fileName;
  if (override) return { name, family: override };
  const haystacks = [general?.name, general?.basename, fileName].filter((s): s is string => Boolean(s));
  for (const [re, family] of PATTERNS) {
    if (haystacks.some((h) => re.test(h))) return { name, family };
  }
  return { name, family: 'generic' };
}
