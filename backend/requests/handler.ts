import type { DoneEvent, Request } from '../../protocol/messages.js';
import type { ModelHost } from '../engine/model-host.js';

/** What a handler needs: the model, a cancel signal, and a way to stream text and progress. */
export interface HandlerContext {
  host: ModelHost;
  signal: AbortSignal;
  chunk: (text: string) => void;
  /** Prompt evaluation progress of a long prompt (the connection sends it at most every 100 ms). */
  progress: (evaluated: number, total: number) => void;
  /** A promise while the client has not read what was sent: generation waits on it (see generate.ts). */
  backpressure: () => Promise<void> | undefined;
  /** Requests in flight and queued across all connections, for `status`. */
  load(): { inFlight: number; queued: number };
}

/** A handler's result: the done event's fields, and how long the request waited before its evaluation started. */
export type DoneFields = Omit<DoneEvent, 'id' | 'type' | 'timings'> & { queuedMs?: number };
export type Handler<R extends Request> = (req: R, ctx: HandlerContext) => Promise<DoneFields>;
