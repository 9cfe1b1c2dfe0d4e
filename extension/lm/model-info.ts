// Fude's model as VS Code's language-model API describes it (LanguageModelChatInformation), from ModelStatus.
// The id follows the configured model, so it stays the same while that model starts, loads and restarts, and
// changes when the person chooses another one (a caller holding the old one then gets "not found").
import { familyFromNames } from '../../common/model-family.js';
import { answerReserve } from '../chat/chat-prompt.js';
import type { ModelState } from '../engine/model-status.js';

export interface LmModelInfo {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly version: string;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly capabilities: { readonly imageInput: false; readonly toolCalling: false };
  /** Whether the numbers are the loaded model's (false: the setting's or the fallback, until it loads). */
  readonly loaded: boolean;
}

/** The context assumed before a model has loaded and without a context-size setting: the smallest default of the families. */
export const CONTEXT_BEFORE_LOAD = 2048;

const withoutExtension = (name: string) => name.replace(/\.gguf$/i, '');

export interface InfoSettings {
  /** fude.backend.contextSize (0: the model's own). */
  contextSize: number;
  /** fude.sampling.maxTokens, when set. */
  maxTokens?: number;
}

export function lmModelInfo(state: ModelState, settings: InfoSettings): LmModelInfo {
  const configured =
    withoutExtension(state.configuredName) || (state.engine === 'local' ? 'model' : (state.server ?? 'remote'));
  const loaded = state.phase === 'ready' && state.model !== undefined;
  const contextSize = loaded
    ? state.model.contextSize
    : settings.contextSize > 0
      ? settings.contextSize
      : CONTEXT_BEFORE_LOAD;
  // The answer's room is the chat panel's: the same prompt fits both.
  const maxOutputTokens = answerReserve(contextSize, settings.maxTokens);
  return {
    id: `${state.engine}:${configured}`,
    name: loaded ? state.model.name : configured,
    family: loaded ? state.model.family : familyFromNames([state.configuredName]),
    version: configured,
    maxInputTokens: Math.max(1, contextSize - maxOutputTokens),
    maxOutputTokens,
    capabilities: { imageInput: false, toolCalling: false },
    loaded,
  };
}

/** Changes exactly when what VS Code was told would change (so the event is not fired for every request). */
export function infoKey(info: LmModelInfo): string {
  return JSON.stringify([
    info.id,
    info.name,
    info.family,
    info.version,
    info.maxInputTokens,
    info.maxOutputTokens,
    info.loaded,
  ]);
}
