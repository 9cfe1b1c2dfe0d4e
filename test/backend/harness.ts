// Starts the real fude-backend process on a generated fixture and talks to it like a client would.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { readBackendEvents, type BackendEvent } from '../../protocol/backend-events.js';
import type { ReadyLine, ServerEvent } from '../../protocol/messages.js';

export const BACKEND_MAIN = fileURLToPath(new URL('../../backend/main.js', import.meta.url));
export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface BackendProcess {
  proc: ChildProcess;
  stderr: string[];
  ready: Promise<ReadyLine>;
  /** Every typed event the backend printed on stdout, in order. */
  events: BackendEvent[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export function spawnBackend(
  args: string[],
  env: Record<string, string | undefined> = { FUDE_BACKEND_TOKEN: TEST_TOKEN },
): BackendProcess {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const proc = spawn(process.execPath, [BACKEND_MAIN, '--gpu', 'cpu', '--threads', '1', ...args], {
    env: merged,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  const events: BackendEvent[] = [];
  proc.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(...d.split('\n').filter(Boolean)));
  const exit = once(proc, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const ready = new Promise<ReadyLine>((resolve, reject) => {
    readBackendEvents(
      proc.stdout,
      (ev) => {
        events.push(ev);
        if (ev.event === 'ready') resolve(ev);
      },
      (line) => reject(new Error(`the backend printed a line that is not an event: ${line.slice(0, 200)}`)),
    );
    void exit.then(({ code }) =>
      reject(new Error(`backend exited (${code}) before ready: ${stderr.slice(-5).join(' | ')}`)),
    );
  });
  ready.catch(() => undefined);
  return {
    proc,
    stderr,
    ready,
    events,
    exit,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exit;
    },
  };
}

export interface Collected {
  chunks: string[];
  /** Progress events (a chat's long prompt), in order. */
  progress: Array<{ evaluatedTokens: number; totalTokens: number; at: number }>;
  text: string;
  final: ServerEvent & { type: 'done' | 'error' };
}

export class Client {
  private readonly waiters = new Map<
    string,
    { chunks: string[]; progress: Collected['progress']; onChunk?: (t: string) => void; resolve(c: Collected): void }
  >();
  readonly unmatched: ServerEvent[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const ev = JSON.parse((data as Buffer).toString()) as ServerEvent;
      const w = ev.id === null ? undefined : this.waiters.get(ev.id);
      if (!w) return void this.unmatched.push(ev);
      if (ev.type === 'chunk') {
        w.chunks.push(ev.text);
        w.onChunk?.(ev.text);
      } else if (ev.type === 'progress') {
        w.progress.push({ evaluatedTokens: ev.evaluatedTokens, totalTokens: ev.totalTokens, at: performance.now() });
      } else {
        this.waiters.delete(ev.id!);
        w.resolve({ chunks: w.chunks, progress: w.progress, text: w.chunks.join(''), final: ev });
      }
    });
  }

  static async connect(port: number, token = TEST_TOKEN): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { headers: { authorization: `Bearer ${token}` } });
    await once(ws, 'open');
    return new Client(ws);
  }

  /** Send a request and collect its chunks and final event. */
  request(req: Record<string, unknown> & { id: string }, onChunk?: (t: string) => void): Promise<Collected> {
    return new Promise((resolve) => {
      this.waiters.set(req.id, { chunks: [], progress: [], onChunk, resolve });
      this.ws.send(JSON.stringify(req));
    });
  }

  /** Send a frame already serialised (a megabyte frame's JSON.stringify is then not part of the wait). */
  requestFrame(id: string, frame: string): Promise<Collected> {
    return new Promise((resolve) => {
      this.waiters.set(id, { chunks: [], progress: [], resolve });
      this.ws.send(frame);
    });
  }

  /** Send raw text and wait for the next event that no request is waiting for. */
  async raw(frame: string | Buffer): Promise<ServerEvent> {
    const before = this.unmatched.length;
    this.ws.send(frame);
    while (this.unmatched.length === before) await new Promise((r) => setTimeout(r, 5));
    return this.unmatched[before];
  }

  close(): void {
    this.ws.close();
  }
}
