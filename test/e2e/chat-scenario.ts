// The chat panel in a real workbench (code-server + headless chromium), driven like a person would:
// open the view, ask the llm-jp fixture model and read its exact answer (labelled with the model's name),
// a model switch clears the header's speed, IME Enter does not send,
// Shift+Enter adds a line, a markdown answer with hostile HTML renders without running anything,
// Stop ends a looping answer, light / high-contrast / dark screenshots, the history survives a window reload,
// and the chat opens as an editor tab.
// Screenshots go to test-output/e2e/chat/.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { writePresetModel } from '../fixtures/preset-files.js';
import { LLM_JP_ANSWER, LOOP_TEXT, presets } from '../fixtures/presets.js';
import { writeTinyModel } from '../fixtures/tiny-model.js';
import { runScenario } from './scenario-runner.js';
import { runCommand, waitForWorkbench, webviewFrame } from './ui.js';

const QUESTION = 'この関数は何をしますか？';

/** A markdown answer with a code block and a link, and every way an answer might try to run script. */
const MARKDOWN_ANSWER = [
  '## 例',
  '- 一つ目 **太字**',
  '```ts',
  'const x = 1;',
  '```',
  '[説明](https://example.com/docs)',
  '<script>fudeHostile("script")</script><img src=x onerror="fudeHostile(\'img\')">',
  '<svg onload=fudeHostile(1)></svg>[click](javascript:fudeHostile(2)) <a href="javascript:fudeHostile(3)">a</a>',
].join('\n');

runScenario('chat', async ({ say, models, workspace, open }) => {
  const base = presets['llm-jp-3-1.8b']();
  const paths = {
    answer: writePresetModel(models, 'llm-jp-3-1.8b').path,
    markdown: writeTinyModel(join(models, 'markdown.gguf'), {
      ...base,
      name: 'llm-jp-3-1.8b-markdown',
      rules: [{ after: '\n', say: MARKDOWN_ANSWER }],
    }).path,
    loop: writeTinyModel(join(models, 'loop.gguf'), {
      ...base,
      name: 'llm-jp-3-1.8b-loop',
      rules: [{ after: '\n', say: LOOP_TEXT, then: 'loop' }],
    }).path,
  };
  const ui = await open({
    files: { 'hello.ts': 'export function greet(name: string) {\n  return `こんにちは、${name}`;\n}\n' },
    explorerFile: 'hello.ts',
    settings: { 'fude.backend.threads': 1, 'fude.model.path': paths.answer },
  });
  // Workspace settings: the workbench watches the folder, so a change applies at once. The user settings file
  // is not watched the same way under code-server.
  const workspaceSettings: Record<string, unknown> = {};
  const setSetting = (key: string, value: unknown) => {
    workspaceSettings[key] = value;
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(workspaceSettings, null, 2));
  };
  // fude.model.path is machine-scoped (a workspace cannot pick the file), so the model changes the way a person
  // changes it: "Fude: Select Model File…", Browse…, the path typed into the file dialog.
  const useModel = async (path: string) => {
    await runCommand(ui.page, 'Fude: Select Model File…', { opensInput: true });
    const widget = ui.page.locator('.quick-input-widget');
    await widget
      .locator('.quick-input-title', { hasText: 'Fude: Select Model File' })
      .waitFor({ state: 'visible', timeout: 10_000 });
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Browse…' }).first().click();
    await widget
      .locator('.quick-input-title', { hasText: 'Choose a GGUF model file' })
      .waitFor({ state: 'visible', timeout: 10_000 });
    // The file dialog fills in its starting folder as it opens, and may do so after a first fill: fill until the
    // box holds exactly the path.
    const input = widget.locator('.quick-input-box input');
    for (let attempt = 1; ; attempt++) {
      await input.fill(path);
      await ui.page.waitForTimeout(300);
      if ((await input.inputValue()) === path) break;
      if (attempt === 5) throw new Error(`the file dialog holds "${await input.inputValue()}", not ${path}`);
    }
    await widget.getByRole('button', { name: 'Use This Model' }).click();
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  };
  const setTheme = async (theme: string, bodyClass: string) => {
    setSetting('workbench.colorTheme', theme);
    await webviewFrame(ui.page).locator(`body.${bodyClass}`).waitFor({ state: 'attached', timeout: 15_000 });
    await ui.page.waitForTimeout(300);
  };
  const ran: string[] = [];
  const refused: string[] = [];
  ui.page.on('dialog', (d) => {
    ran.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  ui.page.on('console', (m) => {
    if (!/Content Security Policy|Refused to/i.test(m.text())) return;
    const at = m.location();
    refused.push(`${m.text()} (at ${at.url}:${at.lineNumber}:${at.columnNumber})`);
    say(`CSP: ${refused[refused.length - 1]}`);
  });
  await ui.page.exposeFunction('fudeHostile', (what: unknown) => {
    ran.push(String(what));
  });
  let lapStart = Date.now();
  const lap = () => {
    const ms = Date.now() - lapStart;
    lapStart = Date.now();
    return `${ms} ms`;
  };
  await openChat(ui.page);
  const chat = webviewFrame(ui.page);
  await chat.locator('#input').waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal(
    await chat.locator('body').evaluate(() => typeof (window as unknown as { fudeHostile?: unknown }).fudeHostile),
    'function',
    'the probe a hostile script would call is installed in the webview',
  );
  await ui.shot('chat-open');

  // 1. A question to the llm-jp fixture: its exact answer, streamed into the panel.
  let t0 = Date.now();
  await typeQuestion(chat, QUESTION);
  await ui.page.keyboard.press('Enter');
  const answer = chat.locator('#messages .message.assistant:not(.streaming) .markdown').last();
  await answer.waitFor({ state: 'visible', timeout: 60_000 });
  assert.equal((await answer.innerText()).trim(), LLM_JP_ANSWER);
  assert.equal(await chat.locator('#messages .message.user .message-text').first().innerText(), QUESTION);
  await chat.locator('#model-name', { hasText: 'llm-jp-3-1.8b-instruct' }).waitFor({ timeout: 10_000 });
  assert.equal(
    (await chat.locator('#messages .message.assistant .message-role').last().innerText()).trim(),
    'llm-jp-3-1.8b-instruct',
    'the answer names the model that wrote it',
  );
  assert.match(await chat.locator('#model-speed').innerText(), /tokens\/s/, "the header shows the answer's speed");
  say(`exact answer in the panel ${Date.now() - t0} ms after Enter, backend start included (${lap()})`);
  await ui.shot('answer');

  // 2. Enter during IME composition only confirms the conversion; Shift+Enter adds a line.
  const sentBefore = await chat.locator('#messages .message.user').count();
  const textarea = chat.locator('#input textarea');
  await textarea.fill('へんかんちゅう');
  const imeResults = await textarea.evaluate((el) => {
    const results: boolean[] = [];
    const key = (init: KeyboardEventInit) =>
      el.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'Enter',
          code: 'Enter',
          bubbles: true,
          composed: true,
          cancelable: true,
          ...init,
        }),
      );
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true, data: 'へんかん' }));
    /* eslint-disable @typescript-eslint/no-deprecated -- browsers still send keyCode 229 for an Enter that confirms a conversion */
    results.push(key({ isComposing: true, keyCode: 229 })); // Chrome: the Enter that confirms
    results.push(key({ isComposing: true, keyCode: 13 }));
    el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '変換中' }));
    results.push(key({ isComposing: false, keyCode: 229 })); // Safari: compositionend came first
    /* eslint-enable @typescript-eslint/no-deprecated */
    return results; // dispatchEvent returns false when the page prevented the default (= would send)
  });
  assert.deepEqual(imeResults, [true, true, true], 'Enter during composition is left to the IME');
  await ui.page.keyboard.press('Shift+Enter');
  await ui.page.keyboard.type('二行目');
  await ui.page.waitForTimeout(500);
  assert.equal(await chat.locator('#messages .message.user').count(), sentBefore, 'nothing was sent');
  assert.equal(await textarea.inputValue(), 'へんかんちゅう\n二行目');
  await textarea.fill('');
  say(`IME Enter and Shift+Enter did not send (${lap()})`);

  // 3. A markdown answer with hostile HTML: code block with buttons, link offered through the extension, nothing runs.
  await useModel(paths.markdown);
  await waitReady(chat, 'llm-jp-3-1.8b-markdown');
  assert.equal(await chat.locator('#model-speed').innerText(), '', 'no speed of the previous model after the switch');
  assert.equal(
    (await chat.locator('#messages .message.assistant .message-role').last().innerText()).trim(),
    'llm-jp-3-1.8b-instruct',
    'the earlier answer keeps the name of the model that wrote it',
  );
  await ui.shot('model-switched');
  await typeQuestion(chat, 'マークダウンで答えて');
  await ui.page.keyboard.press('Enter');
  const markdown = chat.locator('#messages .message.assistant:not(.streaming) .markdown').last();
  await markdown.locator('.fude-code').waitFor({ timeout: 30_000 });
  await chat.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await markdown.locator('h2').innerText(), '例');
  assert.equal((await markdown.locator('.fude-code code').innerText()).trim(), 'const x = 1;');
  assert.equal(
    await markdown.locator('.fude-code [data-code-action]').count(),
    3,
    'Copy, Insert, Diff on the code block',
  );
  assert.equal(await markdown.locator('[data-fude-link]').getAttribute('data-fude-link'), 'https://example.com/docs');
  assert.equal(
    await markdown.locator('script, img, svg, iframe, [onerror], [onload], [href]').count(),
    0,
    'no active element rendered',
  );
  assert.match(await markdown.innerText(), /<script>fudeHostile/);
  await ui.page.waitForTimeout(500);
  assert.deepEqual(ran, [], 'no hostile script ran');
  assert.deepEqual(refused, [], 'the sanitizer left nothing for the CSP to refuse');
  // A link opens only after the person confirms; cancelling opens nothing.
  await markdown.locator('[data-fude-link]').click();
  const dialog = ui.page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await dialog.innerText(), /https:\/\/example\.com\/docs/);
  await ui.shot('link-confirmation');
  await ui.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
  assert.equal(ui.page.context().pages().length, 1, 'no page was opened');
  say(`markdown answer rendered, no script ran, the link asked first (${lap()})`);

  // 4. Light, high-contrast and dark themes, with that answer on screen.
  for (const [theme, kind] of [
    ['Default Light Modern', 'vscode-light'],
    ['Default High Contrast', 'vscode-high-contrast'],
    ['Default Dark Modern', 'vscode-dark'],
  ] as const) {
    await setTheme(theme, kind);
    await ui.shot(`theme-${kind}`);
  }
  say(`light, high-contrast and dark screenshots (${lap()})`);

  // 5. Stop: a looping answer ends when Stop is pressed, and stays ended.
  await useModel(paths.loop);
  await waitReady(chat, 'llm-jp-3-1.8b-loop');
  // First a short limit: the answer is cut, and the error under a long answer keeps its buttons on screen.
  setSetting('fude.sampling.maxTokens', 200);
  await ui.page.waitForTimeout(1000);
  await typeQuestion(chat, '長い答え');
  await ui.page.keyboard.press('Enter');
  const cut = chat.locator('.notice-error', { hasText: 'length limit' });
  await cut.waitFor({ state: 'visible', timeout: 60_000 });
  for (const button of [cut.locator('vscode-button', { hasText: 'Regenerate' }), cut.locator('.notice-dismiss')]) {
    assert.ok(await inView(chat, button), "the error's buttons are on screen under a long answer");
  }
  await ui.shot('cut-short-notice');
  await cut.locator('.notice-dismiss').click();
  // Then room enough that Stop comes first, however slow the machine.
  setSetting('fude.sampling.maxTokens', 100_000);
  await ui.page.waitForTimeout(1000);
  await typeQuestion(chat, '止まらない答え');
  await ui.page.keyboard.press('Enter');
  const streaming = chat.locator('#messages .message.assistant.streaming .markdown');
  await waitFor(
    async () => (await streaming.innerText().catch(() => '')).length > 40,
    30_000,
    'the looping answer streams',
  );
  // Stop before the screenshot: on a busy machine a screenshot can take longer than the whole answer.
  t0 = Date.now();
  await chat.locator('#stop').click();
  await chat.locator('#send').waitFor({ state: 'visible', timeout: 10_000 });
  say(`stopped ${Date.now() - t0} ms after the click`);
  const stopped = chat.locator('#messages .message.assistant .markdown').last();
  const kept = await stopped.innerText();
  assert.ok(kept.startsWith(LOOP_TEXT), `kept the partial answer (${kept.slice(0, 20)}…)`);
  await ui.page.waitForTimeout(1000);
  assert.equal(await stopped.innerText(), kept, 'nothing arrives after Stop');
  await waitFor(
    async () => (await chat.locator('header').getAttribute('data-phase')) === 'ready',
    5_000,
    'the backend has no request in flight',
  );
  await ui.shot('stopped');
  say(`stop checked (${lap()})`);

  // 6. The history survives a window reload.
  await focusWorkbench(ui.page);
  await runCommand(ui.page, 'Developer: Reload Window');
  // The Fude view was open, so it comes back instead of the explorer.
  await waitForWorkbench(ui.page, { explorerFile: false });
  // The restored view loads its page (which focuses its input) first; a palette opened before that would close.
  await webviewFrame(ui.page)
    .locator('#input')
    .waitFor({ state: 'visible', timeout: 60_000 })
    .catch(() => undefined);
  await openChat(ui.page);
  const reloaded = webviewFrame(ui.page);
  await reloaded.locator('#input').waitFor({ state: 'visible', timeout: 20_000 });
  await focusWorkbench(ui.page);
  await runCommand(ui.page, 'Fude: Chat History');
  await reloaded.locator('#history').waitFor({ state: 'visible', timeout: 10_000 });
  const titles = await reloaded.locator('#history-list .history-open').allInnerTexts();
  say(`history after reload: ${JSON.stringify(titles)}`);
  assert.ok(titles.includes(QUESTION), 'the first conversation is listed under its question');
  await reloaded.locator('#history-list .history-open', { hasText: QUESTION }).click();
  await reloaded
    .locator('#messages .message.assistant .markdown', { hasText: LLM_JP_ANSWER })
    .waitFor({ timeout: 10_000 });
  await ui.shot('history-after-reload');
  assert.deepEqual(ran, [], 'no hostile script ran after the reload either');
  say(`history after reload checked (${lap()})`);

  // 7. The same chat as an editor tab, with New chat and History in the page.
  await focusWorkbench(ui.page);
  await runCommand(ui.page, 'Fude: Open Chat in Editor');
  await ui.page.locator('iframe.webview').nth(1).waitFor({ state: 'attached', timeout: 20_000 });
  const tab = webviewFrame(ui.page, { index: 1 });
  await tab.locator('.fude-chat[data-host="panel"] .new-chat').waitFor({ state: 'visible', timeout: 20_000 });
  await tab.locator('#messages .message.assistant .markdown', { hasText: LLM_JP_ANSWER }).waitFor({ timeout: 10_000 });
  await ui.shot('editor-tab');
  say(`editor tab shows the same conversation (${lap()})`);
});

/** True when the element lies inside its frame's viewport (a person sees it without scrolling). */
async function inView(frame: FrameLocator, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const body = await frame.locator('body').boundingBox();
  const height = await frame.locator('body').evaluate(() => window.innerHeight);
  return box !== null && body !== null && box.y >= body.y && box.y + box.height <= body.y + height + 1;
}

/** Keys typed while the webview has focus stay in the webview: give it back to the workbench first. */
async function focusWorkbench(page: Page): Promise<void> {
  await page.locator('#workbench\\.parts\\.editor').click({ position: { x: 20, y: 200 } });
}

async function openChat(page: Page): Promise<void> {
  await focusWorkbench(page);
  // VS Code's own command for the view; Fude's "Open Chat" is kept out of the palette so there is one.
  await runCommand(page, 'Fude: Focus on Chat View');
  await page.locator('iframe.webview').first().waitFor({ state: 'attached', timeout: 20_000 });
}

/** After a model switch: the header names the new model and the backend is ready. */
async function waitReady(chat: FrameLocator, name: string): Promise<void> {
  await chat
    .locator('header[data-phase="ready"] #model-name', { hasText: new RegExp(`^${name}$`) })
    .waitFor({ timeout: 30_000 });
}

async function typeQuestion(chat: FrameLocator, text: string): Promise<void> {
  const textarea = chat.locator('#input textarea');
  await textarea.click();
  await textarea.fill(text);
}

async function waitFor(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
