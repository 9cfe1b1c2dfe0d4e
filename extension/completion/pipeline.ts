// One inline completion from editor state to suggestion, editor-neutral: the VS Code provider and
// the benchmark both call `provide`. Steps: prompt window (kept stable for the KV cache) and context
// from other files within the model's context; the cache and the generation in flight answer at
// once; otherwise wait out the adaptive debounce, then ask the engine. The window's size follows the
// measured speed and what the KV cache holds (window-sizer.ts, kv-mirror.ts); `warm` prefills the cache
// ahead of the keystroke.
import type { BudgetLimits } from './budget.js';
import { systemClock, type Clock } from './clock.js';
import { AdaptiveDebouncer, type DebounceOptions } from './debounce.js';
import {
  CompletionEngine,
  DEFAULT_BUDGET,
  type CompletionRequest,
  type CompletionResult,
  type GenerateFn,
  type GenerationEnd,
} from './engine.js';
import { KvMirror } from './kv-mirror.js';
import { RecentFiles } from './recent-files.js';
import { SpeedEstimate } from './speed.js';
import { StableWindow, type StableWindowInput } from './stable-window.js';
import { TokenCalibration } from './token-calibration.js';
import { planWindow, prefillTokens, type WindowPlan } from './window-sizer.js';

export interface DocumentSnapshot {
  readonly uri: string;
  /** Workspace-relative path (shown to the model in other files' context only). */
  readonly path: string;
  readonly languageId: string;
  readonly text: string;
  /** Cursor as a UTF-16 offset. */
  readonly offset: number;
  readonly indentUnit?: string;
  readonly tabSize?: number;
}

export interface PipelineSettings {
  /** Target size of the prompt window around the cursor, in tokens. */
  readonly promptTokens: number;
  /** Tokens for snippets of other files of the same language; 0 turns them off. */
  readonly extraContextTokens: number;
  /** Share of the window for the text after the cursor. */
  readonly suffixShare: number;
  /**
   * A request with nothing in the KV cache gets a window small enough for its first suggestion to come
   * within this many milliseconds, at the speed the backend measured; the window then grows as the cache fills.
   */
  readonly firstSuggestionTargetMs: number;
  readonly budget: BudgetLimits;
}

export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  promptTokens: 1024,
  extraContextTokens: 256,
  suffixShare: 0.2,
  firstSuggestionTargetMs: 1200,
  budget: DEFAULT_BUDGET,
};

/** The bounds of `firstSuggestionTargetMs` (the manifest's minimum and maximum). */
export const FIRST_SUGGESTION_TARGET_RANGE = { min: 200, max: 30_000 } as const;

export interface ProvideOptions {
  /** An explicit trigger: no debounce. */
  readonly manual?: boolean;
  readonly signal?: AbortSignal;
  /** The model's context per sequence; the prompt and the answer must fit in it. */
  readonly contextSize: number;
  /** Text of another open file, for the extra context. */
  readonly textOf?: (uri: string) => string | undefined;
  /** Whether the model fills in the middle: its prompts hold the suffix, which every request evaluates again. */
  readonly fim?: boolean;
}

/** The backend's prefill: evaluates the prompt `complete` would build, generating nothing. */
export type PrefillFn = (prefix: string, suffix: string, signal: AbortSignal) => Promise<GenerationEnd | undefined>;

export type WarmReason = 'open' | 'jump' | 'idle';

export interface WarmOptions {
  readonly contextSize: number;
  readonly textOf?: (uri: string) => string | undefined;
  readonly fim?: boolean;
  readonly reason: WarmReason;
  /** How long the user usually waits after opening a file or jumping before typing. */
  readonly expectedPauseMs: number;
  readonly signal: AbortSignal;
}

export type WarmOutcome =
  | { readonly kind: 'skipped'; readonly why: 'no-prefill' | 'already-warm' | 'empty' }
  /** The engine has no KV cache to warm (a remote server), or the backend does not know `prefill`. */
  | { readonly kind: 'unsupported' }
  | {
      readonly kind: 'done';
      readonly tokens: number;
      readonly evaluatedTokens: number | undefined;
      readonly ms: number;
      readonly line: number;
    }
  | { readonly kind: 'cancelled'; readonly tokens: number; readonly ms: number; readonly line: number }
  | { readonly kind: 'failed'; readonly tokens: number; readonly ms: number; readonly error: unknown };

/** What the last request's window was and cost, for Show Status and the log. */
export interface WindowRecord {
  /** Estimated prompt tokens (window and other files' context). */
  readonly tokens: number;
  /** Estimated tokens not in the KV cache, which the backend evaluates. */
  readonly uncachedTokens: number;
  /** The window kept its first line (its prompt extends the cached one). */
  readonly kept: boolean;
  readonly expectedFirstTextMs: number | undefined;
}

/** The numbers behind the window, for Show Status. */
export interface WindowReport {
  readonly speed: SpeedEstimate['current'];
  readonly targetMs: number;
  readonly firstTextMs: number;
  readonly fullTokens: number;
  readonly plan: Pick<WindowPlan, 'affordableTokens' | 'budgetTokens' | 'limitedBy'>;
  readonly last: WindowRecord | undefined;
  /** The backend's word on the last generation that finished: prompt tokens and those it evaluated. */
  readonly lastUsage: { readonly inputTokens: number; readonly evaluatedInputTokens: number } | undefined;
  readonly tokenFactor: number;
}

export interface PipelineOutcome extends CompletionResult {
  /** A newer keystroke (or cancellation) came during the debounce: no model work was done. */
  readonly debounced: boolean;
  /** Provide call to result. */
  readonly totalMs: number;
  /** Building the prompt window and the context. */
  readonly prepMs: number;
  /** Waiting out the debounce. */
  readonly waitedMs: number;
}

export interface PipelineCounters {
  /** provide() calls (keystrokes and triggers). */
  calls: number;
  /** Ended during the debounce. */
  debounced: number;
  /** Answered by the cache or a generation in flight without waiting out the debounce. */
  immediate: number;
}

export interface CompletionPipelineOptions {
  readonly generate: GenerateFn;
  readonly clock?: Clock;
  readonly settings?: Partial<PipelineSettings>;
  readonly calibration?: TokenCalibration;
  readonly recent?: RecentFiles;
  readonly debounce?: DebounceOptions;
  readonly isCancellation?: (error: unknown) => boolean;
  readonly orphanGraceMs?: number;
  readonly prefill?: PrefillFn;
  readonly speed?: SpeedEstimate;
}

/** A kept window that needs at most this many tokens evaluated counts as warm: no prefill is needed. */
const WARM_ENOUGH_TOKENS = 16;

/** Tokens kept free besides the answer: special tokens, BOS, rounding of the estimate. */
const RESERVED_TOKENS = 16;

export class CompletionPipeline {
  readonly engine: CompletionEngine;
  readonly debouncer: AdaptiveDebouncer;
  readonly window = new StableWindow();
  readonly calibration: TokenCalibration;
  readonly recent: RecentFiles;
  readonly counters: PipelineCounters = { calls: 0, debounced: 0, immediate: 0 };
  readonly speed: SpeedEstimate;
  readonly kv: KvMirror;
  private settings: PipelineSettings;
  private readonly clock: Clock;
  private readonly prefill: PrefillFn | undefined;
  private last: WindowRecord | undefined;
  private readonly isCancellation: (error: unknown) => boolean;
  private lastUsage: WindowReport['lastUsage'];

  constructor(options: CompletionPipelineOptions) {
    this.clock = options.clock ?? systemClock;
    this.settings = { ...DEFAULT_PIPELINE_SETTINGS, ...options.settings };
    this.calibration = options.calibration ?? new TokenCalibration();
    this.recent = options.recent ?? new RecentFiles();
    this.speed = options.speed ?? new SpeedEstimate();
    this.prefill = options.prefill;
    this.kv = new KvMirror({
      estimate: this.calibration.estimate,
      promptTokensPerSecond: () => this.speed.current?.promptTokensPerSecond,
      now: () => this.clock.now(),
    });
    const generate = options.generate;
    this.engine = new CompletionEngine({
      // Every generation passes here, so the mirror of the KV cache and the speeds follow what was sent.
      generate: async (prefix, suffix, signal, onText, hints) => {
        const ticket = this.kv.begin(prefix);
        let wrote = false;
        try {
          const end = await generate(
            prefix,
            suffix,
            signal,
            (delta) => {
              wrote = true;
              onText(delta);
            },
            hints,
          );
          // Text came only after the whole prompt was read.
          if (wrote || !signal.aborted) ticket.finished();
          else ticket.interrupted();
          if (end) this.learn(end);
          return end;
        } catch (error) {
          if (wrote) ticket.finished();
          else ticket.interrupted();
          throw error;
        }
      },
      clock: this.clock,
      budget: this.settings.budget,
      isCancellation: options.isCancellation,
      orphanGraceMs: options.orphanGraceMs,
    });
    this.isCancellation = options.isCancellation ?? (() => false);
    this.debouncer = new AdaptiveDebouncer(this.clock, () => this.engine.latency.stats().p50, options.debounce);
  }

  get currentSettings(): PipelineSettings {
    return this.settings;
  }

  updateSettings(settings: Partial<PipelineSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.engine.setBudget(this.settings.budget);
  }

  /** An edit in the active editor: feeds the typing speed. */
  recordKeystroke(): void {
    this.debouncer.recordKeystroke();
  }

  /** Another model is loaded: what was learned about the old one no longer holds. */
  reset(): void {
    this.engine.dispose();
    this.engine.cache.clear();
    this.engine.latency.reset();
    this.window.forget();
    this.calibration.reset();
    this.speed.reset();
    this.kv.forget();
    this.last = undefined;
    this.lastUsage = undefined;
  }

  /** The plan for windows of at most `fullTokens` at the current speed and settings. */
  plan(fullTokens = this.settings.promptTokens): WindowPlan {
    const s = this.settings;
    return planWindow({
      speed: this.speed.current,
      targetMs: s.firstSuggestionTargetMs,
      firstTextMs: s.budget.firstTextMs,
      generateMs: s.budget.generateMs,
      fullTokens,
    });
  }

  report(): WindowReport {
    const s = this.settings;
    const { affordableTokens, budgetTokens, limitedBy } = this.plan();
    return {
      speed: this.speed.current,
      targetMs: s.firstSuggestionTargetMs,
      firstTextMs: s.budget.firstTextMs,
      fullTokens: s.promptTokens,
      plan: { affordableTokens, budgetTokens, limitedBy },
      last: this.last,
      lastUsage: this.lastUsage,
      tokenFactor: this.calibration.factor,
    };
  }

  dispose(): void {
    this.engine.dispose();
  }

  /** The request the engine would get for this editor state (also used by tests). */
  prepare(
    doc: DocumentSnapshot,
    contextSize: number,
    textOf?: (uri: string) => string | undefined,
    fim = false,
  ): CompletionRequest {
    const frame = this.frame(doc, contextSize, textOf, fim);
    const plan = this.plan(frame.input.tokens);
    // A window the KV cache makes cheap is kept; a fresh one is sized for the target at the measured speed.
    const w = this.window.build({
      ...frame.input,
      freshTokens: frame.freshFor(plan.affordableTokens),
      maxCost: plan.affordableTokens,
    });
    const uncached = frame.cost(w.prefix, w.suffix);
    this.last = {
      tokens: this.calibration.estimate(frame.context + w.prefix) + (fim ? this.calibration.estimate(w.suffix) : 0),
      uncachedTokens: uncached,
      kept: this.window.lastKept,
      expectedFirstTextMs: plan.expectedFirstTextMs(uncached),
    };
    // Once the speed is known, a short suggestion is shown soon after the first token and the rest when it comes;
    // until then, what came within the budget's generateMs.
    const showAfterMs = plan.showAfterMs;
    return {
      ...this.request(doc, frame.context, w.prefix, w.suffix),
      ...(showAfterMs === undefined ? {} : { showAfterMs }),
    };
  }

  /**
   * Prefills the KV cache with the window the next keystroke's request will start with (the stable
   * window, anchored here), so that request evaluates only its tail. One at a time is the caller's job;
   * a `complete` supersedes it in the backend.
   */
  async warm(doc: DocumentSnapshot, o: WarmOptions): Promise<WarmOutcome> {
    if (!this.prefill) return { kind: 'skipped', why: 'no-prefill' };
    const frame = this.frame(doc, o.contextSize, o.textOf, o.fim ?? false);
    const s = this.settings;
    const size = prefillTokens({
      speed: this.speed.current,
      targetMs: s.firstSuggestionTargetMs,
      firstTextMs: s.budget.firstTextMs,
      generateMs: s.budget.generateMs,
      fullTokens: frame.input.tokens,
      reason: o.reason,
      expectedPauseMs: o.expectedPauseMs,
    });
    // Already warm: the window the next request keeps is cached and about as large as this prefill's would be.
    const { kept } = this.window.peek({
      ...frame.input,
      freshTokens: frame.freshFor(this.plan(frame.input.tokens).affordableTokens),
    });
    const { fresh: wanted } = this.window.peek({ ...frame.input, freshTokens: size, fresh: true });
    if (kept && frame.cost(kept.prefix, '') <= WARM_ENOUGH_TOKENS && kept.prefix.length >= wanted.prefix.length * 0.8) {
      return { kind: 'skipped', why: 'already-warm' };
    }
    const w = this.window.build({ ...frame.input, freshTokens: size, fresh: true });
    const prompt = frame.context + w.prefix;
    if (prompt === '') return { kind: 'skipped', why: 'empty' };
    const tokens = this.calibration.estimate(prompt);
    const line = lineOf(doc.text, w.cursor);
    const started = this.clock.now();
    const ticket = this.kv.begin(prompt);
    try {
      // Without the suffix: in a fill-in-the-middle prompt it follows the prefix, which the next keystroke
      // changes at its end, so evaluating it now would be thrown away.
      const end = await this.prefill(prompt, '', o.signal);
      const ms = this.clock.now() - started;
      if (!end) {
        ticket.interrupted();
        return { kind: 'unsupported' };
      }
      ticket.finished();
      if (end.usage) this.calibration.observe(prompt, end.usage.inputTokens);
      this.learn(end);
      return { kind: 'done', tokens, evaluatedTokens: end.usage?.evaluatedInputTokens, ms, line };
    } catch (error) {
      ticket.interrupted();
      const ms = this.clock.now() - started;
      if (o.signal.aborted || this.isCancelled(error)) return { kind: 'cancelled', tokens, ms, line };
      return { kind: 'failed', tokens, ms, error };
    }
  }

  async provide(doc: DocumentSnapshot, options: ProvideOptions): Promise<PipelineOutcome> {
    const startedAt = this.clock.now();
    this.counters.calls++;
    const prepared = this.prepare(doc, options.contextSize, options.textOf, options.fim);
    // An explicit trigger waits for the whole answer: VS Code does not ask again about a place and version it was
    // explicitly asked about (it counts that request as satisfied), so a suggestion shown early could never grow.
    const { showAfterMs: _early, ...whole } = prepared;
    const request: CompletionRequest = options.manual ? whole : prepared;
    const prepMs = this.clock.now() - startedAt;
    const ready = this.engine.canAnswerWithoutModel(request);
    let waitedMs = 0;
    if (ready) this.counters.immediate++;
    else {
      const fire = await this.debouncer.wait(options.signal, options.manual);
      waitedMs = this.clock.now() - startedAt - prepMs;
      if (!fire) {
        this.counters.debounced++;
        return {
          text: '',
          source: 'model',
          end: 'cancelled',
          elapsedMs: 0,
          debounced: true,
          totalMs: this.clock.now() - startedAt,
          prepMs,
          waitedMs,
        };
      }
    }
    const result = await this.engine.complete(request, options.signal);
    // No text within the budget: the machine is slower than measured (busy, or another lane holds it).
    if (result.end === 'timeout' && result.source === 'model' && this.last)
      this.speed.timedOut(this.last.uncachedTokens, this.settings.budget.firstTextMs);
    return { ...result, debounced: false, totalMs: this.clock.now() - startedAt, prepMs, waitedMs };
  }

  private learn(end: GenerationEnd): void {
    if (end.usage)
      this.lastUsage = { inputTokens: end.usage.inputTokens, evaluatedInputTokens: end.usage.evaluatedInputTokens };
    if (end.throughput) this.speed.reported(end.throughput, 'backend-requests');
    else if (end.usage && end.timings) this.speed.measured({ ...end.usage, ...end.timings });
  }

  private isCancelled(error: unknown): boolean {
    return this.isCancellation(error);
  }

  private request(doc: DocumentSnapshot, context: string, prefix: string, suffix: string): CompletionRequest {
    return {
      document: doc.uri,
      prefix,
      suffix,
      context: context === '' ? undefined : context,
      languageId: doc.languageId,
      indentUnit: doc.indentUnit,
      tabSize: doc.tabSize,
    };
  }

  /** The room for the window in the model's context, other files' context, and the window's inputs. */
  private frame(
    doc: DocumentSnapshot,
    contextSize: number,
    textOf: ((uri: string) => string | undefined) | undefined,
    fim: boolean,
  ) {
    const s = this.settings;
    const estimate = this.calibration.estimate;
    // Room for the answer: the token budget, but never more than a quarter of the context (the
    // backend stops at the context's end anyway; a huge budget must not leave no prompt).
    const answer = Math.min(s.budget.maxTokens, Math.floor(contextSize / 4));
    const room = Math.max(0, contextSize - answer - RESERVED_TOKENS);
    const file = { uri: doc.uri, path: doc.path, languageId: doc.languageId };
    // Other files get at most a quarter of the room, and never crowd out the text around the cursor.
    const contextBudget = Math.min(s.extraContextTokens, Math.floor(room / 4));
    const context =
      textOf && contextBudget > 0 ? this.recent.contextFor(file, textOf, { tokens: contextBudget, estimate }) : '';
    const hard = room - (context === '' ? 0 : estimate(context));
    // A prefix-only model never reads the suffix: only the prefix costs time.
    const cost = (prefix: string, suffix: string) => this.kv.uncachedTokens(context + prefix, fim ? suffix : '');
    const contextTokens = context === '' ? 0 : estimate(context);
    const input: StableWindowInput = {
      document: doc.uri,
      text: doc.text,
      offset: doc.offset,
      tokens: Math.max(0, Math.min(s.promptTokens, hard)),
      hardTokens: hard,
      estimate,
      suffixShare: s.suffixShare,
      cost,
    };
    /** Size of a fresh window whose evaluation costs at most `affordable` (context included; the suffix is free without FIM). */
    const freshFor = (affordable: number) => {
      const window = Math.max(0, affordable - contextTokens);
      return fim ? window : Math.floor(window / (1 - Math.min(0.9, s.suffixShare)));
    };
    return { context, input, cost, freshFor };
  }
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
