// The OpenAI API as Fude speaks it: the wire shapes of /v1/models, /v1/chat/completions and /v1/completions,
// typed once for both ends (Fude's backend serves them; the remote-engine client reads them from vLLM,
// llama.cpp's server or Fude), and the validation of request bodies at the backend's edge.
// Shapes follow OpenAI's API reference (Chat Completions, Completions, Models, streaming); fields Fude does
// not use are left out of the types, and a reader must tolerate extra fields (servers add their own).
import type { ChatMessage, Role } from './messages.js';

// ---- shared ----

export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Prompt tokens served from the KV cache (OpenAI's name; Fude's `inputTokens - evaluatedInputTokens`). */
  prompt_tokens_details?: { cached_tokens: number };
}

/** `stop`: end of text or a stop string; `length`: the token budget. Others come from other servers. */
export type OpenAIFinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'abort' | (string & {});

export interface OpenAIErrorBody {
  error: {
    message: string;
    type: string;
    param: string | null;
    /** A string in OpenAI's API; some servers (llama.cpp) send the HTTP status as a number. */
    code: string | number | null;
  };
}

export interface ModelObject {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  /** vLLM's name for the context length; Fude sends it too. */
  max_model_len?: number;
  /** What Fude knows of its model, so a client can apply the model's terms and formats. */
  fude?: { family: string; termsId: string | null; fim: boolean; contextSize: number };
}

export interface ModelList {
  object: 'list';
  data: ModelObject[];
}

// ---- chat ----

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: { role: 'assistant'; content: string | null };
    logprobs: null;
    finish_reason: OpenAIFinishReason | null;
  }>;
  usage: OpenAIUsage;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  /** Empty in the usage-only last chunk (`stream_options.include_usage`). */
  choices: Array<{
    index: number;
    /** The first delta may carry only the role; content is "" (vLLM), null (llama.cpp) or absent. */
    delta: { role?: 'assistant'; content?: string | null };
    logprobs?: null;
    finish_reason: OpenAIFinishReason | null;
  }>;
  /** null on every chunk but the last when usage was asked for; some servers put it on the finishing chunk. */
  usage?: OpenAIUsage | null;
}

// ---- completions ----

export interface TextCompletion {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  choices: Array<{ index: number; text: string; logprobs: null; finish_reason: OpenAIFinishReason | null }>;
  usage: OpenAIUsage;
}

export interface TextCompletionChunk {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  choices: Array<{ index: number; text: string; logprobs?: null; finish_reason: OpenAIFinishReason | null }>;
  usage?: OpenAIUsage | null;
}

// ---- request bodies, as the backend accepts them ----

/** Sampling and streaming fields common to both endpoints, normalised (stop always an array). */
export interface GenerationFields {
  model: string;
  stream: boolean;
  includeUsage: boolean;
  maxTokens?: number;
  /** Which field the budget came from, to name it in an error. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  temperature?: number;
  topP?: number;
  seed?: number;
  stop?: string[];
}

export interface ParsedChatBody extends GenerationFields {
  messages: ChatMessage[];
}

export interface ParsedCompletionBody extends GenerationFields {
  prompt: string;
  suffix?: string;
}

export type BodyResult<T> = { ok: true; body: T } | { ok: false; message: string; param: string | null };

class ParamError extends Error {
  constructor(
    readonly param: string | null,
    message: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** null counts as absent: OpenAI's clients send explicit nulls for unset optional fields. */
function present(o: Obj, key: string): boolean {
  return o[key] !== undefined && o[key] !== null;
}

function optNumber(o: Obj, key: string, integer = false): number | undefined {
  if (!present(o, key)) return undefined;
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ParamError(key, `'${key}' must be a number`);
  if (integer && !Number.isInteger(v)) throw new ParamError(key, `'${key}' must be an integer`);
  return v;
}

function optBoolean(o: Obj, key: string): boolean | undefined {
  if (!present(o, key)) return undefined;
  if (typeof o[key] !== 'boolean') throw new ParamError(key, `'${key}' must be true or false`);
  return o[key];
}

function optString(o: Obj, key: string): string | undefined {
  if (!present(o, key)) return undefined;
  if (typeof o[key] !== 'string') throw new ParamError(key, `'${key}' must be a string`);
  return o[key];
}

/**
 * Fields whose meaning Fude cannot honour: refusing them is better than an answer that silently ignores them.
 * Each entry says which values are harmless (the default).
 */
const UNSUPPORTED: ReadonlyArray<[string, (v: unknown) => boolean]> = [
  ['tools', (v) => Array.isArray(v) && v.length === 0],
  ['functions', (v) => Array.isArray(v) && v.length === 0],
  ['tool_choice', (v) => v === 'none'],
  ['function_call', (v) => v === 'none'],
  ['response_format', (v) => isObj(v) && v.type === 'text'],
  ['logprobs', (v) => v === false],
  ['top_logprobs', (v) => v === 0],
  ['echo', (v) => v === false],
  ['best_of', (v) => v === 1],
  ['logit_bias', (v) => isObj(v) && Object.keys(v).length === 0],
  ['audio', () => false],
  ['modalities', (v) => Array.isArray(v) && v.every((m) => m === 'text')],
];

function refuseUnsupported(o: Obj): void {
  for (const [key, harmless] of UNSUPPORTED) {
    if (present(o, key) && !harmless(o[key])) throw new ParamError(key, `'${key}' is not supported by Fude's backend`);
  }
}

function generation(o: Obj): GenerationFields {
  if (typeof o.model !== 'string' || o.model === '')
    throw new ParamError('model', "'model' must be the id of a model from GET /v1/models");
  refuseUnsupported(o);
  const n = optNumber(o, 'n', true);
  if (n !== undefined && n !== 1)
    throw new ParamError('n', "'n' must be 1: Fude's backend generates one choice per request");
  const stream = optBoolean(o, 'stream') ?? false;
  let includeUsage = false;
  if (present(o, 'stream_options')) {
    const so = o.stream_options;
    if (!isObj(so)) throw new ParamError('stream_options', "'stream_options' must be an object");
    includeUsage = optBoolean(so, 'include_usage') ?? false;
  }
  const maxCompletion = optNumber(o, 'max_completion_tokens', true);
  const max = optNumber(o, 'max_tokens', true);
  let stop: string[] | undefined;
  if (present(o, 'stop')) {
    const s = o.stop;
    if (typeof s === 'string') stop = [s];
    else if (Array.isArray(s) && s.every((x) => typeof x === 'string')) stop = s;
    else throw new ParamError('stop', "'stop' must be a string or an array of strings");
  }
  return {
    model: o.model,
    stream,
    includeUsage: stream && includeUsage,
    maxTokens: maxCompletion ?? max,
    maxTokensField:
      maxCompletion !== undefined ? 'max_completion_tokens' : max !== undefined ? 'max_tokens' : undefined,
    temperature: optNumber(o, 'temperature'),
    topP: optNumber(o, 'top_p'),
    seed: optNumber(o, 'seed', true),
    stop,
  };
}

const ROLES: Readonly<Record<string, Role>> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
};

function messageText(content: unknown, field: string): string {
  if (typeof content === 'string') return content;
  // Content parts: only text can reach a text model.
  if (Array.isArray(content)) {
    return content
      .map((part: unknown, j) => {
        if (!isObj(part) || part.type !== 'text' || typeof part.text !== 'string') {
          throw new ParamError(
            `${field}[${j}]`,
            `'${field}[${j}]' must be a text part {"type": "text", "text": "..."}; Fude's models read text only`,
          );
        }
        return part.text;
      })
      .join('');
  }
  throw new ParamError(field, `'${field}' must be a string or an array of text parts`);
}

function chatMessages(o: Obj): ChatMessage[] {
  const v = o.messages;
  if (!Array.isArray(v) || v.length === 0)
    throw new ParamError('messages', "'messages' must be a non-empty array of {role, content}");
  return v.map((m: unknown, i) => {
    const field = `messages[${i}]`;
    if (!isObj(m)) throw new ParamError(field, `'${field}' must be an object {role, content}`);
    const role = typeof m.role === 'string' ? ROLES[m.role] : undefined;
    if (!role)
      throw new ParamError(`${field}.role`, `'${field}.role' must be one of system, developer, user, assistant`);
    return { role, content: messageText(m.content, `${field}.content`) };
  });
}

function completionPrompt(o: Obj): string {
  const p = o.prompt;
  if (typeof p === 'string') return p;
  if (Array.isArray(p) && p.length === 1 && typeof p[0] === 'string') return p[0];
  throw new ParamError('prompt', "'prompt' must be a string (one prompt per request; token arrays are not accepted)");
}

function parse<T>(value: unknown, build: (o: Obj) => T): BodyResult<T> {
  if (!isObj(value)) return { ok: false, message: 'the request body must be a JSON object', param: null };
  try {
    return { ok: true, body: build(value) };
  } catch (e) {
    if (e instanceof ParamError) return { ok: false, message: e.message, param: e.param };
    throw e;
  }
}

export function parseChatBody(value: unknown): BodyResult<ParsedChatBody> {
  return parse(value, (o) => ({ ...generation(o), messages: chatMessages(o) }));
}

export function parseCompletionBody(value: unknown): BodyResult<ParsedCompletionBody> {
  return parse(value, (o) => {
    const suffix = optString(o, 'suffix');
    return { ...generation(o), prompt: completionPrompt(o), ...(suffix !== undefined ? { suffix } : {}) };
  });
}
