// The failures of a remote OpenAI-compatible server, each with a stable code the editor turns into a message
// and an action (retry later, check the key, check the certificate, pick another model). Messages are English,
// for logs; they never contain the API key.

export type RemoteErrorCode =
  /** The base URL is not an http(s) URL. */
  | 'bad_url'
  /** No connection: refused, no such host, network down, or no answer to the connect within its timeout. */
  | 'unreachable'
  /** The TLS handshake failed; `tls` says why. */
  | 'tls'
  /** 401 or 403: the API key is missing or wrong. */
  | 'unauthorized'
  /** 404 for the model id. */
  | 'model_not_found'
  /** 404 for the path: the base URL is not an OpenAI API (it usually ends in /v1). */
  | 'not_found'
  /** 429: too many requests; `retryAfterMs` when the server said. */
  | 'rate_limited'
  /** 503 (or 502/504): loading or overloaded; `retryAfterMs` when the server said. */
  | 'unavailable'
  /** 400, 413, 422: the server refused the request's content. */
  | 'bad_request'
  /** Any other 5xx, or an error event in the middle of the stream. */
  | 'server_error'
  /** The answer was not what an OpenAI API sends (not HTTP, not JSON, not SSE). */
  | 'bad_response'
  /** The stream ended before the answer did; `partialText` holds what arrived. */
  | 'stream_cut'
  /** The server was slower than a budget; `phase` says which, `partialText` holds what arrived. */
  | 'timeout'
  /** The caller's AbortSignal fired; the connection was closed. */
  | 'cancelled';

export type TlsProblem = 'self_signed' | 'unknown_ca' | 'expired' | 'not_yet_valid' | 'hostname' | 'protocol' | 'other';
export type TimeoutPhase = 'first_token' | 'idle' | 'budget';

export interface RemoteErrorDetails {
  status?: number;
  retryAfterMs?: number;
  partialText?: string;
  tls?: TlsProblem;
  phase?: TimeoutPhase;
  /** The underlying system or TLS error code (ECONNREFUSED, CERT_HAS_EXPIRED, ...). */
  cause?: string;
}

export class RemoteEngineError extends Error {
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** What the answer had streamed before it failed: never lost. */
  readonly partialText?: string;
  readonly tls?: TlsProblem;
  readonly phase?: TimeoutPhase;
  readonly causeCode?: string;

  constructor(
    readonly code: RemoteErrorCode,
    message: string,
    details: RemoteErrorDetails = {},
  ) {
    super(message);
    this.name = 'RemoteEngineError';
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.partialText = details.partialText;
    this.tls = details.tls;
    this.phase = details.phase;
    this.causeCode = details.cause;
  }

  /** The same error with the text streamed so far attached (an error raised mid-answer). */
  withPartial(text: string): RemoteEngineError {
    if (text === '' || this.partialText !== undefined) return this;
    return new RemoteEngineError(this.code, this.message, {
      status: this.status,
      retryAfterMs: this.retryAfterMs,
      partialText: text,
      tls: this.tls,
      phase: this.phase,
      cause: this.causeCode,
    });
  }
}

const TLS_PROBLEMS: Readonly<Record<string, TlsProblem>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self_signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self_signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown_ca',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown_ca',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown_ca',
  CERT_SIGNATURE_FAILURE: 'unknown_ca',
  CERT_UNTRUSTED: 'unknown_ca',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not_yet_valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname',
  HOSTNAME_MISMATCH: 'hostname',
  EPROTO: 'protocol',
  ERR_SSL_WRONG_VERSION_NUMBER: 'protocol',
};

const TLS_ADVICE: Readonly<Record<TlsProblem, string>> = {
  self_signed: "the server's certificate is self-signed; give its CA certificate as the custom CA file",
  unknown_ca:
    "the server's certificate is not signed by a trusted CA; give the issuing CA certificate as the custom CA file",
  expired: "the server's certificate has expired; renew it on the server",
  not_yet_valid: "the server's certificate is not valid yet; check the clocks of both machines",
  hostname: "the server's certificate is for another host name; use the name it was issued for in the base URL",
  protocol: 'the TLS handshake failed; check that the server speaks HTTPS on this port (or use http://)',
  other: 'the TLS handshake failed',
};

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'EADDRNOTAVAIL',
]);

/** A failure to connect or to get an answer, from Node's error, before any response arrived. */
export function connectionError(e: unknown, where: string): RemoteEngineError {
  if (e instanceof RemoteEngineError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const message = (e as Error)?.message ?? String(e);
  const tls =
    TLS_PROBLEMS[code] ?? (/certificate|SSL|TLS/i.test(message) && !UNREACHABLE.has(code) ? 'other' : undefined);
  if (tls)
    return new RemoteEngineError('tls', `TLS error with ${where}: ${TLS_ADVICE[tls]} (${code || message})`, {
      tls,
      cause: code || undefined,
    });
  if (UNREACHABLE.has(code))
    return new RemoteEngineError(
      'unreachable',
      `Cannot reach ${where}: ${message}. Check the base URL and that the server is running.`,
      { cause: code },
    );
  if (code.startsWith('HPE_'))
    return new RemoteEngineError(
      'bad_response',
      `${where} did not answer with HTTP (${code}); is the scheme (http/https) and port right?`,
      { cause: code },
    );
  return new RemoteEngineError('unreachable', `Cannot reach ${where}: ${message}`, { cause: code || undefined });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110, section 10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The message of an error body in the shapes servers send: OpenAI's and llama.cpp's `{error: {...}}`, vLLM's older `{object: "error", message}`. */
export function errorBodyMessage(body: string): { message?: string; code?: string } {
  try {
    const v = JSON.parse(body) as Record<string, unknown>;
    const e = (typeof v.error === 'object' && v.error !== null ? v.error : v) as Record<string, unknown>;
    const message =
      typeof e.message === 'string'
        ? e.message
        : typeof v.error === 'string'
          ? v.error
          : typeof v.detail === 'string'
            ? v.detail
            : undefined;
    const code = typeof e.code === 'string' ? e.code : typeof e.type === 'string' ? e.type : undefined;
    return { message, code };
  } catch {
    const text = body.trim().slice(0, 200);
    return text ? { message: text } : {};
  }
}

/** A non-2xx answer as an error with its code. */
export function statusError(
  status: number,
  body: string,
  retryAfter: string | undefined,
  where: string,
  model: string | undefined,
): RemoteEngineError {
  const { message, code } = errorBodyMessage(body);
  const said = message ? `: ${message}` : '';
  const retryAfterMs = parseRetryAfter(retryAfter);
  const details = { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status === 401 || status === 403)
    return new RemoteEngineError(
      'unauthorized',
      `${where} refused the API key (${status})${said}. Set the key with "Fude: Set API Key for Remote Engine".`,
      details,
    );
  if (status === 404) {
    const aboutModel =
      code === 'model_not_found' ||
      (model !== undefined && message !== undefined && (message.includes(model) || /model/i.test(message)));
    return aboutModel
      ? new RemoteEngineError(
          'model_not_found',
          `${where} does not serve the model "${model}"${said}. Pick one from its model list.`,
          details,
        )
      : new RemoteEngineError(
          'not_found',
          `${where} has no such endpoint (404)${said}. Check the base URL; it usually ends in /v1.`,
          details,
        );
  }
  const wait = retryAfterMs !== undefined ? ` Retry after ${Math.ceil(retryAfterMs / 1000)} s.` : '';
  if (status === 429) return new RemoteEngineError('rate_limited', `${where} is busy (429)${said}.${wait}`, details);
  if (status === 503 || status === 502 || status === 504)
    return new RemoteEngineError('unavailable', `${where} is unavailable (${status})${said}.${wait}`, details);
  if (status >= 400 && status < 500)
    return new RemoteEngineError('bad_request', `${where} refused the request (${status})${said}`, details);
  return new RemoteEngineError('server_error', `${where} failed (${status})${said}`, details);
}
