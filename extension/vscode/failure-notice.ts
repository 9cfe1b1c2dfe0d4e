// Turns a backend failure into a message a person can act on, with the button that fixes it.
import * as vscode from 'vscode';
import type { ModelFailure } from '../engine/model-status.js';

export interface NoticeAction {
  title: string;
  command: string;
  args?: unknown[];
}

export function noticeFor(f: ModelFailure): { message: string; actions: NoticeAction[] } {
  const choose: NoticeAction = { title: vscode.l10n.t('Choose Model File…'), command: 'fude.selectModel' };
  const log: NoticeAction = { title: vscode.l10n.t('Show Log'), command: 'fude.showLog' };
  const restart: NoticeAction = { title: vscode.l10n.t('Restart Backend'), command: 'fude.restartBackend' };
  switch (f.code) {
    case 'model_missing':
      return { message: vscode.l10n.t('Fude: the model file was not found. {0}', f.message), actions: [choose] };
    case 'model_invalid':
      return { message: vscode.l10n.t('Fude: the model file cannot be used. {0}', f.message), actions: [choose, log] };
    case 'model_too_big':
      return {
        message: vscode.l10n.t('Fude: not enough memory for this model. {0} Suggestions: fewer GPU layers, a smaller quantization, or a smaller context size.', f.message),
        actions: [
          { title: vscode.l10n.t('Open Memory Settings'), command: 'workbench.action.openSettings', args: ['fude.backend'] },
          choose,
        ],
      };
    case 'no_gpu_binary':
      return {
        message: vscode.l10n.t('Fude: no usable llama.cpp binary for this GPU setting. {0}', f.message),
        actions: [{ title: vscode.l10n.t('Use the CPU'), command: 'fude.useCpu' }, log],
      };
    case 'terms_not_accepted':
      return {
        message: vscode.l10n.t('Fude: this model has terms of use that you have not accepted yet. {0}', f.message),
        actions: [{ title: vscode.l10n.t('Show Terms of Use'), command: 'fude.showTerms' }],
      };
    case 'terms_unregistered':
      return {
        message: vscode.l10n.t('Fude: this model is a release whose terms of use Fude does not hold yet, so it is not loaded. {0}', f.message),
        actions: [choose, log],
      };
    case 'bad_arguments':
      return { message: vscode.l10n.t('Fude: the backend settings are invalid. {0}', f.message), actions: [{ title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', args: ['fude'] }, log] };
    default:
      return { message: vscode.l10n.t('Fude: the backend failed. {0}', f.message), actions: [restart, log] };
  }
}

export async function showFailure(f: ModelFailure): Promise<void> {
  const { message, actions } = noticeFor(f);
  const picked = await vscode.window.showErrorMessage(message, ...actions.map((a) => a.title));
  const action = actions.find((a) => a.title === picked);
  if (action) await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
}
