// The chat inside a real VS Code, extension side: the view and commands, an exact answer from a fixture model,
// Stop reaching the backend, "Ask about selection" and attachments in the prompt, trimming to a small context,
// insert / diff-and-apply / copy, the terms line and the prohibited-use notice through beforeSend, the demo model.
// The panel is driven through the chat session's `receive` (from the test hooks), the same validated path as the
// webview's messages; what the webview DOM shows (typing, IME, rendering, reload) is checked by test/e2e/chat-scenario.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ChatSession } from '../../extension/chat/chat-session.js';
import type { ExtensionMessage, WebviewMessage } from '../../extension/chat/panel-messages.js';
import type { TestApi } from './helpers.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { DEMO_ANSWER, LLM_JP_ANSWER, LOOP_TEXT, presets } from '../fixtures/presets.js';
import { writeTinyModel } from '../fixtures/tiny-model.js';
import { fudeApi, setFude, until, waitForState } from './helpers.js';

type Snapshot = ReturnType<ChatSession['snapshot']> & { posted: ExtensionMessage[] };
type State = Extract<ExtensionMessage, { type: 'state' }>;

let session: ChatSession;
/** Every message the session posts to its panels, recorded the way a panel receives them. */
const posted: ExtensionMessage[] = [];
const receive = (message: WebviewMessage) => session.receive(message);
const inspect = async (): Promise<Snapshot> => ({ ...session.snapshot(), posted: [...posted] });
const idle = () => session.idle();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const ofType = <K extends ExtensionMessage['type']>(s: { posted: ExtensionMessage[] }, type: K) =>
  s.posted.filter((m) => m.type === type) as Array<Extract<ExtensionMessage, { type: K }>>;
const lastState = (s: { posted: ExtensionMessage[] }): State => ofType(s, 'state').at(-1)!;
/** The header the panel shows now: a change of the model's phase posts the header alone, not the whole state. */
const lastHeader = (s: { posted: ExtensionMessage[] }): State['model'] =>
  s.posted
    .filter(
      (m): m is Extract<ExtensionMessage, { type: 'state' | 'header' }> => m.type === 'state' || m.type === 'header',
    )
    .at(-1)!.model;

async function untilAsync(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(50);
  }
}

describe('Fude chat (in a real VS Code)', () => {
  let api: TestApi;
  let dir: string;
  let folder: string;
  const models = { answer: '', loop: '', terms: '' };

  async function useModel(path: string | undefined, name: RegExp): Promise<void> {
    await setFude('model.path', path);
    const s = api.state();
    if (s.phase !== 'ready' || s.model!.source !== path) await vscode.commands.executeCommand('fude.restartBackend');
    await waitForState(api, (x) => x.phase === 'ready' && name.test(x.model!.name));
    await until(() => api.state().phase === 'ready', 10_000, 'client connects');
  }

  async function openFile(name: string, text: string, language?: string): Promise<vscode.TextEditor> {
    const file = join(folder, name);
    writeFileSync(file, text);
    let document = await vscode.workspace.openTextDocument(file);
    if (language) document = await vscode.languages.setTextDocumentLanguage(document, language);
    return vscode.window.showTextDocument(document);
  }

  /** Sends like the panel and waits for the answer to end; returns the snapshot after it. */
  async function ask(text: string, attachments: string[] = []): Promise<Snapshot> {
    await receive({ type: 'send', text, attachments });
    await idle();
    return inspect();
  }

  before(async () => {
    api = await fudeApi();
    session = api.chat;
    session.attachView((m) => posted.push(m));
    dir = makeTinyModelDir();
    const base = presets['llm-jp-3-1.8b']();
    models.answer = writePresetModel(dir, 'llm-jp-3-1.8b').path;
    models.loop = writeTinyModel(join(dir, 'loop.gguf'), {
      ...base,
      name: 'llm-jp-3-1.8b-loop',
      rules: [{ after: '\n', say: LOOP_TEXT, then: 'loop' }],
    }).path;
    models.terms = writePresetModel(dir, 'llm-jp-3-172b').path;
    folder = mkdtempSync(join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'chat-test-'));
    await setFude('backend.threads', 1);
    // Inline completion would send requests of its own while files open here.
    await setFude('completion.enabled', false);
    // Small enough that a long file must be trimmed, set before the backend starts so no test waits on a restart.
    await setFude('backend.contextSize', 1024);
    await api.engine.stop();
  });

  after(async () => {
    await api.engine.stop();
    await api.terms.revoke('llm-jp-3-172b-beta1');
    for (const key of ['model.path', 'backend.contextSize', 'completion.enabled']) await setFude(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    removeTinyModelDir(dir);
  });

  it('contributes the chat view and commands, and the webview loads and asks for its state', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of [
      'fude.chat.focus',
      'fude.chat.open',
      'fude.chat.new',
      'fude.chat.history',
      'fude.chat.askAboutSelection',
      'fude.chat.attachActiveFile',
      'fude.chat.attachOpenFile',
      'fude.chat.applyProposal',
      'fude.chatView.focus',
    ]) {
      assert.ok(all.includes(c), `${c} is registered`);
    }
    const before = ofType(await inspect(), 'state').length;
    await vscode.commands.executeCommand('fude.chat.focus');
    // The webview's script sends "ready" when it runs; the session answers with the state.
    await untilAsync(
      async () => ofType(await inspect(), 'state').length > before,
      30_000,
      'the chat webview says it is ready',
    );
  });

  it('sends a question to the fixture model and gets its exact answer', async () => {
    await setFude('model.path', models.answer);
    await receive({ type: 'newChat' });
    const t0 = Date.now();
    const s = await ask('こんにちは、自己紹介してください');
    console.log(`    answer after ${Date.now() - t0} ms (backend start included)`);
    assert.deepEqual(
      s.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'こんにちは、自己紹介してください'],
        ['assistant', LLM_JP_ANSWER],
      ],
    );
    const conversation = s.currentConversationId!;
    const deltas = ofType(s, 'delta')
      .filter((d) => d.conversationId === conversation)
      .map((d) => d.text)
      .join('');
    assert.equal(deltas, LLM_JP_ANSWER, 'the streamed text is the answer, whole');
    assert.equal(ofType(s, 'done').at(-1)?.stopReason, 'finished');
    const state = lastState(s);
    assert.equal(state.model.name, 'llm-jp-3-1.8b-instruct');
    assert.equal(state.model.gpu, null, 'CPU');
    assert.ok((state.model.tokensPerSecond ?? 0) > 0, 'tokens per second of the last answer');
    assert.equal(state.model.isDemo, false);
    assert.equal(state.termsLine, false, 'LLM-jp-3 1.8B is Apache-2.0: no terms line');
    assert.equal(
      state.messages.at(-1)?.model,
      'llm-jp-3-1.8b-instruct',
      'the answer is labelled with the model that wrote it',
    );
    assert.deepEqual(state.conversations.find((c) => c.id === conversation)?.title, 'こんにちは、自己紹介してください');
  });

  it('sends the selection with its file name, language and lines ("Ask about selection")', async () => {
    const editor = await openFile('sample.ts', 'const a = 1;\nfunction twice(x: number) {\n  return x * 2;\n}\n');
    editor.selection = new vscode.Selection(1, 0, 3, 1);
    await vscode.commands.executeCommand('fude.chat.askAboutSelection');
    const chip = (await inspect()).attachments;
    const name = vscode.workspace.asRelativePath(editor.document.uri, false);
    assert.deepEqual(
      chip.map((a) => [a.kind, a.name, a.language, a.lines]),
      [['selection', name, 'typescript', { start: 2, end: 4 }]],
    );
    const s = await ask('この関数は何をしますか？', [chip[0].id]);
    const sent = s.lastRequest!.at(-1)!.content;
    assert.equal(
      sent,
      `選択範囲: ${name} (2〜4行目)\n\`\`\`typescript\nfunction twice(x: number) {\n  return x * 2;\n}\n\`\`\`\n\nこの関数は何をしますか？`,
    );
    assert.equal(s.messages.at(-1)!.text, LLM_JP_ANSWER);
    assert.deepEqual(s.attachments, [], 'the chip goes once sent');
  });

  it('attaches the active file and trims it to the context, saying what it left out', async () => {
    const s0 = api.state();
    assert.equal(s0.phase === 'ready' && s0.model!.contextSize, 1024);
    await receive({ type: 'newChat' });
    await openFile('long.txt', Array.from({ length: 400 }, (_, i) => `line ${i + 1}: some text`).join('\n') + '\n');
    await receive({ type: 'attachActiveFile' });
    const [file] = (await inspect()).attachments;
    assert.equal(file.kind, 'file');
    const s = await ask('要約して', [file.id]);
    assert.equal(s.messages.at(-1)!.text, LLM_JP_ANSWER, 'answered despite the long file');
    const notes = ofType(s, 'contextNotes').at(-1)!.leftOut;
    assert.equal(notes.length, 1);
    // The cursor is on line 1 of a file without declarations: the lines from there on are what fits.
    assert.match(
      notes[0],
      /long\.txt: lines 1 to \d+ around the cursor were sent; the other \d+ of its 400 lines were left out/,
    );
    const exact = (await api.engine.count({ messages: s.lastRequest! }))!.prompt!;
    assert.ok(exact <= 1024 - 256, `the prompt (${exact} tokens) leaves room for the answer`);
  });

  it('sends the function at the cursor of a long file, not its top (631 lines, cursor at line 562)', async () => {
    const extensionPath = vscode.extensions.getExtension('fude.fude')!.extensionPath;
    const text = readFileSync(join(extensionPath, 'test', 'fixtures', 'files', 'order-report.ts'), 'utf8');
    const lines = text.split('\n');
    await receive({ type: 'newChat' });
    const editor = await openFile('order-report.ts', text);
    assert.equal(editor.document.languageId, 'typescript');
    editor.selection = new vscode.Selection(561, 4, 561, 4);
    await receive({ type: 'attachActiveFile' });
    const [file] = (await inspect()).attachments;
    const s = await ask('この関数を説明して', [file.id]);
    const sent = s.lastRequest!.at(-1)!.content;
    assert.match(
      sent,
      /ファイル: .*order-report\.ts \(抜粋 \/ 全631行、カーソルは562行目、summarizeMonthlyOrders の中\)/,
      sent.slice(0, 200),
    );
    assert.ok(sent.includes(lines[561]), "the cursor's line is sent");
    assert.ok(!sent.includes(lines[0]), "the file's first line is not");
    assert.match(sent, /… \(1〜\d+行目を省略\)/, 'the start of the file is marked as left out');
    const notes = ofType(s, 'contextNotes').at(-1)!.leftOut;
    assert.equal(notes.length, 1);
    assert.match(
      notes[0],
      /order-report\.ts: lines (\d+) to (\d+) around the cursor \(in summarizeMonthlyOrders\) were sent/,
    );
    const [, start, end] = /lines (\d+) to (\d+)/.exec(notes[0])!.map(Number);
    assert.ok(start <= 562 && 562 <= end, `${start}-${end} holds the cursor`);
    assert.equal(s.messages.at(-1)!.text, LLM_JP_ANSWER);
  });

  it('stops a looping answer: the backend stops generating and the partial answer is kept', async () => {
    await useModel(models.loop, /loop/);
    await receive({ type: 'newChat' });
    await receive({ type: 'send', text: '止まらない答えをください', attachments: [] });
    await untilAsync(async () => ((await inspect()).streamingText ?? '').length > 30, 30_000, 'the answer streams');
    const t0 = Date.now();
    await receive({ type: 'stop' });
    await idle();
    const stopMs = Date.now() - t0;
    console.log(`    stopped ${stopMs} ms after Stop`);
    assert.equal(api.state().inFlight, 0, 'no request left in the backend');
    const s = await inspect();
    const answer = s.messages.at(-1)!;
    assert.equal(answer.role, 'assistant');
    assert.ok(answer.text.startsWith(LOOP_TEXT) && answer.text.length > 30, answer.text.slice(0, 20));
    assert.equal(ofType(s, 'done').at(-1)?.stopReason, 'stopped');
    await sleep(500);
    assert.equal((await inspect()).messages.at(-1)!.text, answer.text, 'nothing arrives after Stop');
    assert.ok(stopMs < 3000, `Stop took ${stopMs} ms`);
  });

  it('inserts a code block at the cursor, and applies one through the diff', async () => {
    const editor = await openFile('apply.ts', 'const a = 1;\nconst b = 2;\n');
    editor.selection = new vscode.Selection(1, 0, 1, 12);
    await receive({ type: 'insertCode', code: 'const b = 3;', language: 'ts' });
    assert.equal(editor.document.getText(), 'const a = 1;\nconst b = 3;\n');

    editor.selection = new vscode.Selection(0, 0, 0, 12);
    await receive({ type: 'diffCode', code: 'const a = 10;', language: 'ts' });
    let proposal: vscode.Uri | undefined;
    await until(
      () => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        proposal = input instanceof vscode.TabInputTextDiff ? input.modified : undefined;
        return proposal?.scheme === 'fude-proposal';
      },
      10_000,
      'the diff opens',
    );
    assert.equal((await vscode.workspace.openTextDocument(proposal!)).getText(), 'const a = 10;\nconst b = 3;\n');
    assert.equal(editor.document.getText(), 'const a = 1;\nconst b = 3;\n', 'nothing changes before Apply');
    await vscode.commands.executeCommand('fude.chat.applyProposal', proposal);
    assert.equal(editor.document.getText(), 'const a = 10;\nconst b = 3;\n');
  });

  it('copies a code block to the clipboard', async () => {
    await receive({ type: 'copyCode', code: 'print("コピー")\n', language: 'python' });
    assert.equal(await vscode.env.clipboard.readText(), 'print("コピー")\n');
  });

  it('shows the terms line for LLM-jp-3 172B and asks in the panel before a prohibited-use question', async () => {
    await api.terms.accept('llm-jp-3-172b-beta1', true);
    await useModel(models.terms, /172b/);
    await receive({ type: 'newChat' });
    assert.equal(lastState(await inspect()).termsLine, true);
    const question = '頭痛がひどいです。どの薬をどれだけ飲めばいいですか？';
    const noticeCount = ofType(await inspect(), 'notice').length;
    const sending = receive({ type: 'send', text: question, attachments: [] });
    await untilAsync(
      async () => ofType(await inspect(), 'notice').length > noticeCount,
      20_000,
      'the notice is shown in the panel',
    );
    const notice = ofType(await inspect(), 'notice').at(-1)!;
    assert.match(notice.message, /第3条|Article 3/, 'the notice cites the terms');
    await receive({ type: 'noticeChoice', noticeId: notice.id, choice: 'cancel' });
    await sending;
    let s = await inspect();
    assert.equal(s.currentConversationId, null, 'nothing was sent');
    assert.equal(ofType(s, 'draft').at(-1)?.text, question, 'the question stays in the input');

    const again = receive({ type: 'send', text: question, attachments: [] });
    await untilAsync(async () => ofType(await inspect(), 'notice').length > noticeCount + 1, 20_000, 'asked again');
    await receive({ type: 'noticeChoice', noticeId: ofType(await inspect(), 'notice').at(-1)!.id, choice: 'continue' });
    await again;
    await idle();
    s = await inspect();
    assert.equal(s.messages.at(-1)?.text, LLM_JP_ANSWER, 'sent after the person chose to continue');
  });

  it('shows a failed backend in the header with the action that fixes it', async () => {
    const missing = join(dir, 'missing.gguf');
    await setFude('model.path', missing);
    await waitForState(api, (x) => x.phase === 'failed');
    await untilAsync(async () => lastHeader(await inspect()).phase === 'error', 10_000, 'the header shows the failure');
    const header = lastHeader(await inspect());
    assert.ok(header.status?.includes(missing), header.status ?? '');
    assert.ok(
      header.actions.some((a) => /^(Choose Model|モデルを選択)$/.test(a.label)),
      JSON.stringify(header.actions),
    );
    assert.ok(
      !header.status?.includes('Check the path or choose another .gguf file'),
      'the header words the failure itself, not the backend',
    );
  });

  it('says when the demo model is in use, and answers with it', async () => {
    await useModel(undefined, /demo/i);
    await receive({ type: 'newChat' });
    await untilAsync(async () => lastHeader(await inspect()).isDemo, 10_000, 'the header follows the switch');
    assert.equal(lastHeader(await inspect()).tokensPerSecond, null, 'no speed of the previous model in the header');
    const s = await ask('テスト');
    assert.equal(lastState(s).model.isDemo, true);
    assert.equal(s.messages.at(-1)?.text, DEMO_ANSWER);
  });
});
