// Who evaluates next when lanes compete for the same cores. Each request's evaluation holds a ticket with a priority
// (completion > chat and documentation > prefill) and asks for its turn before every batch of its prompt and every
// step of its answer. The rules:
//   - while a higher-priority request evaluates its prompt, lower-priority work waits between its batches, so a
//     completion typed during a long chat prompt runs between the chat's batches instead of after the whole prompt;
//   - answers of different lanes are generated side by side (node-llama-cpp batches them together when they share a
//     context), so a stream of completions never stalls a chat's answer for longer than their prompts take;
//   - prefill, the lowest, waits while any other request is evaluating at all: it only uses idle time.
// Work of equal priority never waits on each other. Pure: no node-llama-cpp, so the rules are tested directly.

export const PRIORITY = { prefill: 1, chat: 2, complete: 3 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

export type Phase = 'prompt' | 'decode';

export class Ticket {
  phase: Phase = 'prompt';
  /** Milliseconds spent waiting in turn() so far. */
  waitedMs = 0;

  constructor(
    private readonly scheduler: EvaluationScheduler,
    readonly priority: Priority,
  ) {}

  /** Marks the change from reading the prompt to writing the answer; lower-priority work may then resume. */
  setPhase(phase: Phase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.scheduler.changed();
  }

  /**
   * Undefined when this ticket may evaluate now (the common case: no promise, no extra event-loop turn per token),
   * else a promise that resolves when it may, or rejects with the signal's reason when `signal` aborts first.
   */
  turn(signal?: AbortSignal): Promise<void> | undefined {
    if (!this.scheduler.blocked(this)) return undefined;
    return this.scheduler.wait(this, signal);
  }

  leave(): void {
    this.scheduler.leave(this);
  }
}

interface Waiter {
  ticket: Ticket;
  since: number;
  resolve(): void;
}

export class EvaluationScheduler {
  private readonly active = new Set<Ticket>();
  private readonly waiting: Waiter[] = [];

  /**
   * @param enabled false: nothing ever waits (lanes share the cores as node-llama-cpp batches them), to compare
   * against (`--priorities off`).
   */
  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly enabled = true,
  ) {}

  enter(priority: Priority): Ticket {
    const t = new Ticket(this, priority);
    this.active.add(t);
    return t;
  }

  /** Tickets in use, for status and tests. */
  get size(): number {
    return this.active.size;
  }

  /** Whether `t` must wait now. */
  blocked(t: Ticket): boolean {
    if (!this.enabled) return false;
    for (const u of this.active) {
      if (u === t || u.priority <= t.priority) continue;
      if (u.phase === 'prompt' || t.priority === PRIORITY.prefill) return true;
    }
    return false;
  }

  /** @internal Used by Ticket. */
  wait(ticket: Ticket, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = {
        ticket,
        since: this.now(),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          ticket.waitedMs += this.now() - w.since;
          resolve();
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(w);
        if (i !== -1) this.waiting.splice(i, 1);
        ticket.waitedMs += this.now() - w.since;
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(w);
    });
  }

  /** @internal A ticket changed phase or left: wake whoever may go now. */
  changed(): void {
    for (let i = 0; i < this.waiting.length; i++) {
      const w = this.waiting[i];
      if (!this.active.has(w.ticket) || !this.blocked(w.ticket)) {
        this.waiting.splice(i--, 1);
        w.resolve();
      }
    }
  }

  /** @internal Used by Ticket. */
  leave(t: Ticket): void {
    if (!this.active.delete(t)) return;
    this.changed();
  }
}
