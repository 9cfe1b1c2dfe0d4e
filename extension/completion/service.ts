// Inline completion as one call, editor-neutral: `provide(snapshot)` decides once whether the model may
// be asked (settings, snooze, the model's state and terms), starts or waits for the model on status
// events (never by polling), then runs the pipeline top-down. The VS Code provider and the benchmark
// both call it; the status item renders what it reports.
import type { Engine } from '../engine/engine.js';
import { isCancelled } from '../engine/engine-error.js';
import type { ModelState, ModelStatusView } from '../engine/model-status.js';
import { EngineGenerate, type GenerationRecord } from './engine-generate.js';
import { decideGate, type BackendView, type GateDecision, type OffReason } from './gate.js';
import {
  CompletionPipeline,
  type DocumentSnapshot,
  type PipelineOutcome,
  type PipelineSettings,
  type WarmOutcome,
  type WarmReason,
} from './pipeline.js';
import type { Snooze } from './snooze.js';
import type { DebounceOptions } from './debounce.js';
import { TokenCalibration } from './token-calibration.js';

export interface EnabledState {
  /** For this language, overrides applied. */
  readonly enabled: boolean;
  /** The global value without language overrides (only says which reason to give). */
  readonly enabledGlobally: boolean;
}

export interface CompletionServiceDeps {
  status: ModelStatusView;
  /** `prefill` warms the KV cache ahead of the keystroke; `details` gives the backend's measured speeds and lanes. */
  engine: Pick<Engine, 'complete'> & Partial<Pick<Engine, 'prefill' | 'details'>>;
  /** Starts the model (the first feature that needs it); false when it could not. */
  ensureReady: () => Promise<boolean>;
  snooze: Snooze;
  termsAccepted: (termsId: string) => boolean;
  enabled(languageId: string | undefined): EnabledState;
  settings: PipelineSettings;
  /** The debounce's constants (the benchmark tries others; the editor keeps the defaults). */
  debounce?: DebounceOptions;
  /** Each generation's record (usage, timings) for the log and the benchmark. */
  onRecord?: (record: GenerationRecord) => void;
  /** The model changed: the log says what that means for completion. */
  onModel?(state: ModelState): void;
  now?(): number;
}

export type ServiceOutcome =
  | { readonly kind: 'off'; readonly reason: OffReason | 'not-ready' }
  /** The caller gave up (the next keystroke) while the model was starting: nothing to show, nothing wrong. */
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'done';
      readonly outcome: PipelineOutcome;
      readonly model: { readonly name: string; readonly fim: boolean };
    };

export interface ProvideOptions {
  readonly manual: boolean;
  readonly signal: AbortSignal;
  readonly textOf?: (uri: string) => string | undefined;
}

export interface WarmRequest {
  readonly reason: WarmReason;
  readonly expectedPauseMs: number;
  readonly signal: AbortSignal;
  readonly textOf?: (uri: string) => string | undefined;
}

/** Never warms a model that completion may not use (off, snoozed, demo, terms, not running): it never starts one either. */
export type ServiceWarmOutcome = { readonly kind: 'off'; readonly reason: OffReason | 'not-ready' } | WarmOutcome;

/** Which other kind of work holds the model, when the backend says one does. */
export type Contention = 'chat' | 'docs' | undefined;

/** How a state looks to the gate. */
function backendView(s: ModelState): BackendView {
  switch (s.phase) {
    case 'ready':
      return { kind: 'ready', model: s.model!, connected: true };
    case 'failed':
      return { kind: 'failed', termsRefused: s.failure?.code === 'terms_not_accepted' };
    default:
      return { kind: s.phase };
  }
}

export class CompletionService {
  readonly pipeline: CompletionPipeline;
  readonly generate: EngineGenerate;
  private stoppedByUser = false;
  private everStarted = false;
  private readyKey: string | undefined;
  private starting: Promise<boolean> | undefined;
  private readonly off: () => void;

  constructor(private readonly deps: CompletionServiceDeps) {
    const calibration = new TokenCalibration();
    this.generate = new EngineGenerate(() => (deps.status.current.phase === 'ready' ? deps.engine : undefined), {
      calibration,
      onRecord: deps.onRecord,
    });
    const prefill = deps.engine.prefill?.bind(deps.engine);
    this.pipeline = new CompletionPipeline({
      generate: this.generate.generate,
      settings: deps.settings,
      calibration,
      ...(deps.debounce ? { debounce: deps.debounce } : {}),
      isCancellation: (e) => isCancelled(e),
      prefill:
        prefill &&
        (async (prefix, suffix, signal) => {
          if (deps.status.current.phase !== 'ready') return undefined;
          return prefill({ prefix, suffix }, signal);
        }),
    });
    this.off = deps.status.onDidChange((s) => this.follow(s));
    this.follow(deps.status.current);
  }

  /** Whether a request for a document of this language may go to the model now, and if not why. */
  gate(languageId: string | undefined, manual: boolean): GateDecision {
    const { enabled, enabledGlobally } = this.deps.enabled(languageId);
    const state = this.deps.status.current;
    return decideGate({
      manual,
      enabled,
      enabledGlobally,
      backend: backendView(state),
      snoozedUntil: this.deps.snooze.until(),
      now: (this.deps.now ?? Date.now)(),
      termsAccepted: (id) => this.deps.termsAccepted(id),
      demoModel: state.isDemo,
      stoppedByUser: this.stoppedByUser,
    });
  }

  async provide(snapshot: DocumentSnapshot, options: ProvideOptions): Promise<ServiceOutcome> {
    let decision = this.gate(snapshot.languageId, options.manual);
    if (decision.kind === 'start') {
      const started = await this.start();
      // A request superseded while the model started must not take the pipeline from the newest one.
      if (options.signal.aborted) return { kind: 'cancelled' };
      if (!started) return { kind: 'off', reason: 'not-ready' };
      decision = this.gate(snapshot.languageId, options.manual);
    }
    if (decision.kind === 'wait') {
      await this.deps.status.settled(options.signal);
      if (options.signal.aborted) return { kind: 'cancelled' };
      decision = this.gate(snapshot.languageId, options.manual);
    }
    if (decision.kind === 'off') return { kind: 'off', reason: decision.reason };
    if (decision.kind !== 'go') return { kind: 'off', reason: 'not-ready' };
    const outcome = await this.pipeline.provide(snapshot, {
      manual: options.manual,
      signal: options.signal,
      contextSize: decision.model.contextSize,
      textOf: options.textOf,
      fim: decision.model.fim,
    });
    return { kind: 'done', outcome, model: { name: decision.model.name, fim: decision.model.fim } };
  }

  /**
   * Prefills the model's completion cache for this editor state, if completion may use the model now
   * (the same gate as an automatic request; it never starts the model or waits for it).
   */
  async warm(snapshot: DocumentSnapshot, request: WarmRequest): Promise<ServiceWarmOutcome> {
    const decision = this.gate(snapshot.languageId, false);
    if (decision.kind === 'off') return { kind: 'off', reason: decision.reason };
    if (decision.kind !== 'go') return { kind: 'off', reason: 'not-ready' };
    return this.pipeline.warm(snapshot, {
      contextSize: decision.model.contextSize,
      fim: decision.model.fim,
      textOf: request.textOf,
      reason: request.reason,
      expectedPauseMs: request.expectedPauseMs,
      signal: request.signal,
    });
  }

  /** Whether a chat or documentation request holds the model now (the backend's lanes), to say so instead of "timed out". */
  async contention(): Promise<Contention> {
    if (this.deps.status.current.phase !== 'ready' || !this.deps.engine.details) return undefined;
    try {
      const lanes = (await this.deps.engine.details()).backend?.lanes ?? [];
      const other = lanes.find((l) => l.name !== 'complete' && (l.busy || l.evaluating !== undefined));
      return other?.name === 'chat' || other?.name === 'docs' ? other.name : undefined;
    } catch {
      return undefined;
    }
  }

  updateSettings(settings: PipelineSettings): void {
    this.pipeline.updateSettings(settings);
  }

  dispose(): void {
    this.off();
    this.pipeline.dispose();
  }

  /** The speeds the backend measured while loading, so the very first window is sized by them. */
  private async seedSpeed(readyKey: string | undefined): Promise<void> {
    if (!this.deps.engine.details) return;
    try {
      const t = (await this.deps.engine.details()).backend?.throughput;
      // A request that finished meanwhile reported newer figures.
      if (t && this.readyKey === readyKey && this.pipeline.speed.current === undefined) {
        this.pipeline.speed.reported(t, t.measuredAt === 'requests' ? 'backend-requests' : 'backend-calibration');
      }
    } catch {
      // No status now: the first request's done brings the speeds.
    }
  }

  /** One start for all the requests waiting on it. */
  private start(): Promise<boolean> {
    this.starting ??= this.deps.ensureReady().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private follow(s: ModelState): void {
    // Once the model ran, 'stopped' means someone stopped it: typing must not start it again.
    if (s.phase === 'stopped') this.stoppedByUser = this.everStarted;
    else if (s.phase === 'starting' || s.phase === 'loading' || s.phase === 'ready') {
      this.stoppedByUser = false;
      this.everStarted = true;
    }
    if (s.phase === 'ready' && s.readyKey !== this.readyKey) {
      // Another process or model: its KV cache is empty and old suggestions came from another model.
      if (this.readyKey !== undefined) this.pipeline.reset();
      this.readyKey = s.readyKey;
      this.deps.onModel?.(s);
      void this.seedSpeed(s.readyKey);
    }
  }
}
