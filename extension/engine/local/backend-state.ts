import type { LoadingEvent } from '../../../protocol/backend-events.js';
import type { ReadyLine } from '../../../protocol/messages.js';
import type { ModelFailure } from '../model-status.js';

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  code: number | null;
  signal: string | null;
}

/** Why the backend is not running and will not be restarted without the user. */
export type BackendFailure = ModelFailure;

/** The supervisor's own view of its process; LocalEngine turns it into ModelStatus. */
export type BackendState =
  | { kind: 'stopped' }
  | { kind: 'starting' }
  | { kind: 'loading'; loading: LoadingEvent }
  | { kind: 'ready'; ready: ReadyLine }
  | { kind: 'restarting'; attempt: number; inMs: number; reason: string; exit: ProcessExit }
  | { kind: 'failed'; failure: BackendFailure };
