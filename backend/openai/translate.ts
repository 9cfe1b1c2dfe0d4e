// OpenAI request bodies into Fude's own typed requests, checked by the same validation as a WebSocket frame,
// so both doors accept exactly the same values. A failure names the field as the OpenAI client spelled it.
import type { ChatRequest, CompleteRequest } from '../../protocol/messages.js';
import type { GenerationFields, ParsedChatBody, ParsedCompletionBody } from '../../protocol/openai.js';
import { validateRequest } from '../../protocol/validate.js';

export type Translation<R> = { ok: true; request: R } | { ok: false; message: string; param: string | null };

/** OpenAI's default budget for /v1/completions (its API reference; vLLM's docs say the same). */
export const COMPLETIONS_DEFAULT_MAX_TOKENS = 16;

function openAIName(field: string | undefined, body: GenerationFields): string | null {
  if (field === undefined) return null;
  const names: Record<string, string> = {
    maxTokens: body.maxTokensField ?? 'max_tokens',
    topP: 'top_p',
    prefix: 'prompt',
  };
  return names[field] ?? field;
}

function checked<R>(candidate: Record<string, unknown>, body: GenerationFields): Translation<R> {
  const v = validateRequest(candidate);
  if (!v.ok) {
    const param = openAIName(v.field, body);
    // Say the message in the client's vocabulary too.
    const message =
      param && v.field && param !== v.field ? v.message.replaceAll(`"${v.field}"`, `'${param}'`) : v.message;
    return { ok: false, message, param };
  }
  return { ok: true, request: v.request as R };
}

export function chatRequestFrom(id: string, body: ParsedChatBody): Translation<ChatRequest> {
  return checked<ChatRequest>(
    {
      id,
      type: 'chat',
      lane: 'chat',
      messages: body.messages,
      maxTokens: body.maxTokens,
      temperature: body.temperature,
      topP: body.topP,
      seed: body.seed,
      stop: body.stop,
    },
    body,
  );
}

export function completeRequestFrom(id: string, body: ParsedCompletionBody): Translation<CompleteRequest> {
  return checked<CompleteRequest>(
    {
      id,
      type: 'complete',
      prefix: body.prompt,
      suffix: body.suffix,
      maxTokens: body.maxTokens ?? COMPLETIONS_DEFAULT_MAX_TOKENS,
      temperature: body.temperature,
      topP: body.topP,
      seed: body.seed,
      stop: body.stop,
    },
    body,
  );
}
