// The documentation assistant inside a real VS Code, on a deterministic fixture model whose answer is a
// doc comment in the neutral form: "write Japanese doc comment" inserts the expected comment at the right
// place for a TypeScript and a Python function, and one Undo removes it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from './helpers.js';
import { DOC_ANSWER, docAnswerAsJsdoc } from '../fixtures/doc-answer.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { LOOP_TEXT, presets } from '../fixtures/presets.js';
import { writeTinyModel } from '../fixtures/tiny-model.js';
import { fudeApi, setFude, until, waitForState } from './helpers.js';

const TS_SOURCE = [
  "import { format } from './format';",
  '',
  'export namespace Greetings {',
  '  export function greet(name: string): string {',
  '    return format(`こんにちは、${name}`);',
  '  }',
  '}',
  '',
].join('\n');

/** TS_SOURCE with the fixture answer as a JSDoc comment above the function, at its indentation. */
const TS_EXPECTED = TS_SOURCE.replace(
  '  export function greet',
  `${docAnswerAsJsdoc('  ').join('\n')}\n  export function greet`,
);

const PY_SOURCE = [
  'import sys',
  '',
  '',
  'def greet(name: str) -> str:',
  '    message = f"こんにちは、{name}"',
  '    return message',
  '',
].join('\n');

const PY_EXPECTED = [
  'import sys',
  '',
  '',
  'def greet(name: str) -> str:',
  '    """挨拶文を返します。',
  '',
  '    Args:',
  '        name: 名前',
  '',
  '    Returns:',
  '        挨拶文',
  '    """',
  '    message = f"こんにちは、{name}"',
  '    return message',
  '',
].join('\n');

describe('Fude documentation assistant (in a real VS Code)', () => {
  let api: TestApi;
  let modelDir: string;
  let workDir: string;

  before(async () => {
    api = await fudeApi();
    modelDir = makeTinyModelDir();
    workDir = mkdtempSync(join(tmpdir(), 'fude-docs-'));
    const model = writePresetModel(
      modelDir,
      'llm-jp-3-1.8b',
      { rules: [{ after: '\n', say: DOC_ANSWER }] },
      'docs-model.gguf',
    );
    await setFude('backend.threads', 1);
    await setFude('model.path', model.path);
    await vscode.commands.executeCommand('fude.restartBackend');
    await waitForState(api, (s) => s.phase === 'ready' && s.model!.name === 'llm-jp-3-1.8b-instruct', 180_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setFude('model.path', undefined);
    await setFude('backend.threads', undefined);
    removeTinyModelDir(modelDir);
    rmSync(workDir, { recursive: true, force: true });
  });

  async function openAt(file: string, text: string, line: number, character: number): Promise<vscode.TextEditor> {
    const path = join(workDir, file);
    writeFileSync(path, text);
    const doc = await vscode.workspace.openTextDocument(path);
    const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
    editor.selection = new vscode.Selection(line, character, line, character);
    return editor;
  }

  /** Brings the file back to the front (the panel may have taken focus), so commands act on it. */
  async function refocus(editor: vscode.TextEditor): Promise<void> {
    await vscode.window.showTextDocument(editor.document, { preview: false, viewColumn: vscode.ViewColumn.One });
  }

  /** Writes the doc comment with `args`, expects `outcome` and `expected`, then one Undo gives `source` back. */
  async function writeThenUndo(
    editor: vscode.TextEditor,
    args: Record<string, unknown>,
    outcome: string,
    source: string,
    expected: string,
  ): Promise<void> {
    const result = await vscode.commands.executeCommand<{ outcome: string; comment?: string }>(
      'fude.docs.writeDocComment',
      args,
    );
    assert.equal(result?.outcome, outcome, JSON.stringify(result));
    assert.equal(editor.document.getText(), expected);
    await refocus(editor);
    await vscode.commands.executeCommand('undo');
    await until(() => editor.document.getText() === source, 10_000, 'one Undo restores the original text');
    assert.equal(editor.document.isDirty, false, 'back at the saved version after one Undo');
  }

  const INSERT_SHORT = { insert: true, politeness: 'desu-masu', length: 'short' };

  it('contributes the documentation commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of [
      'fude.docs.open',
      'fude.docs.writeDocComment',
      'fude.docs.explainSelection',
      'fude.docs.translateCommentsToJapanese',
      'fude.docs.translateCommentsToEnglish',
      'fude.docs.draftReadme',
      'fude.docs.draftApi',
    ]) {
      assert.ok(all.includes(c), `${c} is registered`);
    }
  });

  it('writes a JSDoc comment above a TypeScript function, indented like it, and one Undo removes it', async () => {
    const editor = await openAt('greet.ts', TS_SOURCE, 4, 10);
    await writeThenUndo(editor, INSERT_SHORT, 'inserted', TS_SOURCE, TS_EXPECTED);
  });

  it('writes a docstring inside a Python function after its signature, and one Undo removes it', async () => {
    const editor = await openAt('greet.py', PY_SOURCE, 5, 8);
    await writeThenUndo(editor, INSERT_SHORT, 'inserted', PY_SOURCE, PY_EXPECTED);
  });

  it('replaces an existing doc comment (translated) in one edit, and one Undo brings the old one back', async () => {
    const source = [
      '/**',
      ' * Returns a greeting.',
      ' * @param name the name',
      ' */',
      'export function greet(name: string): string {',
      '  return name;',
      '}',
      '',
    ].join('\n');
    const expected = [
      ...docAnswerAsJsdoc(''),
      'export function greet(name: string): string {',
      '  return name;',
      '}',
      '',
    ].join('\n');
    const editor = await openAt('replace.ts', source, 5, 4);
    await writeThenUndo(editor, { insert: true, replace: true }, 'replaced', source, expected);
  });

  it('by default previews the comment in the panel instead of inserting it', async () => {
    const editor = await openAt('preview.ts', TS_SOURCE, 4, 10);
    const shown = await vscode.commands.executeCommand<{
      type: string;
      kind?: string;
      text?: string;
      existing?: boolean;
    }>('fude.docs.writeDocComment');
    assert.deepEqual(shown, {
      type: 'result',
      kind: 'docComment',
      text: TS_EXPECTED.split('\n').slice(3, 9).join('\n'),
      existing: false,
    });
    assert.equal(editor.document.getText(), TS_SOURCE, 'nothing inserted before Insert');
  });

  it('explains a selection as prose, and flags a comment translation that changed code', async () => {
    const editor = await openAt('explain.py', PY_SOURCE, 3, 0);
    editor.selection = new vscode.Selection(3, 0, 5, 18);
    const explained = await vscode.commands.executeCommand<{ kind?: string; text?: string }>(
      'fude.docs.explainSelection',
    );
    assert.equal(explained?.kind, 'prose');
    assert.equal(explained?.text, DOC_ANSWER);
    await refocus(editor);
    const translated = await vscode.commands.executeCommand<{ kind?: string; warning?: string }>(
      'fude.docs.translateCommentsToEnglish',
    );
    assert.equal(translated?.kind, 'code');
    assert.ok(translated?.warning, 'the fixture answer is not the code, so the panel warns');
  });

  it('its keybindings clash with no default keybinding of this VS Code', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    await until(
      () => vscode.window.activeTextEditor?.document.uri.scheme === 'vscode',
      30_000,
      'the default keybindings file',
    );
    const text = vscode.window.activeTextEditor!.document.getText();
    // The file is JSON with comments (commented-out commands too): read the live entries' key and command.
    const entries = [
      ...text.replace(/^\s*\/\/.*$/gm, '').matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g),
    ].map(([, key, command]) => ({ key, command }));
    assert.ok(entries.length > 100, `${entries.length} default keybindings read`);
    for (const key of ['ctrl+shift+alt+d', 'ctrl+shift+alt+e']) {
      const clash = entries.filter((e) => e.key === key && !e.command.startsWith('fude.'));
      assert.deepEqual(clash, [], `${key} is free`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens the documentation panel as a webview beside the editor', async () => {
    await openAt('greet2.ts', TS_SOURCE, 4, 10);
    await vscode.commands.executeCommand('fude.docs.open');
    const viewTypes = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => (t.input instanceof vscode.TabInputWebview ? t.input.viewType : ''));
    await until(
      () => viewTypes().some((v) => v.endsWith('fude.docs')),
      30_000,
      `a fude.docs webview tab among ${JSON.stringify(viewTypes())}`,
    );
  });

  it('gives the panel the shared strict page: CSP, the csp-nonce meta the toolkit needs, only the media folder', async () => {
    await vscode.commands.executeCommand('fude.docs.open');
    await until(() => api.docsPanel() !== undefined, 30_000, 'the documentation panel');
    const webview = api.docsPanel()!.webview;
    const html = webview.html;
    const meta = (attr: string, value: string) =>
      new RegExp(`<meta ${attr}="${value}" content="([^"]*)">`).exec(html)?.[1];
    const csp = meta('http-equiv', 'Content-Security-Policy')?.replace(/&#39;/g, "'");
    const nonce = meta('property', 'csp-nonce');
    assert.match(nonce ?? '', /^[A-Za-z0-9]{32}$/, html);
    assert.ok(csp?.startsWith("default-src 'none'; "), csp);
    assert.ok(
      csp?.includes(`script-src 'nonce-${nonce}'`) && csp.includes(`style-src ${webview.cspSource} 'nonce-${nonce}'`),
      csp,
    );
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp ?? ''), csp);
    assert.match(html, new RegExp(`<script nonce="${nonce}" src="[^"]*/media/dist/docs\\.js"></script>`));
    assert.ok(!/ style=|<style/.test(html), 'no inline style in the page');
    const roots = webview.options.localResourceRoots?.map((u) => u.path) ?? [];
    assert.equal(roots.length, 1);
    assert.ok(roots[0].endsWith('/media'), roots[0]);
    assert.equal(webview.options.enableCommandUris, false);
    // Under that policy the script (toolkit inside) must still run: reload the page and wait for its "ready".
    let ready = false;
    const listening = webview.onDidReceiveMessage((m: { type?: unknown }) => {
      if (m?.type === 'ready') ready = true;
    });
    try {
      webview.html = `${html}\n`;
      await until(() => ready, 30_000, 'the reloaded panel script says ready');
    } finally {
      listening.dispose();
    }
  });

  it('says in the panel when an answer stopped at its length limit, as the chat does', async () => {
    const loop = writeTinyModel(join(modelDir, 'docs-loop.gguf'), {
      ...presets['llm-jp-3-1.8b'](),
      name: 'llm-jp-3-1.8b-docs-loop',
      rules: [{ after: '\n', say: LOOP_TEXT, then: 'loop' }],
    }).path;
    await setFude('model.path', loop);
    await waitForState(api, (s) => s.phase === 'ready' && s.model!.name === 'llm-jp-3-1.8b-docs-loop', 180_000);
    const editor = await openAt('cut.py', PY_SOURCE, 3, 0);
    editor.selection = new vscode.Selection(3, 0, 5, 18);
    const explained = await vscode.commands.executeCommand<{ kind?: string; text?: string; warning?: string }>(
      'fude.docs.explainSelection',
    );
    assert.equal(explained?.kind, 'prose');
    assert.ok(explained?.text?.startsWith(LOOP_TEXT), explained?.text?.slice(0, 20));
    assert.match(explained?.warning ?? '', /reached its length limit and was cut short/);
  });
});
