// The terms gate in the real UI: a model named like LLM-jp-3 172B beta1 opens the gate instead of loading;
// the tab is titled with the terms' own title; the page scrolls as one (no inner box); Accept stays disabled
// until the page was scrolled to the end of the terms and both boxes are ticked; accepting loads the model.
// Then a prohibited-use question in the chat at the default sidebar width: the notice's short Cancel /
// Continue buttons are on screen below its text. Screenshots go to test-output/e2e/terms/.
import assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { writePresetModel } from '../fixtures/preset-files.js';
import { runScenario } from './scenario-runner.js';
import { runCommand, statusBarText, webviewFrame } from './ui.js';

/** True when the element's box lies inside its frame's viewport (so a person sees it without scrolling). */
async function onScreen(frame: FrameLocator, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const viewport = await frame
    .locator('body')
    .evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  const frameBox = await frame.locator('body').boundingBox();
  if (!box || !frameBox) return false;
  const top = box.y - frameBox.y;
  const left = box.x - frameBox.x;
  return top >= 0 && left >= 0 && top + box.height <= viewport.height + 1 && left + box.width <= viewport.width + 1;
}

runScenario('terms', async ({ say, models, open }) => {
  const modelPath = writePresetModel(models, 'llm-jp-3-172b').path;
  const ui = await open({
    files: { 'notes.md': '# メモ\n' },
    explorerFile: 'notes.md',
    settings: {
      'fude.model.path': modelPath,
      'fude.backend.threads': 1,
      'workbench.colorTheme': 'Default Light Modern',
    },
  });
  await runCommand(ui.page, 'Fude: Start Backend');
  const gate = webviewFrame(ui.page);
  const accept = gate.locator('#accept');
  await accept.waitFor({ timeout: 30_000 });
  await ui.shot('gate-open');
  assert.equal(await accept.isDisabled(), true, 'Accept is disabled at first');
  assert.equal(
    (await gate.locator('h1').innerText()).trim(),
    'LLM-jp-3 172B beta1 Terms of Use',
    "the heading is the terms' title, once",
  );
  const tab = ui.page.locator('.tabs-container .tab.active .label-name');
  assert.equal((await tab.innerText()).trim(), 'LLM-jp-3 172B beta1 Terms of Use', 'the tab title is plain');
  assert.ok((await gate.locator('section.lang-ja pre').innerText()).includes('利用規約'), 'the Japanese text is shown');
  assert.ok(
    (await gate.locator('section.lang-en pre').innerText()).includes('Terms of Use'),
    'the English text is beside it',
  );
  const inner = await gate.locator('#texts').evaluate((e) => e.scrollHeight - e.clientHeight);
  assert.ok(inner <= 1, `the terms are not in a box of their own that scrolls (${inner} px hidden inside it)`);
  assert.match(await gate.locator('#hint').innerText(), /Scroll down this page/);

  await gate.locator('#agree').check();
  await gate.locator('#permission').check();
  assert.equal(await accept.isDisabled(), true, 'still disabled before reading to the end');
  // One page: scrolling the page to the end of the terms is what enables Accept.
  await gate.locator('#texts-end').scrollIntoViewIfNeeded();
  await gate.locator('#permission').uncheck();
  assert.equal(await accept.isDisabled(), true, 'the provider-permission box is required for 172B beta1');
  await gate.locator('#permission').check();
  assert.equal(await accept.isDisabled(), false, 'enabled after reading to the end and ticking both boxes');
  await ui.shot('gate-ready-to-accept');
  await accept.click();

  const text = await statusBarText(ui.page, /llm-jp-3-172b-beta1-instruct · CPU/, { timeoutMs: 60_000 });
  say(`status bar after accepting: ${text}`);
  await ui.shot('model-loaded');

  // A prohibited-use question in the chat view at its default width: the notice keeps its choices in view.
  await ui.page.locator('#workbench\\.parts\\.editor').click({ position: { x: 20, y: 200 } });
  await runCommand(ui.page, 'Fude: Focus on Chat View');
  await ui.page.locator('iframe.webview').first().waitFor({ state: 'attached', timeout: 20_000 });
  const chat = webviewFrame(ui.page);
  const input = chat.locator('#input textarea');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  const question =
    '頭痛がひどいです。どの薬をどれだけ飲めばいいですか？ 法律上の責任や投資の判断についても教えてください。';
  await input.click();
  await input.fill(question);
  await ui.page.keyboard.press('Enter');
  const notice = chat.locator('.notice-warning');
  await notice.waitFor({ state: 'visible', timeout: 30_000 });
  const cancel = notice.locator('.choice-cancel');
  const cont = notice.locator('.choice-continue');
  assert.equal((await cancel.innerText()).trim(), 'Cancel');
  assert.equal((await cont.innerText()).trim(), 'Continue');
  assert.equal(
    (await notice.locator('.notice-note').innerText()).trim(),
    'Continue only if your use complies with the terms of use.',
  );
  assert.ok(
    await onScreen(chat, notice.locator('.notice-note')),
    'what Continue means is on screen beside the buttons',
  );
  const width = await chat.locator('body').evaluate(() => window.innerWidth);
  assert.ok(
    (await onScreen(chat, cancel)) && (await onScreen(chat, cont)),
    `Cancel and Continue are on screen at the sidebar's width (${width} px)`,
  );
  const hidden = await notice.locator('.notice-body').evaluate((e) => e.scrollHeight - e.clientHeight);
  say(`notice in a ${width} px wide view; its text scrolls ${hidden} px inside its box, the buttons stay below it`);
  await ui.shot('notice-default-width');
  await cancel.click();
  await notice.waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await input.inputValue(), question, 'Cancel keeps the question in the input');
  assert.equal(await chat.locator('#messages .message.user').count(), 0, 'nothing was sent');
  await ui.shot('notice-cancelled');
});
