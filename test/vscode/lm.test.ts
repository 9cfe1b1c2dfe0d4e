// Fude's model through VS Code's language-model API, as another extension (or VS Code's chat) uses it:
// vscode.lm.selectChatModels finds it, sendRequest streams the fixture model's exact answer, countTokens is the
// backend's own count, cancelling stops the generation in the backend, and the request guard holds: no answer
// before the terms are accepted, none past a prohibited-use notice in block mode.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from './helpers.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { LLM_JP_ANSWER, LOOP_TEXT, presets } from '../fixtures/presets.js';
import { writeTinyModel } from '../fixtures/tiny-model.js';
import { join } from 'node:path';
import { fudeApi, setFude, until, waitForState } from './helpers.js';

const TERMS = 'llm-jp-3-172b-beta1';
const MEDICAL = 'この症状だとどの薬を何錠飲めばいいですか？';

/** What test/fixtures/lm-client/extension.cjs hands out. */
interface LmClient {
  models(
    selector: vscode.LanguageModelChatSelector,
  ): Promise<Array<{ id: string; name: string; vendor: string; family: string; maxInputTokens: number }>>;
  ask(
    text: string,
    options?: vscode.LanguageModelChatRequestOptions,
  ): Promise<{ pieces: string[]; error?: { code?: string; message: string } }>;
  count(text: string): Promise<number>;
}

interface Collected {
  pieces: string[];
  error?: Error & { code?: string };
}

/** Sends like another extension would and reads the whole stream; an error (at the request or mid-stream) is returned, not thrown. */
async function collect(
  model: vscode.LanguageModelChat,
  text: string,
  token?: vscode.CancellationToken,
  onPiece?: (all: string) => void,
): Promise<Collected> {
  const pieces: string[] = [];
  try {
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(text)], {}, token);
    for await (const piece of response.text) {
      pieces.push(piece);
      onPiece?.(pieces.join(''));
    }
    return { pieces };
  } catch (e) {
    return { pieces, error: e as Error & { code?: string } };
  }
}

async function fudeModel(name: RegExp): Promise<vscode.LanguageModelChat> {
  const found = await vscode.lm.selectChatModels({ vendor: 'fude' });
  assert.equal(found.length, 1, `one Fude model: ${JSON.stringify(found.map((m) => m.id))}`);
  assert.match(found[0].name, name);
  return found[0];
}

describe("Fude through VS Code's language-model API (vscode.lm)", () => {
  let api: TestApi;
  let dir: string;
  const paths = { answer: '', loop: '', terms: '' };

  async function useModel(path: string | undefined, name: RegExp): Promise<void> {
    await setFude('model.path', path);
    const s = api.state();
    if (s.phase !== 'ready' || s.model!.source !== path) await vscode.commands.executeCommand('fude.restartBackend');
    await waitForState(api, (x) => x.phase === 'ready' && name.test(x.model!.name));
  }

  before(async () => {
    api = await fudeApi();
    dir = makeTinyModelDir();
    paths.answer = writePresetModel(dir, 'llm-jp-3-1.8b').path;
    paths.loop = writeTinyModel(join(dir, 'lm-loop.gguf'), {
      ...presets['llm-jp-3-1.8b'](),
      name: 'llm-jp-3-1.8b-loop',
      rules: [{ after: '\n', say: LOOP_TEXT, then: 'loop' }],
    }).path;
    paths.terms = writePresetModel(dir, 'llm-jp-3-172b').path;
    await setFude('backend.threads', 1);
    await setFude('completion.enabled', false);
  });

  after(async () => {
    api.termsGate()?.panel.dispose();
    await setFude('notices.mode', undefined);
    await api.terms.revoke(TERMS);
    await api.engine.stop();
    await setFude('model.path', undefined);
    await setFude('completion.enabled', undefined);
    removeTinyModelDir(dir);
  });

  it('is found by selectChatModels({ vendor: "fude" }), described with the loaded model\'s numbers', async () => {
    await useModel(paths.answer, /llm-jp-3-1\.8b-instruct/);
    const model = await fudeModel(/^llm-jp-3-1\.8b-instruct$/);
    const context = api.state().model!.contextSize;
    console.log(
      `    model ${model.id}: family ${model.family}, version ${model.version}, maxInputTokens ${model.maxInputTokens} of a ${context}-token context`,
    );
    assert.equal(model.vendor, 'fude');
    assert.equal(model.family, 'llm-jp-3');
    assert.ok(model.maxInputTokens > 0 && model.maxInputTokens < context, 'room is left for the answer');
    assert.deepEqual(
      (await vscode.lm.selectChatModels({ vendor: 'fude', family: 'llm-jp-3' })).map((m) => m.id),
      [model.id],
    );
    assert.deepEqual(await vscode.lm.selectChatModels({ vendor: 'fude', family: 'gpt-4o' }), []);
  });

  it("streams the fixture model's exact answer through sendRequest", async () => {
    const model = await fudeModel(/llm-jp-3-1\.8b-instruct/);
    const t0 = Date.now();
    const { pieces, error } = await collect(model, '自己紹介してください');
    assert.equal(error, undefined, error?.message);
    assert.equal(pieces.join(''), LLM_JP_ANSWER);
    console.log(`    answer in ${pieces.length} pieces, ${Date.now() - t0} ms`);
    assert.equal(api.state().inFlight, 0);
  });

  it('answers another extension (test/fixtures/lm-client) and counts tokens for it', async () => {
    const ext = vscode.extensions.getExtension<LmClient>('fude-tests.lm-client');
    assert.ok(
      ext,
      'the client extension is loaded beside Fude (run-vscode-tests --also-extension-dir test/fixtures/lm-client)',
    );
    const client = await ext.activate();
    const models = await client.models({ vendor: 'fude' });
    assert.deepEqual(
      models.map((m) => [m.vendor, m.name]),
      [['fude', 'llm-jp-3-1.8b-instruct']],
    );
    const { pieces, error } = await client.ask('自己紹介してください');
    assert.equal(error, undefined, error?.message);
    assert.equal(pieces.join(''), LLM_JP_ANSWER);
    const backend = await api.engine.count({ texts: [LLM_JP_ANSWER] });
    assert.equal(await client.count(LLM_JP_ANSWER), backend!.texts[0]);
  });

  it("counts tokens exactly as the backend's tokenizer does", async () => {
    const model = await fudeModel(/llm-jp-3-1\.8b-instruct/);
    for (const text of [
      LLM_JP_ANSWER,
      'const greeting = `こんにちは、${name}`;',
      '富士山は日本一高い山です。 Mt. Fuji is 3,776 m high.',
    ]) {
      const backend = await api.engine.count({ texts: [text] });
      const counted = await model.countTokens(text);
      assert.equal(counted, backend!.texts[0], text);
      assert.equal(
        await model.countTokens(vscode.LanguageModelChatMessage.User(text)),
        counted,
        `the message's text: ${text}`,
      );
    }
  });

  it('stops the generation in the backend when the caller cancels', async () => {
    await useModel(paths.loop, /loop/);
    const model = await fudeModel(/loop/);
    const source = new vscode.CancellationTokenSource();
    let cancelledAt = 0;
    const reading = collect(model, '止まらない答えをください', source.token, (all) => {
      if (all.length > 30 && cancelledAt === 0) {
        cancelledAt = Date.now();
        source.cancel();
      }
    });
    const { pieces, error } = await reading;
    const streamEndedMs = Date.now() - cancelledAt;
    assert.ok(cancelledAt > 0, 'the answer streamed before the cancel');
    assert.ok(pieces.join('').startsWith(LOOP_TEXT), pieces.join('').slice(0, 20));
    await until(() => api.state().inFlight === 0, 3_000, 'the backend stops generating');
    const after = api.state().inFlight;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(api.state().inFlight, after, 'nothing is generating after the cancel');
    const stoppedMs = Date.now() - cancelledAt;
    console.log(
      `    the caller's stream ended ${streamEndedMs} ms after cancel${error ? ` (with: ${error.message})` : ''}; the backend stopped generating ${stoppedMs} ms after it`,
    );
    assert.ok(stoppedMs < 3000, `generation stopped ${stoppedMs} ms after cancel`);
    source.dispose();
  });

  it('refuses before the terms are accepted (NoPermissions), naming "Fude: Show Terms of Use", and the model stays unloaded', async () => {
    await api.terms.revoke(TERMS);
    await api.engine.stop();
    await setFude('model.path', paths.terms);
    const model = await fudeModel(/llm-jp-3-172b/);
    const { pieces, error } = await collect(model, '自己紹介してください');
    assert.deepEqual(pieces, []);
    assert.ok(error, 'the request was refused');
    console.log(`    refused: [${error.code}] ${error.message}`);
    assert.equal(error.code, vscode.LanguageModelError.NoPermissions.name);
    assert.match(error.message, /Fude: Show Terms of Use|Fude: 利用規約を表示/);
    assert.equal(api.state().phase, 'failed');
    assert.equal(api.state().failure?.code, 'terms_not_accepted');
    // The editor opened the terms gate for the person, as it does for any feature the refusal stopped.
    await until(() => api.termsGate() !== undefined, 10_000, 'the terms gate opens');
    api.termsGate()!.panel.dispose();
  });

  it('refuses a request the prohibited-use notice stops (Blocked), once the terms are accepted', async () => {
    await api.terms.accept(TERMS, true);
    await useModel(paths.terms, /172b/);
    await setFude('notices.mode', 'block');
    const model = await fudeModel(/llm-jp-3-172b/);
    const { pieces, error } = await collect(model, MEDICAL);
    assert.deepEqual(pieces, []);
    assert.ok(error, 'the request was refused');
    console.log(`    refused: [${error.code}] ${error.message}`);
    assert.equal(error.code, vscode.LanguageModelError.Blocked.name);
    assert.match(error.message, /fude\.notices\.mode/);
    const plain = await collect(model, 'TypeScriptで配列を重複なしにする関数を書いて');
    assert.equal(plain.error, undefined, plain.error?.message);
    assert.equal(plain.pieces.join(''), LLM_JP_ANSWER, 'an ordinary request is answered');
  });
});
