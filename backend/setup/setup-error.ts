import type { SetupErrorParams } from '../../protocol/backend-events.js';
import type { SetupErrorCode } from '../../protocol/setup-error.js';

/**
 * A failure before serving that the user can fix: becomes a `setup_error` event on stdout (code and
 * parameters, for clients to word in their own language), one stderr line for people, and exit code 2.
 */
export class SetupError extends Error {
  constructor(
    readonly code: SetupErrorCode,
    message: string,
    readonly params: SetupErrorParams = {},
  ) {
    super(message);
  }
}
