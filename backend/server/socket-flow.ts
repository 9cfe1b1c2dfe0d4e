// Backpressure for one client's socket. Every write goes through `send`; once more than `highWaterBytes` wait
// unread, the backend stops reading that client's requests and its generations wait (`writable`) until the
// client has read down to `lowWaterBytes`. A client that reads nothing for `stallMs` meanwhile is given up on
// (`onStall`: its requests cancelled, its socket closed), so a client that never reads costs a bounded amount.

/** The part of a `ws` WebSocket this needs (so a test can stand in for it). */
export interface FlowSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  readonly OPEN: number;
  send(data: string): void;
  pause(): void;
  resume(): void;
}

export interface FlowLimits {
  /** Unread bytes past which reading and generation pause: a few hundred chunks, or one large render. */
  highWaterBytes: number;
  /** Unread bytes at or below which they resume. */
  lowWaterBytes: number;
  /** How long the client may read nothing while paused before it is given up on. */
  stallMs: number;
  /** How often a paused socket is looked at (ws has no drain event of its own). */
  pollMs: number;
}

export const FLOW_LIMITS: Readonly<FlowLimits> = Object.freeze({
  highWaterBytes: 1024 * 1024,
  lowWaterBytes: 256 * 1024,
  stallMs: 30_000,
  pollMs: 20,
});

export class SocketFlow {
  private paused = false;
  private waiters = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lowest = 0;
  private lastProgress = 0;

  constructor(
    private readonly ws: FlowSocket,
    private readonly onStall: (why: string) => void,
    private readonly limits: FlowLimits = FLOW_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  send(text: string): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(text);
    if (!this.paused && this.ws.bufferedAmount > this.limits.highWaterBytes) this.pause();
  }

  /** Undefined while the client keeps up (the common case: no promise made); else resolves once it has read, or the wait is over. */
  writable(signal: AbortSignal): Promise<void> | undefined {
    if (!this.paused || signal.aborted) return undefined;
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  /** Stops watching and lets every waiter go (the socket closed, or the connection ends). */
  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.paused = false;
    for (const w of [...this.waiters]) w();
  }

  private pause(): void {
    this.paused = true;
    this.ws.pause();
    this.lowest = this.ws.bufferedAmount;
    this.lastProgress = this.now();
    this.timer = setInterval(() => this.check(), this.limits.pollMs);
  }

  private check(): void {
    if (this.ws.readyState !== this.ws.OPEN) return this.dispose();
    const buffered = this.ws.bufferedAmount;
    if (buffered <= this.limits.lowWaterBytes) {
      this.dispose();
      this.ws.resume();
      return;
    }
    if (buffered < this.lowest) {
      this.lowest = buffered;
      this.lastProgress = this.now();
    } else if (this.now() - this.lastProgress >= this.limits.stallMs) {
      this.dispose();
      this.onStall(
        `the client read nothing for ${Math.round(this.limits.stallMs / 100) / 10} s while ${buffered} bytes of replies waited`,
      );
    }
  }
}
