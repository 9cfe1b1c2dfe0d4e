// When to warm the model's completion cache ahead of the keystroke, editor-neutral: when a file becomes
// active, when the cursor jumps far, and when the editor has been idle for a while. One prefill at a
// time (a new one replaces the running one, whatever the file), each bounded in time; typing
// supersedes it in the backend (the next `complete` cancels it there), and every one is logged.
import type { CancelTimer, Clock } from './clock.js';
import type { WarmReason } from './pipeline.js';
import type { ServiceWarmOutcome } from './service.js';

export interface CursorPlace {
  readonly uri: string;
  /** Zero-based line of the cursor. */
  readonly line: number;
}

export interface PrefillSchedulerOptions {
  readonly clock: Clock;
  /** Runs one prefill for the active editor's current state (the CompletionService's `warm`). */
  readonly warm: (reason: WarmReason, expectedPauseMs: number, signal: AbortSignal) => Promise<ServiceWarmOutcome>;
  /** One line per prefill (the trace log). */
  readonly log: (line: string) => void;
  /** No edit or cursor move for this long is idle. */
  readonly idleMs?: number;
  /** Wait after opening a file or a jump: the cursor often moves again at once (go to definition, search results). */
  readonly settleMs?: number;
  /** A prefill running longer is stopped. */
  readonly timeoutMs?: number;
  /** A cursor move of more lines than this is a jump (the cached window no longer covers it). */
  readonly jumpLines?: number;
}

/** Pause from opening a file or jumping to the first keystroke, before any is seen. */
export const DEFAULT_PAUSE_MS = 2000;
const PAUSES_KEPT = 8;
/** Pauses longer than this are not "about to type" (the user read, or left). */
const LONGEST_PAUSE_MS = 15_000;
/** A cursor move this soon after an edit is the edit's own (typing, a paste), not a jump. */
const EDIT_MOVE_MS = 100;

interface Running {
  readonly reason: WarmReason;
  readonly controller: AbortController;
  readonly startedAt: number;
  editedSince: boolean;
}

export class PrefillScheduler {
  /** Counts for Show Status, the tests and the benchmark. */
  readonly counts = { started: 0, done: 0, superseded: 0, timedOut: 0, skipped: 0, failed: 0 };
  private readonly idleMs: number;
  private readonly settleMs: number;
  private readonly timeoutMs: number;
  private readonly jumpLines: number;
  private place: CursorPlace | undefined;
  private lastEditAt = -Infinity;
  private running: Running | undefined;
  private timer: CancelTimer | undefined;
  /** Idle came while a prefill ran: warm the full window once it ends, if nothing happened meanwhile. */
  private idleDue = false;
  /** Idle already warmed since the last activity. */
  private idleSpent = false;
  /** A file was opened or the cursor jumped at this time, and no key has come since. */
  private arrivedAt: number | undefined;
  private readonly pauses: number[] = [];
  private lastOff: string | undefined;
  private toldUnsupported = false;
  private disposed = false;

  constructor(private readonly o: PrefillSchedulerOptions) {
    this.idleMs = o.idleMs ?? 2000;
    this.settleMs = o.settleMs ?? 150;
    this.timeoutMs = o.timeoutMs ?? 30_000;
    this.jumpLines = o.jumpLines ?? 40;
  }

  /** Median pause between arriving somewhere (a file, a jump) and typing there. */
  expectedPauseMs(): number {
    if (this.pauses.length === 0) return DEFAULT_PAUSE_MS;
    const sorted = [...this.pauses].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** A file became the active editor's. */
  activated(place: CursorPlace): void {
    this.arrive(place, 'open');
  }

  /** The cursor moved without an edit (a click, Ctrl+G, go to definition, a search result). */
  moved(place: CursorPlace): void {
    const before = this.place;
    const editMove = this.o.clock.now() - this.lastEditAt <= EDIT_MOVE_MS;
    if (
      !editMove &&
      (before === undefined || before.uri !== place.uri || Math.abs(before.line - place.line) > this.jumpLines)
    ) {
      this.arrive(place, before?.uri === place.uri ? 'jump' : 'open');
      return;
    }
    this.place = place;
    this.activity();
  }

  /** An edit in the active editor (typing). */
  edited(place: CursorPlace): void {
    const now = this.o.clock.now();
    if (this.arrivedAt !== undefined) {
      const pause = now - this.arrivedAt;
      if (pause <= LONGEST_PAUSE_MS) {
        this.pauses.push(pause);
        if (this.pauses.length > PAUSES_KEPT) this.pauses.shift();
      }
      this.arrivedAt = undefined;
    }
    this.lastEditAt = now;
    this.place = place;
    if (this.running) this.running.editedSince = true;
    this.activity();
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.();
    this.running?.controller.abort();
  }

  private arrive(place: CursorPlace, reason: 'open' | 'jump'): void {
    this.place = place;
    this.arrivedAt = this.o.clock.now();
    this.idleSpent = false;
    this.idleDue = false;
    this.reschedule(this.settleMs, () => {
      this.start(reason);
      // The arrival's prefill warmed a window for the pause a person makes before typing; an idle prefill started
      // within that pause is likely cut by the first keystroke, and a cut one leaves the KV cache holding the start
      // of a bigger window instead of the warm one (measured: 1.9 to 2.3 s instead of 0.6 s to the first suggestion
      // with a 1.8B model on a slow CPU). So idle counts only after twice the usual pause.
      this.reschedule(Math.max(this.idleMs, 2 * this.expectedPauseMs()), () => this.onIdle());
    });
  }

  private activity(): void {
    this.idleSpent = false;
    this.idleDue = false;
    this.reschedule(this.idleMs, () => this.onIdle());
  }

  private onIdle(): void {
    if (this.idleSpent) return;
    if (this.running) {
      this.idleDue = true;
      return;
    }
    this.idleSpent = true;
    this.start('idle');
  }

  private reschedule(ms: number, run: () => void): void {
    this.timer?.();
    this.timer = this.o.clock.schedule(ms, () => {
      this.timer = undefined;
      run();
    });
  }

  private start(reason: WarmReason): void {
    if (this.disposed) return;
    // One at a time, whatever the file: the newest place is the one the user is at.
    this.running?.controller.abort();
    const controller = new AbortController();
    const run: Running = { reason, controller, startedAt: this.o.clock.now(), editedSince: false };
    this.running = run;
    const stop = this.o.clock.schedule(this.timeoutMs, () => controller.abort('timeout'));
    const place = this.place;
    void this.o
      .warm(reason, this.expectedPauseMs(), controller.signal)
      .then(
        (outcome) => this.finish(run, outcome, controller.signal.reason === 'timeout', place),
        (error: unknown) =>
          this.finish(run, { kind: 'failed', tokens: 0, ms: this.o.clock.now() - run.startedAt, error }, false, place),
      )
      .finally(stop);
  }

  private finish(run: Running, outcome: ServiceWarmOutcome, timedOut: boolean, place: CursorPlace | undefined): void {
    if (this.running === run) this.running = undefined;
    const where = `prefill (${run.reason})${place ? ` of ${place.uri} near line ${place.line + 1}` : ''}`;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    switch (outcome.kind) {
      case 'off':
        this.counts.skipped++;
        // Said once per reason: every cursor move would repeat it.
        if (this.lastOff !== outcome.reason)
          this.o.log(`prefill: not warming the model's cache (completion ${outcome.reason})`);
        this.lastOff = outcome.reason;
        return;
      case 'skipped':
      case 'unsupported':
        this.counts.skipped++;
        this.lastOff = undefined;
        if (outcome.kind === 'unsupported') {
          // Said once: with a remote engine every move would repeat it.
          if (!this.toldUnsupported)
            this.o.log(
              'prefill: the engine in use has no completion cache to warm (a remote server); nothing is sent ahead of typing',
            );
          this.toldUnsupported = true;
        } else if (outcome.why === 'already-warm') this.o.log(`${where}: the window is already in the cache`);
        return;
      case 'done':
        this.counts.started++;
        this.counts.done++;
        this.lastOff = undefined;
        this.o.log(
          `${where}: ${outcome.tokens} tokens (about), ${outcome.evaluatedTokens ?? '?'} evaluated, in ${s(outcome.ms)}`,
        );
        break;
      case 'cancelled':
        this.counts.started++;
        this.lastOff = undefined;
        if (timedOut) {
          this.counts.timedOut++;
          this.o.log(
            `${where}: stopped after ${s(outcome.ms)} (longer than ${s(this.timeoutMs)}); part of its ${outcome.tokens} tokens stays cached`,
          );
        } else {
          this.counts.superseded++;
          const by = run.editedSince ? 'typing' : 'a newer prefill';
          this.o.log(
            `${where}: superseded by ${by} after ${s(outcome.ms)}; part of its ${outcome.tokens} tokens stays cached`,
          );
        }
        return;
      case 'failed':
        this.counts.started++;
        this.counts.failed++;
        this.o.log(
          `${where}: failed after ${s(outcome.ms)}: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`,
        );
        return;
    }
    // Idle came while this one ran: now warm the whole window, unless the user is back.
    if (this.idleDue && !this.running) {
      this.idleDue = false;
      this.idleSpent = true;
      this.start('idle');
    }
  }
}
