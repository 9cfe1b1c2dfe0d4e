// One GET with Node's own http/https (VS Code's proxy support patches these modules in the extension host):
// follows redirects itself so that the Hugging Face token never leaves the endpoint's origin, and keeps the
// X-Linked-Etag / X-Linked-Size headers Hugging Face puts on the redirect of an LFS file (its SHA-256 and size).
import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { ModelsError } from './errors.js';

export interface GetOptions {
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer …` to the origins in tokenOrigins only. */
  token?: string;
  tokenOrigins?: readonly string[];
  signal?: AbortSignal;
  /** No bytes for this long (connecting, waiting for headers or inside the body) counts as a dropped connection. */
  idleTimeoutMs?: number;
  maxRedirects?: number;
}

export interface GetResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
  /** The URL that answered (after redirects). */
  url: string;
  /** What Hugging Face says about an LFS file on the way (any hop): its SHA-256 and size. */
  linked: { sha256?: string; size?: number };
}

/** A failure of the connection itself (not an HTTP status): worth retrying. */
export class ConnectionError extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const SHA256_HEX = /^[0-9a-f]{64}$/;

function headerValue(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function readLinked(h: IncomingHttpHeaders, into: GetResponse['linked']): void {
  const etag = headerValue(h, 'x-linked-etag')?.replace(/^W\//, '').replace(/"/g, '').trim().toLowerCase();
  if (etag && SHA256_HEX.test(etag) && into.sha256 === undefined) into.sha256 = etag;
  const size = Number(headerValue(h, 'x-linked-size'));
  if (Number.isSafeInteger(size) && size >= 0 && into.size === undefined) into.size = size;
}

function requestOnce(url: URL, headers: Record<string, string>, opts: GetOptions): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, { method: 'GET', headers, signal: opts.signal });
    const idle = opts.idleTimeoutMs ?? 60_000;
    req.setTimeout(idle, () =>
      req.destroy(new ConnectionError(`no answer from ${url.host} for ${Math.round(idle / 1000)} s`)),
    );
    req.on('response', (res) => {
      // The same idle limit applies while the body streams: a stalled download must not hang forever.
      res.socket?.setTimeout(idle, () =>
        res.destroy(new ConnectionError(`the download from ${url.host} stalled for ${Math.round(idle / 1000)} s`)),
      );
      resolve(res);
    });
    req.on('error', (e) => {
      if (opts.signal?.aborted) reject(new ModelsError('cancelled', 'The download was cancelled.'));
      else
        reject(
          e instanceof ConnectionError
            ? e
            : new ConnectionError(`${url.host}: ${(e as NodeJS.ErrnoException).code ?? e.message}`),
        );
    });
    req.end();
  });
}

export async function httpGet(urlText: string, opts: GetOptions = {}): Promise<GetResponse> {
  let url = new URL(urlText);
  const linked: GetResponse['linked'] = {};
  const maxRedirects = opts.maxRedirects ?? 10;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { 'user-agent': 'fude-models', accept: '*/*', ...opts.headers };
    if (opts.token && opts.tokenOrigins?.includes(url.origin)) headers.authorization = `Bearer ${opts.token}`;
    const res = await requestOnce(url, headers, opts);
    readLinked(res.headers, linked);
    const status = res.statusCode ?? 0;
    const location = headerValue(res.headers, 'location');
    if (!REDIRECTS.has(status) || !location) return { status, headers: res.headers, body: res, url: url.href, linked };
    res.resume();
    if (hop >= maxRedirects) throw new ModelsError('network', `Too many redirects from ${urlText}.`);
    const next = new URL(location, url);
    if (url.protocol === 'https:' && next.protocol !== 'https:') {
      throw new ModelsError(
        'bad_input',
        `${url.host} redirected the download to an insecure address (${next.protocol}//${next.host}); refusing it.`,
      );
    }
    url = next;
  }
}

/** Reads up to `limit` bytes of a body (for error pages); never throws. */
export async function readSome(body: IncomingMessage, limit = 2048): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      n += (chunk as Buffer).length;
      if (n >= limit) break;
    }
  } catch {
    // a broken error page is still an error page
  }
  body.destroy();
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
