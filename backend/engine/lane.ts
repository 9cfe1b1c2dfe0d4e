// One context sequence and the work waiting for it. Work on a lane runs one at a time (a sequence has one
// KV cache); lanes run concurrently. Past `queueLimit` waiting jobs, new work is refused as busy.
// The queue itself (WorkQueue) also bounds work that needs no sequence, such as `render`.
import type { LlamaContextSequence } from 'node-llama-cpp';

export class BusyError extends Error {}

export type LaneName = 'chat' | 'docs' | 'complete';

/** Runs one job at a time, with at most `queueLimit` waiting; beyond that, BusyError. */
export class WorkQueue {
  private running = false;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly name: string, private readonly queueLimit: number) {}

  get busy(): boolean {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `job` when the queue is free. A job whose signal aborts while it waits never runs. */
  async run<T>(job: () => Promise<T>, signal: AbortSignal): Promise<T> {
    // Checked before queueing too: an 'abort' listener added to an already-aborted signal never fires.
    if (signal.aborted) throw signal.reason;
    if (this.running) {
      if (this.waiting.length >= this.queueLimit) {
        throw new BusyError(`the ${this.name} lane is busy with ${this.waiting.length} requests waiting; try again shortly`);
      }
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const i = this.waiting.indexOf(turn);
          if (i !== -1) this.waiting.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(turn);
      });
      // The queue was handed to us still marked running, so nobody slipped in between.
    } else {
      this.running = true;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running = false;
    }
  }
}

export class Lane {
  private readonly queue: WorkQueue;

  constructor(readonly name: LaneName, readonly sequence: LlamaContextSequence, queueLimit: number) {
    this.queue = new WorkQueue(name, queueLimit);
  }

  get busy(): boolean {
    return this.queue.busy;
  }

  get queued(): number {
    return this.queue.queued;
  }

  /** Runs `job` on this lane's sequence when the lane is free. A job whose signal aborts while it waits never runs. */
  run<T>(job: (sequence: LlamaContextSequence) => Promise<T>, signal: AbortSignal): Promise<T> {
    return this.queue.run(() => job(this.sequence), signal);
  }
}
