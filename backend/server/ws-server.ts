// The HTTP server: authorised, non-browser clients get a WebSocket (upgrade) or the OpenAI API (under /v1).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../protocol/messages.js';
import type { Logger } from '../log.js';
import { openAIHandler } from '../openai/http-api.js';
import { checkUpgrade } from './auth.js';
import { serveConnection } from './connection.js';
import { RefusalLog } from './refusal-log.js';
import type { RequestRegistry } from './request-registry.js';

const CLOSE_GRACE_MS = 1000;

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startServer(opts: {
  host: string;
  port: number;
  token: string;
  registry: RequestRegistry;
  log: Logger;
  /** See ChunkCoalescer; the default when left out. */
  chunkIntervalMs?: number;
}): Promise<RunningServer> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const refusals = new RefusalLog((line) => opts.log.warn(line));
  const openai = openAIHandler({ token: opts.token, registry: opts.registry, log: opts.log });
  const http: Server = createServer((req, res) => {
    if (openai(req, res)) return;
    res
      .writeHead(426, { 'content-type': 'text/plain' })
      .end('fude-backend speaks WebSocket, and the OpenAI API under /v1\n');
  });
  http.on('upgrade', (req, socket, head) => {
    const verdict = checkUpgrade(req, opts.token);
    if (!verdict.ok) {
      refusals.note(`refused a connection from ${req.socket.remoteAddress}: ${verdict.reason}`);
      const text = verdict.status === 401 ? 'Unauthorized' : 'Forbidden';
      socket.end(
        `HTTP/1.1 ${verdict.status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${verdict.reason}\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (e) => opts.log.warn(`socket error: ${e.message}`));
      serveConnection(ws, opts.registry, opts.log, { chunkIntervalMs: opts.chunkIntervalMs });
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (http.address() as AddressInfo).port,
    async close() {
      refusals.flush();
      const closed = [...wss.clients].map(
        (ws) =>
          new Promise<void>((r) => {
            ws.once('close', () => r());
            ws.close(1001, 'backend shutting down');
          }),
      );
      // A client that does not answer the close handshake must not hold the shutdown up.
      await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, CLOSE_GRACE_MS))]);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
