// Fude's own backend as an Engine: a supervised fude-backend process and one WebSocket client to it.
// Whenever the backend is ready the client is connected to it; whenever it is not, requests fail at once
// with a clear error instead of hanging. The supervisor's state becomes ModelStatus here and nowhere else.
import type { ReadyLine } from '../../../protocol/messages.js';
import type { CompleteCall, CountCall, ChatCall, Engine, EngineDetails, PrefillCall } from '../engine.js';
import { EngineError, errorCode } from '../engine-error.js';
import type { ModelStatus, ModelState } from '../model-status.js';
import type { StreamEnd, TextStream } from '../text-stream.js';
import type { BackendState } from './backend-state.js';
import { BackendClient } from './backend-client.js';
import type { LaunchSpec } from './launch.js';
import { BackendFailedError, Supervisor, type SupervisorOptions } from './supervisor.js';

export interface LocalEngineDeps {
  /** Where this engine publishes the model's state (the core owns it; this engine is its only writer). */
  status: ModelStatus;
  /** How to start the backend now (settings are read at each start). */
  launch(): LaunchSpec;
  /** Each line the backend writes on stderr (its log). */
  onStderr?: (line: string) => void;
  supervisor?: SupervisorOptions;
}

export class LocalEngine implements Engine {
  readonly kind = 'local' as const;
  private readonly supervisor: Supervisor;
  private readonly client = new BackendClient();
  private readonly unsubscribe: Array<() => void> = [];
  /** The backend process that refused `prefill` (an older backend), so it is not asked again. */
  private prefillRefusedBy: number | undefined;

  constructor(private readonly deps: LocalEngineDeps) {
    this.supervisor = new Supervisor(deps.supervisor);
    this.unsubscribe.push(
      this.supervisor.onState((s) => this.follow(s)),
      this.client.onInFlight((n) => deps.status.publish({ inFlight: n })),
    );
    if (deps.onStderr) this.unsubscribe.push(this.supervisor.onStderr(deps.onStderr));
  }

  /** The backend's process id while it runs (for the log and the tests' orphan checks). */
  get pid(): number | undefined {
    return this.supervisor.pid;
  }

  async start(): Promise<void> {
    if (this.supervisor.current.kind === 'ready' && this.client.connected) return;
    await this.connect(() => this.supervisor.ensureStarted(this.deps.launch()));
  }

  async restart(): Promise<void> {
    await this.connect(() => this.supervisor.restart(this.deps.launch()));
  }

  async stop(): Promise<void> {
    this.client.detach('the backend was stopped');
    await this.supervisor.stop();
  }

  chat(call: ChatCall, signal?: AbortSignal): TextStream {
    const { onProgress, ...body } = call;
    return this.client.chat(body, signal, onProgress);
  }

  async prefill(call: PrefillCall, signal?: AbortSignal): Promise<StreamEnd | undefined> {
    if (this.prefillRefusedBy !== undefined && this.prefillRefusedBy === this.supervisor.pid) return undefined;
    try {
      return await this.client.prefill(call, signal).done;
    } catch (e) {
      // A backend without `prefill` refuses the type: warming is an optimisation, so stop asking that process.
      if (refusesPrefill(e)) {
        this.prefillRefusedBy = this.supervisor.pid;
        return undefined;
      }
      throw e;
    }
  }

  complete(call: CompleteCall, signal?: AbortSignal): TextStream {
    return this.client.complete(call, signal);
  }

  async count(call: CountCall): Promise<{ prompt?: number; texts: number[] } | undefined> {
    if (!this.client.connected) return undefined;
    return (await this.client.count(call)).count;
  }

  async details(): Promise<EngineDetails> {
    if (!this.client.connected) return {};
    return { backend: (await this.client.status()).status };
  }

  async dispose(): Promise<void> {
    for (const off of this.unsubscribe) off();
    await this.stop();
  }

  private async connect(started: () => Promise<ReadyLine>): Promise<void> {
    let ready: ReadyLine;
    try {
      ready = await started();
    } catch (e) {
      // The failure itself is in ModelStatus (published from the supervisor's state).
      if (e instanceof BackendFailedError) throw new EngineError('not_connected', e.failure.message);
      throw e;
    }
    await this.client.attach({ port: ready.port, token: this.supervisor.token! });
  }

  private follow(s: BackendState): void {
    if (s.kind !== 'ready') {
      if (s.kind !== 'starting' || this.client.connected) {
        const reason =
          s.kind === 'restarting' ? s.reason : s.kind === 'failed' ? s.failure.message : `the backend is ${s.kind}`;
        this.client.detach(reason);
      }
      this.deps.status.publish(stateOf(s));
      return;
    }
    // Ready for features means connected: publish it once the client is attached to this very process.
    const token = this.supervisor.token;
    if (!token) return;
    this.client.attach({ port: s.ready.port, token }).then(
      () => {
        if (this.supervisor.current === s) this.deps.status.publish(stateOf(s));
      },
      (e: unknown) => {
        if (this.supervisor.current !== s) return;
        this.deps.status.publish({
          phase: 'failed',
          failure: {
            code: 'crashed',
            message: `could not connect to the backend: ${(e as Error).message}`,
            params: {},
            stderrTail: this.supervisor.recentStderr(),
          },
        });
      },
    );
  }
}

/** The backend refused the request type itself: an older backend without `prefill`. */
export function refusesPrefill(e: unknown): boolean {
  return errorCode(e) === 'bad_request' && /unknown request type/.test(e instanceof Error ? e.message : '');
}

/** The supervisor's state as features see it. */
function stateOf(s: BackendState): Partial<ModelState> {
  switch (s.kind) {
    case 'stopped':
    case 'starting':
      return { phase: s.kind };
    case 'loading': {
      const { model, stage, progress } = s.loading;
      return { phase: 'loading', loading: { name: model.name, stage, progress, termsId: model.termsId } };
    }
    case 'ready': {
      const m = s.ready.model;
      return {
        phase: 'ready',
        readyKey: `${s.ready.pid}:${m.path}`,
        warnings: s.ready.warnings,
        model: {
          name: m.name,
          family: m.family,
          contextSize: m.contextSize,
          gpu: m.gpu,
          gpuLayers: m.gpuLayers,
          totalLayers: m.totalLayers,
          fim: m.fim,
          termsId: m.termsId,
          source: m.path,
        },
      };
    }
    case 'restarting':
      return { phase: 'restarting', restart: { attempt: s.attempt, inMs: s.inMs, reason: s.reason, exit: s.exit } };
    case 'failed':
      return { phase: 'failed', failure: s.failure };
  }
}
