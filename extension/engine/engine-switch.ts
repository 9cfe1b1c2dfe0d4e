// The engine the features hold: it forwards to the engine in use (local or remote) and lets the core swap that
// engine when the person changes `fude.engine.kind`, without re-registering any feature. A request in flight
// when the engine changes ends with `engine_changed` (the text that arrived is kept by the caller, as for any
// failure), and the old engine is stopped and disposed.
import type { CountResult } from '../../protocol/messages.js';
import type { ChatCall, CompleteCall, CountCall, Engine, EngineDetails, EngineKind, PrefillCall } from './engine.js';
import { EngineError, errorCode, type EngineErrorCode } from './engine-error.js';
import { TextStream, type StreamEnd } from './text-stream.js';

interface Tracked {
  outer: TextStream;
  controller: AbortController;
  /** The engine changed under it: nothing more is forwarded. */
  cut: boolean;
}

export class EngineSwitch implements Engine {
  private engine: Engine;
  private readonly running = new Set<Tracked>();
  private nextId = 1;

  constructor(initial: Engine) {
    this.engine = initial;
  }

  get kind(): EngineKind {
    return this.engine.kind;
  }

  /** The engine in use now. */
  get current(): Engine {
    return this.engine;
  }

  /** Uses `next` from now on; requests in flight on the old engine end with `engine_changed`; the old one is disposed. */
  async use(next: Engine, reason: string): Promise<void> {
    const old = this.engine;
    if (old === next) return;
    this.engine = next;
    for (const r of [...this.running]) {
      r.cut = true;
      r.outer.fail(new EngineError('engine_changed', reason));
      r.controller.abort();
    }
    this.running.clear();
    await old.dispose();
  }

  start(): Promise<void> {
    return this.engine.start();
  }

  restart(): Promise<void> {
    return this.engine.restart();
  }

  stop(): Promise<void> {
    return this.engine.stop();
  }

  chat(call: ChatCall, signal?: AbortSignal): TextStream {
    return this.track((s) => this.engine.chat(call, s), signal);
  }

  complete(call: CompleteCall, signal?: AbortSignal): TextStream {
    return this.track((s) => this.engine.complete(call, s), signal);
  }

  /** The engine in use warms its own cache; a prefill in flight when the engine changes ends as that engine ends it. */
  prefill(call: PrefillCall, signal?: AbortSignal): Promise<StreamEnd | undefined> {
    return this.engine.prefill(call, signal);
  }

  count(call: CountCall): Promise<CountResult | undefined> {
    return this.engine.count(call);
  }

  details(): Promise<EngineDetails> {
    return this.engine.details();
  }

  dispose(): Promise<void> {
    return this.engine.dispose();
  }

  private track(make: (signal: AbortSignal) => TextStream, signal?: AbortSignal): TextStream {
    const outer = new TextStream(`switch-${this.nextId++}`);
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    if (signal?.aborted) controller.abort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const tracked: Tracked = { outer, controller, cut: false };
    this.running.add(tracked);
    const inner = make(controller.signal);
    void (async () => {
      try {
        for await (const chunk of inner) {
          if (tracked.cut) return;
          outer.push(chunk);
        }
        outer.finish(await inner.done);
      } catch (e) {
        outer.fail(
          e instanceof EngineError
            ? e
            : new EngineError(
                (errorCode(e) ?? 'internal') as EngineErrorCode,
                String((e as Error | undefined)?.message ?? e),
              ),
        );
      } finally {
        signal?.removeEventListener('abort', onAbort);
        this.running.delete(tracked);
      }
    })();
    return outer;
  }
}
