import type { DoneEvent, Request } from '../../protocol/messages.js';
import type { ModelHost } from '../engine/model-host.js';

/** What a handler needs: the model, a cancel signal, and a way to stream text. */
export interface HandlerContext {
  host: ModelHost;
  signal: AbortSignal;
  chunk: (text: string) => void;
  /** A promise while the client has not read what was sent: generation waits on it (see generate.ts). */
  backpressure: () => Promise<void> | undefined;
  /** Requests in flight and queued across all connections, for `status`. */
  load(): { inFlight: number; queued: number };
}

export type DoneFields = Omit<DoneEvent, 'id' | 'type' | 'timings'>;
export type Handler<R extends Request> = (req: R, ctx: HandlerContext) => Promise<DoneFields>;
