// The downloader against a real HTTP server on 127.0.0.1 serving a generated GGUF: resume after a drop, after a
// cancel and in a second downloader (as after a restart), every refusal, and nothing half-written under the
// model's name.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadModel, type DownloadEvent, type DownloadOptions } from '../../../backend/models/downloader.js';
import { ModelsError } from '../../../backend/models/errors.js';
import { fileSink, type OpenSink } from '../../../backend/models/file-sink.js';
import { startModelServer, sha256, type ModelServer } from '../../fixtures/model-server.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../../fixtures/preset-files.js';

const FAST = {
  backoffBaseMs: 10,
  backoffMaxMs: 40,
  progressIntervalMs: 0,
  retries: 3,
} satisfies Partial<DownloadOptions>;

function rejectsWith(p: Promise<unknown>, code: string, mentions?: RegExp): Promise<ModelsError> {
  return p.then(
    () => assert.fail(`expected a ${code} error`),
    (e: unknown) => {
      assert.ok(e instanceof ModelsError, `a ModelsError, got ${String(e)}`);
      assert.equal(e.code, code, e.message);
      if (mentions) assert.match(e.message, mentions);
      return e;
    },
  );
}

describe('downloadModel against a local HTTP server', function () {
  this.timeout(30_000);
  let gguf: Buffer;
  let fixtures: string;
  let server: ModelServer;
  let dir: string;
  let events: DownloadEvent[];

  before(() => {
    fixtures = makeTinyModelDir();
    gguf = readFileSync(writePresetModel(fixtures, 'llm-jp-3-1.8b').path);
    assert.ok(gguf.length > 2_000_000, 'a GGUF of a few MB');
  });
  after(() => removeTinyModelDir(fixtures));
  beforeEach(async () => {
    server = await startModelServer();
    dir = mkdtempSync(join(tmpdir(), 'fude-dl-'));
    events = [];
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pull = (path: string, extra: Partial<DownloadOptions> = {}) =>
    downloadModel({
      source: `${server.url}${path}`,
      dir,
      ...FAST,
      onEvent: (e) => events.push(e),
      ...extra,
    });
  const files = () => readdirSync(dir).sort();
  const notices = (kind: string) => events.filter((e) => e.event === 'notice' && e.kind === kind);

  it('downloads an hf: URI through the endpoint and checks it against X-Linked-Etag and X-Linked-Size', async () => {
    server.routes.set('/owner/repo/resolve/main/m.gguf', { data: gguf, hfRedirect: true });
    const r = await downloadModel({
      source: 'hf:owner/repo/m.gguf',
      endpoint: server.url,
      dir,
      ...FAST,
      onEvent: (e) => events.push(e),
    });
    assert.equal(r.path, join(dir, 'm.gguf'));
    assert.equal(r.sha256, sha256(gguf));
    assert.equal(r.checkedAgainst, 'server');
    assert.deepEqual(readFileSync(r.path), gguf);
    assert.deepEqual(files(), ['m.gguf'], 'no .part, .part.json or lock left');
    const start = events.find((e) => e.event === 'start');
    assert.equal(start?.event === 'start' && start.totalBytes, gguf.length);
    assert.equal(start?.event === 'start' && start.expectedSha256, sha256(gguf));
    const last = events.filter((e) => e.event === 'progress').pop();
    assert.equal(last?.event === 'progress' && last.receivedBytes, gguf.length);
  });

  it('sends the token to the endpoint only, never to the host it redirects to', async () => {
    const cdn = await startModelServer({ '/owner/gated/resolve/main/m.gguf': { data: gguf } });
    try {
      server.routes.set('/owner/gated/resolve/main/m.gguf', {
        data: gguf,
        hfRedirect: true,
        token: 'hf_secret',
        cdnOrigin: cdn.origin,
      });
      const r = await downloadModel({
        source: 'hf:owner/gated/m.gguf',
        endpoint: server.url,
        token: 'hf_secret',
        dir,
        ...FAST,
      });
      assert.equal(r.checkedAgainst, 'server');
      assert.equal(server.requests[0].authorization, 'Bearer hf_secret');
      assert.equal(cdn.requests.length, 1);
      assert.equal(cdn.requests[0].authorization, undefined);
    } finally {
      await cdn.close();
    }
  });

  it('asks for a token on 401 and says the token was refused on 403, leaving nothing behind', async () => {
    server.routes.set('/owner/gated/resolve/main/m.gguf', { data: gguf, hfRedirect: true, token: 'hf_right' });
    await rejectsWith(
      downloadModel({ source: 'hf:owner/gated/m.gguf', endpoint: server.url, dir, ...FAST }),
      'auth_required',
      /needs a Hugging Face token/,
    );
    await rejectsWith(
      downloadModel({ source: 'hf:owner/gated/m.gguf', endpoint: server.url, token: 'hf_wrong', dir, ...FAST }),
      'auth_required',
      /token was refused/,
    );
    assert.deepEqual(files(), []);
  });

  it('says 404 plainly', async () => {
    await rejectsWith(pull('/missing.gguf'), 'not_found', /not found \(HTTP 404\)/);
    assert.deepEqual(files(), []);
  });

  it('resumes with a Range request after the connection drops mid-file', async () => {
    server.routes.set('/m.gguf', { data: gguf, dropAfter: 1_000_000 });
    const r = await pull('/m.gguf', { expectedSha256: sha256(gguf) });
    assert.equal(r.sha256, sha256(gguf));
    assert.deepEqual(readFileSync(r.path), gguf);
    const ranges = server.requests.map((q) => q.range);
    assert.equal(ranges[0], undefined);
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(ranges[1] ?? '')?.[1]);
    assert.ok(
      resumedAt >= 900_000 && resumedAt <= 1_000_000,
      `the server saw a Range request from about 1 MB, got ${ranges[1]}`,
    );
    assert.equal(notices('retry').length, 1);
    assert.deepEqual(files(), ['m.gguf']);
  });

  it('refuses a wrong checksum and keeps nothing', async () => {
    server.routes.set('/m.gguf', { data: gguf });
    await rejectsWith(
      pull('/m.gguf', { expectedSha256: 'a'.repeat(64) }),
      'checksum_mismatch',
      /not the expected a{64}/,
    );
    assert.deepEqual(files(), []);
  });

  it('refuses early when the server publishes another SHA-256 than the catalog expects', async () => {
    server.routes.set('/o/r/resolve/main/m.gguf', { data: gguf, hfRedirect: true });
    await rejectsWith(
      downloadModel({ source: 'hf:o/r/m.gguf', endpoint: server.url, dir, expectedSha256: 'b'.repeat(64), ...FAST }),
      'checksum_mismatch',
      /changed at the source/,
    );
    assert.deepEqual(files(), []);
  });

  it('starts again from zero when the server ignores Range, and says so', async () => {
    server.routes.set('/m.gguf', { data: gguf, range: false, dropAfter: 1_000_000 });
    const r = await pull('/m.gguf');
    assert.deepEqual(readFileSync(r.path), gguf);
    assert.equal(r.sha256, sha256(gguf));
    assert.match(server.requests[1].range ?? '', /^bytes=\d+-$/, 'it did ask to resume');
    assert.equal(notices('restart_no_range').length, 1);
    assert.match((notices('restart_no_range')[0] as { message: string }).message, /does not support resuming/);
  });

  it('never saves an HTML page as a model', async () => {
    server.routes.set('/page.gguf', {
      data: Buffer.from('<!DOCTYPE html><html><body>Sign in to continue</body></html>'),
      contentType: 'text/html; charset=utf-8',
    });
    await rejectsWith(pull('/page.gguf'), 'not_gguf', /an HTML page \(content type text\/html/);
    assert.deepEqual(files(), []);
  });

  it('never saves a JSON error as a model, even served as octet-stream', async () => {
    server.routes.set('/err.gguf', { data: Buffer.from('{"error":"Repository not found"}') });
    await rejectsWith(pull('/err.gguf'), 'not_gguf', /a JSON document/);
    assert.deepEqual(files(), []);
  });

  it('waits as long as Retry-After asks on 429, then succeeds', async () => {
    server.routes.set('/m.gguf', { data: gguf, status: 429, statusTimes: 1, retryAfter: '1' });
    const t0 = Date.now();
    await pull('/m.gguf');
    assert.ok(Date.now() - t0 >= 950, 'waited about a second');
    assert.match((notices('retry')[0] as { message: string }).message, /HTTP 429.*as the server asked/);
  });

  it('gives up at once on a Retry-After longer than it may wait, saying when to come back', async () => {
    server.routes.set('/m.gguf', { data: gguf, status: 429, retryAfter: '3600' });
    await rejectsWith(pull('/m.gguf'), 'rate_limited', /asks to wait 3600 s/);
  });

  it('retries 5xx a bounded number of times, then fails as server_error', async () => {
    server.routes.set('/m.gguf', { data: gguf, status: 503, body: 'Service Unavailable' });
    await rejectsWith(
      pull('/m.gguf', { retries: 2 }),
      'server_error',
      /Gave up after 2 retries \(the server failed \(HTTP 503: Service Unavailable\)\)/,
    );
    assert.equal(server.requests.length, 3);
    assert.deepEqual(files(), []);
  });

  it('stops with disk_full when the disk fills up, keeps the part, and resumes from it later', async () => {
    server.routes.set('/m.gguf', { data: gguf });
    let written = 0;
    const fillsUp: OpenSink = async (path, startAt) => {
      const real = await fileSink(path, startAt);
      return {
        ...real,
        async write(chunk) {
          if (written + chunk.length > 1_200_000)
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          written += chunk.length;
          await real.write(chunk);
        },
      };
    };
    const e = await rejectsWith(
      pull('/m.gguf', { openSink: fillsUp }),
      'disk_full',
      /disk filled up.*resumes from there/,
    );
    assert.ok(e.partial && e.partial.bytes > 0 && e.partial.bytes <= 1_200_000);
    assert.equal(statSync(join(dir, 'm.gguf.part')).size, e.partial.bytes);
    assert.ok(!existsSync(join(dir, 'm.gguf')));
    const r = await pull('/m.gguf', { expectedSha256: sha256(gguf) });
    assert.deepEqual(readFileSync(r.path), gguf);
    assert.equal(server.requests.at(-1)?.range, `bytes=${e.partial.bytes}-`);
  });

  it('checks free disk space before writing anything', async () => {
    server.routes.set('/m.gguf', { data: gguf });
    await rejectsWith(
      pull('/m.gguf', { freeBytes: async () => 1000 }),
      'disk_full',
      /Not enough free disk space.*needs 2\.\d MiB more/,
    );
    assert.deepEqual(files(), []);
  });

  it('keeps a resumable part when cancelled, and a second downloader (as after a restart) resumes it', async () => {
    server.routes.set('/m.gguf', { data: gguf, bytesPerTick: 64 * 1024, etag: '"v1"' });
    const controller = new AbortController();
    const first = pull('/m.gguf', {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.event === 'progress' && e.receivedBytes > 500_000) controller.abort();
      },
    });
    const e = await rejectsWith(first, 'cancelled', /kept in .*m\.gguf\.part\. Download again to resume/);
    assert.ok(e.partial && e.partial.bytes > 500_000 && e.partial.bytes < gguf.length);
    assert.deepEqual(files(), ['m.gguf.part', 'm.gguf.part.json'], 'the part and where it comes from, no lock');
    server.routes.get('/m.gguf')!.bytesPerTick = undefined;
    const second = await downloadModel({
      source: `${server.url}/m.gguf`,
      dir,
      ...FAST,
      expectedSha256: sha256(gguf),
      onEvent: (ev) => events.push(ev),
    });
    assert.deepEqual(readFileSync(second.path), gguf);
    const last = server.requests.at(-1)!;
    assert.equal(last.range, `bytes=${e.partial.bytes}-`);
    assert.equal(last.ifRange, '"v1"', 'the validator goes back as If-Range');
    assert.equal(notices('resume').length, 1);
    assert.deepEqual(files(), ['m.gguf']);
  });

  it('starts again from zero when the file changed on the server since the part was written (If-Range)', async () => {
    server.routes.set('/m.gguf', { data: gguf, etag: '"v1"', dropAfter: 800_000, dropTimes: 1 });
    await rejectsWith(pull('/m.gguf', { retries: 0 }), 'network');
    server.routes.set('/m.gguf', { data: gguf, etag: '"v2"' });
    const r = await pull('/m.gguf');
    assert.deepEqual(readFileSync(r.path), gguf);
    assert.equal(notices('restart_changed').length, 1);
  });

  it('does not resume a part that belongs to another URL', async () => {
    writeFileSync(join(dir, 'm.gguf.part'), gguf.subarray(0, 100_000));
    writeFileSync(
      join(dir, 'm.gguf.part.json'),
      JSON.stringify({ version: 1, source: 'x', url: 'http://elsewhere/m.gguf', startedAt: '' }),
    );
    server.routes.set('/m.gguf', { data: gguf });
    const r = await pull('/m.gguf');
    assert.deepEqual(readFileSync(r.path), gguf);
    assert.equal(server.requests[0].range, undefined);
    assert.equal(notices('restart_changed').length, 1);
  });

  it('does not download what is already there and verified', async () => {
    writeFileSync(join(dir, 'm.gguf'), gguf);
    server.routes.set('/m.gguf', { data: gguf });
    const r = await pull('/m.gguf', { expectedSha256: sha256(gguf) });
    assert.equal(r.alreadyPresent, true);
    assert.equal(server.requests.length, 0);
    await rejectsWith(
      pull('/m.gguf', { expectedSha256: 'c'.repeat(64) }),
      'bad_input',
      /already exists and is a different file/,
    );
  });

  it('lets one download of a file run at a time', async () => {
    server.routes.set('/m.gguf', { data: gguf, bytesPerTick: 256 * 1024 });
    let started!: () => void;
    const running = new Promise<void>((r) => {
      started = r;
    });
    const first = pull('/m.gguf', {
      onEvent: (e) => {
        if (e.event === 'start') started();
      },
    });
    await running;
    await rejectsWith(pull('/m.gguf'), 'busy', /already being downloaded/);
    await first;
    assert.deepEqual(files(), ['m.gguf']);
  });

  it('refuses bad input before any request', async () => {
    await rejectsWith(downloadModel({ source: 'ftp://x/m.gguf', dir }), 'bad_input', /Only http\(s\)/);
    await rejectsWith(downloadModel({ source: `${server.url}/notes.txt`, dir }), 'bad_input', /not a \.gguf file/);
    await rejectsWith(
      downloadModel({ source: `${server.url}/m.gguf`, dir, expectedSha256: 'xyz' }),
      'bad_input',
      /not a SHA-256/,
    );
    await rejectsWith(
      downloadModel({ source: 'hf:only-owner/m.gguf', dir }),
      'bad_input',
      /not a Hugging Face file URI/,
    );
    assert.equal(server.requests.length, 0);
  });
});
