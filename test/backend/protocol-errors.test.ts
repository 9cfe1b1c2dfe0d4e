import assert from 'node:assert/strict';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, type BackendProcess } from './harness.js';

describe('backend: bad input gets an error reply and the backend keeps serving', function () {
  this.timeout(60_000);
  let dir: string;
  let backend: BackendProcess;
  let client: Client;

  before(async () => {
    dir = makeTinyModelDir();
    const model = writePresetModel(dir, 'llm-jp-3-1.8b');
    backend = spawnBackend(['--model', model.path, '--queue-limit', '0', '--context-size', '256']);
    client = await Client.connect((await backend.ready).port);
  });
  after(async () => {
    client?.close();
    await backend?.stop();
    removeTinyModelDir(dir);
  });

  const cases: Array<[string, string, string | undefined]> = [
    ['not JSON', '{"id": "1", "type": ', undefined],
    ['a JSON array', '[1,2,3]', undefined],
    ['no id', '{"type":"status"}', 'id'],
    ['a numeric id', '{"id":5,"type":"status"}', 'id'],
    ['an unknown type', '{"id":"u1","type":"explode"}', 'type'],
    ['messages not an array', '{"id":"u2","type":"chat","messages":"hi"}', 'messages'],
    ['an empty messages array', '{"id":"u3","type":"chat","messages":[]}', 'messages'],
    ['a bad role', '{"id":"u4","type":"chat","messages":[{"role":"root","content":"x"}]}', 'messages[0].role'],
    [
      'content not a string',
      '{"id":"u5","type":"chat","messages":[{"role":"user","content":7}]}',
      'messages[0].content',
    ],
    [
      'a string temperature',
      '{"id":"u6","type":"chat","messages":[{"role":"user","content":"x"}],"temperature":"hot"}',
      'temperature',
    ],
    ['a negative maxTokens', '{"id":"u7","type":"complete","prefix":"x","maxTokens":-1}', 'maxTokens'],
    ['prefix missing', '{"id":"u8","type":"complete"}', 'prefix'],
    ['stop not strings', '{"id":"u9","type":"complete","prefix":"x","stop":[1]}', 'stop'],
    ['cancel without target', '{"id":"u10","type":"cancel"}', 'target'],
  ];
  for (const [what, frame, field] of cases) {
    it(`answers ${what} with bad_request${field ? ` naming "${field}"` : ''}`, async () => {
      const ev = await client.raw(frame);
      assert.equal(ev.type, 'error');
      if (ev.type !== 'error') return;
      assert.equal(ev.code, 'bad_request');
      assert.ok(ev.message.length > 10, 'a message a person can act on');
      if (field) assert.equal(ev.field, field);
    });
  }

  it('answers a binary frame with bad_request', async () => {
    const ev = await client.raw(Buffer.from([1, 2, 3]));
    assert.equal(ev.type === 'error' && ev.code, 'bad_request');
  });

  it('answers a prompt larger than the context with context_overflow', async () => {
    const res = await client.request({
      id: 'big',
      type: 'chat',
      messages: [{ role: 'user', content: 'あ'.repeat(200) }],
    });
    assert.equal(res.final.type, 'error');
    assert.equal(res.final.type === 'error' && res.final.code, 'context_overflow');
    assert.match(res.final.type === 'error' ? res.final.message : '', /context/);
  });

  it('answers busy when a lane is working and its queue is full', async () => {
    const first = client.request({ id: 'loop', type: 'complete', prefix: '#', maxTokens: 150 });
    const other = await Client.connect((await backend.ready).port);
    try {
      // A second connection, so the new completion does not supersede the first.
      const second = await other.request({ id: 'second', type: 'complete', prefix: '#', maxTokens: 5 });
      assert.equal(second.final.type === 'error' && second.final.code, 'busy');
    } finally {
      other.close();
    }
    assert.equal((await first).final.type, 'done');
  });

  it('rejects a second request with an id that is still in flight (with id null, so the first is not ended by it)', async () => {
    const finals: string[] = [];
    const done = new Promise<void>((resolve) => {
      client.ws.on('message', function listen(data) {
        const ev = JSON.parse((data as Buffer).toString()) as {
          id: string | null;
          type: string;
          code?: string;
          field?: string;
        };
        if (ev.id === null && ev.field === 'id') return void finals.push(`error:${ev.code} (id null)`);
        if (ev.id !== 'dup' || ev.type === 'chunk') return;
        finals.push(ev.type === 'error' ? `error:${ev.code}` : ev.type);
        if (ev.type === 'done') {
          client.ws.off('message', listen);
          resolve();
        }
      });
    });
    client.ws.send(JSON.stringify({ id: 'dup', type: 'complete', prefix: '#', maxTokens: 100 }));
    client.ws.send(JSON.stringify({ id: 'dup', type: 'status' }));
    await done;
    assert.deepEqual(
      finals,
      ['error:bad_request (id null)', 'done'],
      'the duplicate is refused; the first request still ends normally',
    );
  });

  it('survives a few thousand malformed messages and still answers status', async () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const atoms = [
      '{',
      '}',
      '[',
      ']',
      '"id"',
      '"type"',
      '"chat"',
      '"complete"',
      ':',
      ',',
      'null',
      '1e999',
      '"\\u0000"',
      'true',
      '"messages"',
      '"role"',
      '"\uD800"',
      '-',
      '0',
    ];
    const frames: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rand() * 12);
      frames.push(Array.from({ length: n }, () => atoms[Math.floor(rand() * atoms.length)]).join(''));
    }
    let errors = 0;
    const counter = (data: unknown) => {
      const ev = JSON.parse(String(data)) as { type: string };
      if (ev.type === 'error') errors++;
    };
    client.ws.on('message', counter);
    for (const f of frames) client.ws.send(f);
    const status = await client.request({ id: 'after-fuzz', type: 'status' });
    client.ws.off('message', counter);
    assert.equal(status.final.type, 'done');
    assert.equal(errors, frames.length, 'every malformed frame got exactly one error reply');
    assert.equal(backend.proc.exitCode, null);
  });
});
