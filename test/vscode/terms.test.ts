// The terms gate in a real VS Code: it appears before a model with unaccepted terms loads; declining keeps the
// model unloaded; accepting loads it. (The notice before a medical question is checked in the real UI: test/e2e.)
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from './helpers.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { backendPids, fudeApi, setFude, until, waitForState } from './helpers.js';

describe('Fude terms of use (in a real VS Code)', () => {
  let api: TestApi;
  let dir: string;
  let extensionPath: string;

  before(async () => {
    api = await fudeApi();
    extensionPath = vscode.extensions.getExtension('fude.fude')!.extensionPath;
    dir = makeTinyModelDir();
    await setFude('backend.threads', 1);
    await api.terms.revoke('llm-jp-3-172b-beta1');
  });
  after(async () => {
    await api.engine.stop();
    await api.terms.revoke('llm-jp-3-172b-beta1');
    await setFude('model.path', undefined);
    removeTinyModelDir(dir);
  });

  it('shows the gate, not the model, for a model named like LLM-jp-3 172B', async () => {
    await api.engine.stop();
    await setFude('model.path', writePresetModel(dir, 'llm-jp-3-172b').path);
    void vscode.commands.executeCommand('fude.startBackend');
    const s = await waitForState(api, (x) => x.phase === 'failed');
    assert.equal(s.phase === 'failed' && s.failure!.code, 'terms_not_accepted', JSON.stringify(s));
    await until(() => api.termsGate() !== undefined, 10_000, 'terms gate opens');
    assert.equal(api.termsGate()!.termsId, 'llm-jp-3-172b-beta1');
    assert.deepEqual(backendPids(extensionPath), [], 'nothing loaded the model');
  });

  it('keeps the model unloaded when the terms are declined', async () => {
    await api.termsGate()!.handle({ type: 'decline' });
    await until(() => api.termsGate() === undefined, 5_000, 'gate closes');
    assert.equal(api.state().phase, 'failed');
    assert.deepEqual(api.terms.acceptedIds(), []);
    assert.deepEqual(backendPids(extensionPath), []);
  });

  it('does not accept without the provider-permission box for 172B beta1, nor before reading to the end', async () => {
    void vscode.commands.executeCommand('fude.showTerms', 'llm-jp-3-172b-beta1');
    await until(() => api.termsGate() !== undefined, 10_000, 'gate opens again from the command');
    await api.termsGate()!.handle({ type: 'accept', permissionConfirmed: false, readToEnd: true });
    await api.termsGate()!.handle({ type: 'accept', permissionConfirmed: true, readToEnd: false });
    assert.deepEqual(api.terms.acceptedIds(), []);
    assert.ok(api.termsGate(), 'the gate stays open');
  });

  it('loads the model once the terms are accepted, and passes the acceptance to the backend', async () => {
    await api.termsGate()!.handle({ type: 'accept', permissionConfirmed: true, readToEnd: true });
    assert.deepEqual(api.terms.acceptedIds(), ['llm-jp-3-172b-beta1']);
    const s = await waitForState(api, (x) => x.phase === 'ready');
    assert.equal(s.phase === 'ready' && s.model!.termsId, 'llm-jp-3-172b-beta1');
  });
});
