// The model as every feature sees it: one owner (the engine in use publishes into it), one change event,
// and read-only views for everyone else. Each surface (status bar, chat header, completion status,
// failure notices) renders this with a function of its own; nobody reads an engine's internals.
import type { SetupErrorParams } from '../../protocol/backend-events.js';
import type { GpuKind, ModelFamily } from '../../protocol/messages.js';
import type { SetupErrorCode } from '../../protocol/setup-error.js';
import type { EngineKind } from './engine.js';

export type ModelPhase = 'stopped' | 'starting' | 'loading' | 'ready' | 'restarting' | 'failed';

/** Facts about the loaded model that features use (context size, terms, FIM...). */
export interface ModelFacts {
  name: string;
  family: ModelFamily;
  contextSize: number;
  gpu: GpuKind;
  gpuLayers: number;
  totalLayers: number;
  fim: boolean;
  termsId: string | null;
  /** The model file (local engine) or the server's model id (remote). */
  source: string;
  /** Remote engines: the server answering, as measured when it was checked. */
  remote?: RemoteFacts;
}

/** A remote server as the surfaces show it. */
export interface RemoteFacts {
  /** The API's base URL without credentials, e.g. https://gpu-node-1:8000/v1. */
  baseUrl: string;
  /** Host and port, for the short surfaces (status bar, chat header). */
  host: string;
  software: 'fude' | 'vllm' | 'llamacpp' | 'other';
  /** Time to the answer's headers of GET /models, when the engine last checked. */
  latencyMs: number;
  /** Whether the context size is the server's or Fude's setting (fude.engine.contextSize). */
  contextFrom: 'server' | 'setting';
}

/** The numbers and names a surface needs to word a failure in the user's language (never the engine's sentence). */
export interface FailureParams extends SetupErrorParams {
  /** crashed: how the last process ended, and after how many restarts Fude gave up. */
  exitCode?: number | null;
  signal?: string | null;
  restarts?: number;
  /** start_timeout: how long Fude waited. */
  seconds?: number;
  /** Remote: the server (scheme, host, port). */
  server?: string;
  /** Remote: the model id asked for. */
  model?: string;
  /** Remote unknown_model: the ids the server lists. */
  available?: string[];
  /** Remote tls: what is wrong with the certificate. */
  tls?: 'self_signed' | 'unknown_ca' | 'expired' | 'not_yet_valid' | 'hostname' | 'protocol' | 'other';
  /** Remote: the HTTP status the server answered. */
  status?: number;
  /** Remote: the server asked to retry after this long. */
  retryAfterMs?: number;
}

/** Why a remote engine could not be used: the server's answer to its check, or a setting. */
export type RemoteFailureCode =
  | 'unreachable'
  | 'unauthorized'
  | 'tls'
  | 'unknown_model'
  | 'remote_unavailable'
  | 'remote_error'
  | 'bad_remote_settings';

/** Why the model is not usable and will not be retried without the user. */
export interface ModelFailure {
  /** A backend setup error, or `crashed` / `spawn_failed` / `start_timeout` from the supervisor, or a remote engine's code. */
  code: SetupErrorCode | 'crashed' | 'spawn_failed' | 'start_timeout' | RemoteFailureCode;
  /** The engine's own sentence (English), for the log; surfaces word the code and params themselves. */
  message: string;
  params: FailureParams;
  /** The last lines the backend wrote on stderr (local engine). */
  stderrTail: string[];
}

export interface ModelState {
  readonly phase: ModelPhase;
  readonly engine: EngineKind;
  /** No model configured: the demo model is in use and its output is meaningless. */
  readonly isDemo: boolean;
  /** The configured model's display name (file name or server model id), known before anything loads. */
  readonly configuredName: string;
  /** Remote engine: the configured server (scheme, host and port), known before it answers. */
  readonly server?: string;
  /** Present when ready. */
  readonly model?: ModelFacts;
  /** Changes whenever a new model (or a new process serving it) becomes ready: caches keyed on it reset. */
  readonly readyKey?: string;
  /** Present while loading: what is being loaded, and how far. */
  readonly loading?: {
    name: string;
    stage: 'runtime' | 'model' | 'context';
    progress?: number;
    termsId: string | null;
  };
  readonly failure?: ModelFailure;
  /** `reason` is the engine's English sentence, for the log; surfaces word `exit`. */
  readonly restart?: {
    attempt: number;
    inMs: number;
    reason: string;
    exit: { code: number | null; signal: string | null };
  };
  /** Requests in flight on the engine now. */
  readonly inFlight: number;
  /** Warnings the engine gave when it started (GPU fallback, context larger than trained...). */
  readonly warnings: readonly string[];
}

/** What features get: the current state, a change event, and waits without polling. */
export interface ModelStatusView {
  readonly current: ModelState;
  onDidChange(listener: (state: ModelState) => void): () => void;
  /** Resolves with the first state that is not on its way (starting / loading), or when `signal` aborts. */
  settled(signal?: AbortSignal): Promise<ModelState>;
}

/** The terms that apply to the model in use: the loaded one's, the one loading, or the one whose terms stopped it. */
export function termsIdOf(state: ModelState): string | null {
  if (state.model) return state.model.termsId;
  if (state.loading) return state.loading.termsId;
  if (state.failure?.code === 'terms_not_accepted') return state.failure.params.termsId ?? null;
  return null;
}

const ON_ITS_WAY: ReadonlySet<ModelPhase> = new Set(['starting', 'loading']);

export class ModelStatus implements ModelStatusView {
  private state: ModelState;
  private readonly listeners = new Set<(state: ModelState) => void>();

  constructor(initial: Pick<ModelState, 'engine' | 'isDemo' | 'configuredName' | 'server'>) {
    this.state = { phase: 'stopped', inFlight: 0, warnings: [], ...initial };
  }

  get current(): ModelState {
    return this.state;
  }

  /** Only the engine in use (and the core when settings change) calls this. */
  publish(next: Partial<ModelState> & { phase?: ModelPhase }): void {
    const phaseChanged = next.phase !== undefined && next.phase !== this.state.phase;
    // Facts of one phase never leak into another: a failure is gone once the model starts again.
    const base: ModelState = phaseChanged
      ? {
          phase: next.phase!,
          engine: this.state.engine,
          isDemo: this.state.isDemo,
          configuredName: this.state.configuredName,
          server: this.state.server,
          inFlight: this.state.inFlight,
          warnings: [],
          readyKey: this.state.readyKey,
        }
      : this.state;
    this.state = { ...base, ...next };
    for (const l of [...this.listeners]) l(this.state);
  }

  onDidChange(listener: (state: ModelState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  settled(signal?: AbortSignal): Promise<ModelState> {
    return new Promise((resolve) => {
      if (!ON_ITS_WAY.has(this.state.phase) || signal?.aborted) return resolve(this.state);
      const done = () => {
        off();
        signal?.removeEventListener('abort', done);
        resolve(this.state);
      };
      const off = this.onDidChange((s) => {
        if (!ON_ITS_WAY.has(s.phase)) done();
      });
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
