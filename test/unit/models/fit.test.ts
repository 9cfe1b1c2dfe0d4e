// The fit check on a local and a served GGUF with real node-llama-cpp: the same numbers as the backend's own
// estimate (setup/resource-plan.ts), read from the header only; and the catalog's memory numbers still match
// that arithmetic.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLlama, LlamaLogLevel, readGgufFileInfo, type Llama } from 'node-llama-cpp';
import { builtInCatalog } from '../../../backend/models/catalog.js';
import { ModelsError } from '../../../backend/models/errors.js';
import { checkFit } from '../../../backend/models/fit.js';
import { fitVerdict } from '../../../backend/models/fit-verdict.js';
import { estimateResources } from '../../../backend/setup/resource-plan.js';
import { contextRamBytes, SHAPES } from '../../../scripts/catalog-memory.js';
import { startModelServer, type ModelServer } from '../../fixtures/model-server.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../../fixtures/preset-files.js';

describe('checkFit with node-llama-cpp', function () {
  this.timeout(60_000);
  let llama: Llama;
  let dir: string;
  let path: string;
  let server: ModelServer;

  before(async () => {
    llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    dir = makeTinyModelDir();
    path = writePresetModel(dir, 'llm-jp-3-1.8b').path;
    server = await startModelServer({ '/o/r/resolve/main/m.gguf': { data: readFileSync(path), hfRedirect: true } });
  });
  after(async () => {
    await server.close();
    removeTinyModelDir(dir);
    await llama.dispose();
  });

  it('gives a local file the backend estimate for 3 sequences at the default context', async () => {
    const r = await checkFit(llama, { target: path });
    const e = await estimateResources(llama, await readGgufFileInfo(path), { gpuLayers: 'auto' });
    assert.equal(r.verdict, 'cpu_only', 'no GPU here: it runs on the CPU only');
    assert.equal(r.gpu, false);
    assert.equal(r.sequences, 3);
    assert.equal(r.contextSize, e.contextSize);
    assert.equal(r.ramNeededBytes, e.ramNeededBytes);
    assert.equal(r.name, 'llm-jp-3-1.8b-instruct');
    assert.equal(r.architecture, 'llama');
    assert.ok(r.ramAvailableBytes > 0);
    assert.match(
      r.summary,
      /^fits on the CPU only \(no GPU found\): RAM .* available; context 2048 × 3 sequences, KV cache q8_0$/,
    );
  });

  it('reads a served file through hf: and the endpoint with range requests, with the same numbers', async () => {
    const local = await checkFit(llama, { target: path, contextSize: 1024 });
    const remote = await checkFit(llama, { target: 'hf:o/r/m.gguf', endpoint: server.url, contextSize: 1024 });
    assert.equal(remote.ramNeededBytes, local.ramNeededBytes);
    assert.equal(remote.contextSize, 1024);
    assert.equal(remote.fileBytes, local.fileBytes);
    const fileReqs = server.requests.filter((q) => q.path.startsWith('/cdn/'));
    assert.ok(
      fileReqs.length >= 2 && fileReqs.every((q) => q.range !== undefined),
      'only range requests reached the file',
    );
  });

  it('states the verdict its own numbers give, for a large context too', async () => {
    const r = await checkFit(llama, { target: path, contextSize: 4096 * 16 });
    assert.equal(r.verdict, fitVerdict(r));
    assert.equal(r.contextSize, 4096 * 16);
    assert.ok(r.ramNeededBytes > (await checkFit(llama, { target: path, contextSize: 1024 })).ramNeededBytes);
  });

  it('refuses what is not a GGUF, and asks for a token on 401', async () => {
    server.routes.set('/page.gguf', { data: Buffer.from('<html><body>login</body></html>'), contentType: 'text/html' });
    server.routes.set('/o/gated/resolve/main/m.gguf', { data: readFileSync(path), hfRedirect: true, token: 't' });
    await assert.rejects(
      checkFit(llama, { target: `${server.url}/page.gguf` }),
      (e: unknown) => e instanceof ModelsError && e.code === 'not_gguf' && /an HTML page/.test(e.message),
    );
    await assert.rejects(
      checkFit(llama, { target: 'hf:o/gated/m.gguf', endpoint: server.url }),
      (e: unknown) => e instanceof ModelsError && e.code === 'auth_required',
    );
    const ok = await checkFit(llama, { target: 'hf:o/gated/m.gguf', endpoint: server.url, token: 't' });
    assert.equal(ok.name, 'llm-jp-3-1.8b-instruct');
  });

  it('keeps the catalog memory numbers equal to this arithmetic (scripts/catalog-memory.ts)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'fude-shape-'));
    try {
      const entry = builtInCatalog().find((e) => e.id === 'llm-jp-3-1.8b-instruct-q4_k_m')!;
      const ctx = await contextRamBytes(llama, tmp, 'llm-jp-3-1.8b', SHAPES['llm-jp-3-1.8b']);
      assert.equal(ctx.contextSize, entry.memory!.contextSize);
      const drift = Math.abs(ctx.bytes - entry.memory!.contextBytes) / entry.memory!.contextBytes;
      assert.ok(
        drift < 0.01,
        `within 1% (node-llama-cpp may change its estimate): ${ctx.bytes} vs ${entry.memory!.contextBytes}; rerun node out/scripts/catalog-memory.js --write`,
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
