// The supervisor against small stand-in processes (node -e scripts), so restarts, backoff and giving up are
// tested in milliseconds without a model.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { BackendState } from '../../../extension/engine/local/backend-state.js';
import type { LaunchSpec } from '../../../extension/engine/local/launch.js';
import { BackendFailedError, Supervisor } from '../../../extension/engine/local/supervisor.js';
import { FakeClock, flush } from '../completion/fake-clock.js';

const READY = `process.stdout.write(JSON.stringify({event:'ready',port:1,host:'127.0.0.1',pid:process.pid,model:{name:'m'},threads:1,loadMs:1,warnings:[]})+'\\n');`;
const STAY = 'setInterval(()=>{},1000);';

function spec(script: string): LaunchSpec {
  return { command: process.execPath, args: ['-e', script], env: { ...process.env, FUDE_BACKEND_TOKEN: 't' } };
}

function supervisor(opts: ConstructorParameters<typeof Supervisor>[0] = {}) {
  const states: string[] = [];
  const s = new Supervisor({ backoffBaseMs: 10, backoffMaxMs: 40, crashWindowMs: 10_000, stopGraceMs: 500, ...opts });
  s.onState((st: BackendState) => states.push(st.kind));
  return { s, states };
}

describe('Supervisor', function () {
  this.timeout(20_000);

  it('starts, reads the ready line, keeps the token of the launch, and stops', async () => {
    const { s, states } = supervisor();
    const ready = await s.ensureStarted(spec(READY + STAY));
    assert.equal(ready.event, 'ready');
    assert.equal(s.token, 't');
    const pid = s.pid!;
    await s.stop();
    assert.equal(s.current.kind, 'stopped');
    assert.throws(() => process.kill(pid, 0));
    assert.deepEqual(states, ['starting', 'ready', 'stopped']);
  });

  it("reports loading from the backend's typed loading events, never from its log", async () => {
    const { s, states } = supervisor();
    const loading = `process.stdout.write(JSON.stringify({event:'loading',stage:'model',model:{name:'big-model',family:'llm-jp-3',path:'x',termsId:null},progress:0.5})+'\\n');`;
    const logLine = `process.stderr.write('2026 [info] loading other-model (llm-jp-3) from y\\n');`;
    await s.ensureStarted(spec(`${logLine} setTimeout(()=>{${loading} setTimeout(()=>{${READY}},50)},50); ${STAY}`));
    assert.deepEqual(states.slice(0, 3), ['starting', 'loading', 'ready']);
    await s.stop();
  });

  it('does not restart a backend that is already running with the same arguments', async () => {
    const { s } = supervisor();
    await s.ensureStarted(spec(READY + STAY));
    const pid = s.pid;
    await s.ensureStarted(spec(READY + STAY));
    assert.equal(s.pid, pid);
    await s.stop();
  });

  it("turns exit code 2 into a failure with the backend's code and message, without retrying", async () => {
    const { s, states } = supervisor();
    const event = `process.stdout.write(JSON.stringify({event:'setup_error',code:'model_missing',message:'Model file not found: /x.gguf',params:{path:'/x.gguf'}})+'\\n');`;
    const script = `${event} process.stderr.write('fude-backend: error[model_missing]: Model file not found: /x.gguf\\n'); process.exit(2);`;
    await assert.rejects(
      s.ensureStarted(spec(script)),
      (e: unknown) =>
        e instanceof BackendFailedError &&
        e.failure.code === 'model_missing' &&
        e.failure.params.path === '/x.gguf' &&
        /\/x\.gguf/.test(e.failure.message),
    );
    assert.deepEqual(states, ['starting', 'failed']);
  });

  it('does not read a setup error out of the log: exit 2 without the event is a crash that says so', async () => {
    const { s } = supervisor();
    const script = `process.stderr.write('fude-backend: error[model_missing]: Model file not found: /x.gguf\\n'); process.exit(2);`;
    await assert.rejects(
      s.ensureStarted(spec(script)),
      (e: unknown) =>
        e instanceof BackendFailedError && e.failure.code === 'crashed' && /without saying why/.test(e.failure.message),
    );
  });

  it('restarts after a crash with growing backoff, and gives up after repeated crashes, saying why', async () => {
    const { s, states } = supervisor({ maxCrashes: 2 });
    const crash = `process.stderr.write('boom\\n'); process.exit(3);`;
    await assert.rejects(
      s.ensureStarted(spec(crash)),
      (e: unknown) =>
        e instanceof BackendFailedError &&
        e.failure.code === 'crashed' &&
        /3 times in 10 s; stopped restarting it\. Its last lines: boom$/.test(e.failure.message),
    );
    assert.deepEqual(states, ['starting', 'restarting', 'starting', 'restarting', 'starting', 'failed']);
    const f = s.current.kind === 'failed' ? s.current.failure : undefined;
    assert.ok(f?.stderrTail.includes('boom'));
  });

  it('recovers when a restart succeeds after a crash', async () => {
    const { s } = supervisor();
    // Crashes the first time (no marker file yet), then serves.
    const marker = `${process.env.TMPDIR ?? '/tmp'}/fude-sup-${process.pid}-${Date.now()}`;
    const script = `const fs=require('fs');const m=${JSON.stringify(marker)};if(!fs.existsSync(m)){fs.writeFileSync(m,'');process.exit(1)}fs.rmSync(m);${READY}${STAY}`;
    const ready = await s.ensureStarted(spec(script)).catch(() => s.whenReady());
    assert.equal(ready.event, 'ready');
    await s.stop();
  });

  it('keeps only the last 100 stderr lines', async () => {
    const { s } = supervisor();
    await s.ensureStarted(
      spec(`for(let i=0;i<150;i++)process.stderr.write('line '+i+'\\n');setTimeout(()=>{${READY}},100);${STAY}`),
    );
    const lines = s.recentStderr();
    assert.equal(lines.length, 100);
    assert.equal(lines[99], 'line 149');
    await s.stop();
  });

  it('fails a backend that never becomes ready within the start timeout', async () => {
    const { s } = supervisor({ startTimeoutMs: 300 });
    await assert.rejects(
      s.ensureStarted(spec(STAY)),
      (e: unknown) => e instanceof BackendFailedError && e.failure.code === 'start_timeout',
    );
  });

  it('serialises quick restarts so no process is left untracked', async () => {
    const { s } = supervisor();
    await s.ensureStarted(spec(READY + STAY));
    const first = s.pid!;
    await Promise.all([s.restart(spec(READY + STAY)), s.restart(spec(READY + STAY))]);
    const last = s.pid!;
    await s.stop();
    for (const pid of [first, last]) assert.throws(() => process.kill(pid, 0), `pid ${pid} is gone`);
  });

  it('reports a command that cannot be started', async () => {
    const { s } = supervisor({ spawnProcess: (sp) => spawn(`${sp.command}-does-not-exist`, sp.args) });
    await assert.rejects(
      s.ensureStarted(spec(READY)),
      (e: unknown) => e instanceof BackendFailedError && e.failure.code === 'spawn_failed',
    );
  });
});

/** A stand-in child process on a fake clock: it serves at once and crashes `crashAfterMs` later. */
class FakeChild extends EventEmitter {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly stdin = new PassThrough();
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;

  constructor(readonly pid: number) {
    super();
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    if (this.exitCode !== null || this.signalCode !== null) return false;
    setImmediate(() => this.exit(null, signal));
    return true;
  }

  exit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exitCode !== null || this.signalCode !== null) return;
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }
}

describe('Supervisor on a fake clock', function () {
  this.timeout(60_000);
  const realNow = Date.now;
  let clock: FakeClock;
  beforeEach(() => {
    clock = new FakeClock();
    // A supervisor that reads the wall clock sees the same fake time.
    Date.now = () => 1_700_000_000_000 + clock.now();
  });
  afterEach(() => {
    Date.now = realNow;
  });

  /** Lets streams, exits and promise callbacks run. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) await flush();
    await new Promise((r) => setTimeout(r, 1));
  }

  async function runFor(ms: number, step = 1000): Promise<void> {
    for (let t = 0; t < ms; t += step) {
      clock.advance(step);
      await settle();
    }
  }

  function crashingEvery(ms: number, { ready = true } = {}) {
    const children: FakeChild[] = [];
    const spawnProcess = () => {
      const child = new FakeChild(1000 + children.length);
      children.push(child);
      setImmediate(() => {
        child.stderr.write(`launch ${children.length}\n`);
        if (ready)
          child.stdout.write(
            `${JSON.stringify({ event: 'ready', port: 1, host: '127.0.0.1', pid: child.pid, model: { name: 'm' }, threads: 1, loadMs: 1, warnings: [] })}\n`,
          );
      });
      clock.schedule(ms, () => {
        child.stderr.write('GGML_ASSERT: ggml-backend.c:1024: failed to allocate 40960 MiB\n');
        setImmediate(() => child.exit(null, 'SIGKILL'));
      });
      return child as unknown as ChildProcess;
    };
    return { children, spawnProcess };
  }

  it('gives up on a backend that crashes 70 s after each launch, with growing backoff, saying why; every waiter settles', async () => {
    const { children, spawnProcess } = crashingEvery(70_000);
    const states: BackendState[] = [];
    const s = new Supervisor({ clock, spawnProcess, backoffBaseMs: 1000, backoffMaxMs: 30_000 });
    s.onState((st) => states.push(st));
    const waiters: Array<Promise<string>> = [];
    s.onState((st) => {
      if (st.kind === 'restarting')
        waiters.push(
          s.whenReady().then(
            () => 'ready',
            (e: unknown) => `failed: ${(e as Error).message}`,
          ),
        );
    });
    const first = s.ensureStarted(spec('unused'));
    await settle();
    assert.equal((await first).event, 'ready');

    await runFor(30 * 60_000);
    const kinds = states.map((st) => st.kind);
    assert.equal(kinds.at(-1), 'failed', `gave up within 30 minutes: ${kinds.join(' ')}`);
    assert.equal(children.length, 4, 'three restarts, then no more');
    const backoffs = states.flatMap((st) => (st.kind === 'restarting' ? [st.inMs] : []));
    assert.deepEqual(backoffs, [1000, 2000, 4000]);
    const failure = s.current.kind === 'failed' ? s.current.failure : undefined;
    assert.equal(failure?.code, 'crashed');
    assert.match(failure.message, /4 times in 10 min/);
    assert.match(failure.message, /failed to allocate 40960 MiB/, 'the message quotes the last stderr line');
    assert.ok(failure.stderrTail.some((l) => l.includes('launch 4')));
    assert.deepEqual(
      await Promise.all(waiters),
      ['ready', 'ready', 'ready'],
      'each waiter during a restart got the next launch',
    );
    await assert.rejects(s.whenReady(), BackendFailedError, 'a waiter after giving up settles at once');
  });

  it('keeps restarting a backend that crashes rarely (one crash per window)', async () => {
    const { children, spawnProcess } = crashingEvery(11 * 60_000);
    const s = new Supervisor({ clock, spawnProcess, backoffBaseMs: 1000 });
    await Promise.all([s.ensureStarted(spec('unused')), settle()]);
    await runFor(60 * 60_000, 5000);
    assert.notEqual(s.current.kind, 'failed');
    assert.ok(children.length >= 5, `restarted ${children.length - 1} times`);
    await Promise.all([s.stop(), runFor(10_000)]);
  });

  it('settles a waiter when the backend is stopped while it restarts', async () => {
    const { spawnProcess } = crashingEvery(1000, { ready: false });
    const s = new Supervisor({ clock, spawnProcess, backoffBaseMs: 5000 });
    const started = s.ensureStarted(spec('unused')).then(
      () => 'ready',
      (e: unknown) => `failed: ${(e as Error).message}`,
    );
    await runFor(2000);
    assert.equal(s.current.kind, 'restarting');
    const waiting = s.whenReady().then(
      () => 'ready',
      (e: unknown) => `failed: ${(e as Error).message}`,
    );
    await s.stop();
    await settle();
    const outcome = await Promise.race([
      Promise.all([started, waiting]),
      new Promise((r) => setTimeout(() => r('still waiting'), 200)),
    ]);
    assert.deepEqual(outcome, ['failed: the backend was stopped', 'failed: the backend was stopped']);
  });
});
