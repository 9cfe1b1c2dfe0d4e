// Log lines for refused connections, at most one per interval: the first refusal is written at once, the
// rest of the interval's refusals become one line with their count, so a flood of refused connections
// (hundreds a second) writes a few lines instead of hundreds.

export class RefusalLog {
  private windowStart = Number.NEGATIVE_INFINITY;
  private suppressed = 0;
  private last = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly write: (line: string) => void,
    private readonly intervalMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  note(line: string): void {
    const t = this.now();
    if (t - this.windowStart >= this.intervalMs) {
      this.flush();
      this.windowStart = t;
      this.write(line);
      return;
    }
    this.suppressed++;
    this.last = line;
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.windowStart + this.intervalMs - t);
      this.timer.unref?.();
    }
  }

  /** Writes the count of what was held back, if anything (also called on shutdown). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.suppressed === 0) return;
    this.write(
      `refused ${this.suppressed} more connection(s) in ${Math.round(this.intervalMs / 1000)} s; the last: ${this.last}`,
    );
    this.suppressed = 0;
  }
}
