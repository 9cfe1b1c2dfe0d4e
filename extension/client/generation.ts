// One streaming request: iterate it for text chunks, or await `done` for the final event.
// Chunks that arrive before anyone iterates are kept, so nothing is lost.
import type { DoneEvent } from '../../protocol/messages.js';
import type { BackendError } from './backend-error.js';

export class Generation implements AsyncIterable<string> {
  private readonly chunks: string[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private error: BackendError | undefined;
  readonly done: Promise<DoneEvent>;
  private resolveDone!: (d: DoneEvent) => void;
  private rejectDone!: (e: BackendError) => void;

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

  finish(ev: DoneEvent): void {
    this.ended = true;
    this.resolveDone(ev);
    this.wake?.();
  }

  fail(e: BackendError): void {
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
      await new Promise<void>((r) => { this.wake = r; });
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
