// The extension core inside a real VS Code: lazy start, status bar, commands, crash restart, settings restart,
// actionable failures, the demo default, and no backend left behind after deactivation.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from './helpers.js';
import { LLM_JP_ANSWER, LOOP_TEXT } from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { alive, backendPids, fudeApi, setFude, until, waitForState } from './helpers.js';
import type { ModelFailure } from '../../extension/engine/model-status.js';
import { noticeFor } from '../../extension/vscode/failure-notice.js';

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

  it('activates without starting the backend, and names the demo model and the CPU in the status bar', () => {
    assert.equal(api.state().phase, 'stopped');
    assert.deepEqual(backendPids(extensionPath), []);
    assert.match(api.statusText(), /Fude: demo model · CPU$/);
    assert.doesNotMatch(
      api.statusText(),
      /circle-slash|error/,
      'nothing that reads as an error before the first start',
    );
  });

  it('contributes its commands to the palette', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of [
      'fude.startBackend',
      'fude.stopBackend',
      'fude.restartBackend',
      'fude.selectModel',
      'fude.showStatus',
      'fude.showLog',
    ]) {
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
    await assert.rejects(
      async () => {
        for await (const chunk of g) {
          text += chunk;
          if (text.length > 10) source.cancel();
        }
      },
      (e: unknown) => codeOf(e) === 'cancelled',
    );
    assert.ok(text.startsWith(LOOP_TEXT));
  });

  it('restarts the backend after it is killed, and fails the request that was in flight', async () => {
    assert.equal(api.state().phase, 'ready');
    const oldPid = api.backendPid()!;
    const inFlight = api.engine.complete({ prefix: '#', maxTokens: 100_000 });
    for await (const _ of inFlight) break; // it is generating
    // While it generates only the icon turns: the item keeps its text, so its width stays.
    assert.match(api.statusText(), /^\$\(sync~spin\) /);
    assert.equal(api.statusText().replace(/^\$\([^)]*\) /, ''), 'Fude: llm-jp-3-1.8b-instruct · CPU');
    process.kill(oldPid, 'SIGKILL');
    await assert.rejects(inFlight.done, (e: unknown) => codeOf(e) === 'backend_gone');
    await waitForState(api, (s) => s.phase === 'restarting', 10_000);
    await waitForState(api, (x) => x.phase === 'ready');
    const newPid = api.backendPid();
    assert.notEqual(newPid, oldPid);
    assert.equal(alive(oldPid), false);
    await until(() => api.state().phase === 'ready', 10_000, 'client reconnects');
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
    assert.ok(s.phase === 'failed' && s.failure!.message.includes(missing), "the engine's own message, for the log");
    assert.match(api.statusText(), /error/i);
    const notice = noticeFor(s.failure!, 'missing.gguf');
    assert.equal(
      notice.message,
      `Fude: the model file ${missing} was not found. Choose a model, or correct the path in the settings.`,
    );
    assert.deepEqual(
      notice.actions.map((a) => a.command),
      ['fude.selectModel', 'workbench.action.openSettings'],
    );
  });

  it('words every failure itself, from its code and parameters, with the buttons that fix it', () => {
    const failure = (code: ModelFailure['code'], params: ModelFailure['params'] = {}): ModelFailure => ({
      code,
      params,
      message: `BACKEND SENTENCE --${code}`,
      stderrTail: [],
    });
    const all: ModelFailure[] = [
      failure('model_missing', { path: '/m/a.gguf' }),
      failure('model_invalid', { path: '/m/a.gguf' }),
      failure('model_too_big', {
        path: '/m/big.gguf',
        memory: 'ram',
        neededBytes: 40 * 2 ** 30,
        freeBytes: 12 * 2 ** 30,
        contextSize: 4096,
        gpuLayers: 0,
      }),
      failure('model_too_big', {
        path: '/m/big.gguf',
        memory: 'vram',
        neededBytes: 20 * 2 ** 30,
        freeBytes: 8 * 2 ** 30,
        contextSize: 4096,
        gpuLayers: 33,
      }),
      failure('model_too_big'),
      failure('no_gpu_binary'),
      failure('terms_not_accepted', { termsId: 'llm-jp-3-172b-beta1' }),
      failure('bad_arguments', { option: 'context-size' }),
      failure('bad_arguments', { option: 'port' }),
      failure('load_failed', { path: '/m/a.gguf' }),
      failure('crashed', { exitCode: null, signal: 'SIGKILL', restarts: 3 }),
      failure('crashed'),
      failure('spawn_failed', { path: '/usr/bin/node' }),
      failure('start_timeout', { seconds: 120 }),
      failure('unreachable'),
      failure('unauthorized'),
      failure('tls'),
      failure('unknown_model'),
      failure('terms_unregistered', { path: 'llm-jp-3-172b-beta2.gguf', url: 'https://huggingface.co/llm-jp' }),
      failure('unreachable', { server: 'https://gpu:8000' }),
      failure('tls', { server: 'https://gpu:8000', tls: 'self_signed' }),
      failure('unknown_model', { server: 'https://gpu:8000', model: 'x', available: ['a', 'b'] }),
      failure('remote_unavailable', { server: 'https://gpu:8000', retryAfterMs: 5000 }),
      failure('remote_error'),
      failure('bad_remote_settings', { option: 'fude.engine.baseUrl' }),
    ];
    const commands = new Set([
      'fude.selectModel',
      'fude.showLog',
      'fude.restartBackend',
      'fude.useCpu',
      'fude.showTerms',
      'fude.engine.setApiKey',
      'workbench.action.openSettings',
    ]);
    for (const f of all) {
      const { message, actions } = noticeFor(f, 'a.gguf');
      assert.ok(!message.includes('BACKEND SENTENCE'), `${f.code}: not the backend's sentence`);
      assert.doesNotMatch(message, /(^|\s)--[a-z]/, `${f.code}: no command-line option in "${message}"`);
      assert.ok(
        actions.length > 0 && actions.every((a) => commands.has(a.command)),
        `${f.code}: buttons that run Fude's commands or open the settings`,
      );
    }
    assert.match(
      noticeFor(all[2]).message,
      /needs about 40\.0 GiB of RAM, and 12\.0 GiB is free.*fude\.backend\.contextSize, now 4096 tokens/,
    );
    assert.match(
      noticeFor(all[3]).message,
      /big\.gguf with 33 layers on the GPU: it needs about 20\.0 GiB, and 8\.0 GiB is free/,
    );
    assert.match(noticeFor(all[6], 'llm-jp-3-172b.gguf').message, /LLM-jp-3 172B beta1/);
    assert.deepEqual(
      noticeFor(all[6]).actions.map((a) => a.title),
      ['Show Terms', 'Choose Model'],
    );
    assert.match(noticeFor(all[7]).message, /the setting fude\.backend\.contextSize/);
    assert.deepEqual(noticeFor(all[7]).actions[0], {
      title: 'Open Settings',
      command: 'workbench.action.openSettings',
      args: ['fude.backend.contextSize'],
    });
    assert.match(noticeFor(all[10]).message, /signal SIGKILL.*after 3 tries/);
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
