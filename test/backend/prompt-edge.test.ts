// Fast and safe at the prompt edge, on a GGUF with the real LLM-jp-3 vocabulary: a prompt far beyond the
// context is refused as context_overflow before it is tokenized whole (and ~120k tokens never end in a stack
// overflow), and no request keeps the backend's event loop so busy that another connection's `status` waits
// more than 100 ms. The status pings run in a worker thread with its own connection and event loop, so the
// test's own work (building and parsing megabyte frames) does not count against the backend.
import assert from 'node:assert/strict';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_MESSAGE_BYTES } from '../../protocol/messages.js';
import { makeTinyModelDir, removeTinyModelDir } from '../fixtures/preset-files.js';
import { vocabPresets } from '../fixtures/vocab-presets.js';
import { loadReference, readCorpus, type ReferenceTokenizer } from '../fixtures/tokenizer-reference.js';
import { writeVocabModel } from '../fixtures/vocab-model.js';
import { DEFAULT_COMPLETE_CONTEXT } from '../../backend/engine/lane-layout.js';
import { Client, spawnBackend, TEST_TOKEN, type BackendProcess, type Collected } from './harness.js';

const CONTEXT = 16_384;
const STATUS_BUDGET_MS = 100;
/** Runnable processes per core above which the operating system, not the backend, decides wall-clock waits. */
const OVERLOADED_PER_CORE = 2;

/** A worker that asks for `status` every few milliseconds until told to stop, then reports each wait. */
const PINGER = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require('ws');
const ws = new WebSocket('ws://127.0.0.1:' + workerData.port, { headers: { authorization: 'Bearer ' + workerData.token } });
const waits = [];
let stop = false, n = 0, sentAt = 0;
parentPort.on('message', () => { stop = true; });
const ping = () => {
  if (stop) { ws.close(); parentPort.postMessage(waits); return; }
  sentAt = performance.now();
  ws.send(JSON.stringify({ id: 'p' + (++n), type: 'status' }));
};
ws.on('message', (data) => {
  const ev = JSON.parse(data.toString());
  if (ev.type !== 'done') throw new Error('status failed: ' + data.toString());
  waits.push(performance.now() - sentAt);
  setTimeout(ping, 5);
});
ws.on('open', () => { parentPort.postMessage('ready'); ping(); });
`;

function startPinger(port: number): { ready: Promise<void>; stop(): Promise<number[]> } {
  const worker = new Worker(PINGER, { eval: true, workerData: { port, token: TEST_TOKEN } });
  let report!: (waits: number[]) => void;
  const waits = new Promise<number[]>((resolve) => {
    report = resolve;
  });
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: unknown) => (m === 'ready' ? resolve() : report(m as number[])));
    worker.on('error', reject);
  });
  return {
    ready,
    async stop() {
      worker.postMessage('stop');
      const w = await waits;
      await worker.terminate();
      return w;
    },
  };
}

describe('backend: the prompt edge (overflow, huge requests, event loop)', function () {
  this.timeout(300_000);
  let dir: string;
  let backend: BackendProcess;
  let c: Client;
  let port: number;
  let ref: ReferenceTokenizer;
  /** Japanese and code text of about 120k tokens. */
  let big: string;
  let bigIds: number[];

  before(async () => {
    dir = makeTinyModelDir();
    const options = vocabPresets['llm-jp-3-vocab']();
    const model = writeVocabModel(join(dir, 'llm-jp-3-vocab.gguf'), {
      ...options,
      shape: { ...options.shape, contextLength: CONTEXT },
    });
    backend = spawnBackend(['--model', model.path, '--context-size', String(CONTEXT)], {
      FUDE_BACKEND_TOKEN: TEST_TOKEN,
      NODE_OPTIONS: `--import=${new URL('./loop-monitor.js', import.meta.url).href}`,
    });
    ref = await loadReference('llm-jp-3');
    port = (await backend.ready).port;

    c = await Client.connect(port);
    const base = readCorpus()
      .filter((x) => x.kind !== 'long')
      .map((x) => x.text)
      .join('\n');
    const perCopy = ref.encode(base).length;
    big = Array.from({ length: Math.ceil(120_000 / perCopy) }, () => base).join('\n');
    bigIds = ref.encode(big);
    assert.ok(bigIds.length >= 120_000 && bigIds.length < 131_000, `${bigIds.length} tokens`);
  });
  after(async () => {
    c.close();
    await backend.stop();
    removeTinyModelDir(dir);
  });

  const expectOverflow = (r: Collected, holds = `the context holds ${CONTEXT}`) => {
    assert.equal(r.final.type, 'error', JSON.stringify(r.final).slice(0, 200));
    if (r.final.type !== 'error') return;
    assert.equal(r.final.code, 'context_overflow', r.final.message);
    assert.match(r.final.message, new RegExp(holds));
  };

  it(`refuses ~120k-token chat, documentation and completion prompts as context_overflow (not a stack overflow)`, async () => {
    const started = performance.now();
    expectOverflow(await c.request({ id: 'o1', type: 'chat', messages: [{ role: 'user', content: big }] }));
    expectOverflow(
      await c.request({ id: 'o2', type: 'chat', lane: 'docs', messages: [{ role: 'user', content: big }] }),
    );
    expectOverflow(
      await c.request({ id: 'o3', type: 'complete', prefix: big }),
      `the completion lane holds ${DEFAULT_COMPLETE_CONTEXT}.*--complete-context-size`,
    );
    const ms = performance.now() - started;
    console.log(`      three ~${bigIds.length}-token prompts refused in ${ms.toFixed(0)} ms`);
  });

  it('renders a ~120k-token prompt in full (up to 8 contexts), with exactly the reference ids', async () => {
    const r = await c.request({ id: 'r1', type: 'render', prefix: big });
    assert.equal(r.final.type, 'done', JSON.stringify(r.final).slice(0, 200));
    if (r.final.type !== 'done') return;
    assert.equal(r.final.usage.inputTokens, bigIds.length + 1);
    assert.deepEqual(r.final.render!.tokens, [1, ...bigIds]);
  });

  it("refuses a prompt far beyond even render's limit before tokenizing it", async () => {
    const huge = big.repeat(2);
    const started = performance.now();
    const r = await c.request({ id: 'r2', type: 'render', prefix: huge });
    assert.equal(r.final.type === 'error' && r.final.code, 'context_overflow');
    console.log(`      a ${huge.length}-character render refused in ${(performance.now() - started).toFixed(0)} ms`);
  });

  /** The most CPU time the backend spent in one turn of its event loop since stderr line `from`. */
  function worstLoopCpu(from: number): number {
    const cpu = backend.stderr
      .slice(from)
      .map((l) => /^loop-monitor: wall [\d.]+ cpu ([\d.]+)/.exec(l))
      .filter((m) => m !== null)
      .map((m) => Number(m[1]));
    return cpu.reduce((a, b) => Math.max(a, b), 0);
  }

  async function worstStatusWait(label: string, work: () => Promise<void>): Promise<number> {
    const pinger = startPinger(port);
    await pinger.ready;
    await new Promise((r) => setTimeout(r, 50));
    const from = backend.stderr.length;
    await work();
    await new Promise((r) => setTimeout(r, 50));
    const waits = await pinger.stop();
    const worst = Math.max(...waits);
    const cpu = worstLoopCpu(from);
    waits.sort((a, b) => a - b);
    console.log(
      `      ${label}: ${waits.length} status requests meanwhile, worst ${worst.toFixed(1)} ms, median ${waits[waits.length >> 1].toFixed(1)} ms; longest turn of the backend's event loop: ${cpu.toFixed(1)} ms of CPU`,
    );
    assert.ok(waits.length >= 5, 'status was asked for while the big request ran');
    assert.ok(
      cpu < STATUS_BUDGET_MS,
      `one turn of the backend's event loop took ${cpu.toFixed(1)} ms of CPU during ${label}`,
    );
    return worst;
  }

  /**
   * The worst status wait while `work` runs, best of up to five runs. On a shared machine the operating
   * system can leave either process waiting for a core for tens of milliseconds or more; that only ever adds
   * to a wait, so one run under the budget bounds what the backend itself blocks. Every run also checks the
   * CPU time of the backend's longest event-loop turn (loop-monitor.ts), which the machine's load does not
   * inflate.
   */
  async function bestOfFive(label: string, work: () => Promise<void>): Promise<number> {
    const worsts: number[] = [];
    for (let run = 0; run < 5 && !(worsts.length > 0 && Math.min(...worsts) < STATUS_BUDGET_MS); run++) {
      worsts.push(await worstStatusWait(label, work));
    }
    return Math.min(...worsts);
  }

  it(`keeps another connection's status under ${STATUS_BUDGET_MS} ms during a 4 MB request and a ~120k-token render`, async () => {
    // The largest frame the backend accepts, nearly all of it one user message.
    const filler = big.repeat(Math.ceil(MAX_MESSAGE_BYTES / Buffer.byteLength(big)));
    let content = filler.slice(0, MAX_MESSAGE_BYTES);
    const frame = () => JSON.stringify({ id: 'h1', type: 'chat', messages: [{ role: 'user', content }] });
    while (Buffer.byteLength(frame()) > MAX_MESSAGE_BYTES)
      content = content.slice(0, Math.floor(content.length * 0.97));
    await worstStatusWait('nothing else (baseline)', () => new Promise((r) => setTimeout(r, 1500)));
    const hugeFrame = frame();
    const worstHuge = await bestOfFive(
      `a ${(Buffer.byteLength(hugeFrame) / 1e6).toFixed(1)} MB chat request`,
      async () => {
        expectOverflow(await c.requestFrame('h1', hugeFrame));
      },
    );
    const worstRender = await bestOfFive(`a ${bigIds.length + 1}-token render`, async () => {
      const r = await c.request({ id: 'h2', type: 'render', prefix: big });
      assert.equal(r.final.type, 'done');
    });
    // Wall-clock waits mean something only when the machine can run everything that wants to run; the CPU
    // time of each event-loop turn (checked in every run above) is asserted whatever the load.
    const perCore = loadavg()[0] / cpus().length;
    if (perCore > OVERLOADED_PER_CORE) {
      console.log(
        `      wall-clock waits not asserted: load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (over ${OVERLOADED_PER_CORE} per core)`,
      );
      return;
    }
    assert.ok(
      worstHuge < STATUS_BUDGET_MS,
      `a status request waited ${worstHuge.toFixed(1)} ms during the 4 MB request`,
    );
    assert.ok(worstRender < STATUS_BUDGET_MS, `a status request waited ${worstRender.toFixed(1)} ms during the render`);
  });
});
