// Validation of client requests at the backend's edge. Every failure names the field, so a client
// author can fix the request from the message alone.
import { type ChatMessage, type Request, type Role, MAX_MESSAGE_BYTES, REQUEST_TYPES } from './messages.js';

export type Validation =
  { ok: true; request: Request } | { ok: false; id: string | null; field?: string; message: string };

type Obj = Record<string, unknown>;

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const ROLES: readonly Role[] = ['system', 'user', 'assistant'];
const MAX_ID_LENGTH = 200;
const MAX_STOP_STRINGS = 16;
const MAX_COUNT_TEXTS = 10_000;

/** What an error repeats of a client's text: a short piece, never the whole (it could be megabytes). */
const MAX_ECHO_CHARS = 40;
function echo(text: string): string {
  return text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS)}…` : text;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Obj, key: string, opts: { optional?: boolean; max?: number } = {}): string | undefined {
  const v = o[key];
  if (v === undefined && opts.optional) return undefined;
  if (typeof v !== 'string') throw new FieldError(key, `"${key}" must be a string`);
  if (opts.max !== undefined && v.length > opts.max)
    throw new FieldError(key, `"${key}" is longer than ${opts.max} characters`);
  return v;
}

function num(o: Obj, key: string, min: number, max: number, integer = false): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new FieldError(key, `"${key}" must be a finite number`);
  if (integer && !Number.isInteger(v)) throw new FieldError(key, `"${key}" must be an integer`);
  if (v < min || v > max) throw new FieldError(key, `"${key}" must be between ${min} and ${max}`);
  return v;
}

function messages(o: Obj): ChatMessage[] {
  const v = o.messages;
  if (!Array.isArray(v)) throw new FieldError('messages', '"messages" must be an array of {role, content}');
  if (v.length === 0) throw new FieldError('messages', '"messages" must not be empty');
  return v.map((m: unknown, i) => {
    const field = `messages[${i}]`;
    if (!isObj(m)) throw new FieldError(field, `"${field}" must be an object {role, content}`);
    if (typeof m.role !== 'string' || !ROLES.includes(m.role as Role)) {
      throw new FieldError(`${field}.role`, `"${field}.role" must be one of ${ROLES.join(', ')}`);
    }
    if (typeof m.content !== 'string') throw new FieldError(`${field}.content`, `"${field}.content" must be a string`);
    return { role: m.role as Role, content: m.content };
  });
}

function sampling(o: Obj) {
  return dropUndefined({
    maxTokens: num(o, 'maxTokens', 1, 1_000_000, true),
    temperature: num(o, 'temperature', 0, 10),
    topP: num(o, 'topP', 0, 1),
    topK: num(o, 'topK', 0, 1_000_000, true),
    repeatPenalty: num(o, 'repeatPenalty', 0, 10),
    seed: num(o, 'seed', 0, 2 ** 32 - 1, true),
  });
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function stopStrings(o: Obj): string[] | undefined {
  const v = o.stop;
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.length === 0)) {
    throw new FieldError('stop', '"stop" must be an array of non-empty strings');
  }
  if (v.length > MAX_STOP_STRINGS) throw new FieldError('stop', `"stop" may hold at most ${MAX_STOP_STRINGS} strings`);
  return v as string[];
}

function countTexts(o: Obj): string[] | undefined {
  const v = o.texts;
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string'))
    throw new FieldError('texts', '"texts" must be an array of strings');
  if (v.length > MAX_COUNT_TEXTS) throw new FieldError('texts', `"texts" may hold at most ${MAX_COUNT_TEXTS} strings`);
  return v as string[];
}

function parseRequest(o: Obj, id: string): Request {
  const type = o.type;
  if (typeof type !== 'string') throw new FieldError('type', `"type" must be one of ${REQUEST_TYPES.join(', ')}`);
  switch (type) {
    case 'chat': {
      const lane = o.lane;
      if (lane !== undefined && lane !== 'chat' && lane !== 'docs')
        throw new FieldError('lane', '"lane" must be "chat" or "docs"');
      const predictFrom = o.predictFrom;
      if (predictFrom !== undefined && predictFrom !== 'input')
        throw new FieldError('predictFrom', '"predictFrom" must be "input" (or left out)');
      return dropUndefined({
        id,
        type,
        messages: messages(o),
        lane,
        stop: stopStrings(o),
        predictFrom,
        ...sampling(o),
      });
    }
    case 'complete':
      return dropUndefined({
        id,
        type,
        prefix: str(o, 'prefix') as string,
        suffix: str(o, 'suffix', { optional: true }),
        maxTokens: num(o, 'maxTokens', 1, 100_000, true),
        stop: stopStrings(o),
        language: str(o, 'language', { optional: true, max: 100 }),
        temperature: num(o, 'temperature', 0, 10),
        topP: num(o, 'topP', 0, 1),
        seed: num(o, 'seed', 0, 2 ** 32 - 1, true),
      });
    case 'prefill':
      return dropUndefined({
        id,
        type,
        prefix: str(o, 'prefix') as string,
        suffix: str(o, 'suffix', { optional: true }),
      });
    case 'render':
      if (o.prefix !== undefined) {
        if (o.messages !== undefined)
          throw new FieldError(
            'messages',
            'a render request has either "messages" (a chat prompt) or "prefix" (a completion prompt), not both',
          );
        return dropUndefined({
          id,
          type,
          prefix: str(o, 'prefix') as string,
          suffix: str(o, 'suffix', { optional: true }),
        });
      }
      return { id, type, messages: messages(o) };
    case 'count': {
      const texts = countTexts(o);
      const msgs = o.messages === undefined ? undefined : messages(o);
      if (texts === undefined && msgs === undefined)
        throw new FieldError('texts', '"count" needs "messages", "texts" or both');
      return dropUndefined({ id, type, messages: msgs, texts });
    }
    case 'cancel':
      return { id, type, target: str(o, 'target', { max: MAX_ID_LENGTH }) as string };
    case 'status':
      return { id, type };
    default:
      throw new FieldError('type', `unknown request type "${echo(type)}"; expected one of ${REQUEST_TYPES.join(', ')}`);
  }
}

/** Parse and validate one text frame. Never throws. */
export function validateFrame(frame: string): Validation {
  if (Buffer.byteLength(frame, 'utf8') > MAX_MESSAGE_BYTES) {
    return { ok: false, id: null, message: `message larger than ${MAX_MESSAGE_BYTES} bytes` };
  }
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch (e) {
    return { ok: false, id: null, message: `message is not valid JSON: ${(e as Error).message}` };
  }
  return validateRequest(value);
}

/** Validate an already-parsed request object (a WebSocket frame, or one built from an OpenAI API body). Never throws. */
export function validateRequest(value: unknown): Validation {
  if (!isObj(value)) return { ok: false, id: null, message: 'message must be a JSON object with "id" and "type"' };
  const rawId = value.id;
  if (typeof rawId !== 'string' || rawId.length === 0 || rawId.length > MAX_ID_LENGTH) {
    return {
      ok: false,
      id: null,
      field: 'id',
      message: `"id" must be a non-empty string of at most ${MAX_ID_LENGTH} characters`,
    };
  }
  try {
    return { ok: true, request: parseRequest(value, rawId) };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, id: rawId, field: e.field, message: e.message };
    return { ok: false, id: rawId, message: String(e) };
  }
}
