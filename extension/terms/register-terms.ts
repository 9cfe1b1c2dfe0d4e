// The terms feature in the editor: the gate before a model with unaccepted terms loads, the commands to
// read and revoke acceptance, and the prohibited-use notice flow other features call before sending.
import * as vscode from 'vscode';
import { getTerms, listTerms } from '../../backend/terms/index.js';
import type { BeforeSend } from '../chat/before-send.js';
import type { FudeCore } from '../core.js';
import { openTermsGate, type GateOutcome } from './gate-panel.js';
import { termsIdFromRefusal } from './gate-view.js';
import { NoticeFlow, type NoticeMode } from './notice-flow.js';

let flow: NoticeFlow | undefined;

/** The notice flow (set once the terms feature is registered). */
export function noticeFlow(): NoticeFlow | undefined {
  return flow;
}

function displayLang(): 'ja' | 'en' {
  return vscode.env.language.startsWith('ja') ? 'ja' : 'en';
}

/**
 * The chat's beforeSend: the model must be known to know its terms, so it is started first (starting it
 * sends no request); then the notice flow decides, asking inside the chat panel.
 */
export function chatBeforeSend(core: FudeCore): BeforeSend {
  return async (text, _kind, ctx) => {
    const f = flow;
    if (!f) return true;
    if (!(await core.ensureReady())) return false;
    const s = core.service.supervisor.current;
    const termsId = s.kind === 'ready' ? s.ready.model.termsId : null;
    const cont = vscode.l10n.t('Continue: my use complies with the terms');
    const decision = await f.check(text, termsId, ctx.conversationId ?? 'new-chat', async (message) => {
      const picked = await ctx.panel.ask(message, [{ id: 'cancel', label: vscode.l10n.t('Cancel') }, { id: 'continue', label: cont }], 'warning');
      return picked === 'continue' ? 'continue' : 'cancel';
    });
    if (decision.notice) core.log.info(`prohibited-use notice (${decision.categories.join(', ')}): ${decision.send ? 'sent' : 'not sent'}`);
    return decision.send;
  };
}

export function registerTerms(core: FudeCore): vscode.Disposable[] {
  const { supervisor } = core.service;
  const cont = vscode.l10n.t('Continue: my use complies with the terms');
  flow = new NoticeFlow({
    async confirm(message) {
      const pick = await vscode.window.showWarningMessage(message, { modal: true }, cont);
      return pick === cont ? 'continue' : 'cancel';
    },
    notify: (message) => void vscode.window.showInformationMessage(message),
    blocked: (message) => void vscode.window.showErrorMessage(vscode.l10n.t('Fude did not send this request (fude.notices.mode is "block"). {0}', message)),
  }, () => vscode.workspace.getConfiguration('fude').get<NoticeMode>('notices.mode', 'confirm'), displayLang);

  /** The terms of the model in use: the loaded one, or the one whose terms stopped it from loading. */
  const currentTermsId = (): string | undefined => {
    const s = supervisor.current;
    if (s.kind === 'ready') return s.ready.model.termsId ?? undefined;
    if (s.kind === 'failed' && s.failure.code === 'terms_not_accepted') return termsIdFromRefusal(s.failure.message);
    return undefined;
  };

  const gate = async (id: string): Promise<GateOutcome | undefined> => {
    const terms = getTerms(id);
    if (!terms) return undefined;
    const outcome = await openTermsGate(core.context, terms, core.terms);
    core.log.info(`terms ${id}: ${outcome}`);
    if (outcome === 'accepted') {
      await vscode.commands.executeCommand('fude.restartBackend');
    } else if (supervisor.current.kind !== 'ready' || supervisor.current.ready.model.termsId !== id) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Fude: the model was not loaded because its terms of use were not accepted. Run "Fude: Show Terms of Use" to read and accept them later.'));
    }
    return outcome;
  };

  return [
    vscode.commands.registerCommand('fude.showTerms', async (id?: string) => {
      const target = typeof id === 'string' ? id : currentTermsId();
      if (target) return gate(target);
      const pick = await vscode.window.showQuickPick(listTerms().map((t) => ({ label: t.title[displayLang()], description: core.terms.current(t.id) ? vscode.l10n.t('accepted') : '', id: t.id })), {
        placeHolder: vscode.l10n.t('The current model has no terms of use in Fude\'s registry. Which terms do you want to read?'),
      });
      return pick ? gate(pick.id) : undefined;
    }),
    vscode.commands.registerCommand('fude.revokeTerms', async () => {
      const accepted = core.terms.acceptedIds();
      if (accepted.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Fude: you have not accepted any terms of use.'));
        return;
      }
      const pick = await vscode.window.showQuickPick(accepted.map((id) => ({ label: getTerms(id)?.title[displayLang()] ?? id, id })), { placeHolder: vscode.l10n.t('Revoke your acceptance of which terms?') });
      if (!pick) return;
      await core.terms.revoke(pick.id);
      core.log.info(`terms ${pick.id}: acceptance revoked`);
      // A model under those terms must not keep running.
      const s = supervisor.current;
      if (s.kind === 'ready' && s.ready.model.termsId === pick.id) await core.service.stop();
      void vscode.window.showInformationMessage(vscode.l10n.t('Fude: acceptance of "{0}" was revoked.', pick.label));
    }),
    { dispose: supervisor.onState((s) => {
      if (s.kind !== 'failed' || s.failure.code !== 'terms_not_accepted') return;
      const id = termsIdFromRefusal(s.failure.message);
      if (id) void gate(id);
    }) },
  ];
}
