// The model manager's settings, read in one place. The folder and the endpoint are machine-scoped in package.json:
// a workspace must not choose where files are written or where downloads come from.
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { readBackendSettings } from '../vscode/settings.js';

export interface ModelsSettings {
  /** The models folder (absolute). */
  folder: string;
  /** Hugging Face endpoint or mirror. */
  endpoint: string;
  /** Extra catalog entries, unchecked (backend/models/catalog.ts validates them). */
  catalog: unknown;
  /** What the backend will use, so the fit check answers for the same configuration. */
  gpu: string;
  gpuLayers: string;
  contextSize: number;
}

export const DEFAULT_MODELS_FOLDER = join('~', '.fude', 'models');
export const MODELS_SETTING_KEYS = ['fude.models.folder', 'fude.models.endpoint', 'fude.models.catalog'];

export function expandHome(p: string): string {
  return p === '~' ? homedir() : p.startsWith('~/') || p.startsWith('~\\') ? join(homedir(), p.slice(2)) : p;
}

export function readModelsSettings(): ModelsSettings {
  const c = vscode.workspace.getConfiguration('fude');
  const folder = (c.get<string>('models.folder') ?? '').trim() || DEFAULT_MODELS_FOLDER;
  const { gpu, gpuLayers, contextSize } = readBackendSettings();
  return {
    folder: expandHome(folder),
    endpoint: (c.get<string>('models.endpoint') ?? '').trim() || 'https://huggingface.co',
    catalog: c.get<unknown>('models.catalog'),
    gpu,
    gpuLayers,
    contextSize,
  };
}
