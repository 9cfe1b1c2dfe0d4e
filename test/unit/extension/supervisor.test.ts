// The supervisor against small stand-in processes (node -e scripts), so restarts, backoff and giving up are
// tested in milliseconds without a model.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { BackendState } from '../../../extension/engine/local/backend-state.js';
import type { LaunchSpec } from '../../../extension/engine/local/launch.js';
import { BackendFailedError, Supervisor } from '../../../extension/engine/local/supervisor.js';

const READY = `process.stdout.write(JSON.stringify({event:'ready',port:1,host:'127.0.0.1',pid:process.pid,model:{name:'m'},threads:1,loadMs:1,warnings:[]})+'\\n');`;
const STAY = 'setInterval(()=>{},1000);';

function spec(script: string): LaunchSpec {
  return { command: process.execPath, args: ['-e', script], env: { ...process.env, FUDE_BACKEND_TOKEN: 't' } };
}

function supervisor(opts: ConstructorParameters<typeof Supervisor>[0] = {}) {
  const states: string[] = [];
  const s = new Supervisor({ backoffBaseMs: 10, backoffMaxMs: 40, earlyCrashWindowMs: 10_000, stopGraceMs: 500, ...opts });
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

  it('reports loading from the backend\'s typed loading events, never from its log', async () => {
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

  it('turns exit code 2 into a failure with the backend\'s code and message, without retrying', async () => {
    const { s, states } = supervisor();
    const event = `process.stdout.write(JSON.stringify({event:'setup_error',code:'model_missing',message:'Model file not found: /x.gguf',params:{path:'/x.gguf'}})+'\\n');`;
    const script = `${event} process.stderr.write('fude-backend: error[model_missing]: Model file not found: /x.gguf\\n'); process.exit(2);`;
    await assert.rejects(s.ensureStarted(spec(script)), (e: unknown) => e instanceof BackendFailedError && e.failure.code === 'model_missing' && e.failure.params.path === '/x.gguf' && /\/x\.gguf/.test(e.failure.message));
    assert.deepEqual(states, ['starting', 'failed']);
  });

  it('does not read a setup error out of the log: exit 2 without the event is a crash that says so', async () => {
    const { s } = supervisor();
    const script = `process.stderr.write('fude-backend: error[model_missing]: Model file not found: /x.gguf\\n'); process.exit(2);`;
    await assert.rejects(s.ensureStarted(spec(script)), (e: unknown) => e instanceof BackendFailedError && e.failure.code === 'crashed' && /without saying why/.test(e.failure.message));
  });

  it('restarts after a crash with growing backoff, and gives up after repeated early crashes, saying why', async () => {
    const { s, states } = supervisor({ maxEarlyCrashes: 2 });
    const crash = `process.stderr.write('boom\\n'); process.exit(3);`;
    await assert.rejects(s.ensureStarted(spec(crash)), (e: unknown) => e instanceof BackendFailedError && e.failure.code === 'crashed' && /stopped retrying after 2 restarts/.test(e.failure.message));
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
    await s.ensureStarted(spec(`for(let i=0;i<150;i++)process.stderr.write('line '+i+'\\n');setTimeout(()=>{${READY}},100);${STAY}`));
    const lines = s.recentStderr();
    assert.equal(lines.length, 100);
    assert.equal(lines[99], 'line 149');
    await s.stop();
  });

  it('fails a backend that never becomes ready within the start timeout', async () => {
    const { s } = supervisor({ startTimeoutMs: 300 });
    await assert.rejects(s.ensureStarted(spec(STAY)), (e: unknown) => e instanceof BackendFailedError && e.failure.code === 'start_timeout');
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
    await assert.rejects(s.ensureStarted(spec(READY)), (e: unknown) => e instanceof BackendFailedError && e.failure.code === 'spawn_failed');
  });
});
