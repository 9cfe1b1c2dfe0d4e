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
    case 'unreachable':
    case 'tls':
    case 'unauthorized':
    case 'unknown_model':
    case 'remote_unavailable':
    case 'remote_error':
    case 'bad_remote_settings':
      return remoteNotice(f, restart, log);
    case 'bad_arguments':
      return { message: vscode.l10n.t('Fude: the backend settings are invalid. {0}', f.message), actions: [{ title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', args: ['fude'] }, log] };
    default:
      return { message: vscode.l10n.t('Fude: the backend failed. {0}', f.message), actions: [restart, log] };
  }
}

/** The remote engine's failures: what the server said, and the button that fixes it (key, settings, retry). */
function remoteNotice(f: ModelFailure, retry: NoticeAction, log: NoticeAction): { message: string; actions: NoticeAction[] } {
  const server = f.params.server ?? '';
  const model = f.params.model ?? '';
  const settings = (setting: string): NoticeAction => ({ title: vscode.l10n.t('Open Remote Engine Settings'), command: 'workbench.action.openSettings', args: [setting] });
  const again: NoticeAction = { ...retry, title: vscode.l10n.t('Check Again') };
  switch (f.code) {
    case 'unreachable':
      return { message: vscode.l10n.t('Fude: the remote server {0} could not be reached. Check that it runs, the address and port in fude.engine.baseUrl, and any firewall or tunnel. {1}', server, f.message), actions: [again, settings('fude.engine.baseUrl')] };
    case 'tls': {
      const why = {
        self_signed: vscode.l10n.t('its certificate is self-signed'),
        unknown_ca: vscode.l10n.t('its certificate is not signed by a trusted certificate authority'),
        expired: vscode.l10n.t('its certificate has expired'),
        not_yet_valid: vscode.l10n.t('its certificate is not valid yet (check both clocks)'),
        hostname: vscode.l10n.t('its certificate is for another host name'),
        protocol: vscode.l10n.t('it does not speak HTTPS on this port'),
        other: vscode.l10n.t('the TLS handshake failed'),
      }[f.params.tls ?? 'other'];
      return { message: vscode.l10n.t("Fude: the secure connection to {0} failed: {1}. Verification stays on; give the CA that signed the server's certificate in fude.engine.caFile.", server, why), actions: [settings('fude.engine.caFile'), log] };
    }
    case 'unauthorized':
      return { message: vscode.l10n.t('Fude: {0} refused the API key (HTTP {1}). Set the key the server expects.', server, f.params.status ?? 401), actions: [{ title: vscode.l10n.t('Set API Key'), command: 'fude.engine.setApiKey' }, log] };
    case 'unknown_model': {
      const available = (f.params.available ?? []).slice(0, 8).join(', ');
      return {
        message: model
          ? vscode.l10n.t('Fude: {0} does not serve the model "{1}". It serves: {2}. Set fude.engine.model to one of them.', server, model, available || '-')
          : vscode.l10n.t('Fude: {0} serves several models ({1}). Set fude.engine.model to the one to use.', server, available),
        actions: [settings('fude.engine.model')],
      };
    }
    case 'remote_unavailable': {
      const ms = f.params.retryAfterMs;
      return {
        message: ms !== undefined
          ? vscode.l10n.t('Fude: {0} is busy or still loading. Try again in {1} s. {2}', server, Math.max(1, Math.ceil(ms / 1000)), f.message)
          : vscode.l10n.t('Fude: {0} is busy or still loading. Try again in a moment. {1}', server, f.message),
        actions: [again],
      };
    }
    case 'bad_remote_settings':
      return { message: vscode.l10n.t('Fude: the remote engine settings are not usable. {0}', f.message), actions: [settings(f.params.option ?? 'fude.engine')] };
    default:
      return { message: vscode.l10n.t('Fude: the remote server {0} did not answer as an OpenAI-compatible API. {1}', server, f.message), actions: [again, settings('fude.engine.baseUrl'), log] };
  }
}

export async function showFailure(f: ModelFailure): Promise<void> {
  const { message, actions } = noticeFor(f);
  const picked = await vscode.window.showErrorMessage(message, ...actions.map((a) => a.title));
  const action = actions.find((a) => a.title === picked);
  if (action) await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
}
