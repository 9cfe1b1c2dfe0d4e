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
const openSettings = (query: string): NoticeAction => ({ title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', args: [query] });

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
        message: vscode.l10n.t('Fude: the model file {0} was not found. Choose a model, or correct the path in the settings.', p.path ?? name),
        actions: [chooseModel(), openSettings('fude.model.path')],
      };
    case 'model_invalid':
      return {
        message: vscode.l10n.t('Fude: {0} is not a usable GGUF model file: it may be incomplete, damaged or in another format. Download or convert it again, or choose another model.', name),
        actions: [chooseModel(), showLog()],
      };
    case 'model_too_big':
      return { message: tooBigMessage(f, name), actions: [{ title: vscode.l10n.t('Open Memory Settings'), command: 'workbench.action.openSettings', args: ['fude.backend'] }, chooseModel()] };
    case 'no_gpu_binary':
      return {
        message: vscode.l10n.t('Fude: no llama.cpp build for this GPU setting could be loaded on this machine. Run the model on the CPU, or reinstall Fude.'),
        actions: [{ title: vscode.l10n.t('Use the CPU'), command: 'fude.useCpu' }, showLog()],
      };
    case 'terms_not_accepted': {
      const terms = p.termsId ? getTerms(p.termsId) : undefined;
      const title = terms ? terms.title[vscode.env.language.startsWith('ja') ? 'ja' : 'en'] : vscode.l10n.t('its terms of use');
      return {
        message: vscode.l10n.t('Fude: {0} is loaded only after you accept {1}. Read them with Show Terms, or choose another model.', name, title),
        actions: [{ title: vscode.l10n.t('Show Terms'), command: 'fude.showTerms' }, chooseModel()],
      };
    }
    case 'bad_arguments': {
      const setting = settingForOption(p.option);
      if (setting === undefined) {
        return { message: vscode.l10n.t('Fude: the backend refused how Fude started it. This is a problem in Fude; the log has the details.'), actions: [showLog(), restart()] };
      }
      return {
        message: vscode.l10n.t('Fude: the setting {0} has a value the backend cannot use. Correct it in the settings.', setting),
        actions: [openSettings(setting), showLog()],
      };
    }
    case 'load_failed':
      return { message: vscode.l10n.t('Fude: {0} could not be loaded. The log has the reason.', name), actions: [showLog(), chooseModel()] };
    case 'crashed':
      return {
        message: p.restarts === undefined
          ? vscode.l10n.t('Fude: the backend stopped unexpectedly. The log has the details.')
          : vscode.l10n.t('Fude: the backend stopped unexpectedly ({0}) and was not started again after {1} tries. The log has the details.', exitText({ code: p.exitCode, signal: p.signal }), p.restarts),
        actions: [restart(), showLog()],
      };
    case 'spawn_failed':
      return {
        message: vscode.l10n.t('Fude: the backend process could not be started. Check the Node.js setting (fude.backend.nodePath), or leave it empty to use VS Code\'s own.'),
        actions: [openSettings('fude.backend.nodePath'), showLog()],
      };
    case 'start_timeout':
      return {
        message: vscode.l10n.t('Fude: the backend did not become ready within {0} seconds. The machine may be busy, or the model too large for it.', p.seconds ?? '?'),
        actions: [restart(), showLog()],
      };
    case 'unreachable':
      return { message: vscode.l10n.t('Fude: the model server cannot be reached. Check its address in the settings and that it is running.'), actions: [openSettings('fude.engine'), showLog()] };
    case 'unauthorized':
      return { message: vscode.l10n.t('Fude: the model server refused the API key. Set the key again.'), actions: [openSettings('fude.engine'), showLog()] };
    case 'tls':
      return { message: vscode.l10n.t('Fude: the secure connection to the model server failed (its certificate was not accepted). The log says why.'), actions: [showLog(), openSettings('fude.engine')] };
    case 'unknown_model':
      return { message: vscode.l10n.t('Fude: the model server does not serve the model named in the settings.'), actions: [openSettings('fude.engine'), showLog()] };
  }
}

/** Why an answer (chat, documentation) failed, from the engine's error code alone: the engine's own sentence is in the log. */
export function answerFailureText(code: string): string {
  switch (code) {
    case 'backend_gone':
      return vscode.l10n.t('The backend stopped while answering. The answer so far was kept.');
    case 'not_connected':
      return vscode.l10n.t('The model is not running, so nothing was answered. Start it from the status bar (Fude) and try again.');
    case 'context_overflow':
      return vscode.l10n.t("The conversation no longer fits the model's context. Start a new chat, or set a larger context size (fude.backend.contextSize).");
    case 'busy':
    case 'rate_limited':
      return vscode.l10n.t('The model is busy with other requests. Try again in a moment.');
    case 'terms_not_accepted':
      return vscode.l10n.t("The model's terms of use have not been accepted. Run \"Fude: Show Terms of Use\" to read and accept them.");
    case 'cut':
      return vscode.l10n.t('The connection to the model server broke off during the answer. The answer so far was kept.');
    case 'timeout':
      return vscode.l10n.t('The model server did not answer in time. Try again in a moment.');
    case 'unreachable':
    case 'tls':
    case 'unauthorized':
    case 'unknown_model':
      return vscode.l10n.t('The model server could not be used. The log has the reason (Fude: Show Log).');
    default:
      return vscode.l10n.t('The answer failed. The log has the details (Fude: Show Log).');
  }
}

function tooBigMessage(f: ModelFailure, name: string): string {
  const p = f.params;
  const amounts = memoryAmounts(p);
  if (p.memory === 'vram' && amounts) {
    return vscode.l10n.t('Fude: not enough GPU memory for {0} with {1} layers on the GPU: it needs about {2}, and {3} is free. Put fewer layers on the GPU (fude.backend.gpuLayers), use a smaller context size (fude.backend.contextSize) or a smaller quantization of the model.', name, p.gpuLayers ?? '?', amounts.needed, amounts.free);
  }
  if (p.memory === 'ram' && amounts) {
    return vscode.l10n.t('Fude: not enough memory for {0}: it needs about {1} of RAM, and {2} is free. Use a smaller context size (fude.backend.contextSize, now {3} tokens) or a smaller quantization of the model.', name, amounts.needed, amounts.free, p.contextSize ?? '?');
  }
  return vscode.l10n.t('Fude: not enough memory to load {0}. Put fewer layers on the GPU (fude.backend.gpuLayers), use a smaller context size (fude.backend.contextSize) or a smaller quantization of the model.', name);
}

export async function showFailure(f: ModelFailure, modelName?: string): Promise<void> {
  const { message, actions } = noticeFor(f, modelName);
  const picked = await vscode.window.showErrorMessage(message, ...actions.map((a) => a.title));
  const action = actions.find((a) => a.title === picked);
  if (action) await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
}
