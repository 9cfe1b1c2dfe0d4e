// Fude with VS Code's display language Japanese (code-server --locale ja, with the harness's language pack: see
// displayLanguagePack in test/harness/code-server.ts; VS Code's own strings stay English, Fude's are Japanese).
// Every text checked here is looked up in package.nls.ja.json or l10n/bundle.l10n.ja.json, so the check is that
// the Japanese of those files is what shows, and that the English is not: the status bar, the palette's
// commands, a failure notice with its buttons, the terms gate, the chat panel (an answer from the llm-jp
// fixture), the prohibited-use notice in the panel, the documentation panel, and the walkthrough. Also, with a real IME composition
// (Chromium's own, through the DevTools protocol): Enter while composing never sends. Screenshots go to
// test-output/e2e/japanese/.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { getTerms } from '../../common/terms/registry.js';
import { repoRoot } from '../harness/repo-paths.js';
import { writePresetModel } from '../fixtures/preset-files.js';
import { LLM_JP_ANSWER } from '../fixtures/presets.js';
import { runScenario } from './scenario-runner.js';
import { runCommand, statusBarItemById, webviewFrame } from './ui.js';

const readJson = (file: string) =>
  JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as Record<string, string | { message: string }>;
const bundleJa = readJson('l10n/bundle.l10n.ja.json');
const nlsJa = readJson('package.nls.ja.json');
const nlsEn = readJson('package.nls.json');

/** The Japanese of a runtime string (vscode.l10n.t's English key), with {0}… filled. */
function ja(key: string, ...args: Array<string | number>): string {
  const value = bundleJa[key];
  if (value === undefined) throw new Error(`no Japanese for "${key}" in l10n/bundle.l10n.ja.json`);
  const text = typeof value === 'string' ? value : value.message;
  return text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** A manifest string (package.nls.ja.json), with its English for the "not English" checks. */
function nls(key: string): { ja: string; en: string } {
  const [j, e] = [nlsJa[key], nlsEn[key]];
  if (typeof j !== 'string' || typeof e !== 'string') throw new Error(`no manifest string "${key}"`);
  return { ja: j, en: e };
}

/** Whether the palette lists a command whose label (not its English alias) is exactly `title`. */
async function offered(page: Page, title: string): Promise<boolean> {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.type(title);
  await page.waitForTimeout(700);
  // A row's aria-label is its label; the English original a localized command also shows sits in its meta line.
  const labels = await widget
    .locator('.quick-input-list .monaco-list-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  const count = labels.filter((l) => l.trim() === title).length;
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  return count > 0;
}

/** Runs a palette command that opens a quick input of its own (so the palette does not just close). */
async function startCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.type(title);
  await widget.locator(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`).first().click({ timeout: 15_000 });
}

/** "Fude: モデルファイルを選択…" → "参照…" → the path typed into VS Code's file dialog → "このモデルを使う". */
async function selectModelFile(page: Page, path: string): Promise<void> {
  await startCommand(page, `Fude: ${nls('command.selectModel').ja}`);
  const widget = page.locator('.quick-input-widget');
  await widget
    .locator('.quick-input-title', { hasText: ja('Fude: Select Model File') })
    .waitFor({ state: 'visible', timeout: 15_000 });
  await widget
    .locator('.quick-input-list .monaco-list-row', { hasText: ja('Browse…') })
    .first()
    .click();
  await widget
    .locator('.quick-input-title', { hasText: ja('Choose a GGUF model file') })
    .waitFor({ state: 'visible', timeout: 10_000 });
  // The dialog fills in its starting folder as it opens, maybe after a first fill: fill until it holds the path.
  const input = widget.locator('.quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    await input.fill(path);
    await page.waitForTimeout(300);
    if ((await input.inputValue()) === path) break;
    if (attempt === 5) throw new Error(`the file dialog holds "${await input.inputValue()}", not ${path}`);
  }
  await widget.getByRole('button', { name: ja('Use This Model') }).click();
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
}

async function focusWorkbench(page: Page): Promise<void> {
  await page.locator('#workbench\\.parts\\.editor').click({ position: { x: 20, y: 200 } });
}

runScenario('japanese', async ({ say, models, open }) => {
  const paths = {
    answer: writePresetModel(models, 'llm-jp-3-1.8b').path,
    terms: writePresetModel(models, 'llm-jp-3-172b').path,
  };
  const ui = await open({
    locale: 'ja',
    files: { 'hello.ts': 'export function greet(name: string) {\n  return `こんにちは、${name}`;\n}\n' },
    explorerFile: 'hello.ts',
    settings: { 'fude.backend.threads': 1 },
  });
  const { page } = ui;
  const language = await page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE);
  assert.equal(language, 'ja', 'VS Code runs with the display language Japanese');

  // 1. The status bar, before anything starts.
  const status = statusBarItemById(page, 'fude.status');
  await status.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal((await status.innerText()).trim(), `Fude: ${ja('demo model')} · ${ja('CPU')}`);
  const completion = statusBarItemById(page, 'fude.completion');
  assert.equal((await completion.innerText()).trim(), ja('Completion: off (demo model)'));
  say(`status bar: "${(await status.innerText()).trim()}", "${(await completion.innerText()).trim()}"`);
  await ui.shot('status-bar');

  // 2. The palette lists Fude's commands by their Japanese titles.
  for (const key of [
    'command.openWalkthrough',
    'command.startBackend',
    'command.selectModel',
    'command.models.download',
    'command.showTerms',
  ]) {
    const { ja: title, en } = nls(key);
    assert.ok(await offered(page, `Fude: ${title}`), `"Fude: ${title}" is in the palette`);
    assert.ok(
      !(await offered(page, `Fude: ${en}`)),
      `"Fude: ${en}" is not a label in the palette (only the English alias for searching)`,
    );
  }
  await page.keyboard.press('F1');
  await page.keyboard.type('Fude: ');
  await page.waitForTimeout(800);
  await ui.shot('palette');
  await page.keyboard.press('Escape');
  say("palette: Fude's commands under their Japanese titles");

  // 3. A failure notice: the chosen model file went away before the model started. Its sentence and buttons are
  // Fude's Japanese. (The file is chosen as a person chooses one: a workspace cannot set fude.model.path.)
  const missing = join(models, 'ない.gguf');
  copyFileSync(paths.answer, missing);
  await selectModelFile(page, missing);
  rmSync(missing);
  await runCommand(page, `Fude: ${nls('command.startBackend').ja}`);
  const [before] = ja(
    'Fude: the model file {0} was not found. Choose a model, or correct the path in the settings.',
    '\u0000',
  ).split('\u0000');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: before.trim() });
  await toast.waitFor({ state: 'visible', timeout: 60_000 });
  const said = (await toast.innerText()).replace(/\s+/g, ' ');
  say(`failure notice: ${said}`);
  assert.ok(
    said.includes(
      ja(
        'Fude: the model file {0} was not found. Choose a model, or correct the path in the settings.',
        missing,
      ).replace(/\s+/g, ' '),
    ),
    said,
  );
  for (const button of [ja('Choose Model'), ja('Open Settings')]) {
    assert.ok(
      (await toast.locator('.monaco-button', { hasText: button }).count()) > 0,
      `the notice has a "${button}" button`,
    );
  }
  assert.ok(!/was not found|Choose Model/.test(said), 'no English in the notice');
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('#workbench\\.parts\\.statusbar .statusbar-item')].some((e) =>
        (e as HTMLElement).innerText.includes(text),
      ),
    ja('Fude: error'),
    { timeout: 10_000 },
  );
  // The start's progress notification closes, and the toast finishes fading in, before the picture.
  await page
    .locator('.notifications-toasts .notification-toast', { hasText: ja('starting the backend…') })
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(1_000);
  await ui.shot('failure-notice');
  await toast
    .locator('.codicon-notifications-clear, .codicon-close')
    .first()
    .click()
    .catch(() => undefined);

  // 4. The terms gate, opened by choosing a model with terms.
  const terms = getTerms('llm-jp-3-172b-beta1')!;
  await selectModelFile(page, paths.terms);
  const gate = webviewFrame(page);
  const accept = gate.locator('#accept');
  await accept.waitFor({ timeout: 60_000 });
  assert.equal(
    (await gate.locator('h1').innerText()).trim(),
    terms.title.ja,
    "the heading is the terms' Japanese title",
  );
  assert.equal(
    (await page.locator('.tabs-container .tab.active .label-name').innerText()).trim(),
    terms.title.ja,
    'so is the tab',
  );
  assert.equal(
    (await gate.locator('#hint').innerText()).trim(),
    ja('Scroll down this page to the end of the terms to enable Accept.'),
  );
  assert.equal((await accept.innerText()).trim(), ja('Accept and load the model'));
  await ui.shot('terms-gate');
  await gate.locator('#agree').check();
  await gate.locator('#permission').check();
  await gate.locator('#texts-end').scrollIntoViewIfNeeded();
  await accept.click();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('#workbench\\.parts\\.statusbar .statusbar-item')].some((e) =>
        /llm-jp-3-172b-beta1-instruct/.test((e as HTMLElement).innerText),
      ),
    undefined,
    { timeout: 120_000 },
  );
  say('terms gate in Japanese; accepted, the model loaded');

  // 5. The chat panel. VS Code's own "Focus on … View" command is English without a full language pack.
  await focusWorkbench(page);
  await runCommand(page, `Fude: Focus on ${nls('view.chat').ja} View`);
  await page.locator('iframe.webview').first().waitFor({ state: 'attached', timeout: 20_000 });
  const chat = webviewFrame(page);
  const textarea = chat.locator('#input textarea');
  await textarea.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(
    await textarea.getAttribute('placeholder'),
    ja('Ask about your code (Enter to send, Shift+Enter for a new line)'),
  );
  assert.equal((await chat.locator('#send').innerText()).trim(), ja('Send'));
  assert.ok(
    (await chat.locator('body').innerText()).includes(
      ja('Outputs may be inaccurate; check them before use. Prohibited uses apply.'),
    ),
    'the terms line is in Japanese',
  );

  // 6. A real IME composition in the input (Chromium's IME path, not synthetic events): Enter confirms, never sends.
  const cdp = await page.context().newCDPSession(page);
  await textarea.click();
  await textarea.evaluate(() => {
    const w = window as unknown as {
      fudeKeys: Array<{ key: string; keyCode: number; isComposing: boolean; defaultPrevented: boolean }>;
    };
    w.fudeKeys = [];
    // Bubbling to the window runs after the panel's own handler, so defaultPrevented says whether it would send.
    window.addEventListener('keydown', (e) =>
      w.fudeKeys.push({
        key: e.key,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- 229 is how Chromium marks a key the IME holds
        keyCode: e.keyCode,
        isComposing: e.isComposing,
        defaultPrevented: e.defaultPrevented,
      }),
    );
  });
  await cdp.send('Input.imeSetComposition', { text: 'にほんご', selectionStart: 4, selectionEnd: 4 });
  await ui.shot('ime-composing');
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'rawKeyDown',
    key: 'Enter',
    code: 'Enter',
    windowsVirtualKeyCode: 13,
    nativeVirtualKeyCode: 13,
  });
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'keyUp',
    key: 'Enter',
    code: 'Enter',
    windowsVirtualKeyCode: 13,
    nativeVirtualKeyCode: 13,
  });
  await cdp.send('Input.insertText', { text: '日本語' });
  await page.waitForTimeout(500);
  const keys = await chat.locator('body').evaluate(() => (window as unknown as { fudeKeys: unknown[] }).fudeKeys);
  say(`keydown during the composition: ${JSON.stringify(keys)}`);
  assert.ok(Array.isArray(keys) && keys.length > 0, 'the Enter reached the input during the composition');
  assert.ok(
    (keys as Array<{ isComposing: boolean; defaultPrevented: boolean }>).every(
      (k) => k.isComposing && !k.defaultPrevented,
    ),
    'Chromium marked it composing, and the panel left it to the IME',
  );
  assert.equal(await chat.locator('#messages .message.user').count(), 0, 'nothing was sent');
  assert.equal(await textarea.inputValue(), '日本語', 'the conversion was committed into the input');
  await ui.shot('ime-committed');
  await textarea.fill('');
  await cdp.detach();

  // 7. A question and the fixture model's answer, under Japanese labels.
  await textarea.fill('この関数は何をしますか？');
  await page.keyboard.press('Enter');
  const answer = chat.locator('#messages .message.assistant:not(.streaming) .markdown').last();
  await answer.waitFor({ state: 'visible', timeout: 60_000 });
  assert.equal((await answer.innerText()).trim(), LLM_JP_ANSWER);
  assert.equal((await chat.locator('#messages .message.user .message-role').first().innerText()).trim(), ja('You'));
  await ui.shot('chat-answer');
  say('chat panel in Japanese, answered');

  // 8. The prohibited-use notice inside the panel: Japanese text citing the article, Japanese buttons.
  await chat.locator('#input textarea').fill('頭痛がひどいです。どの薬をどれだけ飲めばいいですか？');
  await page.keyboard.press('Enter');
  const notice = chat.locator('.notice-warning');
  await notice.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal((await notice.locator('.choice-cancel').innerText()).trim(), ja('Cancel'));
  assert.equal((await notice.locator('.choice-continue').innerText()).trim(), ja('Continue'));
  assert.equal(
    (await notice.locator('.notice-note').innerText()).trim(),
    ja('Continue only if your use complies with the terms of use.'),
  );
  const noticeText = await notice.locator('.notice-body').innerText();
  assert.match(noticeText, /第\d+条/, 'the notice cites the article in Japanese');
  assert.ok(!/\bArticle\b|prohibit/i.test(noticeText), `no English in the notice: ${noticeText}`);
  await ui.shot('prohibited-use-notice');
  await notice.locator('.choice-cancel').click();
  await notice.waitFor({ state: 'detached', timeout: 10_000 });

  // 9. The documentation panel: its controls, and a doc comment previewed, in Japanese.
  // The side bar shows Fude's chat now: the file opens through Quick Open.
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.type('hello.ts');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'hello.ts' })
    .first()
    .waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-line', { hasText: 'return' }).first().click({ timeout: 15_000 });
  await page.keyboard.press('End');
  const webviews = await page.locator('iframe.webview').count();
  await runCommand(page, `Fude: ${nls('command.docs.open').ja}`, { timeoutMs: 60_000 });
  await page.locator('iframe.webview').nth(webviews).waitFor({ state: 'attached', timeout: 20_000 });
  const docs = webviewFrame(page, { index: webviews });
  const docButton = docs.locator('.actions vscode-button', { hasText: new RegExp(`^\\s*${ja('Doc comment')}\\s*$`) });
  await docButton.waitFor({ state: 'visible', timeout: 30_000 });
  assert.ok((await docs.locator('body').innerText()).includes(ja('Target')), "the panel's labels are Japanese");
  await docButton.click();
  await docs.locator('.output vscode-text-area.editor').waitFor({ state: 'visible', timeout: 60_000 });
  await docs
    .locator('.result-buttons vscode-button', { hasText: new RegExp(`^\\s*${ja('Insert')}\\s*$`) })
    .waitFor({ timeout: 10_000 });
  await ui.shot('docs-panel');
  say('documentation panel in Japanese, a comment previewed');

  // 10. The walkthrough, from VS Code's Welcome page (VS Code's own command, English without a full language pack).
  await focusWorkbench(page);
  // ("Fude: はじめに" and VS Code's own "Open Walkthrough…" both land on the Welcome page on code-server 4.117, in
  // either language: the walkthrough is opened from the Welcome page's list, as a person would.)
  await runCommand(page, 'Help: Welcome');
  const welcome = page.locator('.gettingStartedContainer');
  await welcome.waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(1_000);
  const back = welcome.locator('.prev-button');
  if (await back.isVisible()) await back.click(); // another walkthrough opened instead of the list
  await welcome
    .locator('.getting-started-category', { hasText: nls('walkthrough.title').ja })
    .first()
    .click({ timeout: 30_000 });
  for (const key of [
    'walkthrough.chooseModel.title',
    'walkthrough.acceptTerms.title',
    'walkthrough.firstChat.title',
    'walkthrough.firstCompletion.title',
    'walkthrough.firstDocComment.title',
  ]) {
    await welcome
      .locator('.getting-started-step', { hasText: nls(key).ja })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
  }
  await page.waitForTimeout(1_500);
  await ui.shot('walkthrough');
  say('walkthrough in Japanese');
});
