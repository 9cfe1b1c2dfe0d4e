// Runs last (see index.ts): it deactivates the extension.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from './helpers.js';
import { backendPids, fudeApi, alive, until, waitForState } from './helpers.js';

describe('Fude shutdown (in a real VS Code)', () => {
  let api: TestApi;
  let extensionPath: string;
  before(async () => {
    api = await fudeApi();
    extensionPath = vscode.extensions.getExtension('fude.fude')!.extensionPath;
  });

  it('stops the backend on the stop command, and leaves no process after deactivation', async () => {
    await vscode.commands.executeCommand('fude.stopBackend');
    assert.equal(api.state().phase, 'stopped');
    await until(() => backendPids(extensionPath).length === 0, 10_000, 'no backend process after stop');
    await vscode.commands.executeCommand('fude.startBackend');
    await waitForState(api, (x) => x.phase === 'ready');
    const pid = api.backendPid()!;
    // Deactivate the way VS Code does on shutdown: the module's deactivate().
    // The suite is bundled to CommonJS: require() reaches the module instance VS Code loaded, as deactivate would.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const main = require(join(extensionPath, 'dist', 'extension.cjs')) as { deactivate(): Promise<void> };
    await main.deactivate();
    await until(() => !alive(pid), 10_000, 'backend exits on deactivate');
    assert.deepEqual(backendPids(extensionPath), []);
  });
});
