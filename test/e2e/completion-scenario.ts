// Drives the real UI: type in a TypeScript file with the generic-fim fixture model configured; the
// first keystrokes start the backend, ghost text appears, Tab accepts it; then typing the start of
// the next suggestion keeps the rest shown, and Tab accepts that too. Screenshots go to
// test-output/e2e/completion/.
import type { Page } from 'playwright-core';
import { CODER_FIM_ANSWER } from '../fixtures/presets.js';
import { writePresetModel } from '../fixtures/preset-files.js';
import { runScenario } from './scenario-runner.js';
import { statusBarItemById } from './ui.js';

/** The editor's visible text, one line per view line (VS Code renders spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  const lines = await page
    .locator('.editor-instance .view-lines .view-line')
    .evaluateAll((els) =>
      els.map((e) => ({ top: parseFloat((e as HTMLElement).style.top || '0'), text: (e as HTMLElement).innerText })),
    );
  return lines
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

async function ghostText(page: Page, timeoutMs: number): Promise<string> {
  const ghost = page
    .locator('.editor-instance .ghost-text-decoration, .editor-instance .ghost-text-decoration-preview')
    .first();
  await ghost.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await ghost.innerText()).replace(/\u00a0/g, ' ');
}

async function expectLine(page: Page, line: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    const text = await editorText(page);
    if (text.split('\n').some((l) => l.trimEnd() === line)) return;
    if (Date.now() - start > 5_000) throw new Error(`the editor has no line ${JSON.stringify(line)}:\n${text}`);
    await page.waitForTimeout(100);
  }
}

runScenario('completion', async ({ say, models, open }) => {
  const modelPath = writePresetModel(models, 'generic-fim').path;
  const ui = await open({
    files: { 'answer.ts': 'export function answer(): number {\n  \n}\n' },
    explorerFile: 'answer.ts',
    settings: {
      'fude.model.path': modelPath,
      'fude.backend.threads': 1,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
    },
  });
  const page = ui.page;
  // Typing before the extension has activated would ask no one.
  await statusBarItemById(page, 'fude.completion').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'answer.ts' }).first().click();
  await page.locator('.editor-instance .view-lines').first().waitFor({ state: 'visible', timeout: 15_000 });
  // Cursor to the empty second line, after its indentation.
  await page.locator('.editor-instance .view-line').nth(1).click();
  await page.keyboard.press('End');
  await ui.shot('file-open');

  await page.keyboard.type('const v = ', { delay: 120 });
  const t0 = Date.now();
  const ghost = await ghostText(page, 90_000);
  say(`ghost text "${ghost}" ${Date.now() - t0} ms after typing (backend started by the first keystrokes)`);
  if (ghost !== CODER_FIM_ANSWER)
    throw new Error(`expected ghost text ${JSON.stringify(CODER_FIM_ANSWER)}, got ${JSON.stringify(ghost)}`);
  await ui.shot('ghost-text');
  say(`completion status: ${(await statusBarItemById(page, 'fude.completion').innerText()).trim()}`);
  await page.keyboard.press('Tab');
  await expectLine(page, `  const v = ${CODER_FIM_ANSWER}`);
  await ui.shot('accepted');

  // Next line: wait for the suggestion, type its start, the rest stays shown; Tab takes it.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('return ', { delay: 120 });
  if ((await ghostText(page, 30_000)) !== CODER_FIM_ANSWER) throw new Error('no suggestion on the next line');
  await page.keyboard.type('/* f', { delay: 150 });
  const rest = await ghostText(page, 5_000);
  say(`after typing "/* f" the ghost text is "${rest}"`);
  if (rest !== 'illed */') throw new Error(`expected the rest of the suggestion, got ${JSON.stringify(rest)}`);
  await ui.shot('typed-ahead');
  await page.keyboard.press('Tab');
  await expectLine(page, `  return ${CODER_FIM_ANSWER}`);
  await ui.shot('accepted-after-type-ahead');
});
