// One context sequence and the work waiting for it. Work on a lane runs one at a time (a sequence has one
// KV cache); lanes run concurrently. Past `queueLimit` waiting jobs, new work is refused as busy.
// The queue itself (WorkQueue) also bounds work that needs no sequence, such as `render`.
import type { LlamaContextSequence } from 'node-llama-cpp';
import type { LaneName, LaneStatus } from '../../protocol/messages.js';
import type { LanePredictor } from './lane-predictor.js';

export type { LaneName } from '../../protocol/messages.js';

export class BusyError extends Error {}

/** Runs one job at a time, with at most `queueLimit` waiting; beyond that, BusyError. */
export class WorkQueue {
  private running = false;
  private readonly waiting: Array<() => void> = [];
  private readonly queuedListeners = new Set<() => void>();

  constructor(
    readonly name: string,
    private readonly queueLimit: number,
  ) {}

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
        throw new BusyError(
          `the ${this.name} lane is busy with ${this.waiting.length} requests waiting; try again shortly`,
        );
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
        for (const l of this.queuedListeners) l();
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

  /** Calls `listener` whenever a job starts waiting; returns a function that stops it. */
  onQueued(listener: () => void): () => void {
    this.queuedListeners.add(listener);
    return () => this.queuedListeners.delete(listener);
  }
}

export class Lane {
  private readonly queue: WorkQueue;
  /** Set while the lane evaluates a prompt, for `status`. */
  evaluating: { evaluated: number; total: number } | undefined;

  /**
   * @param predictor the token predictor the sequence was created with (chat and documentation lanes), so a
   * request can choose its prediction (engine/lane-predictor.ts).
   */
  constructor(
    readonly name: LaneName,
    readonly sequence: LlamaContextSequence,
    queueLimit: number,
    readonly predictor?: LanePredictor,
  ) {
    this.queue = new WorkQueue(name, queueLimit);
  }

  /** Lets a low-priority job on this lane (a prefill) give way as soon as another job waits for the lane. */
  onQueued(listener: () => void): () => void {
    return this.queue.onQueued(listener);
  }

  status(): LaneStatus {
    return {
      name: this.name,
      contextSize: this.sequence.contextSize,
      busy: this.busy,
      queued: this.queued,
      ...(this.evaluating ? { evaluating: { ...this.evaluating } } : {}),
    };
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
