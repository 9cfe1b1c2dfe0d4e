// The fude-models process against a real local HTTP server: JSON lines the extension can parse, exit codes
// (0 done, 2 refused, 1 failed, 130 interrupted), a partial download kept after Ctrl-C and resumed by the next
// pull, the token from HF_TOKEN used and never printed, and fit --json on a local and a served GGUF.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFit } from '../../extension/models/fit-runner.js';
import { parseModelsLine, type ModelsLine } from '../../protocol/models.js';
import { startModelServer, sha256, type ModelServer } from '../fixtures/model-server.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';

const BIN = fileURLToPath(new URL('../../../bin/fude-models.js', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

interface Run {
  code: number | null;
  lines: ModelsLine[];
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  env: Record<string, string | undefined> = {},
  onLine?: (l: ModelsLine, kill: () => void) => void,
): Promise<Run> {
  const merged: NodeJS.ProcessEnv = { ...process.env, HF_TOKEN: undefined, HF_ENDPOINT: undefined, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const proc = spawn(process.execPath, [BIN, ...args], { env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const lines: ModelsLine[] = [];
  let pending = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    pending += d;
    let nl;
    while ((nl = pending.indexOf('\n')) !== -1) {
      const raw = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      const l = parseModelsLine(raw);
      if (l) {
        lines.push(l);
        onLine?.(l, () => proc.kill('SIGINT'));
      }
    }
  });
  proc.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  return once(proc, 'exit').then(([code]) => ({ code: code as number | null, lines, stdout, stderr }));
}

const errorOf = (r: Run) => r.lines.find((l): l is Extract<ModelsLine, { event: 'error' }> => l.event === 'error');

describe('fude-models (the command line)', function () {
  this.timeout(120_000);
  let fixtures: string;
  let gguf: Buffer;
  let ggufPath: string;
  let server: ModelServer;
  let dir: string;

  before(async () => {
    fixtures = makeTinyModelDir();
    ggufPath = writePresetModel(fixtures, 'llm-jp-3-1.8b').path;
    gguf = readFileSync(ggufPath);
    server = await startModelServer({
      '/o/r/resolve/main/m.gguf': { data: gguf, hfRedirect: true },
      '/o/gated/resolve/main/g.gguf': { data: gguf, hfRedirect: true, token: 'hf_cli_secret_token' },
      '/page.gguf': { data: Buffer.from('<!doctype html><title>Login</title>'), contentType: 'text/html' },
      '/down.gguf': { data: gguf, status: 503 },
    });
  });
  after(async () => {
    await server.close();
    removeTinyModelDir(fixtures);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fude-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('pulls an hf: file as JSON lines, lists, verifies and removes it', async () => {
    const pull = await run(['pull', 'hf:o/r/m.gguf', '--dir', dir, '--endpoint', server.url, '--json']);
    assert.equal(pull.code, 0, pull.stderr);
    assert.deepEqual([...new Set(pull.lines.map((l) => l.event))], ['start', 'progress', 'verifying', 'done']);
    assert.equal(pull.stdout.trim().split('\n').length, pull.lines.length, 'every stdout line is a JSON line');
    const done = pull.lines.at(-1)!;
    assert.ok(done.event === 'done' && done.sha256 === sha256(gguf) && done.path === join(dir, 'm.gguf'));

    const list = await run(['list', '--dir', dir, '--json']);
    assert.equal(list.code, 0);
    assert.equal(list.lines.length, 1);
    const m = list.lines[0];
    assert.ok(
      m.event === 'model' &&
        m.source === 'hf:o/r/m.gguf' &&
        m.sha256 === sha256(gguf) &&
        !m.partial &&
        m.downloadedAt !== null,
    );

    const ok = await run(['verify', join(dir, 'm.gguf'), '--sha256', sha256(gguf), '--json']);
    assert.equal(ok.code, 0);
    const bad = await run(['verify', join(dir, 'm.gguf'), '--sha256', '0'.repeat(64)]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^fude-models: error\[checksum_mismatch\]: /m);

    const rm = await run(['rm', join(dir, 'm.gguf'), '--json']);
    assert.equal(rm.code, 0);
    assert.ok(!existsSync(join(dir, 'm.gguf')));
  });

  it('exits 2 for a wrong checksum, an HTML page, a missing file and bad usage', async () => {
    const sum = await run([
      'pull',
      `${server.url}/o/r/resolve/main/m.gguf`,
      '--dir',
      dir,
      '--sha256',
      'a'.repeat(64),
      '--json',
    ]);
    assert.equal(sum.code, 2);
    assert.equal(errorOf(sum)?.code, 'checksum_mismatch');
    const page = await run(['pull', `${server.url}/page.gguf`, '--dir', dir, '--json']);
    assert.equal(page.code, 2);
    assert.equal(errorOf(page)?.code, 'not_gguf');
    const missing = await run(['pull', `${server.url}/nope.gguf`, '--dir', dir]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /error\[not_found\]/);
    assert.equal((await run(['pull', 'hf:o/r/m.gguf'])).code, 2, '--dir is required');
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run(['--bogus'])).code, 2);
  });

  it('uses HF_TOKEN for a gated repository, asks for it without, and never prints it', async () => {
    const without = await run(['pull', 'hf:o/gated/g.gguf', '--dir', dir, '--endpoint', server.url, '--json']);
    assert.equal(without.code, 2);
    assert.equal(errorOf(without)?.code, 'auth_required');
    assert.match(errorOf(without)!.message, /needs a Hugging Face token/);
    const withToken = await run(['pull', 'hf:o/gated/g.gguf', '--dir', dir, '--json'], {
      HF_TOKEN: 'hf_cli_secret_token',
      HF_ENDPOINT: server.url,
    });
    assert.equal(withToken.code, 0, withToken.stderr);
    for (const r of [without, withToken]) assert.ok(!(r.stdout + r.stderr).includes('hf_cli_secret_token'));
    assert.ok(
      !readFileSync(join(dir, '.fude-models.json'), 'utf8').includes('hf_cli_secret_token'),
      'the token is not written to disk',
    );
  });

  it('exits 1 when the server keeps failing', async () => {
    const r = await run(['pull', `${server.url}/down.gguf`, '--dir', dir, '--retries', '1', '--json']);
    assert.equal(r.code, 1);
    assert.equal(errorOf(r)?.code, 'server_error');
    assert.ok(r.lines.some((l) => l.event === 'notice' && l.kind === 'retry'));
  });

  it('keeps the part when interrupted (exit 130), and the next pull resumes it', async () => {
    server.routes.set('/slow.gguf', { data: gguf, bytesPerTick: 32 * 1024 });
    let killed = false;
    const first = await run(['pull', `${server.url}/slow.gguf`, '--dir', dir, '--json'], {}, (l, kill) => {
      // One Ctrl-C: a second one ends the process at once, as in any terminal program.
      if (!killed && l.event === 'progress' && l.receivedBytes > 400_000) {
        killed = true;
        kill();
      }
    });
    assert.equal(first.code, 130, first.stderr);
    const err = errorOf(first)!;
    assert.equal(err.code, 'cancelled');
    assert.equal(err.partialPath, join(dir, 'slow.gguf.part'));
    assert.equal(statSync(err.partialPath).size, err.partialBytes);
    server.routes.get('/slow.gguf')!.bytesPerTick = undefined;
    const second = await run(['pull', `${server.url}/slow.gguf`, '--dir', dir, '--sha256', sha256(gguf), '--json']);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(server.requests.at(-1)?.range, `bytes=${err.partialBytes}-`);
    assert.ok(second.lines.some((l) => l.event === 'notice' && l.kind === 'resume'));
    const start = second.lines.find((l) => l.event === 'start');
    assert.equal(start?.event === 'start' && start.resumedFromBytes, err.partialBytes);
    assert.deepEqual(readFileSync(join(dir, 'slow.gguf')), gguf);
  });

  it('fit --json gives one report per target: a local file and a served one', async () => {
    const r = await run([
      'fit',
      ggufPath,
      'hf:o/r/m.gguf',
      '--endpoint',
      server.url,
      '--context-size',
      '1024',
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const reports = r.lines.filter((l) => l.event === 'fit');
    assert.equal(reports.length, 2);
    const [local, remote] = reports.map((l) => (l.event === 'fit' ? l.report : undefined)!);
    assert.equal(local.target, ggufPath);
    assert.equal(remote.target, 'hf:o/r/m.gguf');
    assert.equal(local.contextSize, 1024);
    assert.equal(local.sequences, 3);
    assert.equal(remote.ramNeededBytes, local.ramNeededBytes);
    assert.equal(local.verdict, 'cpu_only');
    const missing = await run(['fit', join(dir, 'none.gguf'), '--json']);
    assert.equal(missing.code, 2);
    assert.equal(errorOf(missing)?.code, 'not_found');
  });

  it("answers the extension's fit runner per target, as each arrives, failures included", async () => {
    const seen: string[] = [];
    const answers = await runFit(
      { extensionPath: REPO, execPath: process.execPath, isElectron: false, nodePath: '', env: process.env },
      {
        targets: [ggufPath, `${server.url}/page.gguf`, join(dir, 'none.gguf')],
        endpoint: server.url,
        gpu: 'cpu',
        gpuLayers: 'auto',
        contextSize: 512,
        onAnswer: (t) => seen.push(t),
      },
    );
    assert.deepEqual(seen, [ggufPath, `${server.url}/page.gguf`, join(dir, 'none.gguf')]);
    const ok = answers.get(ggufPath)!;
    assert.ok(ok.ok && ok.report.contextSize === 512 && ok.report.verdict === 'cpu_only');
    const page = answers.get(`${server.url}/page.gguf`)!;
    assert.ok(!page.ok && page.code === 'not_gguf');
    const none = answers.get(join(dir, 'none.gguf'))!;
    assert.ok(!none.ok && none.code === 'not_found');
  });
});
