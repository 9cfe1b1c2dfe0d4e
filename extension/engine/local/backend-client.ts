// The one client of the backend: request ids, streaming as async iterables, cancellation, and a clear error
// for every request in flight when the backend goes away. It reconnects when given a new endpoint.
import WebSocket from 'ws';
import type {
  ChatRequest,
  CompleteRequest,
  CountRequest,
  DoneEvent,
  PrefillRequest,
  RenderRequest,
  ServerEvent,
  StatusRequest,
} from '../../../protocol/messages.js';
import type { EvaluationProgress } from '../engine.js';
import { EngineError } from '../engine-error.js';
import { TextStream } from '../text-stream.js';

export interface Endpoint {
  port: number;
  token: string;
}

type Body<R> = Omit<R, 'id' | 'type'>;

export class BackendClient {
  private ws: WebSocket | undefined;
  private endpoint: Endpoint | undefined;
  private nextId = 1;
  private readonly pending = new Map<string, TextStream>();
  private readonly progress = new Map<string, (p: EvaluationProgress) => void>();
  private readonly listeners = new Set<(inFlight: number) => void>();
  private connecting: Promise<void> | undefined;

  /** Connects to a (new) backend; requests in flight on an old connection fail. */
  attach(endpoint: Endpoint): Promise<void> {
    const same = this.endpoint?.port === endpoint.port && this.endpoint?.token === endpoint.token;
    if (same && this.ws?.readyState === WebSocket.OPEN) return Promise.resolve();
    // Two callers (the ready event and a feature) may attach at once: share the connection under way.
    if (same && this.connecting) return this.connecting;
    this.connecting = this.connect(endpoint).finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(endpoint: Endpoint): Promise<void> {
    this.detach('the backend restarted');
    this.endpoint = endpoint;
    const ws = new WebSocket(`ws://127.0.0.1:${endpoint.port}`, {
      headers: { authorization: `Bearer ${endpoint.token}` },
    });
    this.ws = ws;
    ws.on('message', (data) => this.onMessage((data as Buffer).toString()));
    ws.on('close', () => {
      if (this.ws === ws) this.detach('the backend closed the connection');
    });
    ws.on('error', () => undefined); // 'close' follows and says what matters
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('close', (code) =>
        reject(
          new EngineError(
            'not_connected',
            `could not connect to the backend on port ${endpoint.port} (close code ${code})`,
          ),
        ),
      );
    });
  }

  /** Fails every request in flight with `backend_gone` and forgets the connection. */
  detach(reason: string): void {
    const ws = this.ws;
    this.ws = undefined;
    this.endpoint = undefined;
    for (const g of this.pending.values()) g.fail(new EngineError('backend_gone', `${reason}; the request was lost`));
    this.pending.clear();
    this.progress.clear();
    this.notify();
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close();
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** Called with the number of requests in flight whenever it changes (for a "generating" status). */
  onInFlight(listener: (n: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `onProgress`: the backend's `progress` events while it reads a long prompt. */
  chat(body: Body<ChatRequest>, signal?: AbortSignal, onProgress?: (p: EvaluationProgress) => void): TextStream {
    return this.start({ type: 'chat', ...body }, signal, onProgress);
  }

  prefill(body: Body<PrefillRequest>, signal?: AbortSignal): TextStream {
    return this.start({ type: 'prefill', ...body }, signal);
  }

  complete(body: Body<CompleteRequest>, signal?: AbortSignal): TextStream {
    return this.start({ type: 'complete', ...body }, signal);
  }

  render(body: Body<RenderRequest>): Promise<DoneEvent> {
    return this.start({ type: 'render', ...body }).done as Promise<DoneEvent>;
  }

  count(body: Body<CountRequest>): Promise<DoneEvent> {
    return this.start({ type: 'count', ...body }).done as Promise<DoneEvent>;
  }

  status(): Promise<DoneEvent> {
    return this.start({ type: 'status' } satisfies Body<StatusRequest> & { type: 'status' }).done as Promise<DoneEvent>;
  }

  private start(
    req: Record<string, unknown> & { type: string },
    signal?: AbortSignal,
    onProgress?: (p: EvaluationProgress) => void,
  ): TextStream {
    const id = `r${this.nextId++}`;
    const ws = this.ws;
    const g = new TextStream(id);
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      g.fail(new EngineError('not_connected', 'the backend is not running'));
      return g;
    }
    if (signal?.aborted) {
      g.fail(new EngineError('cancelled', 'cancelled before it was sent'));
      return g;
    }
    this.pending.set(id, g);
    if (onProgress) this.progress.set(id, onProgress);
    this.notify();
    ws.send(JSON.stringify({ ...req, id }));
    signal?.addEventListener(
      'abort',
      () => {
        if (this.pending.has(id) && this.ws === ws && ws.readyState === WebSocket.OPEN) {
          ws.send(JSON.stringify({ id: `${id}-cancel`, type: 'cancel', target: id }));
        }
      },
      { once: true },
    );
    return g;
  }

  private onMessage(frame: string): void {
    let ev: ServerEvent;
    try {
      ev = JSON.parse(frame) as ServerEvent;
    } catch {
      return;
    }
    if (ev.id === null) return;
    const g = this.pending.get(ev.id);
    if (!g) return; // e.g. the reply to our own cancel
    if (ev.type === 'chunk') return g.push(ev.text);
    if (ev.type === 'progress')
      return this.progress.get(ev.id)?.({ evaluatedTokens: ev.evaluatedTokens, totalTokens: ev.totalTokens });
    this.pending.delete(ev.id);
    this.progress.delete(ev.id);
    this.notify();
    if (ev.type === 'done') g.finish(ev);
    else g.fail(new EngineError(ev.code, ev.message));
  }

  private notify(): void {
    for (const l of this.listeners) l(this.pending.size);
  }
}
