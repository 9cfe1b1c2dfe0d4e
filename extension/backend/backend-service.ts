// Ties the supervisor to the client: whenever the backend is ready, the client is connected to it; whenever
// it is not, requests fail at once with a clear error instead of hanging.
import type { BackendState } from './backend-state.js';
import type { LaunchSpec } from './launch.js';
import type { Supervisor } from './supervisor.js';
import type { BackendClient } from '../client/backend-client.js';

export class BackendService {
  private readonly unsubscribe: () => void;

  constructor(
    readonly supervisor: Supervisor,
    readonly client: BackendClient,
    private readonly launch: () => LaunchSpec,
  ) {
    this.unsubscribe = supervisor.onState((s) => this.follow(s));
  }

  /** Starts the backend if needed (the first feature that needs the model calls this) and returns a connected client. */
  async ready(): Promise<BackendClient> {
    const ready = await this.supervisor.ensureStarted(this.launch());
    await this.client.attach({ port: ready.port, token: this.supervisor.token! });
    return this.client;
  }

  async restart(): Promise<BackendClient> {
    const ready = await this.supervisor.restart(this.launch());
    await this.client.attach({ port: ready.port, token: this.supervisor.token! });
    return this.client;
  }

  async stop(): Promise<void> {
    this.client.detach('the backend was stopped');
    await this.supervisor.stop();
  }

  async dispose(): Promise<void> {
    this.unsubscribe();
    await this.stop();
  }

  private follow(s: BackendState): void {
    if (s.kind === 'ready') {
      const token = this.supervisor.token;
      if (token) this.client.attach({ port: s.ready.port, token }).catch(() => undefined);
    } else if (s.kind !== 'starting' || this.client.connected) {
      const reason = s.kind === 'restarting' ? s.reason : s.kind === 'failed' ? s.failure.message : `the backend is ${s.kind}`;
      this.client.detach(reason);
    }
  }
}
