/**
 * One answer, from the saved conversation to the saved answer: fit the prompt to the context
 * (telling the panel what was left out), stream the answer in batches, save what arrived,
 * and end with done or an error line.
 */
import type { ChatMessage } from '../../protocol/messages.js';
import { streamAnswer } from '../engine/stream-answer.js';
import { fitPrompt } from './chat-prompt.js';
import { DeltaBatcher } from './delta-batcher.js';
import { rewritesAttachedCode } from './rewrite-intent.js';
import type { ExtensionMessage } from './panel-messages.js';
import type { ChatSessionDeps } from './session-types.js';

export interface Streaming {
  conversationId: string;
  text: string;
  /** The model writing this answer. */
  model: string | null;
  controller: AbortController;
}

export interface TurnEnv {
  deps: ChatSessionDeps;
  post(message: ExtensionMessage): void;
  error(conversationId: string, message: string, retry?: boolean): void;
  note(conversationId: string, message: string): void;
}

export interface TurnResult {
  /** The prompt sent; null when nothing was. */
  request: ChatMessage[] | null;
  tokensPerSecond: number | null;
}

export async function answerTurn(env: TurnEnv, streaming: Streaming): Promise<TurnResult> {
  const { history, texts } = env.deps;
  const { conversationId, controller } = streaming;
  const none: TurnResult = { request: null, tokensPerSecond: null };
  const conversation = history.get(conversationId);
  if (conversation === undefined) return none;
  const sampling = env.deps.sampling();
  const { engine } = env.deps;
  const fitted = await fitPrompt(conversation.messages, {
    contextSize: env.deps.contextSize() ?? 2048,
    maxTokens: sampling.maxTokens,
    count: (call) => engine.count(call),
  });
  env.post({ type: 'contextNotes', conversationId, leftOut: fitted.leftOut.map((item) => texts.leftOut(item)) });
  if (!fitted.fits) {
    env.error(conversationId, texts.tooLong(fitted.tokens, fitted.limit));
    return none;
  }
  if (controller.signal.aborted) {
    env.post({ type: 'done', conversationId, stopReason: 'stopped' });
    return none;
  }
  const batcher = new DeltaBatcher((text) => env.post({ type: 'delta', conversationId, text }));
  // An answer that rewrites the attached code copies most of it: the engine may predict tokens from the prompt.
  const asked = conversation.messages[conversation.messages.length - 1];
  const rewrite =
    asked?.role === 'user' &&
    rewritesAttachedCode({ question: asked.text, attachments: asked.attachments?.length ?? 0 });
  const call = {
    messages: fitted.messages,
    lane: 'chat' as const,
    ...sampling,
    ...(rewrite ? { predictFrom: 'input' as const } : {}),
  };
  const outcome = await streamAnswer(
    engine,
    call,
    controller.signal,
    (delta) => {
      streaming.text += delta;
      batcher.push(delta);
    },
    (view) => env.post({ type: 'progress', conversationId, text: texts.reading(view) }),
  ).finally(() => batcher.flush());
  // What arrived is never lost; an answer a failure cut short is saved marked as cut.
  if (outcome.text !== '') {
    const saved = await history.updateLastAssistant(conversationId, outcome.text, {
      model: streaming.model ?? undefined,
      cut: outcome.kind === 'error',
    });
    if (saved?.trimmed) env.note(conversationId, texts.answerCut);
  }
  const result: TurnResult = {
    request: fitted.messages,
    tokensPerSecond: outcome.kind === 'error' ? null : outcome.tokensPerSecond,
  };
  if (outcome.kind === 'error') {
    // The engine's sentence is for the log; the panel words the code in the display language.
    env.deps.log(`chat: the answer failed [${outcome.code}]: ${outcome.message}`);
    env.error(conversationId, texts.failed(outcome.code, outcome.retryAfterMs), true);
    return result;
  }
  env.post({ type: 'done', conversationId, stopReason: outcome.kind === 'maxTokens' ? 'maxTokens' : outcome.kind });
  if (outcome.kind === 'maxTokens') env.error(conversationId, texts.cutShort, true);
  return result;
}
