// One documentation request to the model: the prohibited-use check first, then a streamed answer on the
// backend's 'docs' lane (its own KV cache, so documentation work never evicts the chat's).
import type { ChatMessage } from '../../protocol/messages.js';
import type { FudeCore } from '../core.js';
import { noticeFlow } from '../terms/register-terms.js';
import { answerTokens } from './fit-code.js';
import { docSampling, type DocStyle } from './prompts.js';

/** Builds the messages once the model (and so its context size) is known. */
export type BuildMessages = (contextSize: number, answer: number) => ChatMessage[];

export const DOCS_NOTICE_SESSION = 'docs';

export type GenerateResult = { ok: true; text: string } | { ok: false; reason: 'not-ready' | 'declined' | 'cancelled' | 'failed'; message?: string };

export async function generateDocs(core: FudeCore, build: BuildMessages, style: DocStyle, signal: AbortSignal, onDelta: (text: string) => void = () => undefined): Promise<GenerateResult> {
  const client = await core.ensureReady();
  if (!client) return { ok: false, reason: 'not-ready' };
  const s = core.service.supervisor.current;
  const termsId = s.kind === 'ready' ? s.ready.model.termsId ?? null : null;
  const contextSize = s.kind === 'ready' ? s.ready.model.contextSize : 2048;
  const sampling = docSampling(style.length);
  const maxTokens = answerTokens(contextSize, sampling.maxTokens);
  const messages = build(contextSize, maxTokens);
  const request = messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
  const decision = await noticeFlow()?.check(request, termsId, DOCS_NOTICE_SESSION);
  if (decision && !decision.send) return { ok: false, reason: 'declined' };
  if (signal.aborted) return { ok: false, reason: 'cancelled' };
  let text = '';
  try {
    for await (const chunk of client.chat({ messages, lane: 'docs', temperature: sampling.temperature, maxTokens }, signal)) {
      text += chunk;
      onDelta(chunk);
    }
    return { ok: true, text };
  } catch (e) {
    if (signal.aborted || (e as { code?: unknown }).code === 'cancelled') return { ok: false, reason: 'cancelled' };
    core.log.error(`docs: ${(e as Error).message}`);
    return { ok: false, reason: 'failed', message: (e as Error).message };
  }
}
