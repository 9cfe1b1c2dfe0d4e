// One documentation request to the model: a running model, the request guard over the code it is about,
// then an answer streamed on the 'docs' lane (its own KV cache, so documentation work never evicts the chat's).
import type { ChatMessage } from '../../protocol/messages.js';
import type { Engine } from '../engine/engine.js';
import type { ModelStatusView } from '../engine/model-status.js';
import type { ReadingView } from '../engine/reading-progress.js';
import { streamAnswer } from '../engine/stream-answer.js';
import type { RequestGuard } from '../guard/request-guard.js';
import { answerTokens } from './fit-code.js';
import { docSampling, type DocStyle } from './prompts.js';

/** Builds the messages once the model (and so its context size) is known. */
export type BuildMessages = (contextSize: number, answer: number) => ChatMessage[];

const DOCS_NOTICE_SESSION = 'docs';

export type GenerateResult =
  | { ok: true; text: string; cutShort: boolean }
  /** `code`: the engine's error code when it failed (its message went to the log); `retryAfterMs` when the server said. */
  | { ok: false; reason: 'not-ready' | 'declined' | 'cancelled' | 'failed'; code?: string; retryAfterMs?: number };

export interface DocsModel {
  engine: Pick<Engine, 'chat'>;
  status: ModelStatusView;
  ensureReady(): Promise<boolean>;
  guard: RequestGuard;
  log(line: string): void;
}

export interface GenerateExtras {
  /** 'input': the answer copies the code it is given (a comment translation): the engine may predict tokens from it. */
  readonly predictFrom?: 'input';
  /** While the model reads a long prompt, before the first words. */
  readonly onReading?: (view: ReadingView) => void;
}

/** `code`: what the request is about (the selection or the declaration), which the guard classifies. */
export async function generateDocs(
  model: DocsModel,
  build: BuildMessages,
  code: { name: string; text: string },
  style: DocStyle,
  signal: AbortSignal,
  onDelta: (text: string) => void = () => undefined,
  extras: GenerateExtras = {},
): Promise<GenerateResult> {
  if (!(await model.ensureReady())) return { ok: false, reason: 'not-ready' };
  const contextSize = model.status.current.model?.contextSize ?? 2048;
  const sampling = docSampling(style.length);
  const maxTokens = answerTokens(contextSize, sampling.maxTokens);
  const messages = build(contextSize, maxTokens);
  const verdict = await model.guard.check({
    feature: 'docs',
    session: DOCS_NOTICE_SESSION,
    question: '',
    attachments: [{ kind: 'selection', ...code }],
  });
  if (!verdict.send) return { ok: false, reason: verdict.reason === 'not-ready' ? 'not-ready' : 'declined' };
  if (signal.aborted) return { ok: false, reason: 'cancelled' };
  const call = {
    messages,
    lane: 'docs' as const,
    temperature: sampling.temperature,
    maxTokens,
    ...(extras.predictFrom ? { predictFrom: extras.predictFrom } : {}),
  };
  const outcome = await streamAnswer(model.engine, call, signal, onDelta, extras.onReading);
  switch (outcome.kind) {
    case 'finished':
    case 'maxTokens':
      return { ok: true, text: outcome.text, cutShort: outcome.kind === 'maxTokens' };
    case 'stopped':
      return { ok: false, reason: 'cancelled' };
    case 'error':
      model.log(`docs: the answer failed [${outcome.code}]: ${outcome.message}`);
      return {
        ok: false,
        reason: 'failed',
        code: outcome.code,
        ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
      };
  }
}
