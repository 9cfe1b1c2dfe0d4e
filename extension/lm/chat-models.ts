// Fude's model for VS Code's language-model API (VS Code's chat, other extensions through vscode.lm), without
// VS Code: what the model is (model-info.ts), one answer, one token count. A request takes the chat panel's
// road: the model started like any feature starts it, the request guard (terms of use, prohibited-use notices
// over the whole request), the answer streamed by streamAnswer on the chat lane, tokens counted by the model's
// own tokenizer. The VS Code layer (register-lm.ts) only converts types.
import { createHash } from 'node:crypto';
import type { CountResult, SamplingFields } from '../../protocol/messages.js';
import { roughTokenCount } from '../completion/token-estimate.js';
import type { CountCall } from '../engine/engine.js';
import { termsIdOf, type ModelState, type ModelStatusView } from '../engine/model-status.js';
import { streamAnswer, type ChatEngine } from '../engine/stream-answer.js';
import type { RequestGuard } from '../guard/request-guard.js';
import { infoKey, lmModelInfo, type InfoSettings, type LmModelInfo } from './model-info.js';
import { guardRefusal, LmRefusal, startRefusal, type LmTexts } from './refusal.js';
import { countText, guardParts, toChatMessages, type RequestMessageLike } from './request-messages.js';
import { requiresTools, samplingFromOptions } from './request-options.js';

export interface ChatModelsDeps {
  engine: ChatEngine & { count(call: CountCall): Promise<CountResult | undefined> };
  status: ModelStatusView;
  /** Starts the model if needed (progress and failures shown as for every feature); false when it cannot. */
  ensureReady: () => Promise<boolean>;
  guard: Pick<RequestGuard, 'check'>;
  termsAccepted: (termsId: string) => boolean;
  /** The terms' title in the display language, for the refusal. */
  termsTitle: (termsId: string) => string;
  /** fude.sampling.* (what the chat panel sends too); the request's own options win. */
  sampling(): SamplingFields;
  settings(): InfoSettings;
  texts: LmTexts;
  log(line: string): void;
}

export interface ResponseOptions {
  readonly modelOptions?: Readonly<Record<string, unknown>>;
  readonly tools?: readonly unknown[];
  readonly toolMode?: number;
}

/** Notices confirmed in one conversation are not asked again in it: the conversation is known by its first message. */
function noticeSession(first: string): string {
  return `lm-${createHash('sha256').update(first).digest('hex').slice(0, 16)}`;
}

export class FudeChatModels {
  constructor(private readonly deps: ChatModelsDeps) {}

  /** The one model Fude serves now (the configured one, loaded or not yet). */
  info(): LmModelInfo[] {
    return [lmModelInfo(this.deps.status.current, this.deps.settings())];
  }

  /**
   * Calls `listener` when the model's description changes: another model, the loaded model's real numbers.
   * Status changes are watched here; `check()` is for the settings the description shows (context size, answer length).
   */
  watch(listener: () => void): { check(): void; dispose(): void } {
    let last = infoKey(this.info()[0]);
    const check = () => {
      const now = infoKey(this.info()[0]);
      if (now === last) return;
      last = now;
      listener();
    };
    return { check, dispose: this.deps.status.onDidChange(check) };
  }

  /**
   * Answers `messages`, calling `onText` with each piece as it arrives. Resolves when the answer is complete or
   * `signal` stopped it; rejects with an LmRefusal (worded) when nothing may or can be answered.
   */
  async respond(
    modelId: string,
    input: readonly RequestMessageLike[],
    options: ResponseOptions,
    onText: (text: string) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const { deps } = this;
    this.checkModel(modelId);
    const converted = toChatMessages(input);
    if (!converted.ok) throw new LmRefusal('Unknown', deps.texts.badMessages(converted.problem));
    if (converted.skipped.length > 0)
      deps.log(`language model request: left out of the prompt: ${[...new Set(converted.skipped)].join(', ')}`);
    if (requiresTools(options)) throw new LmRefusal('Unknown', deps.texts.toolsRequired);
    const requested = samplingFromOptions(options.modelOptions);
    if (!requested.ok) throw new LmRefusal('Unknown', deps.texts.badOption(requested.option, requested.field));
    if (requested.ignored.length > 0)
      deps.log(
        `language model request: options Fude does not know were left to the model's defaults: ${requested.ignored.join(', ')}`,
      );

    await this.ready();
    if (signal.aborted) return;
    const { question, earlier } = guardParts(converted.messages);
    const verdict = await deps.guard.check({
      feature: 'lm',
      session: noticeSession(converted.messages[0].content),
      question,
      ...(earlier !== ''
        ? { attachments: [{ kind: 'selection' as const, name: 'earlier messages', text: earlier }] }
        : {}),
    });
    if (!verdict.send) throw guardRefusal(verdict, deps.status.current, deps.texts, deps.termsTitle);
    if (signal.aborted) return;

    const call = { messages: converted.messages, lane: 'chat' as const, ...deps.sampling(), ...requested.sampling };
    const outcome = await streamAnswer(deps.engine, call, signal, onText);
    if (outcome.kind !== 'error') {
      deps.log(`language model request: ${outcome.kind} (${outcome.text.length} characters)`);
      return;
    }
    deps.log(`language model request failed [${outcome.code}]: ${outcome.message}`);
    throw new LmRefusal('Unknown', deps.texts.failed(outcome.code, outcome.retryAfterMs));
  }

  /** Tokens of `input` by the model's own tokenizer (started if needed); an estimate where the engine cannot count (a remote server). */
  async count(modelId: string, input: string | RequestMessageLike): Promise<number> {
    this.checkModel(modelId);
    const text = countText(input);
    if (text === '') return 0;
    await this.ready();
    const counted = await this.deps.engine.count({ texts: [text] });
    return counted?.texts[0] ?? roughTokenCount(text);
  }

  /** A running model whose terms (if any) are accepted, or a refusal that says what to do. */
  private async ready(): Promise<void> {
    const { deps } = this;
    if (!(await deps.ensureReady())) throw startRefusal(deps.status.current, deps.texts, deps.termsTitle);
    const state: ModelState = deps.status.current;
    const termsId = termsIdOf(state);
    if (termsId !== null && !deps.termsAccepted(termsId)) {
      throw new LmRefusal(
        'NoPermissions',
        deps.texts.termsNotAccepted(state.model?.name ?? state.configuredName, deps.termsTitle(termsId)),
      );
    }
  }

  private checkModel(modelId: string): void {
    const current = this.info()[0];
    if (modelId !== current.id) throw new LmRefusal('NotFound', this.deps.texts.notFound(modelId, current.name));
  }
}
