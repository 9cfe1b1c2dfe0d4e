// The `fude.completion.*` settings. `enabled` is language-overridable, so "off for Markdown" is VS
// Code's own `"[markdown]": { "fude.completion.enabled": false }`.
import * as vscode from 'vscode';
import { DEFAULT_PIPELINE_SETTINGS, type PipelineSettings } from '../pipeline.js';
import type { EnabledState } from '../service.js';
import { boundedNumber } from '../../vscode/setting-bounds.js';

const SECTION = 'fude.completion';

export function readEnabled(languageId: string | undefined): EnabledState {
  const plain = vscode.workspace.getConfiguration(SECTION).get<boolean>('enabled', true);
  if (!languageId) return { enabled: plain, enabledGlobally: plain };
  const scoped = vscode.workspace.getConfiguration(SECTION, { languageId }).get<boolean>('enabled', plain);
  return { enabled: scoped, enabledGlobally: plain };
}

const num = (c: vscode.WorkspaceConfiguration, key: string, fallback: number): number =>
  boundedNumber(`${SECTION}.${key}`, c.get<unknown>(key), fallback);

/** The settings, falling back to the pipeline's own defaults (the one place they are defined). */
export function readPipelineSettings(): PipelineSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const d = DEFAULT_PIPELINE_SETTINGS;
  return {
    promptTokens: num(c, 'promptTokens', d.promptTokens),
    extraContextTokens: num(c, 'extraContextTokens', d.extraContextTokens),
    suffixShare: d.suffixShare,
    firstSuggestionTargetMs: num(c, 'firstSuggestionTargetMs', d.firstSuggestionTargetMs),
    budget: {
      firstTextMs: num(c, 'firstTextTimeoutMs', d.budget.firstTextMs),
      generateMs: num(c, 'timeBudgetMs', d.budget.generateMs),
      maxTokens: num(c, 'maxTokens', d.budget.maxTokens),
    },
  };
}

/** Turns completion on or off everywhere (user settings). */
export async function setEnabledGlobally(on: boolean): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('enabled', on, vscode.ConfigurationTarget.Global);
}

/** Turns completion on or off for one language (a language override in the user settings). */
export async function setEnabledForLanguage(languageId: string, on: boolean): Promise<void> {
  await vscode.workspace
    .getConfiguration(SECTION, { languageId })
    .update('enabled', on, vscode.ConfigurationTarget.Global, true);
}
