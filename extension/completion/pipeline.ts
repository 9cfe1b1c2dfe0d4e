// One inline completion from editor state to suggestion, editor-neutral: the VS Code provider and
// the benchmark both call `provide`. Steps: prompt window (kept stable for the KV cache) and context
// from other files within the model's context; the cache and the generation in flight answer at
// once; otherwise wait out the adaptive debounce, then ask the engine.
import type { BudgetLimits } from './budget.js';
import { systemClock, type Clock } from './clock.js';
import { AdaptiveDebouncer, type DebounceOptions } from './debounce.js';
import { CompletionEngine, DEFAULT_BUDGET, type CompletionRequest, type CompletionResult, type GenerateFn } from './engine.js';
import { RecentFiles } from './recent-files.js';
import { StableWindow } from './stable-window.js';
import { TokenCalibration } from './token-calibration.js';

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
  readonly budget: BudgetLimits;
}

export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  promptTokens: 1024,
  extraContextTokens: 256,
  suffixShare: 0.2,
  budget: DEFAULT_BUDGET,
};

export interface ProvideOptions {
  /** An explicit trigger: no debounce. */
  readonly manual?: boolean;
  readonly signal?: AbortSignal;
  /** The model's context per sequence; the prompt and the answer must fit in it. */
  readonly contextSize: number;
  /** Text of another open file, for the extra context. */
  readonly textOf?: (uri: string) => string | undefined;
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
}

/** Tokens kept free besides the answer: special tokens, BOS, rounding of the estimate. */
const RESERVED_TOKENS = 16;

export class CompletionPipeline {
  readonly engine: CompletionEngine;
  readonly debouncer: AdaptiveDebouncer;
  readonly window = new StableWindow();
  readonly calibration: TokenCalibration;
  readonly recent: RecentFiles;
  readonly counters: PipelineCounters = { calls: 0, debounced: 0, immediate: 0 };
  private settings: PipelineSettings;
  private readonly clock: Clock;

  constructor(options: CompletionPipelineOptions) {
    this.clock = options.clock ?? systemClock;
    this.settings = { ...DEFAULT_PIPELINE_SETTINGS, ...options.settings };
    this.calibration = options.calibration ?? new TokenCalibration();
    this.recent = options.recent ?? new RecentFiles();
    this.engine = new CompletionEngine({
      generate: options.generate,
      clock: this.clock,
      budget: this.settings.budget,
      isCancellation: options.isCancellation,
      orphanGraceMs: options.orphanGraceMs,
    });
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
  }

  dispose(): void {
    this.engine.dispose();
  }

  /** The request the engine would get for this editor state (also used by tests). */
  prepare(doc: DocumentSnapshot, contextSize: number, textOf?: (uri: string) => string | undefined): CompletionRequest {
    const s = this.settings;
    const estimate = this.calibration.estimate;
    // Room for the answer: the token budget, but never more than a quarter of the context (the
    // backend stops at the context's end anyway; a huge budget must not leave no prompt).
    const answer = Math.min(s.budget.maxTokens, Math.floor(contextSize / 4));
    const room = Math.max(0, contextSize - answer - RESERVED_TOKENS);
    const file = { uri: doc.uri, path: doc.path, languageId: doc.languageId };
    // Other files get at most a quarter of the room, and never crowd out the text around the cursor.
    const contextBudget = Math.min(s.extraContextTokens, Math.floor(room / 4));
    const context = textOf && contextBudget > 0 ? this.recent.contextFor(file, textOf, { tokens: contextBudget, estimate }) : '';
    const hard = room - (context === '' ? 0 : estimate(context));
    const w = this.window.build({
      document: doc.uri, text: doc.text, offset: doc.offset, tokens: Math.min(s.promptTokens, hard), hardTokens: hard, estimate, suffixShare: s.suffixShare,
    });
    return {
      document: doc.uri, prefix: w.prefix, suffix: w.suffix, context: context === '' ? undefined : context,
      languageId: doc.languageId, indentUnit: doc.indentUnit, tabSize: doc.tabSize,
    };
  }

  async provide(doc: DocumentSnapshot, options: ProvideOptions): Promise<PipelineOutcome> {
    const startedAt = this.clock.now();
    this.counters.calls++;
    const request = this.prepare(doc, options.contextSize, options.textOf);
    const prepMs = this.clock.now() - startedAt;
    const ready = this.engine.canAnswerWithoutModel(request);
    let waitedMs = 0;
    if (ready) this.counters.immediate++;
    else {
      const fire = await this.debouncer.wait(options.signal, options.manual);
      waitedMs = this.clock.now() - startedAt - prepMs;
      if (!fire) {
        this.counters.debounced++;
        return { text: '', source: 'model', end: 'cancelled', elapsedMs: 0, debounced: true, totalMs: this.clock.now() - startedAt, prepMs, waitedMs };
      }
    }
    const result = await this.engine.complete(request, options.signal);
    return { ...result, debounced: false, totalMs: this.clock.now() - startedAt, prepMs, waitedMs };
  }
}
