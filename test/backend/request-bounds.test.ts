// Bounds on what one client can make the backend do or say: requests in flight per connection, render
// admission, echoes of bad input, the id an error carries, and the log lines a flood of refused connections writes.
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { MAX_REQUESTS_IN_FLIGHT, type ServerEvent } from '../../protocol/messages.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, type BackendProcess } from './harness.js';

/** Room in each lane for one connection's whole allowance, so the per-connection limit is what answers busy. */
const QUEUE_LIMIT = MAX_REQUESTS_IN_FLIGHT + 4;

describe('backend: bounds on one client', function () {
  this.timeout(120_000);
  let dir: string;
  let backend: BackendProcess;
  let port: number;
  let client: Client;

  before(async () => {
    dir = makeTinyModelDir();
    const model = writePresetModel(dir, 'llm-jp-3-1.8b');
    backend = spawnBackend(['--model', model.path, '--context-size', '256', '--queue-limit', String(QUEUE_LIMIT)]);
    port = (await backend.ready).port;
    client = await Client.connect(port);
  });
  after(async () => {
    client?.close();
    await backend?.stop();
    removeTinyModelDir(dir);
  });

  it('echoes at most a short piece of an unknown request type', async () => {
    const type = `x${'y'.repeat(1_000_000)}`;
    const ev = await client.raw(JSON.stringify({ id: 'echo', type }));
    assert.equal(ev.type === 'error' && ev.code, 'bad_request');
    assert.ok(JSON.stringify(ev).length < 500, `the reply is ${JSON.stringify(ev).length} characters`);
    assert.match(ev.type === 'error' ? ev.message : '', /unknown request type "xyyy.*…"/);
  });

  it('refuses a duplicate id with id null and field "id", so the live request is not ended by it', async () => {
    const events: ServerEvent[] = [];
    const listen = (data: WebSocket.RawData) => events.push(JSON.parse((data as Buffer).toString()) as ServerEvent);
    client.ws.on('message', listen);
    const live = client.request({ id: 'live', type: 'complete', prefix: '#', maxTokens: 40 });
    client.ws.send(JSON.stringify({ id: 'live', type: 'status' }));
    client.ws.send(JSON.stringify({ id: 'live', type: 'chat', messages: 'not an array' }));
    const done = await live;
    client.ws.off('message', listen);
    assert.equal(done.final.type, 'done', 'the live request ends normally');
    const refusals = events.filter((e) => e.type === 'error');
    assert.equal(refusals.length, 2, JSON.stringify(refusals));
    for (const r of refusals) {
      assert.equal(r.id, null);
      assert.equal(r.type === 'error' && r.field, 'id');
      assert.match(r.type === 'error' ? r.message : '', /"live" is already in flight/);
    }
    assert.ok(!events.some((e) => e.id === 'live' && e.type === 'error'), 'no error carries the live id');
  });

  it(`answers busy past ${MAX_REQUESTS_IN_FLIGHT} requests in flight on one connection, status included`, async () => {
    const other = await Client.connect(port);
    try {
      // Chat requests on the docs lane wait behind each other; status is answered at once but still counted.
      const results = await Promise.all(
        Array.from({ length: MAX_REQUESTS_IN_FLIGHT + 4 }, (_, i) =>
          i < MAX_REQUESTS_IN_FLIGHT
            ? other.request({
                id: `c${i}`,
                type: 'chat',
                lane: 'docs',
                messages: [{ role: 'user', content: '#' }],
                maxTokens: 30,
              })
            : other.request({ id: `s${i}`, type: 'status' }),
        ),
      );
      const codes = results.map((r) => (r.final.type === 'error' ? r.final.code : 'done'));
      assert.deepEqual(codes.slice(MAX_REQUESTS_IN_FLIGHT), ['busy', 'busy', 'busy', 'busy'], codes.join(' '));
      assert.match(
        results.at(-1)!.final.type === 'error' ? (results.at(-1)!.final as { message: string }).message : '',
        new RegExp(`${MAX_REQUESTS_IN_FLIGHT} requests in flight on this connection`),
      );
    } finally {
      other.close();
    }
  });

  it('queues renders like a lane: one at a time, then "busy" past the queue limit', async () => {
    const small = spawnBackend([
      '--model',
      writePresetModel(dir, 'llm-jp-3-1.8b').path,
      '--context-size',
      '16384',
      '--queue-limit',
      '2',
    ]);
    const others = await Promise.all([0, 1, 2].map(async () => Client.connect((await small.ready).port)));
    try {
      const content = 'abc '.repeat(20_000); // 80,000 tokens (renders count up to 8 contexts): a render takes a hundred milliseconds or more
      const results = await Promise.all(
        others.flatMap((c, k) =>
          [0, 1, 2].map((i) => c.request({ id: `r${k}-${i}`, type: 'render', messages: [{ role: 'user', content }] })),
        ),
      );
      const codes = results.map((r) => (r.final.type === 'error' ? r.final.code : 'done'));
      // One running and two waiting at any time; how many arrive while the first still runs depends on the machine.
      assert.ok(codes.filter((c) => c === 'done').length >= 3, codes.join(' '));
      assert.ok(codes.includes('busy'), codes.join(' '));
      const refusal = results.find((r) => r.final.type === 'error')!.final as { message: string };
      assert.match(refusal.message, /the render lane is busy/);
    } finally {
      for (const c of others) c.close();
      await small.stop();
    }
  });

  it('writes a few log lines, not hundreds, for hundreds of refused connections, with a count', async () => {
    const before = backend.stderr.length;
    const refused = 300;
    await Promise.all(
      Array.from({ length: refused }, async () => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}`, { headers: { authorization: 'Bearer wrong' } });
        await new Promise<void>((resolve) => {
          ws.on('error', () => undefined);
          ws.on('close', () => resolve());
        });
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    const lines = backend.stderr.slice(before).filter((l) => /refused/.test(l));
    assert.ok(lines.length <= 3, `${lines.length} lines:\n${lines.slice(0, 5).join('\n')}`);
    assert.equal((await client.request({ id: 'after-flood', type: 'status' })).final.type, 'done');
  });
});
