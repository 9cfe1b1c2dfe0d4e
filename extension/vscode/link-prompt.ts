// The modal question before a link opens outside VS Code, worded for where the link came from.
import * as vscode from 'vscode';
import type { LinkPrompt } from './confirmed-link.js';

export function vscodeLinkPrompt(question: string, detail: (url: string) => string): LinkPrompt {
  return {
    async confirm(url) {
      const open = vscode.l10n.t('Open Link');
      return (await vscode.window.showWarningMessage(question, { modal: true, detail: detail(url) }, open)) === open;
    },
    async open(url) {
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    },
  };
}
