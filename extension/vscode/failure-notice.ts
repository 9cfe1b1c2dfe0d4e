// Turns a model failure into a sentence of Fude's own, in the display language, with the buttons that fix it.
// The engine's English message goes to the log only; the sentence is built from the failure's code and
// parameters, and names settings and commands, never a backend command-line option.
import * as vscode from 'vscode';
import { getTerms } from '../../common/terms/registry.js';
import type { ModelFailure } from '../engine/model-status.js';
import { memoryAmounts, modelNameOf, settingForOption } from './failure-facts.js';

export interface NoticeAction {
  title: string;
  command: string;
  args?: unknown[];
}

export interface FailureNotice {
  message: string;
  actions: NoticeAction[];
}

const chooseModel = (): NoticeAction => ({ title: vscode.l10n.t('Choose Model'), command: 'fude.selectModel' });
const showLog = (): NoticeAction => ({ title: vscode.l10n.t('Show Log'), command: 'fude.showLog' });
const restart = (): NoticeAction => ({ title: vscode.l10n.t('Restart Backend'), command: 'fude.restartBackend' });
const openSettings = (query: string): NoticeAction => ({
  title: vscode.l10n.t('Open Settings'),
  command: 'workbench.action.openSettings',
  args: [query],
});

/** How a process ended, in words: "exit code 1" or "signal SIGKILL". */
export function exitText(exit: { code?: number | null; signal?: string | null }): string {
  if (exit.signal) return vscode.l10n.t('signal {0}', exit.signal);
  return vscode.l10n.t('exit code {0}', String(exit.code ?? '?'));
}

/** `modelName`: the configured model's name, used when the failure does not name a file. */
export function noticeFor(f: ModelFailure, modelName?: string): FailureNotice {
  const p = f.params;
  const name = modelNameOf(p, modelName) ?? vscode.l10n.t('the model');
  switch (f.code) {
    case 'model_missing':
      return {
        message: vscode.l10n.t(
          'Fude: the model file {0} was not found. Choose a model, or correct the path in the settings.',
          p.path ?? name,
        ),
        actions: [chooseModel(), openSettings('fude.model.path')],
      };
    case 'model_invalid':
      return {
        message: vscode.l10n.t(
          'Fude: {0} is not a usable GGUF model file: it may be incomplete, damaged or in another format. Download or convert it again, or choose another model.',
          name,
        ),
        actions: [chooseModel(), showLog()],
      };
    case 'model_too_big':
      return {
        message: tooBigMessage(f, name),
        actions: [
          {
            title: vscode.l10n.t('Open Memory Settings'),
            command: 'workbench.action.openSettings',
            args: ['fude.backend'],
          },
          chooseModel(),
        ],
      };
    case 'no_gpu_binary':
      return {
        message: vscode.l10n.t(
          'Fude: no llama.cpp build for this GPU setting could be loaded on this machine. Run the model on the CPU, or reinstall Fude.',
        ),
        actions: [{ title: vscode.l10n.t('Use the CPU'), command: 'fude.useCpu' }, showLog()],
      };
    case 'terms_not_accepted': {
      const terms = p.termsId ? getTerms(p.termsId) : undefined;
      const title = terms
        ? terms.title[vscode.env.language.startsWith('ja') ? 'ja' : 'en']
        : vscode.l10n.t('its terms of use');
      return {
        message: vscode.l10n.t(
          'Fude: {0} is loaded only after you accept {1}. Read them with Show Terms, or choose another model.',
          name,
          title,
        ),
        actions: [{ title: vscode.l10n.t('Show Terms'), command: 'fude.showTerms' }, chooseModel()],
      };
    }
    case 'bad_arguments': {
      const setting = settingForOption(p.option);
      if (setting === undefined) {
        return {
          message: vscode.l10n.t(
            'Fude: the backend refused how Fude started it. This is a problem in Fude; the log has the details.',
          ),
          actions: [showLog(), restart()],
        };
      }
      return {
        message: vscode.l10n.t(
          'Fude: the setting {0} has a value the backend cannot use. Correct it in the settings.',
          setting,
        ),
        actions: [openSettings(setting), showLog()],
      };
    }
    case 'load_failed':
      return {
        message: vscode.l10n.t('Fude: {0} could not be loaded. The log has the reason.', name),
        actions: [showLog(), chooseModel()],
      };
    case 'crashed':
      return {
        message:
          p.restarts === undefined
            ? vscode.l10n.t('Fude: the backend stopped unexpectedly. The log has the details.')
            : vscode.l10n.t(
                'Fude: the backend stopped unexpectedly ({0}) and was not started again after {1} tries. The log has the details.',
                exitText({ code: p.exitCode, signal: p.signal }),
                p.restarts,
              ),
        actions: [restart(), showLog()],
      };
    case 'spawn_failed':
      return {
        message: vscode.l10n.t(
          "Fude: the backend process could not be started. Check the Node.js setting (fude.backend.nodePath), or leave it empty to use VS Code's own.",
        ),
        actions: [openSettings('fude.backend.nodePath'), showLog()],
      };
    case 'start_timeout':
      return {
        message: vscode.l10n.t(
          'Fude: the backend did not become ready within {0} seconds. The machine may be busy, or the model too large for it.',
          p.seconds ?? '?',
        ),
        actions: [restart(), showLog()],
      };
    case 'terms_unregistered':
      return {
        message: p.url
          ? vscode.l10n.t(
              'Fude: {0} is a release whose terms of use Fude does not hold yet, so it is not loaded. Read its terms at {1}; a later version of Fude can load it once they are registered. Choose another model meanwhile.',
              name,
              p.url,
            )
          : vscode.l10n.t(
              'Fude: {0} is a release whose terms of use Fude does not hold yet, so it is not loaded. Choose another model meanwhile.',
              name,
            ),
        actions: [chooseModel(), showLog()],
      };
    case 'unreachable':
    case 'tls':
    case 'unauthorized':
    case 'unknown_model':
    case 'remote_unavailable':
    case 'remote_error':
    case 'bad_remote_settings':
      return remoteNotice(f);
  }
}

/** The remote engine's failures: what went wrong with the server, and the button that fixes it (key, settings, retry). */
function remoteNotice(f: ModelFailure): FailureNotice {
  const p = f.params;
  const server = p.server ?? vscode.l10n.t('the model server');
  const settings = (setting: string): NoticeAction => ({
    title: vscode.l10n.t('Open Remote Engine Settings'),
    command: 'workbench.action.openSettings',
    args: [setting],
  });
  const again: NoticeAction = { title: vscode.l10n.t('Check Again'), command: 'fude.restartBackend' };
  switch (f.code) {
    case 'unreachable':
      return {
        message: vscode.l10n.t(
          'Fude: the remote server {0} could not be reached. Check that it runs, the address and port in fude.engine.baseUrl, and any firewall or tunnel.',
          server,
        ),
        actions: [again, settings('fude.engine.baseUrl'), showLog()],
      };
    case 'tls': {
      const why = {
        self_signed: vscode.l10n.t('its certificate is self-signed'),
        unknown_ca: vscode.l10n.t('its certificate is not signed by a trusted certificate authority'),
        expired: vscode.l10n.t('its certificate has expired'),
        not_yet_valid: vscode.l10n.t('its certificate is not valid yet (check both clocks)'),
        hostname: vscode.l10n.t('its certificate is for another host name'),
        protocol: vscode.l10n.t('it does not speak HTTPS on this port'),
        other: vscode.l10n.t('the TLS handshake failed'),
      }[p.tls ?? 'other'];
      return {
        message: vscode.l10n.t(
          "Fude: the secure connection to {0} failed: {1}. Verification stays on; give the CA that signed the server's certificate in fude.engine.caFile.",
          server,
          why,
        ),
        actions: [settings('fude.engine.caFile'), showLog()],
      };
    }
    case 'unauthorized':
      return {
        message: vscode.l10n.t(
          'Fude: {0} refused the API key (HTTP {1}). Set the key the server expects.',
          server,
          p.status ?? 401,
        ),
        actions: [{ title: vscode.l10n.t('Set API Key'), command: 'fude.engine.setApiKey' }, showLog()],
      };
    case 'unknown_model': {
      const available = (p.available ?? []).slice(0, 8).join(', ');
      return {
        message: p.model
          ? vscode.l10n.t(
              'Fude: {0} does not serve the model "{1}". It serves: {2}. Set fude.engine.model to one of them.',
              server,
              p.model,
              available || '-',
            )
          : vscode.l10n.t(
              'Fude: {0} serves several models ({1}). Set fude.engine.model to the one to use.',
              server,
              available,
            ),
        actions: [settings('fude.engine.model')],
      };
    }
    case 'remote_unavailable':
      return {
        message:
          p.retryAfterMs !== undefined
            ? vscode.l10n.t(
                'Fude: {0} is busy or still loading. Try again in {1} s.',
                server,
                Math.max(1, Math.ceil(p.retryAfterMs / 1000)),
              )
            : vscode.l10n.t('Fude: {0} is busy or still loading. Try again in a moment.', server),
        actions: [again],
      };
    case 'bad_remote_settings':
      return {
        message: vscode.l10n.t(
          'Fude: the remote engine settings are not usable ({0}). Correct them in the settings.',
          p.option ?? 'fude.engine',
        ),
        actions: [settings(p.option ?? 'fude.engine'), showLog()],
      };
    default:
      return {
        message: vscode.l10n.t(
          'Fude: the remote server {0} did not answer as an OpenAI-compatible API. The log has what it said.',
          server,
        ),
        actions: [again, settings('fude.engine.baseUrl'), showLog()],
      };
  }
}

/**
 * Why a request failed (chat, documentation, inline completion), in the user's language, from the engine's error
 * code alone: the engine's English detail goes to the log, never into the editor. `retryAfterMs` when the
 * server said when to try again.
 */
export function answerFailureText(code: string, retryAfterMs?: number): string {
  switch (code) {
    case 'backend_gone':
      return vscode.l10n.t('The backend stopped while answering. The answer so far was kept.');
    case 'not_connected':
      return vscode.l10n.t(
        'The model is not running, so nothing was answered. Start it from the status bar (Fude) and try again.',
      );
    case 'context_overflow':
      return vscode.l10n.t(
        "The conversation no longer fits the model's context. Start a new chat, or set a larger context size (fude.backend.contextSize).",
      );
    case 'busy':
      return vscode.l10n.t('The model is busy with other requests. Try again in a moment.');
    case 'rate_limited':
      return retryAfterMs !== undefined
        ? vscode.l10n.t('The model server is busy. Try again in {0} s.', Math.max(1, Math.ceil(retryAfterMs / 1000)))
        : vscode.l10n.t('The model is busy with other requests. Try again in a moment.');
    case 'terms_not_accepted':
      return vscode.l10n.t(
        'The model\'s terms of use have not been accepted. Run "Fude: Show Terms of Use" to read and accept them.',
      );
    case 'cut':
      return vscode.l10n.t(
        'The connection to the model server broke off during the answer. What arrived is kept, marked as cut.',
      );
    case 'engine_changed':
      return vscode.l10n.t(
        'The answer stopped because the engine was switched. What arrived is kept, marked as cut; the conversation goes on with the new engine.',
      );
    case 'timeout':
      return vscode.l10n.t(
        'The model server was too slow to answer (fude.engine.firstTokenTimeoutMs, fude.engine.idleTimeoutMs). Try again in a moment.',
      );
    case 'unreachable':
      return vscode.l10n.t(
        'The remote server could not be reached. Check that it runs and that fude.engine.baseUrl is right.',
      );
    case 'tls':
      return vscode.l10n.t(
        'The secure connection to the remote server failed. A server with its own certificate authority needs that CA in fude.engine.caFile.',
      );
    case 'unauthorized':
      return vscode.l10n.t(
        'The remote server refused the API key. Set the key with "Fude: Set API Key for Remote Engine".',
      );
    case 'unknown_model':
      return vscode.l10n.t('The remote server does not serve this model. Check fude.engine.model.');
    default:
      return vscode.l10n.t('The answer failed. The log has the details (Fude: Show Log).');
  }
}

function tooBigMessage(f: ModelFailure, name: string): string {
  const p = f.params;
  const amounts = memoryAmounts(p);
  if (p.memory === 'vram' && amounts) {
    return vscode.l10n.t(
      'Fude: not enough GPU memory for {0} with {1} layers on the GPU: it needs about {2}, and {3} is free. Put fewer layers on the GPU (fude.backend.gpuLayers), use a smaller context size (fude.backend.contextSize) or a smaller quantization of the model.',
      name,
      p.gpuLayers ?? '?',
      amounts.needed,
      amounts.free,
    );
  }
  if (p.memory === 'ram' && amounts) {
    return vscode.l10n.t(
      'Fude: not enough memory for {0}: it needs about {1} of RAM, and {2} is free. Use a smaller context size (fude.backend.contextSize, now {3} tokens) or a smaller quantization of the model.',
      name,
      amounts.needed,
      amounts.free,
      p.contextSize ?? '?',
    );
  }
  return vscode.l10n.t(
    'Fude: not enough memory to load {0}. Put fewer layers on the GPU (fude.backend.gpuLayers), use a smaller context size (fude.backend.contextSize) or a smaller quantization of the model.',
    name,
  );
}

export async function showFailure(f: ModelFailure, modelName?: string): Promise<void> {
  const { message, actions } = noticeFor(f, modelName);
  const picked = await vscode.window.showErrorMessage(message, ...actions.map((a) => a.title));
  const action = actions.find((a) => a.title === picked);
  if (action) await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
}
