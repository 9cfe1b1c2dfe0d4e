import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../../protocol/messages.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, TEST_TOKEN, type BackendProcess } from './harness.js';

/** The raw HTTP answer to an upgrade request, to see the status code without a socket. */
function upgradeStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/',
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', () => resolve(101));
    req.on('response', (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.end();
  });
}

describe('backend: ready line and authentication', function () {
  this.timeout(30_000);
  let dir: string;
  let backend: BackendProcess;
  let port: number;

  before(async () => {
    dir = makeTinyModelDir();
    const model = writePresetModel(dir, 'generic-fim');
    backend = spawnBackend(['--model', model.path]);
    port = (await backend.ready).port;
  });
  after(async () => {
    await backend?.stop();
    removeTinyModelDir(dir);
  });

  it('prints typed loading events, then one ready line, on stdout and nothing else there', async () => {
    await backend.ready;
    const kinds = backend.events.map((e) => (e.event === 'loading' ? `loading:${e.stage}` : e.event));
    assert.deepEqual(kinds.filter((k) => !k.startsWith('loading:model')).concat(), [
      'loading:runtime',
      'loading:context',
      'ready',
    ]);
    assert.ok(kinds.includes('loading:model'), 'the weights stage is announced');
    const first = backend.events[0];
    assert.ok(first.event === 'loading' && first.model.name === 'tiny-coder' && first.model.termsId === null);
  });

  it('prints one ready line with the model facts and no token when the token came from the environment', async () => {
    const ready = await backend.ready;
    assert.equal(ready.event, 'ready');
    assert.equal(ready.host, '127.0.0.1');
    assert.ok(ready.port > 0);
    assert.equal(ready.pid, backend.proc.pid);
    assert.equal(ready.model.name, 'tiny-coder');
    assert.equal(ready.model.family, 'generic');
    assert.equal(ready.model.gpu, false);
    assert.equal(ready.model.gpuLayers, 0);
    assert.equal(ready.model.contextSize, 2048);
    assert.equal(ready.model.fim, true);
    assert.equal(ready.model.termsId, null);
    assert.equal(ready.threads, 1);
    assert.equal(ready.token, undefined);
  });

  it('refuses an upgrade without a token, or with a wrong one, with 401', async () => {
    assert.equal(await upgradeStatus(port, {}), 401);
    assert.equal(await upgradeStatus(port, { authorization: 'Bearer wrong' }), 401);
    assert.equal(await upgradeStatus(port, { authorization: TEST_TOKEN }), 401);
    assert.equal(await upgradeStatus(port, { authorization: `Bearer ${TEST_TOKEN}` }), 101);
  });

  it('refuses any browser page (an Origin header) with 403, even with the token', async () => {
    assert.equal(
      await upgradeStatus(port, { authorization: `Bearer ${TEST_TOKEN}`, origin: 'http://evil.example' }),
      403,
    );
    assert.equal(
      await upgradeStatus(port, { authorization: `Bearer ${TEST_TOKEN}`, origin: 'vscode-webview://abc' }),
      403,
    );
  });

  it('answers plain HTTP with 426 and serves nothing', async () => {
    const status = await new Promise<number>((resolve) => {
      httpRequest({ host: '127.0.0.1', port, path: '/' }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    assert.equal(status, 426);
  });

  it('closes a socket that sends more than the message limit, and keeps serving others', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => undefined);
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    assert.equal(await closed, 1009);
    const client = await Client.connect(port);
    const res = await client.request({ id: 's', type: 'status' });
    assert.equal(res.final.type, 'done');
    client.close();
  });

  it('makes its own token when FUDE_BACKEND_TOKEN is unset, prints it, and requires it', async () => {
    const model = writePresetModel(dir, 'demo');
    const b = spawnBackend(['--model', model.path], { FUDE_BACKEND_TOKEN: undefined });
    try {
      const ready = await b.ready;
      assert.ok(ready.token && ready.token.length >= 32, 'a generated token of at least 32 characters');
      assert.equal(await upgradeStatus(ready.port, { authorization: `Bearer ${TEST_TOKEN}` }), 401);
      const client = await Client.connect(ready.port, ready.token);
      assert.equal((await client.request({ id: 's', type: 'status' })).final.type, 'done');
      client.close();
    } finally {
      await b.stop();
    }
  });
});
