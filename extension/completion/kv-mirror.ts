// What the backend's completion KV cache is believed to hold, so the window sizer knows what a prompt
// will cost: the backend reuses the longest common start of the cached prompt and the new one and
// evaluates the rest. Requests (completions and prefills) go through one sequence, in order; each new
// one keeps the common start of the previous and overwrites the rest as it evaluates. An interrupted
// evaluation (superseded, cancelled, timed out) leaves part of its prompt: estimated from the time it
// ran and the measured speed, on the low side.

export interface MirrorOptions {
  /** Tokens of a text (the calibrated estimate, which errs high). */
  readonly estimate: (text: string) => number;
  /** Prompt tokens per second now, if known. */
  readonly promptTokensPerSecond: () => number | undefined;
  readonly now: () => number;
}

/** Share of the speed counted when guessing how far an interrupted evaluation got. */
const PROGRESS_SAFETY = 0.8;

interface Held {
  /** The prompt's text head (other files' context + prefix): what later prompts can share. */
  readonly text: string;
  /** Tokens from its start that are in the cache. */
  readonly tokens: number;
}

interface Running {
  readonly text: string;
  /** Tokens already cached when it started (the common start with what was held). */
  readonly base: number;
  readonly startedAt: number;
  readonly ticket: number;
}

/** One evaluation in flight; say how it ended. */
export interface MirrorTicket {
  /** Evaluated to the end (a done came): the whole prompt is cached. */
  finished(): void;
  /** Ended without a done (cancelled, superseded, failed, timed out): part of it may be cached. */
  interrupted(): void;
}

export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Never count half of a surrogate pair.
  if (i > 0 && i < n && a.charCodeAt(i - 1) >= 0xd800 && a.charCodeAt(i - 1) <= 0xdbff) i--;
  return i;
}

export class KvMirror {
  private held: Held = { text: '', tokens: 0 };
  private running: Running | undefined;
  private nextTicket = 1;

  constructor(private readonly o: MirrorOptions) {}

  /** Tokens of `head` already in the cache (its common start with what the cache holds or is filling now). */
  cachedTokens(head: string): number {
    const { text, tokens } = this.snapshot();
    if (tokens <= 0) return 0;
    const common = commonPrefixLength(head, text);
    if (common === 0) return 0;
    return Math.min(tokens, this.o.estimate(head.slice(0, common)));
  }

  /** Tokens `head` (+ `tail`, which is never shared: a FIM suffix follows the changing prefix) would evaluate. */
  uncachedTokens(head: string, tail = ''): number {
    return Math.max(0, this.o.estimate(head) - this.cachedTokens(head)) + (tail === '' ? 0 : this.o.estimate(tail));
  }

  /** A request with prompt head `text` goes to the backend: it supersedes whatever was evaluating. */
  begin(text: string): MirrorTicket {
    const base = this.snapshot();
    const common = commonPrefixLength(text, base.text);
    const kept = common === 0 ? 0 : Math.min(base.tokens, this.o.estimate(text.slice(0, common)));
    const ticket = this.nextTicket++;
    // What the previous evaluation left beyond the common start is overwritten by this one.
    this.held = { text: text.slice(0, common), tokens: kept };
    this.running = { text, base: kept, startedAt: this.o.now(), ticket };
    return {
      finished: () => {
        if (this.running?.ticket !== ticket) return;
        this.running = undefined;
        this.held = { text, tokens: this.o.estimate(text) };
      },
      interrupted: () => {
        if (this.running?.ticket !== ticket) return;
        this.held = this.progressOf(this.running);
        this.running = undefined;
      },
    };
  }

  /** Another model or process: its cache is empty. */
  forget(): void {
    this.held = { text: '', tokens: 0 };
    this.running = undefined;
  }

  /** What is cached now, counting the estimated progress of an evaluation in flight. */
  private snapshot(): Held {
    return this.running ? this.progressOf(this.running) : this.held;
  }

  private progressOf(r: Running): Held {
    const speed = this.o.promptTokensPerSecond();
    const done = speed === undefined ? 0 : ((this.o.now() - r.startedAt) / 1000) * speed * PROGRESS_SAFETY;
    return { text: r.text, tokens: Math.min(this.o.estimate(r.text), Math.floor(r.base + done)) };
  }
}
