// The terms gate: a webview that shows the model's terms and records acceptance only after the person has
// scrolled to the end and ticked what applies. Declining leaves the model unloaded.
import * as vscode from 'vscode';
import type { TermsSet } from '../../common/terms/types.js';
import type { TermsAcceptanceStore } from './acceptance-store.js';
import { parseGateMessage, type GateMessage } from './gate-messages.js';
import { gateLinkOpener } from './gate-links.js';
import { gateView } from './gate-view.js';
import { vscodeLinkPrompt } from '../vscode/link-prompt.js';
import { showPage, webviewOptions } from '../webview/webview-page.js';

export type GateOutcome = 'accepted' | 'declined' | 'closed';

/** The open gate, so the in-editor tests can answer it through the same validated path as the webview. */
export interface OpenGate {
  termsId: string;
  panel: vscode.WebviewPanel;
  handle(message: unknown): Promise<void>;
}

let current: OpenGate | undefined;
export function currentGate(): OpenGate | undefined {
  return current;
}

function strings(): Record<string, string> {
  return {
    intro: vscode.l10n.t(
      'This model comes with terms of use. Read them to the end; Fude loads the model only after you accept them.',
    ),
    showBoth: vscode.l10n.t('Side by side'),
    showJa: vscode.l10n.t('日本語 (authoritative)'),
    showEn: vscode.l10n.t('English (reference)'),
    authoritative: vscode.l10n.t('Authoritative text'),
    reference: vscode.l10n.t('Reference translation'),
    unofficial: vscode.l10n.t('Unofficial rendering (not the official text)'),
    noAuthoritative: vscode.l10n.t(
      'Fude does not hold the official text of these terms. Read the official Japanese and English texts at the links below before accepting.',
    ),
    prohibitedHeading: vscode.l10n.t('Prohibited uses'),
    accuracyHeading: vscode.l10n.t('About the output'),
    linksHeading: vscode.l10n.t('Official sources'),
    agree: vscode.l10n.t('I have read these terms and agree to them.'),
    permission: vscode.l10n.t('I have obtained individual permission from the provider to use this model.'),
    scrollHint: vscode.l10n.t('Scroll down this page to the end of the terms to enable Accept.'),
    accept: vscode.l10n.t('Accept and load the model'),
    decline: vscode.l10n.t('Decline'),
  };
}

export function openTermsGate(
  context: vscode.ExtensionContext,
  terms: TermsSet,
  store: TermsAcceptanceStore,
): Promise<GateOutcome> {
  current?.panel.dispose();
  const lang = vscode.env.language.startsWith('ja') ? 'ja' : 'en';
  // The terms' own title is the tab's title: it already says what the tab holds.
  const panel = vscode.window.createWebviewPanel(
    'fude.termsGate',
    terms.title[lang],
    vscode.ViewColumn.Active,
    webviewOptions(context.extensionUri),
  );
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'fude.svg');
  showPage(panel.webview, context.extensionUri, {
    script: ['dist', 'terms.js'],
    style: ['terms.css'],
    title: terms.title[lang],
    lang,
  });
  const openLink = gateLinkOpener(
    terms,
    vscodeLinkPrompt(vscode.l10n.t('Open a link from the terms of use?'), (url) =>
      vscode.l10n.t('{0}\n\nThis opens the page in your browser, outside VS Code.', url),
    ),
  );
  return new Promise<GateOutcome>((resolve) => {
    let settled = false;
    const finish = (o: GateOutcome) => {
      if (settled) return;
      settled = true;
      resolve(o);
      panel.dispose();
    };
    const handle = async (raw: unknown): Promise<void> => {
      const m: GateMessage | undefined = parseGateMessage(raw);
      if (!m) return;
      if (m.type === 'ready') await panel.webview.postMessage({ type: 'show', view: gateView(terms, lang, strings()) });
      else if (m.type === 'openLink') await openLink(m.url);
      else if (m.type === 'decline') finish('declined');
      else if (m.type === 'accept') {
        // The webview enforces this too; the extension does not trust it.
        if (!m.readToEnd || (terms.requiresIndividualPermission && !m.permissionConfirmed)) return;
        await store.accept(terms.id, m.permissionConfirmed);
        finish('accepted');
      }
    };
    current = { termsId: terms.id, panel, handle };
    panel.webview.onDidReceiveMessage(handle);
    panel.onDidDispose(() => {
      if (current?.panel === panel) current = undefined;
      finish('closed');
    });
  });
}
