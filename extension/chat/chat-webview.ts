// Puts the chat into a webview (the sidebar view or an editor tab) and connects it to the session.
import * as vscode from 'vscode';
import { webviewStrings } from './chat-l10n.js';
import type { ChatSession } from './chat-session.js';
import { showPage, webviewOptions } from '../webview/webview-page.js';

export const CHAT_VIEW_ID = 'fude.chatView';
export const CHAT_PANEL_TYPE = 'fude.chatPanel';

/** Fills the webview and wires it to the session; dispose when the webview goes. */
function connectWebview(
  webview: vscode.Webview,
  host: 'view' | 'panel',
  extensionUri: vscode.Uri,
  session: ChatSession,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  showPage(webview, extensionUri, {
    script: ['dist', 'chat.js'],
    style: ['chat.css'],
    title: 'Fude',
    appClass: 'fude-chat',
    data: { host },
    strings: webviewStrings(),
    lang: vscode.env.language,
  });
  const detach = session.attachView((message) => void webview.postMessage(message));
  const receiving = webview.onDidReceiveMessage((message: unknown) => {
    session.receive(message).catch((error: unknown) => log.error(`chat: ${String(error)}`));
  });
  return {
    dispose: () => {
      detach();
      receiving.dispose();
    },
  };
}

export class ChatViewProvider implements vscode.WebviewViewProvider {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly session: ChatSession,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    const connection = connectWebview(view.webview, 'view', this.extensionUri, this.session, this.log);
    view.onDidDispose(() => {
      connection.dispose();
    });
  }
}

/** The chat as an editor tab: one at a time, brought back after a reload by the serializer. */
export class ChatPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly session: ChatSession,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  open(): void {
    if (this.panel !== undefined) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      CHAT_PANEL_TYPE,
      vscode.l10n.t('Fude Chat'),
      vscode.ViewColumn.Beside,
      {
        ...webviewOptions(this.extensionUri),
        retainContextWhenHidden: true,
      },
    );
    this.adopt(panel);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.adopt(panel);
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'fude.svg');
    const connection = connectWebview(panel.webview, 'panel', this.extensionUri, this.session, this.log);
    panel.onDidDispose(() => {
      connection.dispose();
      if (this.panel === panel) this.panel = undefined;
    });
  }
}
