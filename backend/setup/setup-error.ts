import type { SetupErrorCode } from '../../protocol/setup-error.js';

/** A failure before serving that the user can fix: becomes one stderr line and exit code 2. */
export class SetupError extends Error {
  constructor(readonly code: SetupErrorCode, message: string) {
    super(message);
  }
}
