// What a failure notice needs besides its sentence: the setting behind a backend option, the model's
// display name, the amounts of memory. Pure, so the wording's inputs are tested without VS Code.
import { basename } from 'node:path';
import { formatBytes } from '../../backend/setup/format-bytes.js';
import type { FailureParams } from '../engine/model-status.js';

/**
 * The setting a person changes for each backend option Fude passes from the settings. Options Fude sets
 * itself (host, port, parent pid, queue) have none: a refusal of those is Fude's fault, not a setting's.
 */
const SETTING_OF_OPTION: Readonly<Record<string, string>> = {
  model: 'fude.model.path',
  family: 'fude.model.family',
  gpu: 'fude.backend.gpu',
  'gpu-layers': 'fude.backend.gpuLayers',
  'context-size': 'fude.backend.contextSize',
  threads: 'fude.backend.threads',
  'draft-model': 'fude.backend.draftModelPath',
};

/** The setting behind a backend option ("context-size" or "--context-size"), or undefined. */
export function settingForOption(option: string | undefined): string | undefined {
  if (option === undefined) return undefined;
  return SETTING_OF_OPTION[option.replace(/^-+/, '')];
}

/** The model as a person knows it: its file name, else the name the settings give, else undefined. */
export function modelNameOf(params: FailureParams, configuredName?: string): string | undefined {
  if (params.path) return basename(params.path);
  return configuredName || undefined;
}

/** Needed and free memory as "12.3 GiB", when the backend said both. */
export function memoryAmounts(params: FailureParams): { needed: string; free: string } | undefined {
  if (params.neededBytes === undefined || params.freeBytes === undefined) return undefined;
  return { needed: formatBytes(params.neededBytes), free: formatBytes(params.freeBytes) };
}
