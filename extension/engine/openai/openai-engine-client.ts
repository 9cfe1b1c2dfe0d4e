// A client for any OpenAI-compatible server (vLLM, llama.cpp's llama-server, SGLang, Fude's own backend):
// list models, stream a chat (/v1/chat/completions) or a completion (/v1/completions) as text parts ending in
// the finish reason, usage and measured latency. Editor-neutral: no `vscode`; the API key and the CA file's
// contents are passed in by the caller. Every failure is a RemoteEngineError with a stable code, and the text
// streamed before a failure is kept on the error.
import type { ChatMessage } from '../../../protocol/messages.js';
import type { ChatCompletion, ModelList, TextCompletion } from '../../../protocol/openai.js';
import { connectionError, RemoteEngineError, statusError } from './errors.js';
import { HttpTransport, readText, type Exchange } from './http-transport.js';
import { SseParser, type SseEvent } from './sse-parser.js';
import { readChunk, type StreamKind } from './stream-chunks.js';

export interface RemoteEngineSettings {
  /** The API's base, with its version path: `https://gpu-node:8000/v1`. */
  baseUrl: string;
  /** The served model's id, as GET /models lists it. */
  model: string;
  /** Sent as `Authorization: Bearer KEY` when not empty. */
  apiKey?: string;
  /** Verify the server's TLS certificate (default true). */
  verifyTls?: boolean;
  /** PEM text of an extra CA certificate to trust. */
  caPem?: string;
  /** Until the TCP (and TLS) connection stands. */
  connectTimeoutMs?: number;
  /** From sending a request to its first text. */
  firstTokenTimeoutMs?: number;
  /** The longest silence between two pieces of a stream. */
  idleTimeoutMs?: number;
}

export const DEFAULT_TIMEOUTS = {
  connectTimeoutMs: 10_000,
  firstTokenTimeoutMs: 60_000,
  idleTimeoutMs: 60_000,
} as const;

export interface GenerationOptions {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  seed?: number;
  stop?: string[];
  signal?: AbortSignal;
  /** A deadline for the whole answer (the completion budget); past it the stream ends with code `timeout`. */
  budgetMs?: number;
  /** Overrides the settings' first-token timeout for this request. */
  firstTokenTimeoutMs?: number;
  /** Ask for usage in a last chunk (`stream_options.include_usage`, default true). */
  includeUsage?: boolean;
}

export interface ChatOptions extends GenerationOptions {
  messages: ChatMessage[];
}

export interface CompletionOptions extends GenerationOptions {
  prompt: string;
  /** Only for servers that accept `suffix` (vLLM refuses it; OpenAI's API and Fude's backend take it). */
  suffix?: string;
}

export interface Latency {
  /** Request sent to response headers. */
  headersMs: number;
  /** Request sent to the first text (absent when there was none). */
  firstTokenMs?: number;
  totalMs: number;
}

export interface RemoteUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
}

export type StreamPart =
  | { type: 'text'; text: string }
  | { type: 'end'; text: string; finishReason: string; usage?: RemoteUsage; latency: Latency; model?: string };

export interface RemoteModel {
  id: string;
  ownedBy?: string;
  /** The context length where the server says it (vLLM's `max_model_len`, Fude's too). */
  contextLength?: number;
  /** The whole entry, for server-specific metadata (llama.cpp's `meta`, Fude's `fude`). */
  raw: Record<string, unknown>;
}

const ERROR_BODY_LIMIT = 64 * 1024;
const JSON_BODY_LIMIT = 16 * 1024 * 1024;
/** After [DONE], how long the server may take to close the response before the connection is dropped. */
const DRAIN_AFTER_DONE_MS = 2000;

export class OpenAIEngineClient {
  private readonly base: string;
  private readonly transport: HttpTransport;
  private readonly timeouts: Required<
    Pick<RemoteEngineSettings, 'connectTimeoutMs' | 'firstTokenTimeoutMs' | 'idleTimeoutMs'>
  >;
  /** The server, for messages: scheme, host and port only (never a key or credentials). */
  readonly where: string;

  constructor(private readonly settings: RemoteEngineSettings) {
    let url: URL;
    try {
      url = new URL(settings.baseUrl);
    } catch {
      throw new RemoteEngineError(
        'bad_url',
        `"${settings.baseUrl}" is not a URL; expected something like http://host:8000/v1`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new RemoteEngineError('bad_url', `the base URL must start with http:// or https://, not ${url.protocol}`);
    this.where = url.origin;
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.timeouts = {
      connectTimeoutMs: settings.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
      firstTokenTimeoutMs: settings.firstTokenTimeoutMs ?? DEFAULT_TIMEOUTS.firstTokenTimeoutMs,
      idleTimeoutMs: settings.idleTimeoutMs ?? DEFAULT_TIMEOUTS.idleTimeoutMs,
    };
    this.transport = new HttpTransport({
      verifyTls: settings.verifyTls !== false,
      caPem: settings.caPem,
      connectTimeoutMs: this.timeouts.connectTimeoutMs,
    });
  }

  get model(): string {
    return this.settings.model;
  }

  /** GET /models, with the time to the headers (a cheap health and latency probe). */
  async listModels(signal?: AbortSignal): Promise<{ models: RemoteModel[]; headersMs: number }> {
    const guard = new Guard(signal);
    guard.arm(this.timeouts.firstTokenTimeoutMs, () =>
      timeoutError(
        'first_token',
        `${this.where} did not answer GET /models within ${this.timeouts.firstTokenTimeoutMs} ms`,
      ),
    );
    try {
      const ex = await this.transport.send(this.url('/models'), {
        method: 'GET',
        headers: this.headers('application/json'),
        signal: guard.signal,
      });
      const body = await readText(ex.response, ok(ex) ? JSON_BODY_LIMIT : ERROR_BODY_LIMIT);
      if (!ok(ex))
        throw statusError(ex.response.statusCode ?? 0, body, header(ex, 'retry-after'), this.where, undefined);
      const list = parseJson(body, this.where) as Partial<ModelList>;
      if (!Array.isArray(list.data))
        throw new RemoteEngineError('bad_response', `${this.where}/models did not answer with a model list`);
      const models = list.data
        .filter((m) => m && typeof m.id === 'string')
        .map((m) => {
          const raw = m as unknown as Record<string, unknown>;
          const contextLength = typeof raw.max_model_len === 'number' ? raw.max_model_len : undefined;
          return {
            id: m.id,
            ...(typeof m.owned_by === 'string' ? { ownedBy: m.owned_by } : {}),
            ...(contextLength ? { contextLength } : {}),
            raw,
          };
        });
      return { models, headersMs: ex.headersMs };
    } catch (e) {
      throw guard.explain(e, this.where);
    } finally {
      guard.dispose();
    }
  }

  /**
   * llama.cpp's GET /props (at the server's root, beside /v1): its context per slot and model path. Undefined
   * when the server has none (vLLM, most others) or does not answer in time. Throws `unauthorized` on 401/403:
   * llama.cpp lists its models without a key, so this is where a wrong key shows before the first request.
   */
  async props(signal?: AbortSignal): Promise<Record<string, unknown> | undefined> {
    const guard = new Guard(signal);
    guard.arm(this.timeouts.connectTimeoutMs, () =>
      timeoutError('first_token', `${this.where} did not answer GET /props`),
    );
    try {
      const root = this.base.replace(/\/v\d+$/, '');
      const ex = await this.transport.send(new URL(`${root}/props`), {
        method: 'GET',
        headers: this.headers('application/json'),
        signal: guard.signal,
      });
      const body = await readText(ex.response, ok(ex) ? JSON_BODY_LIMIT : ERROR_BODY_LIMIT);
      const status = ex.response.statusCode ?? 0;
      if (status === 401 || status === 403) throw statusError(status, body, undefined, this.where, undefined);
      if (!ok(ex)) return undefined;
      const value = JSON.parse(body) as unknown;
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    } catch (e) {
      if (e instanceof RemoteEngineError && e.code === 'unauthorized') throw e;
      return undefined;
    } finally {
      guard.dispose();
    }
  }

  /** POST /chat/completions, streamed. */
  chat(opts: ChatOptions): AsyncIterable<StreamPart> {
    return this.stream('/chat/completions', 'chat', { messages: opts.messages, ...this.generationBody(opts) }, opts);
  }

  /** POST /completions, streamed: a raw prompt (and a suffix where the server takes one). */
  complete(opts: CompletionOptions): AsyncIterable<StreamPart> {
    return this.stream(
      '/completions',
      'text',
      {
        prompt: opts.prompt,
        ...(opts.suffix !== undefined ? { suffix: opts.suffix } : {}),
        ...this.generationBody(opts),
      },
      opts,
    );
  }

  /** Closes idle keep-alive connections. */
  dispose(): void {
    this.transport.dispose();
  }

  private url(path: string): URL {
    return new URL(`${this.base}${path}`);
  }

  private headers(accept: string): Record<string, string> {
    return {
      accept,
      'content-type': 'application/json',
      'user-agent': 'fude-remote-engine',
      ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
    };
  }

  private generationBody(opts: GenerationOptions): Record<string, unknown> {
    return definedOnly({
      model: this.settings.model,
      stream: true,
      stream_options: opts.includeUsage === false ? undefined : { include_usage: true },
      max_tokens: opts.maxTokens,
      temperature: opts.temperature,
      top_p: opts.topP,
      seed: opts.seed,
      stop: opts.stop && opts.stop.length > 0 ? opts.stop : undefined,
    });
  }

  private async *stream(
    path: string,
    kind: StreamKind,
    body: Record<string, unknown>,
    opts: GenerationOptions,
  ): AsyncGenerator<StreamPart, void, undefined> {
    const where = this.where;
    const guard = new Guard(opts.signal);
    const firstTokenMs = opts.firstTokenTimeoutMs ?? this.timeouts.firstTokenTimeoutMs;
    guard.arm(firstTokenMs, () => timeoutError('first_token', `${where} sent no text within ${firstTokenMs} ms`));
    const budget = opts.budgetMs;
    if (budget !== undefined)
      guard.armBudget(budget, () => timeoutError('budget', `${where} was slower than the budget of ${budget} ms`));
    const started = performance.now();
    let text = '';
    let firstText: number | undefined;
    let finishReason: string | undefined;
    let usage: RemoteUsage | undefined;
    let model: string | undefined;
    let sawDone = false;
    let ex: Exchange | undefined;
    let finished = false;

    /** One SSE event: the text it adds, if any. Throws on an error event. */
    const take = (ev: SseEvent): string => {
      if (ev.data === '[DONE]') {
        sawDone = true;
        return '';
      }
      if (ev.event === 'error')
        throw new RemoteEngineError('server_error', `${where} reported an error mid-answer: ${ev.data.slice(0, 300)}`);
      let value: unknown;
      try {
        value = JSON.parse(ev.data);
      } catch {
        throw new RemoteEngineError(
          'bad_response',
          `${where} sent a stream event that is not JSON: ${ev.data.slice(0, 100)}`,
        );
      }
      const r = readChunk(value, kind);
      if (r.error) throw new RemoteEngineError('server_error', `${where} reported an error mid-answer: ${r.error}`);
      if (r.finishReason) finishReason = r.finishReason;
      if (r.usage)
        usage = {
          promptTokens: r.usage.prompt_tokens,
          completionTokens: r.usage.completion_tokens,
          ...cached(r.usage.prompt_tokens_details?.cached_tokens),
        };
      if (r.model) model = r.model;
      return r.text;
    };
    const end = (): StreamPart => {
      finished = true;
      const latency: Latency = {
        headersMs: round(ex!.headersMs),
        ...(firstText !== undefined ? { firstTokenMs: round(firstText) } : {}),
        totalMs: round(performance.now() - started),
      };
      return {
        type: 'end',
        text,
        finishReason: finishReason ?? 'stop',
        ...(usage ? { usage } : {}),
        latency,
        ...(model ? { model } : {}),
      };
    };

    try {
      ex = await this.transport.send(this.url(path), {
        method: 'POST',
        headers: this.headers('text/event-stream'),
        body: JSON.stringify(body),
        signal: guard.signal,
      });
      const res = ex.response;
      if (!ok(ex)) {
        throw statusError(
          res.statusCode ?? 0,
          await readText(res, ERROR_BODY_LIMIT),
          header(ex, 'retry-after'),
          where,
          this.settings.model,
        );
      }
      if (/application\/json/i.test(header(ex, 'content-type') ?? '')) {
        // A server that ignored `stream: true` answered whole; take it as one piece.
        const whole = parseJson(await readText(res, JSON_BODY_LIMIT), where) as Partial<
          Pick<ChatCompletion | TextCompletion, 'choices' | 'usage'>
        >;
        const choice = whole.choices?.[0] as
          { message?: { content?: string | null }; text?: string; finish_reason?: string | null } | undefined;
        text = (kind === 'chat' ? choice?.message?.content : choice?.text) ?? '';
        finishReason = choice?.finish_reason ?? 'stop';
        if (whole.usage)
          usage = { promptTokens: whole.usage.prompt_tokens, completionTokens: whole.usage.completion_tokens };
        if (text) {
          firstText = performance.now() - started;
          yield { type: 'text', text };
        }
        yield end();
        return;
      }
      const decoder = new TextDecoder('utf-8');
      const parser = new SseParser();
      const chunks = res[Symbol.asyncIterator]();
      const idleMs = this.timeouts.idleTimeoutMs;
      const silence = () => timeoutError('idle', `${where} sent nothing for ${idleMs} ms in the middle of the answer`);
      while (!sawDone) {
        const next = await chunks.next();
        if (next.done) break;
        for (const ev of parser.push(decoder.decode(next.value as Buffer, { stream: true }))) {
          const piece = take(ev);
          if (piece === '') continue;
          if (firstText === undefined) {
            firstText = performance.now() - started;
            guard.disarmFirst();
          }
          text += piece;
          yield { type: 'text', text: piece };
        }
        guard.idle(idleMs, silence);
      }
      if (!sawDone) {
        const rest = [
          ...parser.push(decoder.decode()),
          ...[parser.end()].filter((e): e is SseEvent => e !== undefined),
        ];
        for (const ev of rest) {
          const piece = ev.data === '[DONE]' ? take(ev) : '';
          // An unfinished event at the very end is a cut, not text.
          if (piece) text += piece;
        }
      } else {
        // The answer is whole; let the response end so its connection goes back to the pool.
        drain(res);
      }
      // A server that ends without [DONE] after a finish reason still sent the whole answer.
      if (!sawDone && finishReason === undefined) {
        throw new RemoteEngineError(
          'stream_cut',
          `the answer from ${where} was cut off after ${text.length} characters (the stream ended without a finish reason or [DONE])`,
          { partialText: text },
        );
      }
      yield end();
    } catch (e) {
      const err = guard.explain(e, where, ex !== undefined);
      throw err.withPartial(text);
    } finally {
      guard.dispose();
      // The consumer stopped early (break, return) or it failed: close the connection so the server stops.
      if (!finished) ex?.response.destroy();
    }
  }
}

/**
 * The timers and the cancel signal of one request, as one AbortSignal for the transport. Whatever fires first
 * decides the error: the caller's cancel, a timeout, or the connection's own failure.
 */
class Guard {
  private readonly controller = new AbortController();
  private first?: NodeJS.Timeout;
  private budget?: NodeJS.Timeout;
  private idleTimer?: NodeJS.Timeout;
  private readonly onOuter = () => this.fire(new RemoteEngineError('cancelled', 'the request was cancelled'));

  constructor(private readonly outer?: AbortSignal) {
    if (outer?.aborted) this.onOuter();
    else outer?.addEventListener('abort', this.onOuter, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  arm(ms: number, make: () => RemoteEngineError): void {
    this.first = setTimeout(() => this.fire(make()), ms);
  }

  armBudget(ms: number, make: () => RemoteEngineError): void {
    this.budget = setTimeout(() => this.fire(make()), ms);
  }

  disarmFirst(): void {
    clearTimeout(this.first);
    this.first = undefined;
  }

  /** Restart the silence timer; before the first text, the first-token timer covers silence instead. */
  idle(ms: number, make: () => RemoteEngineError): void {
    clearTimeout(this.idleTimer);
    if (this.first === undefined) this.idleTimer = setTimeout(() => this.fire(make()), ms);
  }

  private fire(e: RemoteEngineError): void {
    if (!this.controller.signal.aborted) this.controller.abort(e);
  }

  /** The error to raise for `e`: the reason this guard fired, or the failure itself. */
  explain(e: unknown, where: string, answering = false): RemoteEngineError {
    if (this.controller.signal.aborted) return this.controller.signal.reason as RemoteEngineError;
    if (e instanceof RemoteEngineError) return e;
    if (answering) {
      return new RemoteEngineError(
        'stream_cut',
        `the answer from ${where} was cut off: ${(e as Error)?.message ?? e}`,
        { cause: (e as NodeJS.ErrnoException)?.code },
      );
    }
    return connectionError(e, where);
  }

  dispose(): void {
    clearTimeout(this.first);
    clearTimeout(this.budget);
    clearTimeout(this.idleTimer);
    this.outer?.removeEventListener('abort', this.onOuter);
  }
}

function timeoutError(phase: 'first_token' | 'idle' | 'budget', message: string): RemoteEngineError {
  return new RemoteEngineError('timeout', message, { phase });
}

function ok(ex: Exchange): boolean {
  const s = ex.response.statusCode ?? 0;
  return s >= 200 && s < 300;
}

function header(ex: Exchange, name: string): string | undefined {
  const v = ex.response.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RemoteEngineError('bad_response', `${where} did not answer with JSON: ${text.slice(0, 100)}`);
  }
}

function drain(res: Exchange['response']): void {
  const timer = setTimeout(() => res.destroy(), DRAIN_AFTER_DONE_MS);
  res.once('close', () => clearTimeout(timer));
  res.resume();
}

function cached(n: number | undefined): { cachedTokens?: number } {
  return typeof n === 'number' ? { cachedTokens: n } : {};
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
