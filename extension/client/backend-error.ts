import type { ErrorCode } from '../../protocol/messages.js';

/** A request that ended in an error: the backend's own code, or `backend_gone` when the process died under it. */
export class BackendError extends Error {
  constructor(readonly code: ErrorCode | 'backend_gone' | 'not_connected', message: string) {
    super(message);
  }
}
