// The request guard in the editor: notices as VS Code dialogs (or inside the chat panel), the mode from
// the settings, the display language; and the chat's beforeSend over it.
import * as vscode from 'vscode';
import type { BeforeSend } from '../chat/before-send.js';
import type { ModelStatusView } from '../engine/model-status.js';
import { NoticeFlow, type NoticeMode } from '../terms/notice-flow.js';
import { RequestGuard } from './request-guard.js';

export function displayLang(): 'ja' | 'en' {
  return vscode.env.language.startsWith('ja') ? 'ja' : 'en';
}

/** The sentence the short Continue button stands for, shown with every prohibited-use question. */
function continueMeans(): string {
  return vscode.l10n.t('Continue only if your use complies with the terms of use.');
}

export function createRequestGuard(deps: {
  status: ModelStatusView;
  termsAccepted: (termsId: string) => boolean;
  log: vscode.LogOutputChannel;
}): RequestGuard {
  const notices = new NoticeFlow(
    {
      async confirm(message) {
        const cont = vscode.l10n.t('Continue');
        // The modal dialog adds its own Cancel.
        const pick = await vscode.window.showWarningMessage(message, { modal: true, detail: continueMeans() }, cont);
        return pick === cont ? 'continue' : 'cancel';
      },
      notify: (message) => void vscode.window.showInformationMessage(message),
      blocked: (message) =>
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Fude did not send this request (fude.notices.mode is "block"). {0}', message),
        ),
    },
    () => vscode.workspace.getConfiguration('fude').get<NoticeMode>('notices.mode', 'confirm'),
    displayLang,
  );
  return new RequestGuard({
    status: deps.status,
    termsAccepted: deps.termsAccepted,
    notices,
    log: (line) => deps.log.info(line),
  });
}

/** The chat's hook: the guard over the question and its attachments, asking inside the chat panel. */
export function chatBeforeSend(guard: RequestGuard): BeforeSend {
  return async (outgoing, _kind, ctx) => {
    const verdict = await guard.check(
      { feature: 'chat', session: ctx.conversationId ?? 'new-chat', ...outgoing },
      {
        confirm: async (message) => {
          const choices = [
            { id: 'cancel', label: vscode.l10n.t('Cancel') },
            { id: 'continue', label: vscode.l10n.t('Continue') },
          ];
          const picked = await ctx.panel.ask(message, choices, 'warning', continueMeans());
          return picked === 'continue' ? 'continue' : 'cancel';
        },
        // A borderline verdict: a quiet note in the panel with the article, and the question goes on.
        note: (message) => void ctx.panel.ask(message, [{ id: 'ok', label: vscode.l10n.t('OK') }], 'info'),
      },
    );
    return verdict.send;
  };
}
