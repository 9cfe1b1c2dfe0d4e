// Fude's model in VS Code's own AI surfaces: a Language Model Chat Provider (vendor "fude", contributed in
// package.json under languageModelChatProviders), so VS Code's chat model picker and other extensions
// (vscode.lm.selectChatModels({ vendor: 'fude' })) can use it. Only type conversion lives here; what a request
// goes through (start, terms, notices, streaming, counting) is chat-models.ts.
import * as vscode from 'vscode';
import { getTerms } from '../../common/terms/registry.js';
import type { CountResult } from '../../protocol/messages.js';
import type { CountCall } from '../engine/engine.js';
import type { ModelStatusView } from '../engine/model-status.js';
import type { ChatEngine } from '../engine/stream-answer.js';
import { displayLang } from '../guard/vscode-guard.js';
import type { RequestGuard } from '../guard/request-guard.js';
import { samplingOverrides } from '../vscode/settings.js';
import { FudeChatModels } from './chat-models.js';
import { lmTexts } from './lm-texts.js';
import type { LmModelInfo } from './model-info.js';
import { LmRefusal } from './refusal.js';

export const LM_VENDOR = 'fude';

export interface LanguageModelDeps {
  engine: ChatEngine & { count(call: CountCall): Promise<CountResult | undefined> };
  status: ModelStatusView;
  ensureReady: () => Promise<boolean>;
  guard: RequestGuard;
  termsAccepted: (termsId: string) => boolean;
  log: vscode.LogOutputChannel;
}

/** Settings the model's description shows: the context size assumed before the model loads, the answer length. */
const SHOWN_SETTINGS = ['fude.backend.contextSize', 'fude.engine.contextSize', 'fude.sampling.maxTokens'];

export function registerLanguageModels(deps: LanguageModelDeps): {
  disposables: vscode.Disposable[];
  models: FudeChatModels;
} {
  const { status, log } = deps;
  const models = new FudeChatModels({
    engine: deps.engine,
    status,
    ensureReady: deps.ensureReady,
    guard: deps.guard,
    termsAccepted: deps.termsAccepted,
    termsTitle: (id) => getTerms(id)?.title[displayLang()] ?? id,
    sampling: samplingOverrides,
    settings: () => {
      const c = vscode.workspace.getConfiguration('fude');
      const contextSize =
        status.current.engine === 'openai'
          ? c.get<number>('engine.contextSize', 4096)
          : c.get<number>('backend.contextSize', 0);
      return { contextSize, maxTokens: samplingOverrides().maxTokens };
    },
    texts: lmTexts(),
    log: (line) => log.info(line),
  });
  const changed = new vscode.EventEmitter<void>();
  const watcher = models.watch(() => changed.fire());

  const describe = (info: LmModelInfo): vscode.LanguageModelChatInformation => {
    const s = status.current;
    const where = s.isDemo
      ? vscode.l10n.t('demo model: its output is meaningless')
      : s.engine === 'openai'
        ? (s.model?.remote?.host ?? s.server ?? '')
        : vscode.l10n.t('on this machine');
    const context = info.maxInputTokens + info.maxOutputTokens;
    return {
      id: info.id,
      name: info.name,
      family: info.family,
      version: info.version,
      maxInputTokens: info.maxInputTokens,
      maxOutputTokens: info.maxOutputTokens,
      capabilities: { imageInput: false, toolCalling: false },
      detail: where,
      tooltip: info.loaded
        ? vscode.l10n.t('{0} through Fude ({1}); context of {2} tokens.', info.name, where, context)
        : vscode.l10n.t(
            '{0} through Fude ({1}); it starts on the first request. Context of {2} tokens assumed until it has loaded.',
            info.name,
            where,
            context,
          ),
    };
  };

  /** What the caller gets: LanguageModelError's codes where they apply, the worded sentence always. */
  const toError = (e: unknown): Error => {
    if (e instanceof LmRefusal) {
      switch (e.kind) {
        case 'NoPermissions':
          return vscode.LanguageModelError.NoPermissions(e.message);
        case 'Blocked':
          return vscode.LanguageModelError.Blocked(e.message);
        case 'NotFound':
          return vscode.LanguageModelError.NotFound(e.message);
        case 'Unknown':
          return new Error(e.message);
      }
    }
    log.error(`language model request: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return new Error(vscode.l10n.t('The answer failed. The log has the details (Fude: Show Log).'));
  };

  const provider: vscode.LanguageModelChatProvider = {
    onDidChangeLanguageModelChatInformation: changed.event,
    provideLanguageModelChatInformation: () => models.info().map(describe),
    async provideLanguageModelChatResponse(model, messages, options, progress, token) {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      if (token.isCancellationRequested) controller.abort();
      try {
        await models.respond(
          model.id,
          messages,
          options,
          (text) => progress.report(new vscode.LanguageModelTextPart(text)),
          controller.signal,
        );
      } catch (e) {
        throw toError(e);
      } finally {
        cancelled.dispose();
      }
    },
    async provideTokenCount(model, text) {
      try {
        return await models.count(model.id, text);
      } catch (e) {
        throw toError(e);
      }
    },
  };

  const disposables: vscode.Disposable[] = [
    changed,
    { dispose: () => watcher.dispose() },
    vscode.lm.registerLanguageModelChatProvider(LM_VENDOR, provider),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (SHOWN_SETTINGS.some((k) => e.affectsConfiguration(k))) watcher.check();
    }),
  ];
  return { disposables, models };
}
