// Reads the backend's human setup-error line back, so tests can check that people get exactly one clear line.
// Programs never do this: they read the typed setup_error event (protocol/backend-events.ts).
import { SETUP_ERROR_CODES, type SetupErrorCode } from '../../protocol/setup-error.js';

export function parseSetupError(line: string): { code: SetupErrorCode; message: string } | undefined {
  const m = /^fude-backend: error\[([a-z_]+)\]: (.*)$/.exec(line.trim());
  if (!m || !SETUP_ERROR_CODES.includes(m[1] as SetupErrorCode)) return undefined;
  return { code: m[1] as SetupErrorCode, message: m[2] };
}
