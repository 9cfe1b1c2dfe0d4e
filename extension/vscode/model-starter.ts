// Starting the model for a feature that needs it: a progress notification while it starts and loads
// (with the stage and the share loaded), and each failure shown once with the button that fixes it.
import * as vscode from 'vscode';
import type { Engine } from '../engine/engine.js';
import type { ModelFailure, ModelState, ModelStatusView } from '../engine/model-status.js';
import { showFailure } from './failure-notice.js';

export class ModelStarter {
  private shown: ModelFailure | undefined;

  constructor(
    private readonly engine: Pick<Engine, 'start'>,
    private readonly status: ModelStatusView,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Shows a failure unless it was shown already. Terms refusals open the terms gate instead (extension/terms). */
  showOnce(failure: ModelFailure): void {
    if (failure === this.shown) return;
    this.shown = failure;
    if (failure.code !== 'terms_not_accepted') void showFailure(failure, this.status.current.configuredName);
  }

  /** A start that failed without a failure in the status (a bug, or the engine went away): say so, log the cause. */
  showUnexpected(e: unknown): void {
    this.log(`the model could not be started: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window
      .showErrorMessage(
        vscode.l10n.t('Fude: the model could not be started. The log has the details.'),
        vscode.l10n.t('Show Log'),
      )
      .then((picked) => {
        if (picked !== undefined) void vscode.commands.executeCommand('fude.showLog');
      });
  }

  /** Starts the model if needed; false (after saying why) when it cannot. */
  ensureReady = async (): Promise<boolean> => {
    if (this.status.current.phase === 'ready') return true;
    try {
      await this.withProgress(() => this.engine.start());
      return true;
    } catch (e) {
      const failure = this.status.current.failure;
      if (failure) this.showOnce(failure);
      else this.showUnexpected(e);
      return false;
    }
  };

  withProgress<T>(work: () => Promise<T>): Thenable<T> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Fude'), cancellable: false },
      async (progress) => {
        let reported = 0;
        const report = (s: ModelState) => {
          if (s.phase === 'starting') {
            progress.report({
              message:
                s.engine === 'openai'
                  ? vscode.l10n.t('Connecting to {0}…', s.server ?? '-')
                  : vscode.l10n.t('starting the backend…'),
            });
          }
          if (s.phase === 'loading' && s.loading) {
            const share = s.loading.progress === undefined ? undefined : Math.round(s.loading.progress * 100);
            // withProgress takes increments; the bar shows the loaded share of the weights.
            const increment = share === undefined ? undefined : Math.max(0, share - reported);
            if (share !== undefined) reported = Math.max(reported, share);
            progress.report({ message: vscode.l10n.t('loading {0}…', s.loading.name), increment });
          }
        };
        report(this.status.current);
        const off = this.status.onDidChange(report);
        try {
          return await work();
        } finally {
          off();
        }
      },
    );
  }
}
