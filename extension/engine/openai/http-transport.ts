// One HTTP(S) exchange with node:http/https (bundles into the extension for Node 20 as is): keep-alive
// connections, TLS verification on by default with an optional extra CA, a connect timeout, and an AbortSignal
// that closes the connection (a server sees the close and stops generating).
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { connectionError, RemoteEngineError } from './errors.js';

export interface TransportOptions {
  /** Verify the server's certificate (default true). */
  verifyTls: boolean;
  /** PEM text of an extra CA to trust besides the public ones (a company or self-signed CA). */
  caPem?: string;
  connectTimeoutMs: number;
}

export interface Exchange {
  request: ClientRequest;
  response: IncomingMessage;
  /** From sending the request to the response's headers. */
  headersMs: number;
}

export interface SendInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Aborting closes the connection; the promise rejects with the signal's reason. */
  signal: AbortSignal;
}

export class HttpTransport {
  private readonly httpAgent = new HttpAgent({ keepAlive: true });
  private readonly httpsAgent: HttpsAgent;

  constructor(private readonly opts: TransportOptions) {
    this.httpsAgent = new HttpsAgent({
      keepAlive: true,
      rejectUnauthorized: opts.verifyTls,
      // Node replaces its CA list with `ca`; keep the public CAs so a custom CA only adds trust.
      ...(opts.caPem ? { ca: [...rootCertificates, opts.caPem] } : {}),
    });
  }

  send(url: URL, init: SendInit): Promise<Exchange> {
    const where = url.origin;
    const secure = url.protocol === 'https:';
    const started = performance.now();
    return new Promise<Exchange>((resolve, reject) => {
      if (init.signal.aborted) return reject(init.signal.reason);
      const request = (secure ? httpsRequest : httpRequest)(url, {
        method: init.method,
        headers:
          init.body === undefined
            ? init.headers
            : { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
        agent: secure ? this.httpsAgent : this.httpAgent,
      });
      let connectTimer: NodeJS.Timeout | undefined;
      const onAbort = () => request.destroy(init.signal.reason as Error);
      init.signal.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        if (connectTimer) clearTimeout(connectTimer);
        init.signal.removeEventListener('abort', onAbort);
      };
      request.on('socket', (socket) => {
        // A reused keep-alive socket is already connected.
        if (!socket.connecting) return;
        connectTimer = setTimeout(
          () =>
            request.destroy(
              new RemoteEngineError(
                'unreachable',
                `Cannot reach ${where}: no connection within ${this.opts.connectTimeoutMs} ms. Check the address, the port and any firewall.`,
                { cause: 'ETIMEDOUT' },
              ),
            ),
          this.opts.connectTimeoutMs,
        );
        socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      request.on('response', (response) => {
        settle();
        // From here the caller's signal closes the connection through the response.
        const onLateAbort = () => response.destroy(init.signal.reason as Error);
        init.signal.addEventListener('abort', onLateAbort, { once: true });
        response.once('close', () => init.signal.removeEventListener('abort', onLateAbort));
        resolve({ request, response, headersMs: performance.now() - started });
      });
      request.on('error', (e) => {
        settle();
        reject(init.signal.aborted ? init.signal.reason : connectionError(e, where));
      });
      request.end(init.body);
    });
  }

  dispose(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** A response body as text, at most `limit` bytes (error bodies and whole JSON answers). */
export async function readText(response: IncomingMessage, limit: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) {
      response.destroy();
      throw new RemoteEngineError('bad_response', `the answer is larger than ${limit} bytes`);
    }
    parts.push(b);
  }
  return Buffer.concat(parts).toString('utf8');
}
