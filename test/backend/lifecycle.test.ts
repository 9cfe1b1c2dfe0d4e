import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { statFields } from '../harness/process-tree.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { LOOP_TEXT } from '../fixtures/presets.js';
import { BACKEND_MAIN, Client, spawnBackend, TEST_TOKEN } from './harness.js';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An orphan that exited stays a zombie until whatever adopted it reaps it, which some containers' init never does.
  try {
    return statFields(readFileSync(`/proc/${pid}/stat`, 'utf8')).state !== 'Z';
  } catch {
    return true;
  }
}

async function waitUntil(cond: () => boolean, ms: number): Promise<number> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

describe('backend: lifecycle', function () {
  this.timeout(60_000);
  let dir: string;
  let modelPath: string;
  before(() => {
    dir = makeTinyModelDir();
    modelPath = writePresetModel(dir, 'llm-jp-3-1.8b').path;
  });
  after(() => removeTinyModelDir(dir));

  it('exits within 5 s when the process that started it dies', async () => {
    // A parent that starts the backend, reports its pid once ready, then waits to be killed.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const b = spawn(process.execPath, [${JSON.stringify(BACKEND_MAIN)}, '--model', ${JSON.stringify(modelPath)}, '--gpu', 'cpu', '--threads', '1'],
        { env: { ...process.env, FUDE_BACKEND_TOKEN: 't' }, stdio: ['ignore', 'pipe', 'ignore'] });
      b.stdout.on('data', (d) => { if (String(d).includes('"event":"ready"')) console.log(b.pid); });
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    const backendPid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
    );
    assert.ok(processAlive(backendPid));
    parent.kill('SIGKILL');
    const took = await waitUntil(() => !processAlive(backendPid), 5_000);
    assert.ok(took <= 5_000, `exited after ${took} ms`);
  });

  it('exits when its stdin closes, with --exit-with-stdin', async () => {
    const b = spawnBackend(['--model', modelPath, '--exit-with-stdin']);
    await b.ready;
    b.proc.stdin!.end();
    const { code } = await b.exit;
    assert.equal(code, 0);
  });

  it('on SIGTERM during a generation: ends the request, then exits 0', async () => {
    const b = spawnBackend(['--model', modelPath]);
    const client = await Client.connect((await b.ready).port, TEST_TOKEN);
    let sent = false;
    const res = await client.request({ id: 'long', type: 'complete', prefix: '#', maxTokens: 100_000 }, () => {
      if (!sent) {
        sent = true;
        b.proc.kill('SIGTERM');
      }
    });
    assert.equal(res.final.type, 'error');
    assert.equal(res.final.type === 'error' && res.final.code, 'cancelled');
    assert.match(res.final.type === 'error' ? res.final.message : '', /shutting down/);
    assert.ok(res.text.startsWith(LOOP_TEXT.slice(0, 1)));
    const { code, signal } = await b.exit;
    assert.equal(signal, null);
    assert.equal(code, 0);
    assert.ok(b.stderr.some((l) => /shutting down: SIGTERM/.test(l)));
    assert.ok(!b.stderr.some((l) => /DisposedError|unexpected failure/.test(l)), b.stderr.join('\n'));
  });

  it('on SIGINT while idle: exits 0', async () => {
    const b = spawnBackend(['--model', modelPath]);
    await b.ready;
    b.proc.kill('SIGINT');
    assert.deepEqual(await b.exit, { code: 0, signal: null });
  });
});
