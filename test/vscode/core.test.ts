// The extension core inside a real VS Code: lazy start, status bar, commands, crash restart, settings restart,
// actionable failures, the demo default, and no backend left behind after deactivation.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from './helpers.js';
import { LLM_JP_ANSWER, LOOP_TEXT } from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { alive, backendPids, fudeApi, setFude, until, waitForState } from './helpers.js';

/** The error's code; BackendError from the extension's bundle is another class than this bundle's. */
function codeOf(e: unknown): unknown {
  return (e as { code?: unknown })?.code;
}

describe('Fude extension core (in a real VS Code)', () => {
  let api: TestApi;
  let dir: string;
  let modelPath: string;
  let extensionPath: string;

  before(async () => {
    dir = makeTinyModelDir();
    modelPath = writePresetModel(dir, 'llm-jp-3-1.8b').path;
    extensionPath = vscode.extensions.getExtension('fude.fude')!.extensionPath;
    api = await fudeApi();
    await setFude('backend.threads', 1);
  });

  after(async () => {
    await setFude('model.path', undefined);
    await setFude('backend.threads', undefined);
    await setFude('backend.contextSize', undefined);
    removeTinyModelDir(dir);
  });

  it('activates without starting the backend', () => {
    assert.equal(api.state().phase, 'stopped');
    assert.deepEqual(backendPids(extensionPath), []);
    assert.match(api.statusText(), /Fude/);
  });

  it('contributes its commands to the palette', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['fude.startBackend', 'fude.stopBackend', 'fude.restartBackend', 'fude.selectModel', 'fude.showStatus', 'fude.showLog']) {
      assert.ok(all.includes(c), `${c} is registered`);
    }
  });

  it('starts the backend on the configured model and shows it in the status bar', async () => {
    await setFude('model.path', modelPath);
    await vscode.commands.executeCommand('fude.startBackend');
    const s = await waitForState(api, (x) => x.phase === 'ready');
    assert.equal(s.phase === 'ready' && s.model!.name, 'llm-jp-3-1.8b-instruct');
    assert.equal(api.isDemoModel(), false);
    assert.match(api.statusText(), /llm-jp-3-1\.8b-instruct · CPU/);
    await vscode.commands.executeCommand('fude.showStatus');
  });

  it('streams a chat answer through the client', async () => {
    const g = api.engine.chat({ messages: [{ role: 'user', content: 'こんにちは' }] });
    assert.equal(await g.text(), LLM_JP_ANSWER);
    assert.equal((await g.done).stopReason, 'eos');
  });

  it('cancels a generation from an AbortSignal (as from a CancellationToken)', async () => {
    const source = new vscode.CancellationTokenSource();
    const controller = new AbortController();
    source.token.onCancellationRequested(() => controller.abort());
    const g = api.engine.complete({ prefix: '#', maxTokens: 100_000 }, controller.signal);
    let text = '';
    await assert.rejects(async () => {
      for await (const chunk of g) {
        text += chunk;
        if (text.length > 10) source.cancel();
      }
    }, (e: unknown) => codeOf(e) === 'cancelled');
    assert.ok(text.startsWith(LOOP_TEXT));
  });

  it('restarts the backend after it is killed, and fails the request that was in flight', async () => {
    assert.equal(api.state().phase, 'ready');
    const oldPid = api.backendPid()!;
    const inFlight = api.engine.complete({ prefix: '#', maxTokens: 100_000 });
    for await (const _ of inFlight) break; // it is generating
    process.kill(oldPid, 'SIGKILL');
    await assert.rejects(inFlight.done, (e: unknown) => codeOf(e) === 'backend_gone');
    await waitForState(api, (s) => s.phase === 'restarting', 10_000);
    await waitForState(api, (x) => x.phase === 'ready');
    const newPid = api.backendPid();
    assert.notEqual(newPid, oldPid);
    assert.equal(alive(oldPid), false);
    await until(() => (api.state().phase === 'ready'), 10_000, 'client reconnects');
    assert.equal(await api.engine.chat({ messages: [{ role: 'user', content: 'もう一度' }] }).text(), LLM_JP_ANSWER);
  });

  it('restarts when a model setting changes', async () => {
    const oldPid = api.backendPid()!;
    const oldKey = api.state().readyKey;
    await setFude('backend.contextSize', 1024);
    const s = await waitForState(api, (x) => x.phase === 'ready' && x.readyKey !== oldKey);
    assert.equal(s.phase === 'ready' && s.model!.contextSize, 1024);
    await until(() => !alive(oldPid), 10_000, 'old backend exits');
  });

  it('turns a missing model file into a failure a person can act on', async () => {
    const missing = join(dir, 'missing.gguf');
    await setFude('model.path', missing);
    const s = await waitForState(api, (x) => x.phase === 'failed');
    assert.equal(s.phase === 'failed' && s.failure!.code, 'model_missing');
    assert.ok(s.phase === 'failed' && s.failure!.message.includes(missing));
    assert.match(api.statusText(), /error/i);
  });

  it('uses the demo model when none is configured, and says so', async () => {
    await setFude('model.path', undefined);
    await vscode.commands.executeCommand('fude.restartBackend');
    const s = await waitForState(api, (x) => x.phase === 'ready');
    assert.equal(api.isDemoModel(), true);
    assert.match(s.phase === 'ready' ? s.model!.name : '', /demo/i);
    assert.match(api.statusText(), /demo/i);
  });

});
