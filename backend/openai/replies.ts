// Fude's results in OpenAI's response shapes: whole answers, stream chunks, the model list and error bodies.
// Pure functions, so the shapes are unit-tested without a model.
import type { DoneEvent, ErrorCode, ModelInfo, StopReason, Usage } from '../../protocol/messages.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ModelList,
  OpenAIErrorBody,
  OpenAIFinishReason,
  OpenAIUsage,
  TextCompletion,
  TextCompletionChunk,
} from '../../protocol/openai.js';

/** What every chunk of one answer shares. */
export interface ReplyIds {
  id: string;
  created: number;
  model: string;
}

export function finishReason(stop: StopReason): OpenAIFinishReason {
  return stop === 'maxTokens' ? 'length' : 'stop';
}

export function openAIUsage(u: Usage): OpenAIUsage {
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.inputTokens - u.evaluatedInputTokens },
  };
}

export function modelList(info: ModelInfo, created: number): ModelList {
  return {
    object: 'list',
    data: [
      {
        id: info.name,
        object: 'model',
        created,
        owned_by: 'fude',
        max_model_len: info.contextSize,
        fude: { family: info.family, termsId: info.termsId, fim: info.fim, contextSize: info.contextSize },
      },
    ],
  };
}

export function chatCompletion(ids: ReplyIds, text: string, done: Omit<DoneEvent, 'id'>): ChatCompletion {
  return {
    ...ids,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text },
        logprobs: null,
        finish_reason: finishReason(done.stopReason),
      },
    ],
    usage: openAIUsage(done.usage),
  };
}

export function textCompletion(ids: ReplyIds, text: string, done: Omit<DoneEvent, 'id'>): TextCompletion {
  return {
    ...ids,
    object: 'text_completion',
    choices: [{ index: 0, text, logprobs: null, finish_reason: finishReason(done.stopReason) }],
    usage: openAIUsage(done.usage),
  };
}

/**
 * The chunks of a streamed answer, in OpenAI's order: the role first, then text, then the finish reason on an
 * empty delta, then (when asked) usage on a chunk with no choices. With usage asked for, every other chunk
 * carries `usage: null`, as OpenAI's streaming reference says.
 */
export class ChunkMaker {
  constructor(
    private readonly ids: ReplyIds,
    private readonly kind: 'chat' | 'text',
    private readonly includeUsage: boolean,
  ) {}

  private usageNull() {
    return this.includeUsage ? { usage: null } : {};
  }

  private chat(
    delta: ChatCompletionChunk['choices'][0]['delta'],
    finish: OpenAIFinishReason | null,
  ): ChatCompletionChunk {
    return {
      ...this.ids,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...this.usageNull(),
    };
  }

  private text(text: string, finish: OpenAIFinishReason | null): TextCompletionChunk {
    return {
      ...this.ids,
      object: 'text_completion',
      choices: [{ index: 0, text, logprobs: null, finish_reason: finish }],
      ...this.usageNull(),
    };
  }

  /** Chat's role-only first chunk; completions have none. */
  first(): ChatCompletionChunk | undefined {
    return this.kind === 'chat' ? this.chat({ role: 'assistant', content: '' }, null) : undefined;
  }

  delta(text: string): ChatCompletionChunk | TextCompletionChunk {
    return this.kind === 'chat' ? this.chat({ content: text }, null) : this.text(text, null);
  }

  finish(stop: StopReason): ChatCompletionChunk | TextCompletionChunk {
    return this.kind === 'chat' ? this.chat({}, finishReason(stop)) : this.text('', finishReason(stop));
  }

  usage(u: Usage): ChatCompletionChunk | TextCompletionChunk | undefined {
    if (!this.includeUsage) return undefined;
    const object = this.kind === 'chat' ? ('chat.completion.chunk' as const) : ('text_completion' as const);
    return { ...this.ids, object, choices: [], usage: openAIUsage(u) };
  }
}

export interface HttpError {
  status: number;
  body: OpenAIErrorBody;
  headers?: Record<string, string>;
}

export function httpError(
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
  headers?: Record<string, string>,
): HttpError {
  return { status, body: { error: { message, type, param, code } }, ...(headers ? { headers } : {}) };
}

/** Seconds a client should wait after a full queue: generation of one answer is usually that order. */
export const BUSY_RETRY_AFTER_S = 1;

/** A failed request's status and body, from the backend's stable error codes. */
export function errorFor(code: ErrorCode, message: string): HttpError {
  switch (code) {
    case 'bad_request':
      return httpError(400, message, 'invalid_request_error');
    case 'context_overflow':
      return httpError(400, message, 'invalid_request_error', 'context_length_exceeded');
    case 'busy':
      return httpError(429, message, 'rate_limit_error', 'queue_full', null, {
        'retry-after': String(BUSY_RETRY_AFTER_S),
      });
    case 'terms_not_accepted':
      return httpError(403, message, 'permission_error', 'terms_not_accepted');
    // A client that cancels closes its connection and reads no answer; one that does read it was cancelled by
    // the backend itself (shutting down).
    case 'cancelled':
      return httpError(503, message, 'server_error', 'cancelled');
    case 'internal':
      return httpError(500, message, 'server_error', 'internal_error');
  }
}
