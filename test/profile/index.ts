// Runs inside the extension host of each `npm start`-like start in test/e2e/profile-scenario.ts:
// the first start (FUDE_PROFILE_PHASE=write) changes settings and globalState the way a user would
// (choosing a model, accepting terms); the second (check) must find them.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { listTerms } from '../../common/terms/index.js';
import type { FudeTestHooks } from '../../extension/api.js';

export const PROFILE_MAX_TOKENS = 77;

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<FudeTestHooks>('fude.fude');
  assert.ok(ext, 'Fude is loaded');
  const api = (await ext.activate()).testing;
  assert.ok(api, 'VS Code runs the extension in test mode, which hands out its test hooks');
  const config = () => vscode.workspace.getConfiguration('fude');
  const model = path.join(ext.extensionPath, 'dist', 'models', 'fude-demo.gguf');
  const terms = listTerms()[0];
  const phase = process.env.FUDE_PROFILE_PHASE;
  if (phase === 'write') {
    assert.deepEqual(api.terms.acceptedIds(), [], 'a new profile has accepted nothing');
    await config().update('model.path', model, vscode.ConfigurationTarget.Global);
    await config().update('completion.maxTokens', PROFILE_MAX_TOKENS, vscode.ConfigurationTarget.Global);
    await api.terms.accept(terms.id, true);
    // The workbench writes storage shortly after a change; give it time before the window goes.
    await new Promise((r) => setTimeout(r, 2000));
    console.log(`profile: wrote fude.model.path, fude.completion.maxTokens and the acceptance of ${terms.id}`);
  } else if (phase === 'check') {
    assert.equal(config().get('model.path'), model, 'the chosen model (a machine-overridable setting) survived');
    assert.equal(config().get('completion.maxTokens'), PROFILE_MAX_TOKENS, 'a user setting survived');
    assert.deepEqual(api.terms.acceptedIds(), [terms.id], 'the terms acceptance (globalState) survived');
    console.log('profile: the second start found the setting, the model choice and the terms acceptance');
  } else {
    throw new Error(`FUDE_PROFILE_PHASE must be write or check, got ${phase}`);
  }
}
