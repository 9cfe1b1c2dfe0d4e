// Owns the backend process: starts it, reads its ready line, keeps its recent stderr, restarts it after a
// crash with growing backoff, gives up (saying why, with its last stderr lines) when it crashes too often,
// at any age, and stops it for good on dispose. Every whenReady() settles. Editor-neutral: the VS Code layer
// listens to `onState` and shows it. Time comes from a Clock, so tests drive crash loops by hand.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readBackendEvents, type SetupErrorEvent } from '../../../protocol/backend-events.js';
import { EXIT_BAD_SETUP, TOKEN_ENV, type ReadyLine } from '../../../protocol/messages.js';
import { systemClock, type Clock } from '../../completion/clock.js';
import type { BackendFailure, BackendState } from './backend-state.js';
import type { LaunchSpec } from './launch.js';
import { RingBuffer } from './ring-buffer.js';

export interface SupervisorOptions {
  /**
   * Crashes allowed within `crashWindowMs`: one more and the supervisor gives up. Counted at any age of the
   * process, so a model that loads and is then killed for lack of memory a minute later stops too.
   */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** The wait before a restart doubles with each crash in the window, from the base up to the maximum. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  startTimeoutMs?: number;
  stopGraceMs?: number;
  spawnProcess?: (spec: LaunchSpec) => ChildProcess;
  clock?: Clock;
}

const STDERR_LINES = 100;
/** How many of the last stderr lines a crash failure quotes in its message (all are in stderrTail). */
const QUOTED_LINES = 3;
const QUOTED_LINE_CHARS = 300;

export class Supervisor {
  private readonly events = new EventEmitter();
  private readonly stderr = new RingBuffer<string>(STDERR_LINES);
  private state: BackendState = { kind: 'stopped' };
  private proc: ChildProcess | undefined;
  private spec: LaunchSpec | undefined;
  /** When each recent crash happened, oldest first; only those within the window count. */
  private crashes: number[] = [];
  private cancelRestart: (() => void) | undefined;
  private cancelStartTimeout: (() => void) | undefined;
  private readonly opts: Required<SupervisorOptions>;
  private queue: Promise<void> = Promise.resolve();
  /** This launch's stderr lines, quoted when it crashes too often. */
  private launchLines: string[] = [];
  /** The setup error this launch reported on stdout before exiting with EXIT_BAD_SETUP. */
  private setupError: SetupErrorEvent | undefined;
  private pendingOps = 0;

  constructor(opts: SupervisorOptions = {}) {
    // Every feature and every pending whenReady() listens; more than Node's default of 10 is normal here.
    this.events.setMaxListeners(100);
    this.opts = {
      maxCrashes: 3,
      crashWindowMs: 10 * 60_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 30_000,
      startTimeoutMs: 300_000,
      stopGraceMs: 5_000,
      spawnProcess: (spec) => spawn(spec.command, spec.args, { env: spec.env, stdio: ['pipe', 'pipe', 'pipe'] }),
      clock: systemClock,
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
    const run = () =>
      op().finally(() => {
        this.pendingOps--;
        // A waiter that saw 'stopped' while an operation was under way decides now that none is.
        if (this.pendingOps === 0) this.events.emit('settled');
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private relaunch(spec: LaunchSpec): void {
    this.spec = spec;
    this.crashes = []; // a start the user asked for gets a fresh allowance
    this.launch();
  }

  /**
   * Resolves with the next ready line, or rejects with the failure or the stop that ends the wait. It always
   * settles: starts time out, crash loops give up, and a stop ends every wait once no start is queued.
   */
  whenReady(): Promise<ReadyLine> {
    return new Promise((resolve, reject) => {
      const check = (s: BackendState) => {
        if (s.kind === 'ready') resolve(s.ready);
        else if (s.kind === 'failed') reject(new BackendFailedError(s.failure));
        // A stop on the way to a restart is not the end: wait for what the queued start brings.
        else if (s.kind === 'stopped' && this.pendingOps === 0)
          reject(
            new BackendFailedError({ code: 'crashed', message: 'the backend was stopped', params: {}, stderrTail: [] }),
          );
        else return false;
        return true;
      };
      if (check(this.state)) return;
      const onSettled = () => {
        if (check(this.state)) off();
      };
      const offState = this.onState((s) => {
        if (check(s)) off();
      });
      const off = () => {
        offState();
        this.events.off('settled', onSettled);
      };
      this.events.on('settled', onSettled);
    });
  }

  private async stopNow(): Promise<void> {
    this.cancelRestart?.();
    this.cancelStartTimeout?.();
    const proc = this.proc;
    this.proc = undefined;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const cancelKill = this.opts.clock.schedule(this.opts.stopGraceMs, () => proc.kill('SIGKILL'));
      await exited;
      cancelKill();
    }
    if (this.state.kind !== 'failed' && this.state.kind !== 'stopped') this.setState({ kind: 'stopped' });
  }

  private launch(): void {
    const spec = this.spec!;
    this.setState({ kind: 'starting' });
    this.launchLines = [];
    this.setupError = undefined;
    let proc: ChildProcess;
    try {
      proc = this.opts.spawnProcess(spec);
    } catch (e) {
      return this.fail({
        code: 'spawn_failed',
        message: `could not start ${spec.command}: ${(e as Error).message}`,
        params: { path: spec.command },
        stderrTail: [],
      });
    }
    this.proc = proc;
    let ready = false;
    proc.on('error', (e) => {
      if (this.proc === proc)
        this.fail({
          code: 'spawn_failed',
          message: `could not start ${spec.command}: ${e.message}`,
          params: { path: spec.command },
          stderrTail: this.recentStderr(),
        });
    });
    if (proc.stdout) {
      readBackendEvents(
        proc.stdout,
        (ev) => {
          if (this.proc !== proc || ready) return;
          if (ev.event === 'loading') this.setState({ kind: 'loading', loading: ev });
          else if (ev.event === 'setup_error') this.setupError = ev;
          else {
            ready = true;
            this.cancelStartTimeout?.();
            this.setState({ kind: 'ready', ready: ev });
          }
        },
        (line) => {
          if (this.proc !== proc || ready) return;
          this.fail({
            code: 'crashed',
            message: `the backend printed something other than its event lines: ${line.slice(0, 200)}`,
            params: {},
            stderrTail: this.recentStderr(),
          });
          proc.kill('SIGKILL');
        },
      );
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
    this.cancelStartTimeout = this.opts.clock.schedule(this.opts.startTimeoutMs, () => {
      if (this.proc !== proc || ready) return;
      const seconds = Math.round(this.opts.startTimeoutMs / 1000);
      this.fail({
        code: 'start_timeout',
        message: `the backend did not become ready within ${seconds} s`,
        params: { seconds },
        stderrTail: this.recentStderr(),
      });
      proc.kill('SIGKILL');
    });
  }

  private onStderrLine(line: string, proc: ChildProcess): void {
    if (line === '') return;
    this.stderr.push(line);
    if (this.proc === proc && this.launchLines.length < 1000) this.launchLines.push(line);
    this.events.emit('stderr', line);
  }

  private onUnexpectedExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.cancelStartTimeout?.();
    const tail = this.recentStderr();
    if (code === EXIT_BAD_SETUP) {
      const setup = this.setupError;
      if (setup) return this.fail({ code: setup.code, message: setup.message, params: setup.params, stderrTail: tail });
      return this.fail({
        code: 'crashed',
        message: `the backend refused to start without saying why: ${tail[tail.length - 1] ?? 'no output'}`,
        params: {},
        stderrTail: tail,
      });
    }
    const reason = `the backend exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`})`;
    const now = this.opts.clock.now();
    this.crashes = [...this.crashes.filter((t) => now - t < this.opts.crashWindowMs), now];
    const inWindow = this.crashes.length;
    if (inWindow > this.opts.maxCrashes) {
      const window = formatDuration(this.opts.crashWindowMs);
      const last = this.launchLines
        .slice(-QUOTED_LINES)
        .map((l) => (l.length > QUOTED_LINE_CHARS ? `${l.slice(0, QUOTED_LINE_CHARS)}…` : l));
      const said = last.length > 0 ? ` Its last lines: ${last.join(' | ')}` : ' It wrote nothing on stderr.';
      return this.fail({
        code: 'crashed',
        message: `${reason}, ${inWindow} times in ${window}; stopped restarting it.${said}`,
        params: { exitCode: code, signal, restarts: inWindow - 1 },
        stderrTail: tail,
      });
    }
    const inMs = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** (inWindow - 1));
    this.setState({ kind: 'restarting', attempt: inWindow, inMs, reason, exit: { code, signal } });
    this.cancelRestart = this.opts.clock.schedule(inMs, () => this.launch());
  }

  private fail(failure: BackendFailure): void {
    this.cancelStartTimeout?.();
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

function formatDuration(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

function sameSpec(a: LaunchSpec, b: LaunchSpec): boolean {
  return a.command === b.command && JSON.stringify(a.args) === JSON.stringify(b.args);
}
