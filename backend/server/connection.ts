// One client's requests: validation, admission, dispatch, streaming with backpressure, cancellation, and
// exactly one final event each.
//
// Rules a client can rely on:
// - at most MAX_REQUESTS_IN_FLIGHT requests per connection (status and render included); more get `busy`;
// - an error never carries the id of another request still in flight here: a request that reuses a live id is
//   refused with id null and field "id", so the client does not end its live request by mistake;
// - no error repeats more than a short piece of what the client sent;
// - replies the client does not read pause its generations and the reading of its requests (socket-flow.ts);
// - a `complete` cancels the connection's previous `complete` or `prefill` still in flight, and a `prefill` its
//   previous `prefill` (the newest keystroke is the one worth answering);
// - text streams in `chunk` events joined per CHUNK_INTERVAL_MS after the first (chunk-coalescer.ts), and a chat's
//   long prompt reports `progress` at most every PROGRESS_INTERVAL_MS.
import type { WebSocket } from 'ws';
import { MAX_REQUESTS_IN_FLIGHT, type DoneEvent, type ErrorCode, type ServerEvent } from '../../protocol/messages.js';
import { validateFrame } from '../../protocol/validate.js';
import type { Logger } from '../log.js';
import { ChunkCoalescer } from './chunk-coalescer.js';
import { CancelledError, executeRequest, type WorkRequest } from './execute.js';
import type { RequestRegistry } from './request-registry.js';
import { SocketFlow } from './socket-flow.js';

export { classify } from './execute.js';

/** Longest error message sent: enough for any message of ours, too short to echo a large input back. */
const MAX_ERROR_MESSAGE_CHARS = 1000;
/** Longest a client waits between two progress events; more often is noise. */
export const PROGRESS_INTERVAL_MS = 100;

export function serveConnection(
  ws: WebSocket,
  registry: RequestRegistry,
  log: Logger,
  opts: { chunkIntervalMs?: number } = {},
): void {
  const mine = new Map<string, AbortController>();
  /** The connection's newest complete and newest prefill, while in flight. */
  const latest: { complete?: string; prefill?: string } = {};
  const abortAll = (why: string) => {
    for (const c of mine.values()) c.abort(new CancelledError(why));
  };
  const flow = new SocketFlow(ws, (why) => {
    log.warn(`closing a client connection: ${why}; its ${mine.size} request(s) are cancelled`);
    abortAll(`cancelled: ${why}`);
    ws.terminate();
  });

  const send = (ev: ServerEvent) => flow.send(JSON.stringify(ev));
  const fail = (id: string | null, code: ErrorCode, message: string, field?: string) =>
    send({ id, type: 'error', code, message: clip(message, MAX_ERROR_MESSAGE_CHARS), ...(field ? { field } : {}) });
  const inFlight = (id: string) =>
    `a request with id "${id}" is already in flight on this connection; give each request a new id`;

  ws.on('message', (data, isBinary) => {
    if (isBinary) return fail(null, 'bad_request', 'binary frames are not accepted; send JSON text frames');
    const v = validateFrame((data as Buffer).toString());
    if (!v.ok) {
      if (v.id !== null && mine.has(v.id))
        return fail(null, 'bad_request', `${inFlight(v.id)} (the request was also invalid: ${v.message})`, 'id');
      return fail(v.id, 'bad_request', v.message, v.field);
    }
    const req = v.request;
    if (mine.has(req.id)) return fail(null, 'bad_request', inFlight(req.id), 'id');
    if (req.type === 'cancel') {
      mine.get(req.target)?.abort(new CancelledError(`cancelled by request ${req.id}`));
      return send(doneWithoutWork(req.id));
    }
    // A completion that supersedes one in flight takes its place rather than a new one.
    const superseded = supersededBy(req.type, latest).filter((id) => mine.has(id));
    if (mine.size - superseded.length >= MAX_REQUESTS_IN_FLIGHT) {
      return fail(
        req.id,
        'busy',
        `${MAX_REQUESTS_IN_FLIGHT} requests in flight on this connection already; wait for one to end`,
      );
    }
    // A new completion makes the previous one from the same client useless: stop it in the model.
    for (const id of superseded) mine.get(id)?.abort(new CancelledError(`superseded by ${req.type} ${req.id}`));
    if (req.type === 'complete' || req.type === 'prefill') latest[req.type] = req.id;
    void run(req);
  });

  ws.on('close', () => {
    flow.dispose();
    abortAll('the client disconnected');
  });

  async function run(req: WorkRequest): Promise<void> {
    const controller = new AbortController();
    mine.set(req.id, controller);
    const chunks = new ChunkCoalescer((text) => send({ id: req.id, type: 'chunk', text }), opts.chunkIntervalMs);
    let lastProgress = Number.NEGATIVE_INFINITY;
    try {
      await executeRequest(req, {
        registry,
        log,
        controller,
        chunk: (text) => chunks.push(text),
        progress: (evaluatedTokens, totalTokens) => {
          const now = performance.now();
          if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
          lastProgress = now;
          send({ id: req.id, type: 'progress', evaluatedTokens, totalTokens });
        },
        backpressure: () => flow.writable(controller.signal),
        finish: (outcome) => {
          chunks.flush();
          send({ id: req.id, ...outcome });
        },
      });
    } finally {
      chunks.dispose();
      mine.delete(req.id);
      if (latest.complete === req.id) delete latest.complete;
      if (latest.prefill === req.id) delete latest.prefill;
    }
  }
}

/**
 * The requests a new one of `type` cancels: a complete cancels the connection's previous complete and prefill; a
 * prefill its previous prefill (a running complete is the answer the user is waiting for).
 */
export function supersededBy(type: WorkRequest['type'], latest: { complete?: string; prefill?: string }): string[] {
  const ids = type === 'complete' ? [latest.complete, latest.prefill] : type === 'prefill' ? [latest.prefill] : [];
  return ids.filter((id): id is string => id !== undefined);
}

function doneWithoutWork(id: string): DoneEvent {
  return {
    id,
    type: 'done',
    stopReason: 'none',
    usage: { inputTokens: 0, evaluatedInputTokens: 0, outputTokens: 0 },
    timings: { firstTokenMs: 0, totalMs: 0 },
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
