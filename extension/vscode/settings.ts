// The `fude.*` settings, read in one place.
import * as vscode from 'vscode';
import { join } from 'node:path';
import type { ModelSettings } from '../engine/local/launch.js';
import { boundedNumber, optionalBoundedNumber } from './setting-bounds.js';

const DEMO_MODEL_RELATIVE = join('dist', 'models', 'fude-demo.gguf');

export interface ResolvedModel {
  settings: ModelSettings;
  isDemo: boolean;
}

/** Settings whose change means the backend must restart. */
export const RESTART_KEYS = ['fude.model', 'fude.backend'];

export function readModelSettings(extensionPath: string, acceptedTerms: readonly string[]): ResolvedModel {
  const c = vscode.workspace.getConfiguration('fude');
  const configured = (c.get<string>('model.path') ?? '').trim();
  const isDemo = configured === '';
  const backend = readBackendSettings();
  return {
    isDemo,
    settings: {
      modelPath: isDemo ? join(extensionPath, DEMO_MODEL_RELATIVE) : expandHome(configured),
      family: oneOf(c.get<unknown>('model.family'), ['auto', 'llm-jp-3', 'fugaku-llm', 'generic'] as const),
      ...backend,
      // The demo model is a few megabytes: a GPU gains nothing, and the CPU keeps "demo model · CPU" true.
      gpu: isDemo ? 'cpu' : backend.gpu,
      // The demo model has its own vocabulary: no draft model fits it.
      draftModelPath: isDemo ? '' : expandHome((c.get<string>('backend.draftModelPath') ?? '').trim()),
      acceptedTerms,
    },
  };
}

/** The `fude.backend.*` choices for the model (bounded, enums as one of their values); the fit check reads the same. */
export function readBackendSettings(): Pick<ModelSettings, 'gpu' | 'gpuLayers' | 'contextSize' | 'threads'> {
  const c = vscode.workspace.getConfiguration('fude');
  return {
    gpu: oneOf(c.get<unknown>('backend.gpu'), ['auto', 'cuda', 'metal', 'vulkan', 'cpu'] as const),
    gpuLayers: gpuLayersSetting(c.get<unknown>('backend.gpuLayers', 'auto')),
    contextSize: boundedNumber('fude.backend.contextSize', c.get<unknown>('backend.contextSize'), 0),
    threads: boundedNumber('fude.backend.threads', c.get<unknown>('backend.threads'), 0),
  };
}

export function nodePathSetting(): string {
  return (vscode.workspace.getConfiguration('fude').get<string>('backend.nodePath') ?? '').trim();
}

/** The value when it is one of `choices`, else the first choice (the default). */
function oneOf<T extends string>(value: unknown, choices: readonly T[]): T {
  return choices.includes(value as T) ? (value as T) : choices[0];
}

/** "auto", "max" or a bounded layer count ("12" as a string too, as the schema's pattern allows). */
function gpuLayersSetting(value: unknown): string {
  if (value === 'auto' || value === 'max') return value;
  const n = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? String(boundedNumber('fude.backend.gpuLayers', n, 0)) : 'auto';
}

function expandHome(p: string): string {
  return p.startsWith('~/') ? join(process.env.HOME ?? '', p.slice(2)) : p;
}

/** Sampling values the user set (unset ones are left to the model's defaults). */
export function samplingOverrides(): {
  temperature?: number;
  topP?: number;
  topK?: number;
  repeatPenalty?: number;
  maxTokens?: number;
} {
  const c = vscode.workspace.getConfiguration('fude.sampling');
  const pick = (k: string) => optionalBoundedNumber(`fude.sampling.${k}`, c.get<unknown>(k));
  const out = {
    temperature: pick('temperature'),
    topP: pick('topP'),
    topK: pick('topK'),
    repeatPenalty: pick('repeatPenalty'),
    maxTokens: pick('maxTokens'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
