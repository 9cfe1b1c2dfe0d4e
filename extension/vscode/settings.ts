// The `fude.*` settings, read in one place.
import * as vscode from 'vscode';
import { join } from 'node:path';
import type { ModelSettings } from '../engine/local/launch.js';

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
  return {
    isDemo,
    settings: {
      modelPath: isDemo ? join(extensionPath, DEMO_MODEL_RELATIVE) : expandHome(configured),
      family: c.get('model.family', 'auto'),
      // The demo model is a few megabytes: a GPU gains nothing, and the CPU keeps "demo model · CPU" true.
      gpu: isDemo ? 'cpu' : c.get('backend.gpu', 'auto'),
      gpuLayers: String(c.get<string | number>('backend.gpuLayers', 'auto')),
      contextSize: c.get<number>('backend.contextSize', 0),
      threads: c.get<number>('backend.threads', 0),
      // The demo model has its own vocabulary: no draft model fits it.
      draftModelPath: isDemo ? '' : expandHome((c.get<string>('backend.draftModelPath') ?? '').trim()),
      acceptedTerms,
    },
  };
}

export function nodePathSetting(): string {
  return (vscode.workspace.getConfiguration('fude').get<string>('backend.nodePath') ?? '').trim();
}

function expandHome(p: string): string {
  return p.startsWith('~/') ? join(process.env.HOME ?? '', p.slice(2)) : p;
}

/** Sampling values the user set (unset ones are left to the model's defaults). */
export function samplingOverrides(): { temperature?: number; topP?: number; topK?: number; repeatPenalty?: number; maxTokens?: number } {
  const c = vscode.workspace.getConfiguration('fude.sampling');
  const pick = (k: string) => {
    const v = c.get<number | null>(k);
    return typeof v === 'number' ? v : undefined;
  };
  const out = { temperature: pick('temperature'), topP: pick('topP'), topK: pick('topK'), repeatPenalty: pick('repeatPenalty'), maxTokens: pick('maxTokens') };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
