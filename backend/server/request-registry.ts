// Every request in flight across connections, so shutdown can abort them all and wait, and `status` can count.
import type { ModelHost } from '../engine/model-host.js';

export class RequestRegistry {
  private readonly live = new Set<AbortController>();
  private readonly settled = new Set<() => void>();

  constructor(readonly host: ModelHost) {}

  track(c: AbortController): () => void {
    this.live.add(c);
    return () => {
      this.live.delete(c);
      if (this.live.size === 0) for (const f of this.settled) f();
    };
  }

  load(): { inFlight: number; queued: number } {
    const queued = this.host.lanes().reduce((n, l) => n + l.queued, this.host.renderQueue.queued);
    return { inFlight: this.live.size, queued };
  }

  /** Abort everything and resolve once every request has sent its final event. */
  async abortAll(reason: Error): Promise<void> {
    if (this.live.size === 0) return;
    const drained = new Promise<void>((resolve) => this.settled.add(resolve));
    for (const c of this.live) c.abort(reason);
    await drained;
  }
}
