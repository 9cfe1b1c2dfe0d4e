import type { ReadyLine } from '../../protocol/messages.js';
import type { SetupErrorCode } from '../../protocol/setup-error.js';

/** Why the backend is not running and will not be restarted without the user. */
export interface BackendFailure {
  /** A setup error code from the backend, or `crashed` when it gave up after repeated crashes, or `spawn_failed`. */
  code: SetupErrorCode | 'crashed' | 'spawn_failed' | 'start_timeout';
  message: string;
  /** The last lines the backend wrote on stderr. */
  stderrTail: string[];
}

export type BackendState =
  | { kind: 'stopped' }
  | { kind: 'starting' }
  | { kind: 'loading'; model: string }
  | { kind: 'ready'; ready: ReadyLine }
  | { kind: 'restarting'; attempt: number; inMs: number; reason: string }
  | { kind: 'failed'; failure: BackendFailure };
