// The terms feature in the editor: the gate before a model with unaccepted terms loads, and the commands
// to read and revoke acceptance. The terms in question come from ModelStatus (the backend names them in
// its typed events); nothing here parses a message.
import * as vscode from 'vscode';
import { getTerms, listTerms } from '../../common/terms/index.js';
import type { Engine } from '../engine/engine.js';
import { termsIdOf, type ModelStatusView } from '../engine/model-status.js';
import { displayLang } from '../guard/vscode-guard.js';
import type { TermsAcceptanceStore } from './acceptance-store.js';
import { openTermsGate, type GateOutcome } from './gate-panel.js';

export interface TermsDeps {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  status: ModelStatusView;
  engine: Pick<Engine, 'restart' | 'stop'>;
  terms: TermsAcceptanceStore;
}

export function registerTerms(deps: TermsDeps): vscode.Disposable[] {
  const { status, terms, log } = deps;
  let lastRefusal: unknown;
  // The palette offers "Revoke Acceptance…" only when there is one to revoke (package.json "when" clause).
  const updateContext = () =>
    void vscode.commands.executeCommand('setContext', 'fude.terms.anyAccepted', terms.acceptedIds().length > 0);
  updateContext();

  const gate = async (id: string): Promise<GateOutcome | undefined> => {
    const set = getTerms(id);
    if (!set) return undefined;
    const outcome = await openTermsGate(deps.context, set, terms);
    log.info(`terms ${id}: ${outcome}`);
    updateContext();
    if (outcome === 'accepted') {
      await vscode.commands.executeCommand('fude.restartBackend');
    } else if (status.current.model?.termsId !== id) {
      const show = vscode.l10n.t('Show Terms');
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t(
            'Fude: the model was not loaded because its terms of use were not accepted. Run "Fude: Show Terms of Use" to read and accept them later.',
          ),
          show,
        )
        .then((picked) => (picked === show ? vscode.commands.executeCommand('fude.showTerms', id) : undefined));
    }
    return outcome;
  };

  return [
    vscode.commands.registerCommand('fude.showTerms', async (id?: string) => {
      const target = typeof id === 'string' ? id : termsIdOf(status.current);
      if (target) return gate(target);
      const pick = await vscode.window.showQuickPick(
        listTerms().map((t) => ({
          label: t.title[displayLang()],
          description: terms.current(t.id) ? vscode.l10n.t('accepted') : '',
          id: t.id,
        })),
        {
          placeHolder: vscode.l10n.t(
            "The current model has no terms of use in Fude's registry. Which terms do you want to read?",
          ),
        },
      );
      return pick ? gate(pick.id) : undefined;
    }),
    vscode.commands.registerCommand('fude.revokeTerms', async () => {
      const accepted = terms.acceptedIds();
      if (accepted.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Fude: you have not accepted any terms of use.'));
        return;
      }
      const pick = await vscode.window.showQuickPick(
        accepted.map((id) => ({ label: getTerms(id)?.title[displayLang()] ?? id, id })),
        { placeHolder: vscode.l10n.t('Revoke your acceptance of which terms?') },
      );
      if (!pick) return;
      await terms.revoke(pick.id);
      log.info(`terms ${pick.id}: acceptance revoked`);
      updateContext();
      // A model under those terms must not keep running.
      if (status.current.model?.termsId === pick.id) await deps.engine.stop();
      void vscode.window.showInformationMessage(vscode.l10n.t('Fude: acceptance of "{0}" was revoked.', pick.label));
    }),
    {
      dispose: status.onDidChange((s) => {
        // Each refusal opens the gate once (the state is published again for unrelated changes).
        if (s.phase !== 'failed' || s.failure?.code !== 'terms_not_accepted' || s.failure === lastRefusal) return;
        lastRefusal = s.failure;
        const id = s.failure.params.termsId;
        if (id) void gate(id);
      }),
    },
  ];
}
