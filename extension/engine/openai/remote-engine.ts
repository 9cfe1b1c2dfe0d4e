// A remote OpenAI-compatible server (vLLM, llama.cpp's llama-server, SGLang, another machine's Fude backend) as
// an Engine. `start` checks the server (GET /v1/models: reachable, TLS, key, the model id, measured latency),
// recognises the model's family and terms from what the server says, and publishes ModelStatus the way the local
// engine does (each failure a typed code with parameters). Requests stream over /v1/chat/completions and
// /v1/completions; aborting closes the connection, which stops the generation on the server. The engine fails
// closed on terms: a model whose terms were not accepted gets nothing sent, whatever the caller checked before.
import type { CountResult } from '../../../protocol/messages.js';
import type { ChatCall, CompleteCall, CountCall, Engine, EngineDetails, PrefillCall } from '../engine.js';
import { EngineError, type EngineErrorCode } from '../engine-error.js';
import type { FailureParams, ModelFailure, ModelStatus, RemoteFailureCode, RemoteFacts } from '../model-status.js';
import { TextStream, type StreamEnd } from '../text-stream.js';
import { RemoteEngineError } from './errors.js';
import {
  DEFAULT_TIMEOUTS,
  OpenAIEngineClient,
  type RemoteEngineSettings,
  type RemoteModel,
  type StreamPart,
} from './openai-engine-client.js';
import { describeRemoteModel, type LlamaProps, type RemoteModelFacts } from './remote-model.js';
import { chatOptions, completionOptions } from './remote-requests.js';

/** The remote engine's setting defaults, defined once (the manifest shows the same numbers; a unit test checks). */
export const REMOTE_DEFAULTS = { contextSize: 4096, ...DEFAULT_TIMEOUTS } as const;

export interface RemoteConfig extends RemoteEngineSettings {
  /** The context size to assume when the server does not say (fude.engine.contextSize). */
  contextSize: number;
}

/** A setting that makes the remote engine unusable (no base URL, an unreadable CA file): names the setting. */
export class RemoteSettingsError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RemoteEngineDeps {
  /** Where this engine publishes the model's state (it is the only writer while it is in use). */
  status: ModelStatus;
  /** The settings, the API key (from SecretStorage) and the CA file's text, read at each start. May throw RemoteSettingsError. */
  config(): Promise<RemoteConfig>;
  /** Whether the person accepted these terms (in their current text). */
  termsAccepted(termsId: string): boolean;
  log?(line: string): void;
}

interface Connected {
  client: OpenAIEngineClient;
  facts: RemoteModelFacts;
  remote: RemoteFacts;
  apiKey: string | undefined;
}

interface Running {
  stream: TextStream;
  controller: AbortController;
}

/** Failures of a request that mean the server cannot be used as configured: the status says so, the next use checks again. */
const LOSES_SERVER: ReadonlySet<EngineErrorCode> = new Set(['unreachable', 'tls', 'unauthorized', 'unknown_model']);

export class RemoteEngine implements Engine {
  readonly kind = 'openai' as const;
  private connected: Connected | undefined;
  private checking: Promise<void> | undefined;
  /** Bumped by every start and stop: a check that finishes after a newer one began publishes nothing. */
  private generation = 0;
  private readonly running = new Set<Running>();
  private nextId = 1;
  /** Disposed (another engine took over): the status belongs to that one now, and nothing is published. */
  private disposed = false;

  constructor(private readonly deps: RemoteEngineDeps) {}

  start(): Promise<void> {
    if (this.connected && this.deps.status.current.phase === 'ready') return Promise.resolve();
    if (this.checking) return this.checking;
    const checking: Promise<void> = this.check().finally(() => {
      if (this.checking === checking) this.checking = undefined;
    });
    this.checking = checking;
    return checking;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    if (this.disposed) return;
    this.generation++;
    this.checking = undefined;
    this.abortAll(new EngineError('not_connected', 'the remote engine was stopped; the request was lost'));
    this.disconnect();
    this.deps.status.publish({ phase: 'stopped', inFlight: 0 });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.generation++;
    this.abortAll(new EngineError('not_connected', 'the remote engine was closed; the request was lost'));
    this.disconnect();
  }

  chat(call: ChatCall, signal?: AbortSignal): TextStream {
    return this.request((c, s) => ({ parts: c.client.chat({ ...chatOptions(call, c.facts), signal: s }) }), signal);
  }

  complete(call: CompleteCall, signal?: AbortSignal): TextStream {
    return this.request((c, s) => {
      const plan = completionOptions(call, c.facts);
      return { parts: c.client.complete({ ...plan.options, signal: s }), mode: plan.mode };
    }, signal);
  }

  /**
   * Nothing to warm from here: an OpenAI-compatible server keeps whatever prompt cache it has to itself, and
   * filling it would mean asking it for an answer (a billed request, on a server others may share) that the user
   * never sees. So nothing is sent, and `undefined` tells the prefill scheduler there is no cache to warm.
   */
  async prefill(_call: PrefillCall, _signal?: AbortSignal): Promise<StreamEnd | undefined> {
    return undefined;
  }

  /** A remote server does not count tokens for Fude; callers use their estimates. */
  async count(_call: CountCall): Promise<CountResult | undefined> {
    return undefined;
  }

  /** The server, the model and the latency measured now (GET /models again); the last measurement if that fails. */
  async details(): Promise<EngineDetails> {
    const c = this.connected;
    if (!c) return {};
    try {
      const { headersMs } = await c.client.listModels();
      if (this.connected === c) {
        c.remote = { ...c.remote, latencyMs: Math.round(headersMs) };
        const model = this.deps.status.current.model;
        if (model) this.deps.status.publish({ model: { ...model, remote: c.remote } });
      }
    } catch (e) {
      this.deps.log?.(
        `remote engine: latency check failed: ${this.redact(String((e as { message?: unknown }).message))}`,
      );
    }
    return { server: { baseUrl: c.remote.baseUrl, model: c.facts.name, latencyMs: c.remote.latencyMs } };
  }

  // ---- checking the server ----

  private async check(): Promise<void> {
    const generation = ++this.generation;
    this.disconnect();
    this.deps.status.publish({ phase: 'starting', engine: 'openai' });
    let config: RemoteConfig;
    let client: OpenAIEngineClient;
    try {
      config = await this.deps.config();
      client = new OpenAIEngineClient(config);
    } catch (e) {
      if (e instanceof RemoteSettingsError)
        return this.fail(generation, 'bad_remote_settings', e.message, { option: e.setting });
      if (e instanceof RemoteEngineError && e.code === 'bad_url')
        return this.fail(generation, 'bad_remote_settings', e.message, { option: 'fude.engine.baseUrl' });
      throw e;
    }
    if (generation !== this.generation) {
      client.dispose();
      return this.superseded();
    }
    const server = client.where;
    const redact = (text: string) => redactKey(text, config.apiKey);
    this.deps.status.publish({ server });
    let models: RemoteModel[];
    let latencyMs: number;
    try {
      const listed = await client.listModels();
      models = listed.models;
      latencyMs = Math.round(listed.headersMs);
    } catch (e) {
      client.dispose();
      const err = e instanceof RemoteEngineError ? e : new RemoteEngineError('unreachable', String(e));
      return this.fail(generation, checkFailureCode(err), redact(err.message), {
        server,
        model: config.model,
        ...(err.tls ? { tls: err.tls } : {}),
        ...(err.status !== undefined ? { status: err.status } : {}),
        ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
      });
    }
    // No model id set: a server that serves one model (llama-server, one vLLM) is unambiguous.
    const entry = config.model
      ? models.find((m) => m.id === config.model)
      : models.length === 1
        ? models[0]
        : undefined;
    if (!entry) {
      client.dispose();
      const available = models.map((m) => m.id).slice(0, 20);
      const message = config.model
        ? `${server} does not serve the model "${config.model}"; it serves: ${available.join(', ') || 'no models'}`
        : `${server} serves ${available.length} models (${available.join(', ')}); set fude.engine.model to one of them`;
      return this.fail(generation, 'unknown_model', message, { server, model: config.model, available });
    }
    let props: LlamaProps | undefined;
    if (entry.ownedBy === 'llamacpp') {
      try {
        props = await client.props();
      } catch (e) {
        client.dispose();
        const err = e as RemoteEngineError;
        return this.fail(generation, 'unauthorized', redact(err.message), {
          server,
          model: config.model,
          ...(err.status !== undefined ? { status: err.status } : {}),
        });
      }
    }
    const facts = describeRemoteModel(entry, { props, contextSizeSetting: config.contextSize });
    if (facts.termsId !== null && !this.deps.termsAccepted(facts.termsId)) {
      client.dispose();
      return this.fail(
        generation,
        'terms_not_accepted',
        `${facts.name} on ${server} is covered by the terms of use "${facts.termsId}"; read and accept them ("Fude: Show Terms of Use") before Fude sends it anything.`,
        { termsId: facts.termsId, server, model: facts.name },
      );
    }
    if (generation !== this.generation) {
      client.dispose();
      return this.superseded();
    }
    const remote: RemoteFacts = {
      baseUrl: displayUrl(config.baseUrl),
      host: new URL(server).host,
      software: facts.server,
      latencyMs,
      contextFrom: facts.contextFrom,
    };
    this.connected = { client, facts, remote, apiKey: config.apiKey };
    this.deps.log?.(
      `remote engine: ${facts.name} on ${remote.baseUrl} (${facts.server}, family ${facts.family}, context ${facts.contextSize} from the ${facts.contextFrom}, terms ${facts.termsId ?? 'none'}), latency ${latencyMs} ms`,
    );
    this.deps.status.publish({
      phase: 'ready',
      engine: 'openai',
      server,
      readyKey: `openai:${remote.baseUrl}:${facts.name}:${generation}`,
      warnings: facts.termsWarning ? [facts.termsWarning] : [],
      model: {
        name: facts.name,
        family: facts.family,
        contextSize: facts.contextSize,
        gpu: false,
        gpuLayers: 0,
        totalLayers: 0,
        fim: facts.fim,
        termsId: facts.termsId,
        source: facts.name,
        remote,
      },
    });
  }

  /** A check that a stop or a newer check overtook: the caller waits for the newer one, or learns it stopped. */
  private superseded(): Promise<void> {
    if (this.checking) return this.checking;
    throw new EngineError('not_connected', 'the remote engine was stopped before its server answered');
  }

  /** Publishes the failure (when this check is still the current one) and rejects the start, as the local engine does. */
  private fail(generation: number, code: ModelFailure['code'], message: string, params: FailureParams): never {
    if (generation === this.generation) {
      this.deps.status.publish({ phase: 'failed', failure: { code, message, params, stderrTail: [] } });
    }
    throw new EngineError('not_connected', message);
  }

  private disconnect(): void {
    this.connected?.client.dispose();
    this.connected = undefined;
  }

  // ---- requests ----

  private request(
    send: (c: Connected, signal: AbortSignal) => { parts: AsyncIterable<StreamPart>; mode?: 'fim' | 'prefix' },
    signal?: AbortSignal,
  ): TextStream {
    const stream = new TextStream(`remote-${this.nextId++}`);
    const c = this.connected;
    if (!c || this.deps.status.current.phase !== 'ready') {
      stream.fail(new EngineError('not_connected', 'the remote engine is not connected'));
      return stream;
    }
    // Fail closed: acceptance can be revoked while the server is in use, and nothing is sent without it.
    if (c.facts.termsId !== null && !this.deps.termsAccepted(c.facts.termsId)) {
      stream.fail(
        new EngineError(
          'terms_not_accepted',
          `the terms of use "${c.facts.termsId}" of ${c.facts.name} are not accepted; nothing was sent`,
        ),
      );
      return stream;
    }
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    if (signal?.aborted) controller.abort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const running: Running = { stream, controller };
    this.running.add(running);
    this.publishInFlight();
    const { parts, mode } = send(c, controller.signal);
    void this.pump(c, parts, stream, mode).finally(() => {
      signal?.removeEventListener('abort', onAbort);
      this.running.delete(running);
      this.publishInFlight();
    });
    return stream;
  }

  private async pump(
    c: Connected,
    parts: AsyncIterable<StreamPart>,
    stream: TextStream,
    mode: 'fim' | 'prefix' | undefined,
  ): Promise<void> {
    try {
      for await (const part of parts) {
        if (part.type === 'text') stream.push(part.text);
        else stream.finish(endOf(part, mode));
      }
    } catch (e) {
      const error = this.engineError(e, c.apiKey);
      stream.fail(error);
      if (LOSES_SERVER.has(error.code) && this.connected === c) this.lose(c, error);
    }
  }

  /** A request found the server unusable (down, key revoked, model gone): say so; the next use checks again. */
  private lose(c: Connected, error: EngineError): void {
    this.disconnect();
    this.deps.status.publish({
      phase: 'failed',
      failure: {
        code: error.code as RemoteFailureCode,
        message: error.message,
        params: { server: new URL(c.client.where).origin, model: c.facts.name },
        stderrTail: [],
      },
    });
  }

  private engineError(e: unknown, apiKey: string | undefined): EngineError {
    if (e instanceof EngineError) return e;
    if (!(e instanceof RemoteEngineError))
      return new EngineError('internal', redactKey(String((e as Error | undefined)?.message ?? e), apiKey));
    const message = redactKey(e.message, apiKey);
    return new EngineError(engineCode(e), message, e.retryAfterMs);
  }

  private abortAll(error: EngineError): void {
    for (const r of [...this.running]) {
      r.stream.fail(error);
      r.controller.abort();
    }
    this.running.clear();
  }

  private publishInFlight(): void {
    if (!this.disposed) this.deps.status.publish({ inFlight: this.running.size });
  }

  private redact(text: string): string {
    return redactKey(text, this.connected?.apiKey);
  }
}

/** The code a failed check publishes. */
function checkFailureCode(e: RemoteEngineError): RemoteFailureCode {
  switch (e.code) {
    case 'unreachable':
    case 'tls':
    case 'unauthorized':
      return e.code;
    case 'model_not_found':
      return 'unknown_model';
    case 'rate_limited':
    case 'unavailable':
    case 'timeout':
      return 'remote_unavailable';
    case 'bad_url':
      return 'bad_remote_settings';
    default:
      return 'remote_error';
  }
}

/** The engine's code for a request's failure (one vocabulary for every engine). */
function engineCode(e: RemoteEngineError): EngineErrorCode {
  switch (e.code) {
    case 'cancelled':
    case 'unreachable':
    case 'tls':
    case 'unauthorized':
    case 'timeout':
      return e.code;
    case 'model_not_found':
      return 'unknown_model';
    case 'rate_limited':
    case 'unavailable':
      return 'rate_limited';
    case 'stream_cut':
      return 'cut';
    case 'bad_request':
      // vLLM: "This model's maximum context length is 4096 tokens…"; llama.cpp: "…exceeds the available context size…".
      return /context (length|size|window)|n_ctx|too many tokens/i.test(e.message) ? 'context_overflow' : 'bad_request';
    default:
      return 'internal';
  }
}

function endOf(part: Extract<StreamPart, { type: 'end' }>, mode: 'fim' | 'prefix' | undefined): StreamEnd {
  const u = part.usage;
  const input = u?.promptTokens ?? 0;
  return {
    stopReason: part.finishReason === 'length' ? 'maxTokens' : part.finishReason === 'abort' ? 'cancelled' : 'eos',
    usage: {
      inputTokens: input,
      evaluatedInputTokens: Math.max(0, input - (u?.cachedTokens ?? 0)),
      outputTokens: u?.completionTokens ?? 0,
    },
    timings: { firstTokenMs: part.latency.firstTokenMs ?? 0, totalMs: part.latency.totalMs },
    ...(mode ? { mode } : {}),
  };
}

/** The base URL as surfaces show it: no user name or password, no trailing slash. */
export function displayUrl(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseUrl;
  }
}

/** Removes the API key (and any bearer credential) from text that may reach a log or a message. */
export function redactKey(text: string, apiKey: string | undefined): string {
  let out = text;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join('[redacted]');
  return out.replace(/(Bearer\s+)[^\s"',;]+/gi, '$1[redacted]');
}
