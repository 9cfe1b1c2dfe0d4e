// The terms gate in the real UI: a model named like LLM-jp-3 172B beta1 opens the gate instead of loading;
// Accept stays disabled until the terms were scrolled to the end and both boxes are ticked; accepting loads
// the model. Screenshots go to test-output/e2e/terms/.
import assert from 'node:assert/strict';
import { writePresetModel } from '../fixtures/preset-files.js';
import { runScenario } from './scenario-runner.js';
import { runCommand, statusBarText, webviewFrame } from './ui.js';

runScenario('terms', async ({ say, models, open }) => {
  const modelPath = writePresetModel(models, 'llm-jp-3-172b').path;
  const ui = await open({
    files: { 'notes.md': '# メモ\n' },
    explorerFile: 'notes.md',
    settings: { 'fude.model.path': modelPath, 'fude.backend.threads': 1, 'workbench.colorTheme': 'Default Light Modern' },
  });
  await runCommand(ui.page, 'Fude: Start Backend');
  const gate = webviewFrame(ui.page);
  const accept = gate.locator('#accept');
  await accept.waitFor({ timeout: 30_000 });
  await ui.shot('gate-open');
  assert.equal(await accept.isDisabled(), true, 'Accept is disabled at first');
  assert.match(await gate.locator('h1').innerText(), /LLM-jp-3 172B beta1/);
  assert.ok((await gate.locator('section.lang-ja pre').innerText()).includes('利用規約'), 'the Japanese text is shown');
  assert.ok((await gate.locator('section.lang-en pre').innerText()).includes('Terms of Use'), 'the English text is beside it');

  await gate.locator('#agree').check();
  await gate.locator('#permission').check();
  assert.equal(await accept.isDisabled(), true, 'still disabled before reading to the end');
  await gate.locator('#texts').evaluate((e) => { e.scrollTop = e.scrollHeight; });
  await gate.locator('#permission').uncheck();
  assert.equal(await accept.isDisabled(), true, 'the provider-permission box is required for 172B beta1');
  await gate.locator('#permission').check();
  assert.equal(await accept.isDisabled(), false, 'enabled after reading to the end and ticking both boxes');
  await ui.shot('gate-ready-to-accept');
  await accept.click();

  const text = await statusBarText(ui.page, /llm-jp-3-172b-beta1-instruct · CPU/, { timeoutMs: 60_000 });
  say(`status bar after accepting: ${text}`);
  await ui.shot('model-loaded');
});
