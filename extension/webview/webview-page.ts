// The vscode side of the shared page: webview options that let it load only the media folder, and the page
// itself with a fresh nonce and the media files as webview URIs.
import * as vscode from 'vscode';
import { makeNonce, pageHtml, type PageOptions } from './page-html.js';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  // Only the media folder: the script bundles (with the toolkit inside), the stylesheets and icons.
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export interface WebviewPage extends Omit<PageOptions, 'cspSource' | 'scriptUri' | 'styleUri' | 'nonce'> {
  /** Path under media/, e.g. ['dist', 'docs.js']. */
  script: string[];
  style: string[];
}

/** Sets the webview's options and its page. */
export function showPage(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): void {
  const media = (path: string[]) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString();
  const { script, style, ...rest } = page;
  webview.options = webviewOptions(extensionUri);
  webview.html = pageHtml({
    ...rest,
    cspSource: webview.cspSource,
    scriptUri: media(script),
    styleUri: media(style),
    nonce: makeNonce(),
  });
}
