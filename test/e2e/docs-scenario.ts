// The documentation panel in a real workbench (code-server + headless chromium), driven like a person would:
// cursor in a TypeScript method, "Fude: Open Documentation Panel" from the palette, the toolkit controls
// render; "Doc comment" previews the llm-jp fixture model's answer as a JSDoc comment; Insert puts it above
// the method at the method's indentation; one Ctrl+Z takes it away; then dark and light screenshots.
// Screenshots go to test-output/e2e/docs/.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DOC_ANSWER, docAnswerAsJsdoc } from '../fixtures/doc-answer.js';
import { writePresetModel } from '../fixtures/preset-files.js';
import { runScenario } from './scenario-runner.js';
import { editorText, runCommand, webviewFrame } from './ui.js';

const SOURCE = [
  'export class Greeter {',
  '  greet(name: string): string {',
  '    return `こんにちは、${name}`;',
  '  }',
  '}',
  '',
].join('\n');

/** DOC_ANSWER as a JSDoc comment, indented like the method it documents. */
const COMMENT = docAnswerAsJsdoc('  ').join('\n');

const EXPECTED = SOURCE.replace('  greet(', `${COMMENT}\n  greet(`);

/** Every control the panel builds from the toolkit, and how many of each. */
const TOOLKIT = { 'vscode-dropdown': 2, 'vscode-button': 7, 'vscode-divider': 1, 'vscode-progress-ring': 1 } as const;

runScenario('docs', async ({ say, models, workspace, open }) => {
  const model = writePresetModel(
    models,
    'llm-jp-3-1.8b',
    { rules: [{ after: '\n', say: DOC_ANSWER }] },
    'docs-model.gguf',
  );
  const ui = await open({
    files: { 'greeter.ts': SOURCE },
    explorerFile: 'greeter.ts',
    // Rendered whitespace would show up in the text read back from the editor.
    settings: { 'fude.backend.threads': 1, 'fude.model.path': model.path, 'editor.renderWhitespace': 'none' },
  });
  const page = ui.page;
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  let lapStart = Date.now();
  const lap = () => {
    const ms = Date.now() - lapStart;
    lapStart = Date.now();
    return `${ms} ms`;
  };

  // 1. Cursor in the method, open the panel from the palette: the toolkit controls render and name the target.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'greeter.ts' }).first().click();
  await waitForEditorText(page, SOURCE, 15_000, 'the file is open');
  await page.locator('.editor-instance .view-line', { hasText: 'return' }).first().click();
  await page.keyboard.press('End');
  await runCommand(page, 'Fude: Open Documentation Panel', { timeoutMs: 60_000 });
  await page.locator('iframe.webview').first().waitFor({ state: 'attached', timeout: 20_000 });
  const panel = webviewFrame(page);
  const docButton = panel.locator('.actions vscode-button', { hasText: /^\s*Doc comment\s*$/ });
  await docButton.waitFor({ state: 'visible', timeout: 30_000 });
  await panel.locator('.target', { hasText: 'greet in greeter.ts' }).waitFor({ timeout: 15_000 });
  for (const [tag, count] of Object.entries(TOOLKIT)) {
    const upgraded = await panel.locator(tag).evaluateAll((els) => els.filter((e) => e.shadowRoot !== null).length);
    assert.equal(upgraded, count, `${count} ${tag} rendered by the toolkit (with a shadow root)`);
  }
  assert.equal(
    await panel
      .locator('.styles vscode-dropdown')
      .first()
      .evaluate((e) => (e as HTMLElement & { value: string }).value),
    'desu-masu',
  );
  await ui.shot('panel-open');
  say(`panel open with toolkit controls, target "${(await panel.locator('.target').innerText()).trim()}" (${lap()})`);

  // 2. "Doc comment": the backend starts on this first request; the preview is the rendered comment.
  await docButton.click();
  const area = panel.locator('.output vscode-text-area.editor');
  await area.waitFor({ state: 'visible', timeout: 120_000 });
  assert.equal(
    await area.evaluate((e) => (e as HTMLElement & { value: string }).value),
    COMMENT,
    'the preview is the JSDoc comment, indented for the method',
  );
  await panel.locator('.hint', { hasText: 'Edit the comment here' }).waitFor({ timeout: 5_000 });
  const wrap = await area.evaluate((e) => {
    const control = e.shadowRoot?.querySelector('textarea');
    return control ? getComputedStyle(control).whiteSpace : 'no textarea';
  });
  assert.equal(wrap, 'pre-wrap', 'the preview wraps long lines instead of hiding their ends');
  assert.equal(await editorText(page), SOURCE, 'nothing inserted before Insert');
  await ui.shot('preview');
  say(`comment previewed in the panel (${lap()}, backend start included)`);

  // 3. Insert: the comment above the method, at its indentation, as the only change.
  await panel.locator('.result-buttons vscode-button', { hasText: /^\s*Insert\s*$/ }).click();
  await waitForEditorText(page, EXPECTED, 10_000, 'the comment is inserted above the method');
  // The panel says so and takes Insert away, so a second click cannot insert a second copy.
  await panel.locator('.status-text', { hasText: 'Inserted in the editor' }).waitFor({ timeout: 10_000 });
  assert.equal(
    await panel.locator('.result-buttons vscode-button').count(),
    0,
    'no Insert button left after inserting',
  );
  await ui.shot('inserted');
  say(`inserted (${lap()})`);

  // 4. One Ctrl+Z in the editor takes the whole comment away (the panel has focus after the click).
  await page.locator('.editor-instance .view-line', { hasText: 'export class Greeter' }).first().click();
  await page.keyboard.press('Control+z');
  await waitForEditorText(page, SOURCE, 10_000, 'one Undo removes the comment');
  await page.waitForTimeout(500);
  assert.equal(await editorText(page), SOURCE, 'and nothing else changes afterwards');
  await ui.shot('undone');
  say(`one Ctrl+Z removed it (${lap()})`);

  // 5. Dark, then light (the workbench starts light, so each step is a real switch); set in the workspace
  // settings, which the workbench watches, so they apply at once.
  for (const [theme, kind] of [
    ['Default Dark Modern', 'vscode-dark'],
    ['Default Light Modern', 'vscode-light'],
  ] as const) {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(
      join(workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'workbench.colorTheme': theme }, null, 2),
    );
    await panel.locator(`body.${kind}`).waitFor({ state: 'attached', timeout: 15_000 });
    await page.waitForTimeout(300);
    await ui.shot(`theme-${kind}`);
  }
  say(`dark and light screenshots (${lap()})`);
  assert.deepEqual(refused, [], 'the CSP refused nothing');
});

async function waitForEditorText(page: Page, expected: string, ms: number, what: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    const text = await editorText(page);
    if (text === expected) return;
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms; the editor shows:\n${text}`);
    await page.waitForTimeout(100);
  }
}
