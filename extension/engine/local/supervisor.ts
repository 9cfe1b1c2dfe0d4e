// Owns the backend process: starts it, reads its ready line, keeps its recent stderr, restarts it after a
// crash with backoff, gives up (saying why) after repeated early crashes, and stops it for good on dispose.
// Editor-neutral: the VS Code layer listens to `onState` and shows it.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readBackendEvents, type SetupErrorEvent } from '../../../protocol/backend-events.js';
import { EXIT_BAD_SETUP, TOKEN_ENV, type ReadyLine } from '../../../protocol/messages.js';
import type { BackendFailure, BackendState } from './backend-state.js';
import type { LaunchSpec } from './launch.js';
import { RingBuffer } from './ring-buffer.js';

export interface SupervisorOptions {
  /** Retries before giving up, counting only crashes that come soon after a start. */
  maxEarlyCrashes?: number;
  /** A crash within this time of the start counts as early. */
  earlyCrashWindowMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  startTimeoutMs?: number;
  stopGraceMs?: number;
  spawnProcess?: (spec: LaunchSpec) => ChildProcess;
}

const STDERR_LINES = 100;

export class Supervisor {
  private readonly events = new EventEmitter();
  private readonly stderr = new RingBuffer<string>(STDERR_LINES);
  private state: BackendState = { kind: 'stopped' };
  private proc: ChildProcess | undefined;
  private spec: LaunchSpec | undefined;
  private earlyCrashes = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private startTimer: NodeJS.Timeout | undefined;
  private readonly opts: Required<SupervisorOptions>;
  private queue: Promise<void> = Promise.resolve();
  /** The setup error this launch reported on stdout before exiting with EXIT_BAD_SETUP. */
  private setupError: SetupErrorEvent | undefined;
  private pendingOps = 0;

  constructor(opts: SupervisorOptions = {}) {
    // Every feature and every pending whenReady() listens; more than Node's default of 10 is normal here.
    this.events.setMaxListeners(100);
    this.opts = {
      maxEarlyCrashes: 3,
      earlyCrashWindowMs: 60_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 30_000,
      startTimeoutMs: 300_000,
      stopGraceMs: 5_000,
      spawnProcess: (spec) => spawn(spec.command, spec.args, { env: spec.env, stdio: ['pipe', 'pipe', 'pipe'] }),
      ...opts,
    };
  }

  get current(): BackendState {
    return this.state;
  }

  /** The token of the running launch: clients need it to connect. */
  get token(): string | undefined {
    return this.spec?.env[TOKEN_ENV];
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  recentStderr(): string[] {
    return this.stderr.toArray();
  }

  onState(listener: (s: BackendState) => void): () => void {
    this.events.on('state', listener);
    return () => this.events.off('state', listener);
  }

  onStderr(listener: (line: string) => void): () => void {
    this.events.on('stderr', listener);
    return () => this.events.off('stderr', listener);
  }

  /** Starts with this launch spec unless already running with it; resolves once ready, rejects with the failure. */
  async ensureStarted(spec: LaunchSpec): Promise<ReadyLine> {
    await this.serial(async () => {
      const same = this.spec !== undefined && sameSpec(this.spec, spec);
      if (same && this.state.kind !== 'stopped' && this.state.kind !== 'failed') return;
      await this.stopNow();
      this.relaunch(spec);
    });
    return this.whenReady();
  }

  /** Stops and starts again (after a settings change, or on request). */
  async restart(spec: LaunchSpec): Promise<ReadyLine> {
    await this.serial(async () => {
      await this.stopNow();
      this.relaunch(spec);
    });
    return this.whenReady();
  }

  /** Stops the backend (SIGTERM, then SIGKILL after a grace period) and cancels any pending restart. */
  stop(): Promise<void> {
    return this.serial(() => this.stopNow());
  }

  /** Start, restart and stop run one at a time, so two quick restarts never leave a process untracked. */
  private serial(op: () => Promise<void>): Promise<void> {
    this.pendingOps++;
    const run = () => op().finally(() => { this.pendingOps--; });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private relaunch(spec: LaunchSpec): void {
    this.spec = spec;
    this.earlyCrashes = 0;
    this.launch();
  }

  whenReady(): Promise<ReadyLine> {
    return new Promise((resolve, reject) => {
      const check = (s: BackendState) => {
        if (s.kind === 'ready') resolve(s.ready);
        else if (s.kind === 'failed') reject(new BackendFailedError(s.failure));
        // A stop on the way to a restart is not the end: wait for what the queued start brings.
        else if (s.kind === 'stopped' && this.pendingOps === 0) reject(new BackendFailedError({ code: 'crashed', message: 'the backend was stopped', params: {}, stderrTail: [] }));
        else return false;
        return true;
      };
      if (check(this.state)) return;
      const off = this.onState((s) => { if (check(s)) off(); });
    });
  }

  private async stopNow(): Promise<void> {
    clearTimeout(this.restartTimer);
    clearTimeout(this.startTimer);
    const proc = this.proc;
    this.proc = undefined;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), this.opts.stopGraceMs);
      await exited;
      clearTimeout(timer);
    }
    if (this.state.kind !== 'failed' && this.state.kind !== 'stopped') this.setState({ kind: 'stopped' });
  }

  private launch(): void {
    const spec = this.spec!;
    this.setState({ kind: 'starting' });
    this.startedAt = Date.now();
    this.setupError = undefined;
    let proc: ChildProcess;
    try {
      proc = this.opts.spawnProcess(spec);
    } catch (e) {
      return this.fail({ code: 'spawn_failed', message: `could not start ${spec.command}: ${(e as Error).message}`, params: { path: spec.command }, stderrTail: [] });
    }
    this.proc = proc;
    let ready = false;
    proc.on('error', (e) => {
      if (this.proc === proc) this.fail({ code: 'spawn_failed', message: `could not start ${spec.command}: ${e.message}`, params: { path: spec.command }, stderrTail: this.recentStderr() });
    });
    if (proc.stdout) {
      readBackendEvents(proc.stdout, (ev) => {
        if (this.proc !== proc || ready) return;
        if (ev.event === 'loading') this.setState({ kind: 'loading', loading: ev });
        else if (ev.event === 'setup_error') this.setupError = ev;
        else {
          ready = true;
          clearTimeout(this.startTimer);
          this.setState({ kind: 'ready', ready: ev });
        }
      }, (line) => {
        if (this.proc !== proc || ready) return;
        this.fail({ code: 'crashed', message: `the backend printed something other than its event lines: ${line.slice(0, 200)}`, params: {}, stderrTail: this.recentStderr() });
        proc.kill('SIGKILL');
      });
    }
    let partial = '';
    proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.onStderrLine(line, proc);
    });
    proc.on('exit', (code, signal) => {
      if (partial) this.onStderrLine(partial, proc);
      if (this.proc !== proc) return; // we stopped it on purpose
      this.proc = undefined;
      this.onUnexpectedExit(code, signal);
    });
    this.startTimer = setTimeout(() => {
      if (this.proc !== proc || ready) return;
      const seconds = Math.round(this.opts.startTimeoutMs / 1000);
      this.fail({ code: 'start_timeout', message: `the backend did not become ready within ${seconds} s`, params: { seconds }, stderrTail: this.recentStderr() });
      proc.kill('SIGKILL');
    }, this.opts.startTimeoutMs);
  }

  private onStderrLine(line: string, proc: ChildProcess): void {
    if (line === '') return;
    this.stderr.push(line);
    this.events.emit('stderr', line);
  }

  private onUnexpectedExit(code: number | null, signal: NodeJS.Signals | null): void {
    clearTimeout(this.startTimer);
    const tail = this.recentStderr();
    if (code === EXIT_BAD_SETUP) {
      const setup = this.setupError;
      if (setup) return this.fail({ code: setup.code, message: setup.message, params: setup.params, stderrTail: tail });
      return this.fail({ code: 'crashed', message: `the backend refused to start without saying why: ${tail[tail.length - 1] ?? 'no output'}`, params: {}, stderrTail: tail });
    }
    const reason = `the backend exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`})`;
    const early = Date.now() - this.startedAt < this.opts.earlyCrashWindowMs;
    this.earlyCrashes = early ? this.earlyCrashes + 1 : 1;
    if (this.earlyCrashes > this.opts.maxEarlyCrashes) {
      return this.fail({
        code: 'crashed',
        message: `${reason}; stopped retrying after ${this.opts.maxEarlyCrashes} restarts that each crashed within ${Math.round(this.opts.earlyCrashWindowMs / 1000)} s`,
        params: { exitCode: code, signal, restarts: this.opts.maxEarlyCrashes },
        stderrTail: tail,
      });
    }
    const inMs = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** (this.earlyCrashes - 1));
    this.setState({ kind: 'restarting', attempt: this.earlyCrashes, inMs, reason, exit: { code, signal } });
    this.restartTimer = setTimeout(() => this.launch(), inMs);
  }

  private fail(failure: BackendFailure): void {
    clearTimeout(this.startTimer);
    this.setState({ kind: 'failed', failure });
  }

  private setState(s: BackendState): void {
    this.state = s;
    this.events.emit('state', s);
  }
}

export class BackendFailedError extends Error {
  constructor(readonly failure: BackendFailure) {
    super(failure.message);
  }
}

function sameSpec(a: LaunchSpec, b: LaunchSpec): boolean {
  return a.command === b.command && JSON.stringify(a.args) === JSON.stringify(b.args);
}
