// The model manager inside a real VS Code, against a real local HTTP server that behaves like Hugging Face:
// palette → catalog with the fit verdict → license shown → download with progress → verified → Manage Downloaded
// Models → Use This Model → the model loads and answers; Select Model File… offers it with its fit verdict.
// The quick picks are answered with VS Code's own quick-open commands, as a person would with the keyboard.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from './helpers.js';
import { sha256, startModelServer, type ModelServer } from '../fixtures/model-server.js';
import { LLM_JP_ANSWER } from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { fudeApi, setFude, until, waitForState } from './helpers.js';

const ENTRY = {
  id: 'tiny-llm-jp',
  name: 'Tiny LLM-jp test model',
  url: 'hf:o/tiny/tiny-llm-jp.gguf',
  license: 'Apache-2.0',
  family: 'llm-jp-3',
  quantization: 'F32',
};

async function pickOpen(api: TestApi, title: (t: string) => boolean, what: string, ms = 30_000) {
  await until(
    () => {
      const p = api.models.openPick();
      return p !== undefined && title(p.title);
    },
    ms,
    what,
  );
  return api.models.openPick()!;
}

async function accept(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

describe('Fude model manager (in a real VS Code)', () => {
  let api: TestApi;
  let fixtures: string;
  let folder: string;
  let server: ModelServer;
  let gguf: Buffer;

  before(async () => {
    api = await fudeApi();
    fixtures = makeTinyModelDir();
    gguf = readFileSync(writePresetModel(fixtures, 'llm-jp-3-1.8b').path);
    // Slow enough to report progress several times (about 1.5 s for 3 MB).
    server = await startModelServer({
      '/o/tiny/resolve/main/tiny-llm-jp.gguf': { data: gguf, hfRedirect: true, bytesPerTick: 24 * 1024 },
    });
    folder = mkdtempSync(join(tmpdir(), 'fude-models-folder-'));
    await setFude('models.folder', folder);
    await setFude('models.endpoint', server.url);
    await setFude('models.catalog', [ENTRY]);
    await setFude('backend.threads', 1);
    await api.engine.stop();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await api.engine.stop();
    for (const k of ['models.folder', 'models.endpoint', 'models.catalog', 'model.path', 'backend.threads'])
      await setFude(k, undefined);
    await server.close();
    rmSync(folder, { recursive: true, force: true });
    removeTinyModelDir(fixtures);
  });

  it('lists the catalog, the user entry first, each with size, memory, terms and the fit verdict for this machine', async () => {
    void vscode.commands.executeCommand('fude.models.download');
    let p = await pickOpen(api, (t) => t === 'Fude: Download Model', 'the catalog opens');
    assert.match(p.labels[0], /Tiny LLM-jp test model F32$/);
    assert.ok(p.labels.some((l) => /LLM-jp-3 172B beta1 instruct/.test(l)));
    assert.ok(p.labels.some((l) => /Fugaku-LLM 13B instruct Q5_K_M/.test(l)));
    await until(() => api.models.openPick()?.busy === false, 120_000, 'the fit check finishes');
    p = api.models.openPick()!;
    assert.match(p.details[0], /Fits, on the CPU \(no GPU found\): memory .* available; context \d+ × 3/);
    // The built-in entries point at the endpoint (this server), which has no such files: the catalog's own
    // estimate is shown instead, with why the header could not be read.
    const small = p.labels.findIndex((l) => /LLM-jp-3 1\.8B instruct Q4_K_M/.test(l));
    assert.match(
      p.details[small],
      /Needs about 2\.3 GiB of memory; this machine has .* in all \(its header could not be read: .*404/,
    );
  });

  it('shows the license before anything downloads, then downloads with progress and verifies', async () => {
    await accept();
    const confirm = await pickOpen(
      api,
      (t) => t === 'Fude: Download Tiny LLM-jp test model?',
      'the confirmation opens',
    );
    assert.match(confirm.labels[0], /Download \(2\.\d MiB\)/);
    assert.match(confirm.details[0], /License: Apache-2\.0/);
    assert.equal(
      server.requests.filter((q) => q.path.startsWith('/cdn/') && q.range === undefined).length,
      0,
      'nothing downloaded before the confirmation (only header ranges for the fit check)',
    );
    await accept();
    await until(() => api.models.lastDownload() !== undefined, 60_000, 'the download finishes');
    const done = api.models.lastDownload()!;
    assert.equal(done.path, join(folder, 'tiny-llm-jp.gguf'));
    assert.equal(done.sha256, sha256(gguf));
    assert.equal(done.checkedAgainst, 'server');
    assert.ok(api.models.progressEvents() >= 2, `progress was reported (${api.models.progressEvents()} events)`);
    assert.ok(existsSync(done.path));
    assert.ok(!existsSync(`${done.path}.part`));
  });

  it('lists the download in Manage Downloaded Models, and Use This Model loads it', async () => {
    void vscode.commands.executeCommand('fude.models.manage');
    const list = await pickOpen(api, (t) => t.startsWith('Fude: Downloaded Models'), 'the list opens');
    assert.match(list.labels[0], /tiny-llm-jp\.gguf$/);
    assert.match(list.details[0], /^hf:o\/tiny\/tiny-llm-jp\.gguf · last used: never · downloaded: /);
    await accept();
    const actions = await pickOpen(api, (t) => t === 'tiny-llm-jp.gguf', 'the actions open');
    assert.match(actions.labels[0], /Use This Model/);
    await accept();
    const path = join(folder, 'tiny-llm-jp.gguf');
    await until(
      () => vscode.workspace.getConfiguration('fude').get('model.path') === path,
      10_000,
      'the model path is set',
    );
    await vscode.commands.executeCommand('fude.startBackend');
    const s = await waitForState(api, (x) => x.phase === 'ready' || x.phase === 'failed', 120_000);
    assert.equal(s.phase, 'ready', JSON.stringify(s));
    assert.equal(s.phase === 'ready' && s.model!.source, path);
    assert.equal(await api.engine.chat({ messages: [{ role: 'user', content: 'こんにちは' }] }).text(), LLM_JP_ANSWER);
  });

  it('offers the downloaded file in Select Model File… with its fit verdict', async () => {
    void vscode.commands.executeCommand('fude.selectModel');
    const p = await pickOpen(api, (t) => t === 'Fude: Select Model File', 'the pick opens');
    assert.match(p.labels[0], /Browse…/);
    const i = p.labels.findIndex((l) => /tiny-llm-jp\.gguf$/.test(l));
    assert.ok(i > 0, p.labels.join(' | '));
    await until(() => api.models.openPick()?.busy === false, 120_000, 'the fit check finishes');
    assert.match(api.models.openPick()!.details[i], /Fits, on the CPU \(no GPU found\)/);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await until(() => api.models.openPick() === undefined, 5_000, 'the pick closes');
  });
});
