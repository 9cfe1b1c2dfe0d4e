// The completion pipeline, editor-neutral: cache → in-flight reuse → backend generation, read
// through the streaming filters under a budget. The VS Code adapter and the benchmark both drive it.
import type { Throughput, Timings, Usage } from '../../protocol/messages.js';
import { RequestBudget, type BudgetLimits } from './budget.js';
import { CompletionCache } from './cache.js';
import { systemClock, type Clock } from './clock.js';
import { defaultFilters } from './filters/chain.js';
import { makeFilterContext, type FilterContext } from './filters/context.js';
import { StreamingFilter } from './filters/stream.js';
import type { Filter } from './filters/types.js';
import { InflightReuse, SharedGeneration, type DetachReason, type GenerationReader } from './inflight-reuse.js';
import { LatencyTracker } from './latency.js';
import { roughTokenCount } from './token-estimate.js';

export interface CompletionRequest {
  /** The document's URI (any stable string). */
  readonly document: string;
  /** The prompt window around the cursor (see buildPromptWindow). */
  readonly prefix: string;
  readonly suffix: string;
  /** Other files as comments (see formatContextSnippets): put before the prefix in the prompt only. */
  readonly context?: string;
  readonly languageId?: string;
  /** From the editor's settings when known; guessed from the text otherwise. */
  readonly indentUnit?: string;
  readonly tabSize?: number;
  /**
   * Once text flows, show what came after this much writing and read on in the background for the longer text
   * (see ShowEarly); without it, the suggestion is shown when the budget ends.
   */
  readonly showAfterMs?: number;
}

/**
 * The backend call: streams text through `onText`, resolves when done (with the backend's usage, timings and
 * speeds when it reports them), stops when `signal` aborts.
 */
export type GenerateFn = (
  prefix: string,
  suffix: string,
  signal: AbortSignal,
  onText: (delta: string) => void,
  hints: GenerateHints,
) => Promise<GenerationEnd | void>; // eslint-disable-line @typescript-eslint/no-invalid-void-type -- test backends and old callers resolve with nothing

/** What the backend said about a finished generation (the local engine's `done`). */
export interface GenerationEnd {
  readonly usage?: Usage;
  readonly timings?: Timings;
  readonly throughput?: Throughput;
}

export interface GenerateHints {
  readonly maxTokens: number;
  readonly languageId?: string;
}

export type CompletionSource = 'cache' | 'inflight' | 'model';

/**
 * How the request ended. 'complete': the model finished; 'filter': a filter stopped the stream;
 * 'time' / 'tokens': the budget cut it (what came is shown); 'timeout': no text in time;
 * 'cancelled': the caller's signal; 'failed': the backend threw (see `error`).
 */
export type CompletionEnd = 'cache' | 'complete' | 'filter' | 'time' | 'tokens' | 'timeout' | 'cancelled' | 'failed';

export interface CompletionResult {
  /** What to insert at the cursor; '' means show nothing. */
  readonly text: string;
  readonly source: CompletionSource;
  readonly end: CompletionEnd;
  readonly elapsedMs: number;
  /** The filter that stopped the stream, if one did. */
  readonly stoppedBy?: string;
  readonly error?: unknown;
  /**
   * When the suggestion was shown early: the longer text, once the generation ends (already in the cache under
   * this request's key), or undefined when nothing longer came (cancelled, superseded, failed, no more text).
   */
  readonly grown?: Promise<string | undefined>;
}

export interface EngineCounters {
  requests: number;
  backendRequests: number;
  cacheHits: number;
  inflightReuses: number;
  filterStops: number;
  budgetStops: number;
  timeouts: number;
  cancelled: number;
  failures: number;
  empty: number;
}

export interface CompletionEngineOptions {
  readonly generate: GenerateFn;
  readonly clock?: Clock;
  readonly filters?: readonly Filter[];
  readonly budget?: Partial<BudgetLimits>;
  readonly cache?: CompletionCache;
  readonly inflight?: InflightReuse;
  readonly latency?: LatencyTracker;
  /** How long a generation whose request was cancelled keeps going for the next keystroke to reuse. */
  readonly orphanGraceMs?: number;
  readonly estimateTokens?: (text: string) => number;
  /** Whether a generation's error means it was cancelled (e.g. superseded in the backend), not that it failed. */
  readonly isCancellation?: (error: unknown) => boolean;
}

export const DEFAULT_BUDGET: BudgetLimits = { firstTextMs: 5000, generateMs: 1000, maxTokens: 128 };

type ReadEnd = Exclude<CompletionEnd, 'cache'>;
interface ReadOutcome {
  readonly text: string;
  readonly end: ReadEnd;
  readonly stoppedBy?: string;
  readonly error?: unknown;
  readonly grown?: Promise<string | undefined>;
}

function zeroCounters(): EngineCounters {
  return {
    requests: 0,
    backendRequests: 0,
    cacheHits: 0,
    inflightReuses: 0,
    filterStops: 0,
    budgetStops: 0,
    timeouts: 0,
    cancelled: 0,
    failures: 0,
    empty: 0,
  };
}

export class CompletionEngine {
  readonly counters: EngineCounters = zeroCounters();
  readonly cache: CompletionCache;
  readonly latency: LatencyTracker;
  private readonly inflight: InflightReuse;
  private readonly clock: Clock;
  private readonly filters: readonly Filter[];
  private limits: BudgetLimits;
  private readonly graceMs: number;
  private readonly estimate: (text: string) => number;
  private readonly generate: GenerateFn;
  private readonly isCancellation: (error: unknown) => boolean;

  constructor(options: CompletionEngineOptions) {
    this.generate = options.generate;
    this.clock = options.clock ?? systemClock;
    this.filters = options.filters ?? defaultFilters;
    this.limits = { ...DEFAULT_BUDGET, ...options.budget };
    this.cache = options.cache ?? new CompletionCache();
    this.inflight = options.inflight ?? new InflightReuse();
    this.latency = options.latency ?? new LatencyTracker();
    this.graceMs = options.orphanGraceMs ?? 1000;
    this.estimate = options.estimateTokens ?? roughTokenCount;
    this.isCancellation = options.isCancellation ?? (() => false);
  }

  get budget(): BudgetLimits {
    return this.limits;
  }

  /** New limits for the requests that start from now on (settings changed). */
  setBudget(budget: Partial<BudgetLimits>): void {
    this.limits = { ...this.limits, ...budget };
  }

  /**
   * Whether `complete` would answer this request without a new backend generation (from the cache
   * or a generation in flight), so the caller need not wait out the debounce first.
   */
  canAnswerWithoutModel(request: CompletionRequest): boolean {
    const key = { document: request.document, prefix: request.prefix, suffix: request.suffix };
    return (
      this.cache.get(key) !== undefined ||
      this.inflight.find(request.document, request.prefix, request.suffix) !== undefined
    );
  }

  async complete(request: CompletionRequest, signal?: AbortSignal): Promise<CompletionResult> {
    const startedAt = this.clock.now();
    this.counters.requests++;
    if (signal?.aborted) {
      this.counters.cancelled++;
      return { text: '', source: 'model', end: 'cancelled', elapsedMs: 0 };
    }
    const key = { document: request.document, prefix: request.prefix, suffix: request.suffix };
    const hit = this.cache.get(key);
    if (hit) {
      this.counters.cacheHits++;
      return { text: hit.text, source: 'cache', end: 'cache', elapsedMs: this.clock.now() - startedAt };
    }

    let generation: SharedGeneration;
    let skip = 0;
    let source: CompletionSource;
    const reuse = this.inflight.find(request.document, request.prefix, request.suffix);
    if (reuse) {
      this.counters.inflightReuses++;
      generation = reuse.generation;
      skip = reuse.typed.length;
      source = 'inflight';
    } else {
      this.counters.backendRequests++;
      generation = new SharedGeneration(request.document, request.prefix, request.suffix, this.clock, this.graceMs);
      this.inflight.track(generation);
      const prompt = (request.context ?? '') + request.prefix;
      const hints: GenerateHints = { maxTokens: this.limits.maxTokens, languageId: request.languageId };
      generation.start(async (sig, onText) => {
        await this.generate(prompt, request.suffix, sig, onText, hints);
      });
      source = 'model';
    }

    const outcome = await this.read(generation, skip, makeFilterContext(request), signal, request.showAfterMs);
    const elapsedMs = this.clock.now() - startedAt;
    this.count(outcome, elapsedMs);
    if (outcome.text !== '') this.cache.set(key, outcome.text);
    // The longer text goes into the cache before anyone hears of it: asking again then finds it.
    const grown = outcome.grown?.then((text) => {
      if (text !== undefined) this.cache.set(key, text);
      return text;
    });
    return {
      text: outcome.text,
      source,
      end: outcome.end,
      elapsedMs,
      stoppedBy: outcome.stoppedBy,
      error: outcome.error,
      ...(grown ? { grown } : {}),
    };
  }

  /** Stops whatever generation is still running (on deactivate or a model switch). */
  dispose(): void {
    this.inflight.dispose();
  }

  private count(outcome: ReadOutcome, elapsedMs: number): void {
    const c = this.counters;
    switch (outcome.end) {
      case 'cancelled':
        c.cancelled++;
        return; // says nothing about speed
      case 'failed':
        c.failures++;
        return;
      case 'timeout':
        c.timeouts++;
        this.latency.recordTimeout(elapsedMs);
        return;
      case 'filter':
        c.filterStops++;
        break;
      case 'time':
      case 'tokens':
        c.budgetStops++;
        break;
    }
    this.latency.recordSuccess(elapsedMs);
    if (outcome.text === '') c.empty++;
  }

  /**
   * Reads a generation from `skip` on until it ends, a filter stops it, the budget runs out or the caller cancels.
   * With `showAfterMs`, it answers early with what came and reads on weakly for the longer text (`grown`).
   */
  private read(
    generation: SharedGeneration,
    skip: number,
    ctx: FilterContext,
    signal?: AbortSignal,
    showAfterMs?: number,
  ): Promise<ReadOutcome> {
    return new Promise((resolve) => {
      const filter = new StreamingFilter(this.filters, ctx);
      let settledAs: ReadEnd | undefined;
      let early: { readonly text: string; readonly grow: (text: string | undefined) => void } | undefined;
      let detach: ((reason: DetachReason) => void) | undefined;
      const release = (end: ReadEnd): void => detach?.(end === 'cancelled' ? 'cancelled' : 'stopped');
      const settle = (end: ReadEnd, error?: unknown): void => {
        if (settledAs) return;
        settledAs = end;
        budget.dispose();
        signal?.removeEventListener('abort', onAbort);
        release(end);
        const shown =
          end === 'cancelled' || end === 'timeout' || end === 'failed'
            ? undefined
            : filter.finish(end === 'time' || end === 'tokens');
        if (early) {
          const longer = shown && shown.text.length > early.text.length && shown.text.startsWith(early.text);
          early.grow(longer ? shown.text : undefined);
          return;
        }
        resolve({ text: shown?.text ?? '', end, stoppedBy: shown?.stoppedBy, error });
      };
      let showDue = false;
      const showNow = (): void => {
        if (settledAs || early) return;
        showDue = true;
        const now = filter.finish(true);
        if (now.text.trim() === '') return; // nothing worth showing yet: tried again with the next text
        let grow: (text: string | undefined) => void = () => undefined;
        const grown = new Promise<string | undefined>((r) => (grow = r));
        early = { text: now.text, grow };
        generation.weaken(reader);
        resolve({ text: now.text, end: 'time', stoppedBy: now.stoppedBy, grown });
      };
      const onAbort = (): void => settle('cancelled');
      const budget = new RequestBudget(
        this.limits,
        this.clock,
        (why) => settle(why === 'first-text-timeout' ? 'timeout' : why),
        this.estimate,
        showAfterMs === undefined ? undefined : { afterMs: showAfterMs, onShow: showNow },
      );
      const reader: GenerationReader = {
        onText: (delta) => {
          if (settledAs) return;
          const within = budget.add(delta);
          if (filter.push(delta)) settle('filter');
          else if (!within) settle('tokens');
          else if (showDue) showNow();
        },
        onEnd: (state, error) => {
          if (state === 'done') settle('complete');
          else if (state === 'failed') settle(this.isCancellation(error) ? 'cancelled' : 'failed', error);
          else settle('cancelled');
        },
      };
      if (signal?.aborted) return settle('cancelled');
      signal?.addEventListener('abort', onAbort);
      detach = generation.attach(skip, reader);
      // attach may replay text and end the read before it returns.
      if (settledAs) release(settledAs);
    });
  }
}
