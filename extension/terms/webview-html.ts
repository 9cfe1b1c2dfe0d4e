// The HTML shell of the terms gate and the documentation panel: the same strict Content-Security-Policy as
// the chat (only our own nonce'd script and our stylesheet, nothing remote), the script from media/.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../webview/markdown/escape.js';
import { contentSecurityPolicy } from '../chat/webview-html.js';

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, opts: { script: string; style: string; title: string; lang: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (p: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', p)).toString();
  return `<!DOCTYPE html>
<html lang="${escapeHtml(opts.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(opts.title)}</title>
<link rel="stylesheet" href="${escapeHtml(media(opts.style))}">
</head>
<body>
<div id="app"></div>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(media(opts.script))}"></script>
</body>
</html>`;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')], retainContextWhenHidden: false };
}
