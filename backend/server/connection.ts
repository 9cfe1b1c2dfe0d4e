// One client's requests: validation, dispatch, streaming, cancellation, and exactly one final event each.
import type { WebSocket } from 'ws';
import type { CompleteRequest, DoneEvent, ErrorCode, Request, ServerEvent } from '../../protocol/messages.js';
import { validateFrame } from '../../protocol/validate.js';
import { BusyError } from '../engine/lane.js';
import { ContextOverflowError } from '../engine/generate.js';
import { ChatTemplateError } from '../profiles/chat-format.js';
import type { Logger } from '../log.js';
import { handleChat } from '../requests/chat.js';
import { handleComplete } from '../requests/complete.js';
import type { DoneFields, HandlerContext } from '../requests/handler.js';
import { handleCount } from '../requests/count.js';
import { handleRender } from '../requests/render.js';
import { handleStatus } from '../requests/status.js';
import type { RequestRegistry } from './request-registry.js';

class CancelledError extends Error {}

export function serveConnection(ws: WebSocket, registry: RequestRegistry, log: Logger): void {
  const mine = new Map<string, AbortController>();
  let lastComplete: string | undefined;

  const send = (ev: ServerEvent) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(ev));
  };
  const fail = (id: string | null, code: ErrorCode, message: string, field?: string) =>
    send({ id, type: 'error', code, message, ...(field ? { field } : {}) });

  ws.on('message', (data, isBinary) => {
    if (isBinary) return fail(null, 'bad_request', 'binary frames are not accepted; send JSON text frames');
    const v = validateFrame(data.toString());
    if (!v.ok) return fail(v.id, 'bad_request', v.message, v.field);
    const req = v.request;
    if (mine.has(req.id)) return fail(req.id, 'bad_request', `a request with id "${req.id}" is already in flight on this connection`, 'id');
    if (req.type === 'cancel') {
      mine.get(req.target)?.abort(new CancelledError(`cancelled by request ${req.id}`));
      return send(doneWithoutWork(req.id));
    }
    if (req.type === 'complete') {
      // A new completion makes the previous one from the same client useless: stop it in the model.
      if (lastComplete) mine.get(lastComplete)?.abort(new CancelledError(`superseded by completion ${req.id}`));
      lastComplete = req.id;
    }
    void run(req);
  });

  ws.on('close', () => {
    for (const c of mine.values()) c.abort(new CancelledError('the client disconnected'));
  });

  async function run(req: Exclude<Request, { type: 'cancel' }>): Promise<void> {
    const controller = new AbortController();
    mine.set(req.id, controller);
    const started = performance.now();
    let firstTokenMs = 0;
    const untrack = registry.track(controller);
    const ctx: HandlerContext = {
      host: registry.host,
      signal: controller.signal,
      chunk: (text) => {
        if (firstTokenMs === 0) firstTokenMs = performance.now() - started;
        send({ id: req.id, type: 'chunk', text });
      },
      load: () => registry.load(),
    };
    try {
      const fields = await dispatch(req, ctx);
      if (controller.signal.aborted) throw controller.signal.reason;
      send({ id: req.id, type: 'done', ...fields, timings: { firstTokenMs: round(firstTokenMs), totalMs: round(performance.now() - started) } });
    } catch (e) {
      const [code, message] = classify(e, controller.signal);
      if (code === 'internal') log.error(`request ${req.id} (${req.type}) failed: ${(e as Error)?.stack ?? e}`);
      fail(req.id, code, message);
    } finally {
      untrack();
      mine.delete(req.id);
      if (lastComplete === req.id) lastComplete = undefined;
    }
  }
}

function dispatch(req: Exclude<Request, { type: 'cancel' }>, ctx: HandlerContext): Promise<DoneFields> {
  switch (req.type) {
    case 'chat': return handleChat(req, ctx);
    case 'complete': return handleComplete(req as CompleteRequest, ctx);
    case 'render': return handleRender(req, ctx);
    case 'count': return handleCount(req, ctx);
    case 'status': return handleStatus(req, ctx);
  }
}

/** Maps a handler's failure to a stable error code. Exported for its unit test: `internal` has no safe trigger. */
export function classify(e: unknown, signal: AbortSignal): [ErrorCode, string] {
  if (signal.aborted) return ['cancelled', (signal.reason as Error)?.message ?? 'cancelled'];
  if (e instanceof BusyError) return ['busy', e.message];
  if (e instanceof ContextOverflowError) return ['context_overflow', e.message];
  if (e instanceof ChatTemplateError) return ['bad_request', e.message];
  return ['internal', `internal error: ${(e as Error)?.message ?? String(e)}`];
}

function doneWithoutWork(id: string): DoneEvent {
  return {
    id, type: 'done', stopReason: 'none',
    usage: { inputTokens: 0, evaluatedInputTokens: 0, outputTokens: 0 },
    timings: { firstTokenMs: 0, totalMs: 0 },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
