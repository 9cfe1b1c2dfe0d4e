// The documentation panel: one webview panel beside the editor, with the strict CSP shell every Fude
// webview uses. Messages from it are validated before anything acts on them.
import * as vscode from 'vscode';
import { showPage, webviewOptions } from '../webview/webview-page.js';
import { parseWebviewMessage, type ExtensionMessage, type WebviewMessage } from './panel-messages.js';

const DOCS_PANEL_TYPE = 'fude.docs';

/** Everything the webview shows, in the display language. */
export function panelStrings(): Record<string, string> {
  return {
    title: vscode.l10n.t('Fude: Japanese Documentation'),
    target: vscode.l10n.t('Target'),
    noTarget: vscode.l10n.t('Select code or place the cursor in a function, class or method, then choose an action.'),
    politeness: vscode.l10n.t('Style'),
    desuMasu: vscode.l10n.t('Polite (です/ます)'),
    deAru: vscode.l10n.t('Plain (である)'),
    length: vscode.l10n.t('Length'),
    oneLine: vscode.l10n.t('One line'),
    short: vscode.l10n.t('Short'),
    detailed: vscode.l10n.t('Detailed'),
    docComment: vscode.l10n.t('Doc comment'),
    explain: vscode.l10n.t('Explain'),
    translateToJa: vscode.l10n.t('Comments → Japanese'),
    translateToEn: vscode.l10n.t('Comments → English'),
    readme: vscode.l10n.t('README section'),
    api: vscode.l10n.t('API description'),
    stop: vscode.l10n.t('Stop'),
    insert: vscode.l10n.t('Insert'),
    replace: vscode.l10n.t('Replace existing'),
    translateExisting: vscode.l10n.t('Translate existing'),
    existing: vscode.l10n.t(
      'This declaration already has a doc comment: replace it, translate it, or insert the new one above it.',
    ),
    apply: vscode.l10n.t('Apply to selection'),
    openDraft: vscode.l10n.t('Open in editor'),
    working: vscode.l10n.t('Writing…'),
    editHint: vscode.l10n.t('Edit the comment here before inserting it.'),
    outputNotice: vscode.l10n.t('Model output may be wrong: check it before use.'),
    inserted: vscode.l10n.t('Inserted in the editor. Undo removes it in one step.'),
  };
}

export class DocsPanel {
  private static current: DocsPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly queue: ExtensionMessage[] = [];

  private constructor(
    readonly panel: vscode.WebviewPanel,
    onMessage: (m: WebviewMessage) => void,
    onClose: () => void,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = parseWebviewMessage(raw);
        if (!m) return;
        if (m.type === 'ready') {
          this.ready = true;
          for (const q of this.queue.splice(0)) void panel.webview.postMessage(q);
        }
        onMessage(m);
      }),
      panel.onDidDispose(() => {
        DocsPanel.current = undefined;
        for (const d of this.disposables) d.dispose();
        onClose();
      }),
    );
  }

  /** The panel, opened beside the editor (keeping the editor focused) if it is not open yet. */
  static show(
    context: vscode.ExtensionContext,
    onMessage: (m: WebviewMessage) => void,
    onClose: () => void,
  ): DocsPanel {
    if (DocsPanel.current) {
      DocsPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return DocsPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      DOCS_PANEL_TYPE,
      vscode.l10n.t('Fude: Japanese Documentation'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(context.extensionUri),
    );
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'fude.svg');
    showPage(panel.webview, context.extensionUri, {
      script: ['dist', 'docs.js'],
      style: ['docs.css'],
      title: vscode.l10n.t('Fude: Japanese Documentation'),
      appClass: 'fude-docs',
      lang: vscode.env.language.startsWith('ja') ? 'ja' : 'en',
    });
    DocsPanel.current = new DocsPanel(panel, onMessage, onClose);
    return DocsPanel.current;
  }

  static get open(): DocsPanel | undefined {
    return DocsPanel.current;
  }

  /** Sends now if the webview is listening, else once it says it is ready. */
  post(message: ExtensionMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  dispose(): void {
    this.panel.dispose();
  }
}
