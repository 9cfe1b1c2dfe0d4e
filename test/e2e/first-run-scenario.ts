// The first minutes of a new user, in the real UI, on the sample workspace with no model chosen: the status
// bar names the demo model and the CPU (nothing that reads as an error); the palette offers what applies
// (no "Ask about Selection" without an editor, no "Resume Inline Completion" when nothing is snoozed, Start
// Backend only while the model is not running); "Fude: Trigger Inline Completion" on the demo model says why
// nothing useful comes; "Fude: Get Started" opens the walkthrough. Screenshots go to test-output/e2e/first-run/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness/repo-paths.js';
import { runScenario } from './scenario-runner.js';
import { runCommand, statusBarItemById } from './ui.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function closePalette(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page
    .locator('.quick-input-widget')
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => {});
}

/** Whether the palette lists the command `title` ("Category: Title") now. */
async function offered(page: Page, title: string): Promise<boolean> {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.type(title);
  await page.waitForTimeout(700);
  const exact = new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`);
  const count = await widget.locator('.quick-input-list .monaco-list-row .label-name', { hasText: exact }).count();
  await closePalette(page);
  return count > 0;
}

/** Opens the palette on "Fude: " for a screenshot of what it offers; closePalette closes it. */
async function showPalette(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.type('Fude: ');
  await page.waitForTimeout(700);
}

async function expectOffered(page: Page, offeredNow: string[], notNow: string[], when: string): Promise<void> {
  for (const title of offeredNow) assert.ok(await offered(page, title), `"${title}" is offered ${when}`);
  for (const title of notNow) assert.ok(!(await offered(page, title)), `"${title}" is not offered ${when}`);
}

runScenario('first-run', async ({ say, open }) => {
  const samples = join(repoRoot, 'samples', 'workspace');
  const files = Object.fromEntries(
    readdirSync(samples).map((name) => [name, readFileSync(join(samples, name), 'utf8')]),
  );
  const ui = await open({ files, explorerFile: 'greeting.ts', settings: { 'fude.backend.threads': 1 } });
  const page = ui.page;

  // 1. Before anything starts: the model and where it runs, nothing that reads as an error.
  const item = statusBarItemById(page, 'fude.status');
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  const idle = (await item.innerText()).trim();
  say(`status bar before the first start: ${idle}`);
  assert.equal(idle, 'Fude: demo model · CPU');
  const completion = statusBarItemById(page, 'fude.completion');
  assert.equal((await completion.innerText()).trim(), 'Completion: off (demo model)');
  for (const fude of [item, completion])
    assert.equal(
      await fude.locator('.codicon-circle-slash, .codicon-error').count(),
      0,
      "no slash or error icon on Fude's items",
    );
  await ui.shot('idle-status-bar');

  // 2. The palette with no editor open: nothing that needs an editor, no Resume, Start but not Stop.
  await showPalette(page);
  await ui.shot('palette-no-editor');
  await closePalette(page);
  await expectOffered(
    page,
    ['Fude: Start Backend', 'Fude: Get Started', 'Fude: Snooze Inline Completion…', 'Fude: Focus on Chat View'],
    [
      'Fude: Ask about Selection',
      'Fude: Resume Inline Completion',
      'Fude: Stop Backend',
      'Fude: Restart Backend',
      'Fude: Open Chat',
      'Fude: Revoke Acceptance of Terms of Use…',
    ],
    'with no editor open and the model not started',
  );
  say('palette with no editor: Start, no Stop, no Resume, no Ask about Selection, one way to the chat');

  // 3. With greeting.ts open, the editor actions come; triggering a completion on the demo model says why nothing comes.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'greeting.ts' }).first().click();
  await page.locator('.editor-instance .view-line', { hasText: 'return `やあ' }).first().click();
  await page.keyboard.press('End');
  await expectOffered(
    page,
    ['Fude: Ask about Selection', 'Fude: Trigger Inline Completion'],
    [],
    'with an editor open',
  );
  await runCommand(page, 'Fude: Trigger Inline Completion');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'demo model' });
  await toast.waitFor({ state: 'visible', timeout: 30_000 });
  const said = (await toast.innerText()).replace(/\s+/g, ' ');
  say(`trigger on the demo model: ${said}`);
  assert.match(said, /no model is chosen, so inline completion asks the demo model/);
  assert.ok(
    (await toast.locator('.monaco-button', { hasText: 'Choose Model' }).count()) > 0,
    'with a Choose Model button',
  );
  await ui.shot('demo-trigger-explains');

  // 4. The trigger started the backend: the palette now offers Stop and Restart, not Start.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('#workbench\\.parts\\.statusbar .statusbar-item')].some(
        (e) => /Fude: demo model · CPU/.test((e as HTMLElement).innerText) && e.querySelector('.codicon-beaker'),
      ),
    undefined,
    { timeout: 120_000 },
  );
  await ui.shot('ready-status-bar');
  await expectOffered(
    page,
    ['Fude: Stop Backend', 'Fude: Restart Backend'],
    ['Fude: Start Backend'],
    'while the model runs',
  );
  await showPalette(page);
  await ui.shot('palette-running');
  await closePalette(page);

  // 5. The walkthrough, from the palette.
  await runCommand(page, 'Fude: Get Started');
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.waitFor({ state: 'visible', timeout: 30_000 });
  // Fude's own walkthrough is the one shown, not VS Code's first one ("Setup VS Code Web").
  await walkthrough
    .locator('h2.category-title', { hasText: 'Get Started with Fude' })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  for (const title of [
    'Choose a model',
    'Read and accept its terms of use',
    'Ask your first question',
    'Your first inline completion',
    'Your first Japanese doc comment',
  ]) {
    await walkthrough
      .locator('.getting-started-step', { hasText: title })
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 });
  }
  // The step's markdown is drawn in a webview of its own beside the steps.
  await walkthrough
    .locator('.getting-started-media iframe, .getting-started-media .markdown')
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForTimeout(2_000);
  await ui.shot('walkthrough');
  say('walkthrough open with its five steps');
});
