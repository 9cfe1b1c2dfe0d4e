const assert = require('assert/strict');
const vscode = require('vscode');

describe('harness selftest (inside the extension host)', () => {
  it('runs in a real VS Code 1.100 extension host', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    console.log(`vscode.version=${vscode.version} appName=${vscode.env.appName} uiKind=${vscode.env.uiKind}`);
  });

  it('sees the environment passed to the extension host', () => {
    assert.equal(process.env.FUDE_SELFTEST_MARK, 'marked');
  });

  it('sees the user settings written before start', () => {
    assert.equal(vscode.workspace.getConfiguration('fudeSelftest').get('greeting'), 'from-settings');
  });

  it('opened the workspace folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0].uri.scheme, 'file');
  });

  it('loaded the extension under development and runs its command', async () => {
    const ext = vscode.extensions.getExtension('fude-harness.fude-harness-selftest');
    assert.ok(ext, 'extension not found');
    await ext.activate();
    assert.equal(await vscode.commands.executeCommand('fudeSelftest.hello'), 'from-settings');
  });
});
