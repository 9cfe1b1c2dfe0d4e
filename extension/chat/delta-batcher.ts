/**
 * Streamed text to the panel in batches: one message per interval instead of one per token.
 * A fast model writes hundreds of tokens a second, and each message crosses to the webview
 * (in code-server, over the network); batching keeps the editor responsive and Stop prompt.
 * Batches are whole chunks joined, so a character is never split between messages.
 */
export class DeltaBatcher {
  private pending = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly intervalMs = 40,
    private readonly timers: { set: typeof setTimeout; clear: typeof clearTimeout } = {
      set: setTimeout,
      clear: clearTimeout,
    },
  ) {}

  push(text: string): void {
    if (text === '') return;
    this.pending += text;
    if (this.timer === undefined) this.timer = this.timers.set(() => this.flush(), this.intervalMs);
  }

  /** Sends what is waiting now (before the answer's end is announced). */
  flush(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.emit(text);
  }
}
