// A client that sends requests and never reads the replies must not grow the backend: replies wait within a
// bound, the backend stops reading that client's requests meanwhile, and other clients are served as usual.
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, type BackendProcess } from './harness.js';
import { clientTextFrame, connectRaw, rssMiB } from './raw-client.js';

const RENDERS = 200;
/** About 715 KB of reply per render on this vocabulary (each character is a byte token): 143 MB in all. */
const CONTENT = 'abc '.repeat(14_000);
/** Growth that still means "bounded": a few replies, kernel buffers aside, plus the allocator's noise. */
const MAX_GROWTH_MIB = 40;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('backend: a client that never reads', function () {
  this.timeout(120_000);
  let dir: string;
  let backend: BackendProcess;
  let port: number;
  let raw: Socket | undefined;

  before(async () => {
    dir = makeTinyModelDir();
    const model = writePresetModel(dir, 'llm-jp-3-1.8b');
    backend = spawnBackend(['--model', model.path, '--context-size', '256']);
    port = (await backend.ready).port;
  });
  after(async () => {
    raw?.destroy();
    await backend?.stop();
    removeTinyModelDir(dir);
  });

  it(`does not grow the backend by more than ${MAX_GROWTH_MIB} MiB over ${RENDERS} renders, and keeps serving others`, async () => {
    // Warm up: the first renders allocate what every render needs.
    const warm = await Client.connect(port);
    for (let i = 0; i < 3; i++)
      await warm.request({ id: `w${i}`, type: 'render', messages: [{ role: 'user', content: CONTENT }] });
    const pid = backend.proc.pid!;
    const before = rssMiB(pid);

    raw = await connectRaw(port);
    for (let i = 0; i < RENDERS; i++) {
      raw.write(
        clientTextFrame(
          JSON.stringify({ id: `r${i}`, type: 'render', messages: [{ role: 'user', content: CONTENT }] }),
        ),
      );
    }
    // Give the backend time to do all it will do for this client (until its memory stops growing for 3 s,
    // at most 90 s), sampling the peak.
    let peak = before;
    let lastGrowth = Date.now();
    for (const started = Date.now(); Date.now() - started < 90_000 && Date.now() - lastGrowth < 3000;) {
      await sleep(250);
      const now = rssMiB(pid);
      if (now > peak + 1) lastGrowth = Date.now();
      peak = Math.max(peak, now);
    }
    const status = await warm.request({ id: 'still-serving', type: 'status' });
    assert.equal(status.final.type, 'done', 'another client is still served');
    warm.close();
    console.log(
      `      RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB with ${RENDERS} unread renders (+${(peak - before).toFixed(0)} MiB)`,
    );
    assert.ok(peak - before < MAX_GROWTH_MIB, `grew by ${(peak - before).toFixed(0)} MiB`);
  });
});
