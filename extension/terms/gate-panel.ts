// The terms gate: a webview that shows the model's terms and records acceptance only after the person has
// scrolled to the end and ticked what applies. Declining leaves the model unloaded.
import * as vscode from 'vscode';
import type { TermsSet } from '../../backend/terms/types.js';
import type { TermsAcceptanceStore } from './acceptance-store.js';
import { parseGateMessage, type GateMessage } from './gate-messages.js';
import { gateView } from './gate-view.js';
import { webviewHtml, webviewOptions } from './webview-html.js';

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
  const t = vscode.l10n.t;
  return {
    heading: t('Terms of use'),
    intro: t('This model comes with terms of use. Read them to the end; Fude loads the model only after you accept them.'),
    showBoth: t('Side by side'),
    showJa: t('日本語 (authoritative)'),
    showEn: t('English (reference)'),
    authoritative: t('Authoritative text'),
    reference: t('Reference translation'),
    unofficial: t('Unofficial rendering (not the official text)'),
    noAuthoritative: t('Fude does not hold the official text of these terms. Read the official Japanese and English texts at the links below before accepting.'),
    prohibitedHeading: t('Prohibited uses'),
    accuracyHeading: t('About the output'),
    linksHeading: t('Official sources'),
    agree: t('I have read these terms and agree to them.'),
    permission: t('I have obtained individual permission from the provider to use this model.'),
    scrollHint: t('Scroll to the end of the terms to enable Accept.'),
    accept: t('Accept and load the model'),
    decline: t('Decline'),
  };
}

export function openTermsGate(context: vscode.ExtensionContext, terms: TermsSet, store: TermsAcceptanceStore): Promise<GateOutcome> {
  current?.panel.dispose();
  const lang = vscode.env.language.startsWith('ja') ? 'ja' : 'en';
  const panel = vscode.window.createWebviewPanel('fude.termsGate', vscode.l10n.t('Fude: Terms of Use — {0}', terms.title[lang]), vscode.ViewColumn.Active, webviewOptions(context.extensionUri));
  panel.webview.html = webviewHtml(panel.webview, context.extensionUri, { script: 'dist/terms.js', style: 'terms.css', title: terms.title[lang], lang });
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
      else if (m.type === 'openLink') await vscode.env.openExternal(vscode.Uri.parse(m.url));
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
