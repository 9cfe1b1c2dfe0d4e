// Reuse of a generation still streaming: when the user types the characters the model is about to
// write, the new request reads the same stream with the typed characters taken off, instead of
// cancelling it and starting over.
import type { CancelTimer, Clock } from './clock.js';
import { typedSince } from './typed-since.js';

export type GenerationState = 'running' | 'done' | 'failed' | 'aborted';

export interface GenerationReader {
  onText(delta: string): void;
  onEnd(state: Exclude<GenerationState, 'running'>, error?: unknown): void;
}

/** 'stopped': the reader has what it needs. 'cancelled': its request was superseded; a newer one may still want the stream. */
export type DetachReason = 'stopped' | 'cancelled';

export type RunGeneration = (signal: AbortSignal, onText: (delta: string) => void) => Promise<void>;

/** One backend generation that several requests may read, each from its own offset. */
export class SharedGeneration {
  private received = '';
  private current: GenerationState = 'running';
  private failure: unknown;
  private readonly readers = new Map<GenerationReader, number>();
  /** Readers whose suggestion is already shown and who only wait for the longer text: they keep no one waiting. */
  private readonly weak = new Set<GenerationReader>();
  private readonly controller = new AbortController();
  private cancelGrace: CancelTimer | undefined;

  /**
   * `graceMs`: how long a generation with no reader left by cancellation keeps going, waiting for
   * the next keystroke's request to pick it up (VS Code cancels the old request first).
   */
  constructor(
    readonly document: string,
    readonly prefix: string,
    readonly suffix: string,
    private readonly clock: Clock,
    private readonly graceMs: number,
  ) {}

  get text(): string {
    return this.received;
  }

  get state(): GenerationState {
    return this.current;
  }

  /** Readers someone waits on (weak ones not counted: a newer generation may replace this one). */
  get readerCount(): number {
    return this.readers.size - this.weak.size;
  }

  /** Marks an attached reader as weak: its request was answered, it reads on only for a longer text. */
  weaken(reader: GenerationReader): void {
    if (this.readers.has(reader)) this.weak.add(reader);
  }

  start(run: RunGeneration): void {
    let running: Promise<void>;
    try {
      running = run(this.controller.signal, (delta) => this.receive(delta));
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      () => this.end('done'),
      (error: unknown) => this.end('failed', error),
    );
  }

  /** Reads from `offset` characters on: what is there now at once, the rest as it comes. */
  attach(offset: number, reader: GenerationReader): (reason: DetachReason) => void {
    this.cancelGrace?.();
    this.cancelGrace = undefined;
    this.readers.set(reader, offset);
    this.deliver(reader);
    if (this.current !== 'running') reader.onEnd(this.current, this.failure);
    return (reason) => this.detach(reader, reason);
  }

  /** Stops the backend; readers are told the generation ended as 'aborted'. */
  abort(): void {
    if (this.current !== 'running') return;
    this.controller.abort();
    this.end('aborted');
  }

  private deliver(reader: GenerationReader): void {
    const offset = this.readers.get(reader);
    if (offset === undefined || this.received.length <= offset) return;
    this.readers.set(reader, this.received.length);
    reader.onText(this.received.slice(offset));
  }

  private receive(delta: string): void {
    if (this.current !== 'running' || delta === '') return;
    this.received += delta;
    for (const reader of [...this.readers.keys()]) this.deliver(reader);
  }

  private end(state: Exclude<GenerationState, 'running'>, error?: unknown): void {
    if (this.current !== 'running') return;
    this.current = state;
    this.failure = error;
    this.cancelGrace?.();
    this.cancelGrace = undefined;
    for (const reader of [...this.readers.keys()]) reader.onEnd(state, error);
  }

  private detach(reader: GenerationReader, reason: DetachReason): void {
    if (!this.readers.delete(reader)) return;
    this.weak.delete(reader);
    if (this.readers.size > 0 || this.current !== 'running') return;
    if (reason === 'stopped' || this.graceMs <= 0) this.abort();
    else this.cancelGrace = this.clock.schedule(this.graceMs, () => this.abort());
  }
}

export interface InflightReuseOptions {
  readonly maxTyped?: number;
  readonly prefixTailChars?: number;
  readonly suffixHeadChars?: number;
}

export interface Reuse {
  readonly generation: SharedGeneration;
  /** Typed since that generation's request: the reader skips this many characters. */
  readonly typed: string;
}

/** Keeps the latest generation and says whether a new request can read it. */
export class InflightReuse {
  private latest: SharedGeneration | undefined;

  constructor(private readonly options: InflightReuseOptions = {}) {}

  find(document: string, prefix: string, suffix: string): Reuse | undefined {
    const g = this.latest;
    if (!g || g.state === 'failed' || g.state === 'aborted' || g.document !== document) return undefined;
    const head = this.options.suffixHeadChars ?? 200;
    if (g.suffix.slice(0, head) !== suffix.slice(0, head)) return undefined;
    const typed = typedSince(g.prefix, prefix, this.options.maxTyped ?? 64, this.options.prefixTailChars ?? 1000);
    if (typed === undefined || !g.text.startsWith(typed)) return undefined;
    // A finished generation is only worth reading if text is left after what was typed.
    if (g.state === 'done' && g.text.length === typed.length) return undefined;
    return { generation: g, typed };
  }

  /** Makes `generation` the one to reuse; the one before is aborted unless someone still reads it. */
  track(generation: SharedGeneration): void {
    const previous = this.latest;
    this.latest = generation;
    if (previous && previous !== generation && previous.readerCount === 0) previous.abort();
  }

  /** Stops the latest generation, read or not. */
  dispose(): void {
    this.latest?.abort();
    this.latest = undefined;
  }
}
