// The `fude.completion.*` settings. `enabled` is language-overridable, so "off for Markdown" is VS
// Code's own `"[markdown]": { "fude.completion.enabled": false }`.
import * as vscode from 'vscode';
import type { PipelineSettings } from '../pipeline.js';

const SECTION = 'fude.completion';

export interface EnabledState {
  /** For this language, overrides applied. */
  readonly enabled: boolean;
  /** The global (user/workspace) value without language overrides. */
  readonly enabledGlobally: boolean;
}

export function readEnabled(languageId: string | undefined): EnabledState {
  const plain = vscode.workspace.getConfiguration(SECTION).get<boolean>('enabled', true);
  if (!languageId) return { enabled: plain, enabledGlobally: plain };
  const scoped = vscode.workspace.getConfiguration(SECTION, { languageId }).get<boolean>('enabled', plain);
  return { enabled: scoped, enabledGlobally: plain };
}

const num = (c: vscode.WorkspaceConfiguration, key: string, fallback: number, min: number): number => {
  const v = c.get<number>(key);
  return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
};

export function readPipelineSettings(): PipelineSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    promptTokens: num(c, 'promptTokens', 1024, 64),
    extraContextTokens: num(c, 'extraContextTokens', 256, 0),
    suffixShare: 0.2,
    budget: {
      firstTextMs: num(c, 'firstTextTimeoutMs', 5000, 1),
      generateMs: num(c, 'timeBudgetMs', 1000, 1),
      maxTokens: num(c, 'maxTokens', 128, 1),
    },
  };
}

/** Turns completion on or off everywhere (user settings). */
export async function setEnabledGlobally(on: boolean): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('enabled', on, vscode.ConfigurationTarget.Global);
}

/** Turns completion on or off for one language (a language override in the user settings). */
export async function setEnabledForLanguage(languageId: string, on: boolean): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION, { languageId }).update('enabled', on, vscode.ConfigurationTarget.Global, true);
}

export function affectsCompletion(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}
