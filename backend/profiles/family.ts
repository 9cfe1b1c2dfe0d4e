// Which family a GGUF belongs to: GGUF metadata first, then the file name; the user may override.
import { basename } from 'node:path';
import { familyFromNames } from '../../common/model-family.js';
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

export function identifyModel(general: GeneralMetadata | undefined, filePath: string, override?: ModelFamily): ModelIdentity {
  const fileName = basename(filePath).replace(/\.gguf$/i, '');
  const name = general?.name?.trim() || fileName;
  if (override) return { name, family: override };
  return { name, family: familyFromNames([general?.name, general?.basename, fileName]) };
}
