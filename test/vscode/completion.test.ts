// Inline completion inside a real VS Code, on deterministic fixture models: ghost text appears and is
// accepted, typing ahead consumes it without a new backend request, a superseded request is
// cancelled in the backend, multi-line suggestions with accept word / line, failures in the status
// bar, the on/off/snooze controls, and no request to a model whose terms are not accepted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CompletionStats } from '../../extension/completion/vscode/controller.js';
import type { TestApi } from './helpers.js';
import { CODER_FIM_ANSWER } from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { writeTinyModel } from '../fixtures/tiny-model.js';
import { fudeApi, setFude, until as untilPlain, waitForState } from './helpers.js';

/** What the prefix-only fixture writes after "{" (and the filters keep: up to the closing brace below). */
const BLOCK = '\n  const a = 1;\n  return a;\n}';
const BLOCK_SHOWN = '\n  const a = 1;\n  return a;';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const COMPLETION_KEYS = ['enabled', 'maxTokens', 'timeBudgetMs', 'firstTextTimeoutMs'];

describe('Fude inline completion (in a real VS Code)', () => {
  let api: TestApi;
  let dir: string;
  let fimModel: string;
  let prefixModel: string;
  let folder: string;
  let files = 0;
  const stats = (): CompletionStats => api.completion.stats();
  /** Waits like helpers' until, and says what the completion numbers were when it gave up. */
  const until = async (cond: () => boolean, ms: number, what: string): Promise<void> => {
    try {
      await untilPlain(cond, ms, what);
    } catch (e) {
      throw new Error(
        `${(e as Error).message}; completion stats: ${JSON.stringify(stats())}; backend ${api.state().phase}, in flight ${api.state().inFlight}`,
        { cause: e },
      );
    }
  };

  /**
   * Opens a new file with `content` and puts the cursor at `line`, `character`. A new file each
   * time: changing an open document's text would make VS Code ask for a completion by itself.
   */
  async function edit(content: string, line: number, character: number): Promise<vscode.TextEditor> {
    const file = join(folder, `completion-test-${++files}.ts`);
    writeFileSync(file, content);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const at = new vscode.Position(line, character);
    editor.selection = new vscode.Selection(at, at);
    await sleep(300); // let anything VS Code asks by itself settle before counting
    return editor;
  }

  async function trigger(): Promise<void> {
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
  }

  /** Commits the ghost text once VS Code shows it (it may still be rendering). */
  async function commitUntil(editor: vscode.TextEditor, expected: string, ms = 10_000): Promise<void> {
    const start = Date.now();
    while (editor.document.getText() !== expected) {
      if (Date.now() - start > ms) assert.equal(editor.document.getText(), expected, 'accepting the suggestion');
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      await sleep(100);
    }
  }

  async function useModel(path: string, name: string): Promise<void> {
    await setFude('model.path', path);
    const s = api.state();
    if (s.phase === 'ready' && s.model!.source === path) return;
    await vscode.commands.executeCommand('fude.restartBackend');
    await waitForState(api, (x) => x.phase === 'ready' && x.model!.name === name);
    await until(() => api.state().phase === 'ready', 10_000, 'client connects');
  }

  before(async () => {
    api = await fudeApi();
    dir = makeTinyModelDir();
    fimModel = writePresetModel(dir, 'generic-fim').path;
    prefixModel = writeTinyModel(join(dir, 'tiny-prefix.gguf'), {
      name: 'tiny-prefix',
      rules: [
        { after: '{', say: BLOCK },
        { after: '#', say: 'x', then: 'loop' },
      ],
    }).path;
    folder = mkdtempSync(join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'completion-test-'));
    await setFude('backend.threads', 1);
    await api.engine.stop();
  });

  afterEach(async () => {
    for (const k of COMPLETION_KEYS) await setFude(`completion.${k}`, undefined);
    await vscode.workspace
      .getConfiguration('fude.completion', { languageId: 'typescript' })
      .update('enabled', undefined, vscode.ConfigurationTarget.Global, true);
    await vscode.commands.executeCommand('fude.completion.resume');
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.engine.stop();
    for (const k of COMPLETION_KEYS) await setFude(`completion.${k}`, undefined);
    await vscode.workspace
      .getConfiguration('fude.completion', { languageId: 'typescript' })
      .update('enabled', undefined, vscode.ConfigurationTarget.Global, true);
    await vscode.commands.executeCommand('fude.completion.resume');
    await api.terms.revoke('llm-jp-3-172b-beta1');
    await setFude('model.path', undefined);
    rmSync(folder, { recursive: true, force: true });
    removeTinyModelDir(dir);
  });

  it('starts the backend on the first request, shows the FIM suggestion, and Tab (commit) accepts it', async () => {
    await setFude('model.path', fimModel);
    assert.equal(api.state().phase, 'stopped');
    const editor = await edit('function answer() {\n  \n}\n', 1, 2);
    const sent = stats().backend.sent;
    await trigger();
    await until(() => stats().lastOutcome?.text === CODER_FIM_ANSWER, 90_000, 'the FIM suggestion arrives');
    assert.equal(stats().lastMode, 'fim');
    assert.equal(stats().backend.sent, sent + 1);
    await commitUntil(editor, `function answer() {\n  ${CODER_FIM_ANSWER}\n}\n`);
    assert.match(stats().statusText, /Completion/);
  });

  it('typing the start of the suggestion consumes it without a new backend request', async () => {
    await useModel(fimModel, 'tiny-coder');
    const editor = await edit('function answer() {\n  \n}\nconst other = 1;\n', 1, 2);
    await trigger();
    await until(() => stats().lastOutcome?.text === CODER_FIM_ANSWER, 30_000, 'suggestion');
    const sent = stats().backend.sent;
    const hits = stats().engine.cacheHits;
    for (const ch of '/* f') {
      await vscode.commands.executeCommand('type', { text: ch });
      await sleep(80);
    }
    await until(() => stats().lastOutcome?.text === 'illed */', 10_000, 'the rest of the suggestion from the cache');
    assert.equal(stats().lastOutcome?.source, 'cache');
    assert.ok(stats().engine.cacheHits > hits, 'served from the cache');
    assert.equal(stats().backend.sent, sent, 'no backend request while typing ahead');
    // (Accepting moves the cursor past the suggestion, where VS Code may ask for the next one.)
    await commitUntil(editor, `function answer() {\n  ${CODER_FIM_ANSWER}\n}\nconst other = 1;\n`);
  });

  it('debounces automatic requests: typing fast sends fewer requests than half the keystrokes', async () => {
    await useModel(fimModel, 'tiny-coder');
    await edit('const value = \n', 0, 14);
    const sent = stats().backend.sent;
    const word = 'compute(input, options)';
    for (const ch of word) {
      await vscode.commands.executeCommand('type', { text: ch });
      await sleep(40);
    }
    await sleep(1500);
    const requests = stats().backend.sent - sent;
    assert.ok(requests < word.length / 2, `${requests} backend requests for ${word.length} keystrokes`);
  });

  it('with the suggestion list open, extends its selected item over its range, or says why it withholds', async () => {
    const itemsModel = writeTinyModel(join(dir, 'tiny-items.gguf'), {
      name: 'tiny-items',
      rules: [{ after: 'forEach', say: '((n) => n);' }],
    }).path;
    await useModel(itemsModel, 'tiny-items');
    let offered = 'forEach';
    const items = vscode.languages.registerCompletionItemProvider(
      { language: 'typescript' },
      {
        provideCompletionItems: () => [new vscode.CompletionItem(offered, vscode.CompletionItemKind.Method)],
      },
    );
    try {
      // The only member TypeScript's own suggestions offer is the one our provider offers too, so it is selected.
      await edit('const list = { forEach(f: (n: number) => number) { return f(1); } };\nlist.fo\n', 1, 7);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(500);
      await trigger();
      await until(
        () => stats().lastItemAnswer === 'forEach((n) => n);',
        30_000,
        'the selected item, extended by the model',
      );
      await vscode.commands.executeCommand('hideSuggestWidget');
      // The model has nothing to add after this one. Another prefix than "fo": VS Code also offers the words of open
      // documents, and "forEach" is one now.
      offered = 'size';
      await edit('const list = { size: 1 };\nlist.si\n', 1, 7);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(500);
      await trigger();
      await until(() => stats().withheld === 'nothing-after-item', 30_000, 'the suggestion is withheld, and why');
      assert.match(stats().statusText, /withheld/);
      assert.match(stats().statusTooltip, /suggestion list/);
      await vscode.commands.executeCommand('hideSuggestWidget');
    } finally {
      items.dispose();
    }
  });

  it('shows multi-line suggestions from a model without FIM; accept word, then accept the rest', async () => {
    await useModel(prefixModel, 'tiny-prefix');
    const editor = await edit('function f() {\n}\n', 0, 14);
    await trigger();
    await until(() => stats().lastOutcome?.text === BLOCK_SHOWN, 30_000, 'multi-line suggestion');
    assert.equal(stats().lastMode, 'prefix');
    const before = editor.document.getText();
    const start = Date.now();
    while (editor.document.getText() === before && Date.now() - start < 10_000) {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.acceptNextWord');
      await sleep(100);
    }
    const partial = editor.document.getText();
    assert.ok(partial.startsWith('function f() {') && partial.endsWith('\n}\n'), JSON.stringify(partial));
    const inserted = partial.slice('function f() {'.length, partial.length - '\n}\n'.length);
    assert.ok(
      inserted !== '' && inserted !== BLOCK_SHOWN && BLOCK_SHOWN.startsWith(inserted),
      `accept word inserted a start of the suggestion: ${JSON.stringify(inserted)}`,
    );
    await commitUntil(editor, `function f() {${BLOCK_SHOWN}\n}\n`);

    // Accept line: the suggestion starts with a line break, so the first accepted line is the
    // rest of the cursor line (empty) or the line after it; either way a start of the suggestion.
    const other = await edit('function f2() {\n}\n', 0, 15);
    await trigger();
    await until(() => stats().lastOutcome?.text === BLOCK_SHOWN, 30_000, 'suggestion for accept line');
    const lineStart = Date.now();
    while (other.document.getText() === 'function f2() {\n}\n' && Date.now() - lineStart < 10_000) {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.acceptNextLine');
      await sleep(100);
    }
    const byLine = other.document.getText().slice('function f2() {'.length, -'\n}\n'.length);
    assert.ok(
      byLine !== '' && BLOCK_SHOWN.startsWith(byLine),
      `accept line inserted a start of the suggestion: ${JSON.stringify(byLine)}`,
    );
  });

  it('cancels a superseded request in the backend', async () => {
    await useModel(prefixModel, 'tiny-prefix');
    await setFude('completion.maxTokens', 100_000);
    await setFude('completion.timeBudgetMs', 600_000);
    await setFude('completion.firstTextTimeoutMs', 60_000);
    const editor = await edit('const a = "#";\nfunction g() {\n}\n', 0, 12);
    const sent = stats().backend.sent;
    const cancelled = stats().backend.cancelled;
    assert.equal(api.state().inFlight, 0);
    // Not awaited: VS Code's trigger command resolves only once the provider has answered.
    void trigger();
    await until(() => stats().backend.sent > sent && api.state().inFlight > 0, 30_000, 'the looping generation runs');
    await sleep(500); // it is streaming "xxx…" and would go on for 100,000 tokens
    assert.ok(api.state().inFlight > 0, 'still generating');
    const at = new vscode.Position(1, 14);
    editor.selection = new vscode.Selection(at, at);
    const supersededAt = Date.now();
    void trigger();
    await until(() => stats().backend.cancelled > cancelled, 10_000, 'the old generation is cancelled in the backend');
    const cancelMs = Date.now() - supersededAt;
    await until(() => stats().lastOutcome?.text === BLOCK_SHOWN, 30_000, 'the new request answers');
    await until(() => api.state().inFlight === 0, 5_000, 'nothing left generating');
    assert.ok(cancelMs < 5_000, `cancelled ${cancelMs} ms after being superseded`);
  });

  it('while typing, shows a suggestion early and then the longer one where the caret still is', async () => {
    await useModel(prefixModel, 'tiny-prefix');
    await setFude('completion.maxTokens', 100_000);
    await setFude('completion.timeBudgetMs', 3_000);
    // One answer first: a suggestion is shown early only once the model's writing speed is known.
    await edit('function e() {\n}\n', 0, 14);
    await trigger();
    await until(() => stats().lastOutcome?.text === BLOCK_SHOWN, 30_000, 'a first answer');
    const editor = await edit('const a = "";\n', 0, 11);
    const calls = stats().pipeline.calls;
    const typedAt = Date.now();
    // Typed, not an explicit trigger: VS Code asks by itself, and asks again when Fude says the text grew.
    await vscode.commands.executeCommand('type', { text: '#' });
    // The loop writes "x" until the 3 s budget ends; the first answer comes after about 250 ms of writing.
    await until(() => /^x+$/.test(stats().lastOutcome?.text ?? ''), 30_000, 'an early suggestion');
    const earlyMs = Date.now() - typedAt;
    const early = stats().lastOutcome!.text;
    assert.ok(earlyMs < 2_500, `the early suggestion came ${earlyMs} ms after the key, before the budget ended`);
    // At the budget's end the longer text goes into the cache and VS Code is asked again: the cache answers.
    await until(
      () => stats().lastOutcome?.source === 'cache' && (stats().lastOutcome?.text.length ?? 0) > early.length,
      15_000,
      'the longer suggestion, from the cache',
    );
    assert.ok(stats().pipeline.calls > calls + 1, 'VS Code asked again');
    const grown = stats().lastOutcome!.text;
    // Tab takes the longer text (VS Code may be showing it still being rendered: tried until it is).
    const accepted = () => editor.document.lineAt(0).text.startsWith(`const a = "#${grown}`);
    for (const start = Date.now(); !accepted(); await sleep(100)) {
      if (Date.now() - start > 10_000)
        assert.fail(`the longer suggestion was not accepted: ${editor.document.lineAt(0).text}`);
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    }
  });

  it('an explicit trigger waits for the whole answer instead of showing it early', async () => {
    await useModel(prefixModel, 'tiny-prefix');
    await setFude('completion.maxTokens', 100_000);
    await setFude('completion.timeBudgetMs', 1_500);
    await edit('function e2() {\n}\n', 0, 15);
    await trigger();
    await until(() => stats().lastOutcome?.text === BLOCK_SHOWN, 30_000, 'a first answer');
    await edit('const b = "#";\n', 0, 12);
    const startedAt = Date.now();
    await trigger();
    await until(() => /^x+$/.test(stats().lastOutcome?.text ?? ''), 30_000, 'the answer');
    // Not after about 250 ms of writing, as a typed request's would be: when the budget (or the answer) ended.
    assert.ok(Date.now() - startedAt >= 1_400, `answered ${Date.now() - startedAt} ms after the trigger`);
  });

  it('says in the status bar when completion times out, and recovers', async () => {
    await useModel(prefixModel, 'tiny-prefix');
    await setFude('completion.firstTextTimeoutMs', 1);
    await edit('function h() {\n}\n', 0, 14);
    await trigger();
    await until(() => stats().lastOutcome?.end === 'timeout', 30_000, 'a timeout');
    await until(() => /timed out/.test(stats().statusText), 5_000, 'status bar says so');
    await setFude('completion.firstTextTimeoutMs', undefined);
    await edit('function h2() {\n}\n', 0, 15);
    await trigger();
    await until(() => stats().lastOutcome?.text === BLOCK_SHOWN, 30_000, 'a suggestion again');
    await until(() => !/timed out/.test(stats().statusText), 5_000, 'status recovers');
  });

  it('turns off globally, per language and for a snooze, and asks nothing then; a manual trigger still works', async () => {
    await useModel(prefixModel, 'tiny-prefix');
    await edit('function k() {\n}\n', 0, 14);
    const sent = stats().backend.sent;
    const typeAndWait = async () => {
      await vscode.commands.executeCommand('type', { text: ' ' });
      await vscode.commands.executeCommand('deleteLeft');
      await sleep(1200);
    };
    await vscode.commands.executeCommand('fude.completion.toggle', false);
    await until(() => /Completion: off$/.test(stats().statusText), 5_000, 'status: off');
    await typeAndWait();
    await vscode.commands.executeCommand('fude.completion.toggle', true);
    await vscode.commands.executeCommand('fude.completion.toggleLanguage', 'typescript', false);
    await until(() => /off for typescript/.test(stats().statusText), 5_000, 'status: off for typescript');
    await typeAndWait();
    await vscode.commands.executeCommand('fude.completion.toggleLanguage', 'typescript', true);
    await vscode.commands.executeCommand('fude.completion.snooze', 5);
    await until(() => /snoozed until/.test(stats().statusText), 5_000, 'status: snoozed');
    await typeAndWait();
    assert.equal(stats().backend.sent, sent, 'no request while off or snoozed');
    await trigger();
    await until(
      () => stats().backend.sent === sent + 1 || stats().lastOutcome?.source === 'cache',
      30_000,
      'a manual trigger asks anyway',
    );
    await vscode.commands.executeCommand('fude.completion.resume');
    await until(() => /^\$\(sparkle\) Completion/.test(stats().statusText), 5_000, 'status: on');
  });

  it('never asks a model whose terms of use are not accepted', async () => {
    await api.terms.accept('llm-jp-3-172b-beta1', true);
    await useModel(writePresetModel(dir, 'llm-jp-3-172b').path, 'llm-jp-3-172b-beta1-instruct');
    await api.terms.revoke('llm-jp-3-172b-beta1');
    await edit('function t() {\n}\n', 0, 14);
    const sent = stats().backend.sent;
    await trigger();
    await until(() => /terms not accepted/.test(stats().statusText), 10_000, 'status says why');
    await sleep(500);
    assert.equal(stats().backend.sent, sent, 'no request reached the backend');
  });
});
