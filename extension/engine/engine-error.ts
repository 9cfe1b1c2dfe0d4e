import type { ErrorCode } from '../../protocol/messages.js';

/**
 * Why a request to an engine ended without an answer. The backend's own codes, plus: `backend_gone` (the
 * process or connection died under it), `not_connected` (no engine is running), and the remote engine's
 * transport failures (`unreachable`, `tls`, `unauthorized`, `unknown_model`, `rate_limited`, `cut`, `timeout`), and
 * `engine_changed` (the person switched engines while the request ran).
 */
export type EngineErrorCode =
  | ErrorCode
  | 'backend_gone'
  | 'not_connected'
  | 'unreachable'
  | 'tls'
  | 'unauthorized'
  | 'unknown_model'
  | 'rate_limited'
  | 'cut'
  | 'timeout'
  | 'engine_changed';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The code of an engine error (an error from another bundle is another class, so read the field). */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The one cancellation test every feature uses: the engine or the caller stopped the request on purpose. */
export function isCancelled(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || errorCode(error) === 'cancelled';
}
