// One streaming request: iterate it for text chunks, or await `done` for how it ended.
// Chunks that arrive before anyone iterates are kept, so nothing is lost.
import type { StopReason, Throughput, Timings, Usage } from '../../protocol/messages.js';
import type { EngineError } from './engine-error.js';

/** How a request ended, whatever the engine (the local backend's `done` event has these fields). */
export interface StreamEnd {
  stopReason: StopReason;
  usage: Usage;
  timings: Timings;
  /** Completions: how the prompt was built. */
  mode?: 'fim' | 'prefix';
  /** The local backend's measured speeds for this request (or its lane's estimate). */
  throughput?: Throughput;
}

export class TextStream implements AsyncIterable<string> {
  private readonly chunks: string[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private error: EngineError | undefined;
  readonly done: Promise<StreamEnd>;
  private resolveDone!: (d: StreamEnd) => void;
  private rejectDone!: (e: EngineError) => void;

  constructor(readonly id: string) {
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // Iterating callers see the error through the iterator; this keeps it from being "unhandled" too.
    this.done.catch(() => undefined);
  }

  push(text: string): void {
    this.chunks.push(text);
    this.wake?.();
  }

  finish(end: StreamEnd): void {
    if (this.ended) return;
    this.ended = true;
    this.resolveDone(end);
    this.wake?.();
  }

  fail(e: EngineError): void {
    if (this.ended) return;
    this.ended = true;
    this.error = e;
    this.rejectDone(e);
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      if (this.chunks.length > 0) {
        yield this.chunks.shift()!;
        continue;
      }
      if (this.ended) {
        if (this.error) throw this.error;
        return;
      }
      await new Promise<void>((r) => {
        this.wake = r;
      });
      this.wake = undefined;
    }
  }

  /** All the text, once the request ends. */
  async text(): Promise<string> {
    let out = '';
    for await (const c of this) out += c;
    return out;
  }
}
