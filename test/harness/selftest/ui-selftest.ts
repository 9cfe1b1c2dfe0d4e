// UI self-test of test/e2e/ui.ts against the throwaway extension in this folder:
//   node out/test/harness/selftest/ui-selftest.js
// Opens the workbench, runs two commands from the palette, reads the status bar and a webview.
import assert from 'node:assert/strict';
import path from 'node:path';
import { openWorkbench, runCommand, statusBarText, statusBarItemById, webviewFrame } from '../../e2e/ui.js';
import { repoRoot } from '../repo-paths.js';

const selftestDir = path.join(repoRoot, 'test', 'harness', 'selftest');
const extensionDir = path.join(selftestDir, 'extension');

async function main(): Promise<void> {
  const t0 = Date.now();
  const ui = await openWorkbench({
    name: 'harness-selftest',
    workspace: path.join(selftestDir, 'workspace'),
    extensionDir,
    settings: { 'fudeSelftest.greeting': 'from-ui-settings' },
    explorerFile: 'hello.txt',
  });
  const tReady = Date.now();
  try {
    await ui.shot('workbench-ready');
    assert.equal(await statusBarText(ui.page, 'Selftest: idle'), 'Selftest: idle');
    await runCommand(ui.page, 'Fude Selftest: Say Hello');
    assert.equal(await statusBarText(ui.page, /Selftest: from-ui-settings/), 'Selftest: from-ui-settings');
    assert.equal(await statusBarItemById(ui.page, 'fudeSelftest.status').count(), 1);
    await ui.shot('after-hello');
    await runCommand(ui.page, 'Fude Selftest: Open Webview');
    const title = webviewFrame(ui.page).locator('#title');
    await title.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await title.innerText(), 'Selftest webview says hi');
    await ui.shot('webview');
    console.log(`[ui-selftest] PASSED: workbench ready ${tReady - t0} ms, scenario ${Date.now() - tReady} ms`);
  } catch (e) {
    await ui.shot('failure').catch(() => '');
    throw e;
  } finally {
    await ui.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`[ui-selftest] FAILED: ${(e as Error).stack ?? (e as Error).message}`);
    process.exit(1);
  },
);
