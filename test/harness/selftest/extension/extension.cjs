// Throwaway extension for the harness self-test: a status bar item, two commands, a webview.
const vscode = require('vscode');

exports.activate = function activate(context) {
  const item = vscode.window.createStatusBarItem('fudeSelftest.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Fude Selftest';
  item.text = 'Selftest: idle';
  item.tooltip = 'Fude selftest status';
  item.show();
  context.subscriptions.push(
    item,
    vscode.commands.registerCommand('fudeSelftest.hello', () => {
      const greeting = vscode.workspace.getConfiguration('fudeSelftest').get('greeting');
      item.text = `Selftest: ${greeting}`;
      return greeting;
    }),
    vscode.commands.registerCommand('fudeSelftest.webview', () => {
      const panel = vscode.window.createWebviewPanel('fudeSelftest', 'Selftest Webview', vscode.ViewColumn.One, {});
      panel.webview.html = '<!DOCTYPE html><html><body><h1 id="title">Selftest webview says hi</h1></body></html>';
      return true;
    }),
  );
};

exports.deactivate = function deactivate() {};
