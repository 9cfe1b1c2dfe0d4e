// Runs one validated request to its end, whichever door it came in by (the WebSocket protocol or the OpenAI API):
// dispatch to its handler, stream its text, track it for shutdown and `status`, and turn any failure into a
// stable error code. The caller owns the AbortController, so it decides what cancels the request.
import type { DoneEvent, ErrorEvent, Request, ErrorCode } from '../../protocol/messages.js';
import { ContextOverflowError } from '../engine/generate.js';
import { BusyError } from '../engine/lane.js';
import type { Logger } from '../log.js';
import { ChatTemplateError } from '../profiles/chat-format.js';
import { handleChat } from '../requests/chat.js';
import { handleComplete } from '../requests/complete.js';
import { handleCount } from '../requests/count.js';
import type { DoneFields, HandlerContext } from '../requests/handler.js';
import { GaveWayError, handlePrefill } from '../requests/prefill.js';
import { handleRender } from '../requests/render.js';
import { handleStatus } from '../requests/status.js';
import type { RequestRegistry } from './request-registry.js';

/** Why a request was aborted on purpose (a cancel message, a superseding completion, a closed client). */
export class CancelledError extends Error {}

export type WorkRequest = Exclude<Request, { type: 'cancel' }>;
/** The final event of a request, without its id: exactly one per request. */
export type Outcome = Omit<DoneEvent, 'id'> | Omit<ErrorEvent, 'id'>;

export interface ExecuteOptions {
  registry: RequestRegistry;
  log: Logger;
  controller: AbortController;
  chunk(text: string): void;
  /** Prompt progress of a long chat prompt (WebSocket only). */
  progress?(evaluated: number, total: number): void;
  /** A promise while the client has not read what was sent (the WebSocket's flow control); none for HTTP yet. */
  backpressure?(): Promise<void> | undefined;
  /** Sends the final event. Called before the request stops counting as in flight, so shutdown waits for it. */
  finish(outcome: Outcome): void;
}

export async function executeRequest(req: WorkRequest, opts: ExecuteOptions): Promise<void> {
  const { registry, controller } = opts;
  const started = performance.now();
  let firstTokenMs = 0;
  const untrack = registry.track(controller);
  const ctx: HandlerContext = {
    host: registry.host,
    signal: controller.signal,
    chunk: (text) => {
      if (firstTokenMs === 0) firstTokenMs = performance.now() - started;
      opts.chunk(text);
    },
    progress: (evaluated, total) => opts.progress?.(evaluated, total),
    backpressure: () => opts.backpressure?.(),
    load: () => registry.load(),
  };
  let outcome: Outcome;
  try {
    const { queuedMs, ...fields } = await dispatch(req, ctx);
    if (controller.signal.aborted) throw controller.signal.reason;
    outcome = {
      type: 'done',
      ...fields,
      timings: {
        firstTokenMs: round(firstTokenMs),
        totalMs: round(performance.now() - started),
        ...(queuedMs === undefined ? {} : { queuedMs }),
      },
    };
  } catch (e) {
    const [code, message] = classify(e, controller.signal);
    if (code === 'internal')
      opts.log.error(`request ${req.id} (${req.type}) failed: ${String((e as Error | undefined)?.stack ?? e)}`);
    outcome = { type: 'error', code, message };
  }
  try {
    opts.finish(outcome);
  } finally {
    untrack();
  }
}

function dispatch(req: WorkRequest, ctx: HandlerContext): Promise<DoneFields> {
  switch (req.type) {
    case 'chat':
      return handleChat(req, ctx);
    case 'complete':
      return handleComplete(req, ctx);
    case 'prefill':
      return handlePrefill(req, ctx);
    case 'render':
      return handleRender(req, ctx);
    case 'count':
      return handleCount(req, ctx);
    case 'status':
      return handleStatus(req, ctx);
  }
}

/** Maps a handler's failure to a stable error code. Exported for its unit test: `internal` has no safe trigger. */
export function classify(e: unknown, signal: AbortSignal): [ErrorCode, string] {
  if (signal.aborted) return ['cancelled', (signal.reason as Error)?.message ?? 'cancelled'];
  if (e instanceof GaveWayError) return ['cancelled', e.message];
  if (e instanceof BusyError) return ['busy', e.message];
  if (e instanceof ContextOverflowError) return ['context_overflow', e.message];
  if (e instanceof ChatTemplateError) return ['bad_request', e.message];
  return ['internal', `internal error: ${(e as Error)?.message ?? String(e)}`];
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
