// The remote-engine client against a local server replaying vLLM's and llama.cpp's formats and failures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { RemoteEngineError } from '../../../../extension/engine/openai/errors.js';
import {
  OpenAIEngineClient,
  type RemoteEngineSettings,
  type StreamPart,
} from '../../../../extension/engine/openai/openai-engine-client.js';
import {
  startReplayServer,
  tlsFiles,
  TLS_DIR,
  type Flavor,
  type ReplayServer,
} from '../../../fixtures/openai-replay-server.js';

const MODEL = 'llm-jp-3-172b-instruct';
const KEY = 'sk-test-secret-key';
const PIECES = ['こんにちは', '。私は', 'テスト', '用です。'];
const messages = [{ role: 'user' as const, content: 'やあ' }];

interface Collected {
  text: string;
  parts: StreamPart[];
  end?: Extract<StreamPart, { type: 'end' }>;
}

async function collect(stream: AsyncIterable<StreamPart>, onText?: (n: number) => void): Promise<Collected> {
  const parts: StreamPart[] = [];
  let n = 0;
  for await (const p of stream) {
    parts.push(p);
    if (p.type === 'text') onText?.(++n);
  }
  const text = parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
  return { text, parts, end: parts.find((p): p is Extract<StreamPart, { type: 'end' }> => p.type === 'end') };
}

async function failure(stream: AsyncIterable<StreamPart>, onText?: (n: number) => void): Promise<RemoteEngineError> {
  try {
    await collect(stream, onText);
  } catch (e) {
    assert.ok(e instanceof RemoteEngineError, `expected a RemoteEngineError, got ${String(e)}`);
    return e;
  }
  assert.fail('the stream did not fail');
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), 'condition not met in time');
}

for (const flavor of ['vllm', 'llamacpp'] as Flavor[]) {
  describe(`OpenAIEngineClient against a replayed ${flavor} server`, function () {
    this.timeout(10_000);
    let server: ReplayServer;
    let client: OpenAIEngineClient;
    const make = (extra: Partial<RemoteEngineSettings> = {}) =>
      new OpenAIEngineClient({ baseUrl: server.baseUrl, model: MODEL, apiKey: KEY, ...extra });

    before(async () => {
      server = await startReplayServer({ flavor, model: MODEL, apiKey: KEY });
    });
    beforeEach(() => {
      server.requests.length = 0;
      server.closedByClient = 0;
      server.setScenario({ pieces: PIECES });
      client = make();
    });
    afterEach(() => client.dispose());
    after(() => server.close());

    it('lists the served model with what the server says of it', async () => {
      const { models, headersMs } = await client.listModels();
      assert.deepEqual(
        models.map((m) => m.id),
        [MODEL],
      );
      assert.equal(models[0].ownedBy, flavor === 'vllm' ? 'vllm' : 'llamacpp');
      if (flavor === 'vllm') assert.equal(models[0].contextLength, 4096);
      else assert.deepEqual((models[0].raw.meta as { n_ctx_train: number }).n_ctx_train, 4096);
      assert.ok(headersMs >= 0);
      assert.equal(server.requests[0].headers.authorization, `Bearer ${KEY}`);
    });

    it('streams a chat: the role-only first delta adds nothing, usage and latency come at the end', async () => {
      server.setScenario({ pieces: PIECES });
      const r = await collect(
        client.chat({ messages, maxTokens: 64, temperature: 0.7, topP: 0.95, seed: 1, stop: ['\n\n'] }),
      );
      assert.equal(r.text, PIECES.join(''));
      assert.deepEqual(
        r.parts.filter((p) => p.type === 'text').map((p) => (p as { text: string }).text),
        PIECES,
        'no empty text part',
      );
      assert.equal(r.end!.finishReason, 'stop');
      assert.equal(r.end!.text, PIECES.join(''));
      assert.deepEqual(r.end!.usage, { promptTokens: 12, completionTokens: 4 });
      assert.ok(r.end!.latency.firstTokenMs! >= r.end!.latency.headersMs);
      assert.ok(r.end!.latency.totalMs >= r.end!.latency.firstTokenMs!);
      const body = server.requests[0].body!;
      assert.deepEqual(body, {
        messages,
        model: MODEL,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 64,
        temperature: 0.7,
        top_p: 0.95,
        seed: 1,
        stop: ['\n\n'],
      });
      assert.equal(server.requests[0].headers.accept, 'text/event-stream');
    });

    it('reports finish_reason "length"', async () => {
      server.setScenario({ pieces: ['a', 'b'], finishReason: 'length' });
      const r = await collect(client.chat({ messages, maxTokens: 2 }));
      assert.equal(r.end!.finishReason, 'length');
    });

    it('streams a completion from a raw prompt, and sends a suffix only when asked', async () => {
      server.setScenario({ pieces: ['return', ' 42;'] });
      const r = await collect(client.complete({ prompt: 'function f() {\n  ', maxTokens: 16 }));
      assert.equal(r.text, 'return 42;');
      assert.equal(server.requests[0].path, '/v1/completions');
      assert.equal(server.requests[0].body!.suffix, undefined);
      if (flavor === 'vllm') {
        // vLLM's docs: the Completions API does not support `suffix`; it answers 400.
        const e = await failure(client.complete({ prompt: 'a', suffix: '}' }));
        assert.equal(e.code, 'bad_request');
        assert.match(e.message, /suffix/);
      } else {
        const s = await collect(client.complete({ prompt: 'a', suffix: '}' }));
        assert.equal(s.text, 'return 42;');
        assert.equal(server.requests[1].body!.suffix, '}');
      }
    });

    it('reads the same text however the stream is split: bytes, CRLF, CR, comments', async () => {
      for (const variant of [
        { sliceBytes: 1 },
        { sliceBytes: 5 },
        { lineEnding: '\r\n' as const, sliceBytes: 3 },
        { lineEnding: '\r' as const },
        { comments: true, sliceBytes: 2 },
      ]) {
        server.setScenario({ pieces: PIECES, ...variant });
        const r = await collect(client.chat({ messages }));
        assert.equal(r.text, PIECES.join(''), JSON.stringify(variant));
        assert.equal(r.end!.finishReason, 'stop');
      }
    });

    it('takes an answer whose stream ends after its finish reason without [DONE]', async () => {
      server.setScenario({ pieces: PIECES, noDone: true });
      const r = await collect(client.chat({ messages }));
      assert.equal(r.text, PIECES.join(''));
    });

    it('takes a whole JSON answer from a server that ignored stream: true', async () => {
      server.setScenario({ pieces: PIECES, wholeJson: true });
      const r = await collect(client.chat({ messages }));
      assert.equal(r.text, PIECES.join(''));
      assert.deepEqual(r.end!.usage, { promptTokens: 12, completionTokens: 4 });
    });

    it('raises stream_cut with the partial text when the connection dies mid-answer', async () => {
      server.setScenario({ pieces: PIECES, cutAfter: 2 });
      const e = await failure(client.chat({ messages }));
      assert.equal(e.code, 'stream_cut');
      assert.equal(e.partialText, PIECES.slice(0, 2).join(''));
      assert.match(e.message, /cut off/);
    });

    it('raises stream_cut when the stream ends cleanly but without a finish reason or [DONE]', async () => {
      server.setScenario({ pieces: PIECES, endAfter: 3 });
      const e = await failure(client.chat({ messages }));
      assert.equal(e.code, 'stream_cut');
      assert.equal(e.partialText, PIECES.slice(0, 3).join(''));
    });

    it('raises server_error with the partial text on an error event mid-stream', async () => {
      server.setScenario({ pieces: PIECES.slice(0, 2), midStreamError: 'CUDA out of memory', noDone: true });
      const e = await failure(client.chat({ messages }));
      assert.equal(e.code, 'server_error');
      assert.match(e.message, /CUDA out of memory/);
      assert.equal(e.partialText, PIECES.slice(0, 2).join(''));
    });

    it('raises rate_limited on 429 and unavailable on 503, with Retry-After', async () => {
      server.setScenario({ status: 429, retryAfter: '7' });
      const busy = await failure(client.chat({ messages }));
      assert.equal(busy.code, 'rate_limited');
      assert.equal(busy.retryAfterMs, 7000);
      server.setScenario({ status: 503, retryAfter: new Date(Date.now() + 20_000).toUTCString() });
      const down = await failure(client.complete({ prompt: 'x' }));
      assert.equal(down.code, 'unavailable');
      assert.ok(down.retryAfterMs! > 15_000 && down.retryAfterMs! <= 20_000);
      if (flavor === 'llamacpp') assert.match(down.message, /Loading model/);
      server.setScenario({ status: 503 });
      await assert.rejects(
        client.listModels(),
        (e: RemoteEngineError) => e.code === 'unavailable' && e.retryAfterMs === undefined,
      );
    });

    it('raises unauthorized on a wrong key, without showing the key', async () => {
      const wrong = make({ apiKey: 'sk-wrong-secret' });
      try {
        const e = await failure(wrong.chat({ messages }));
        assert.equal(e.code, 'unauthorized');
        assert.equal(e.status, 401);
        assert.ok(!e.message.includes('sk-wrong-secret') && !e.message.includes(KEY));
        // llama.cpp lists its models without a key (a public endpoint there); vLLM guards every /v1 route.
        if (flavor === 'vllm')
          await assert.rejects(wrong.listModels(), (x: RemoteEngineError) => x.code === 'unauthorized');
        else assert.equal((await wrong.listModels()).models.length, 1);
      } finally {
        wrong.dispose();
      }
    });

    it('raises model_not_found for an unknown model and not_found for a base URL without /v1', async () => {
      const other = make({ model: 'llm-jp-3-13b' });
      const e = await failure(other.chat({ messages }));
      other.dispose();
      assert.equal(e.code, 'model_not_found');
      const noV1 = make({ baseUrl: server.baseUrl.replace(/\/v1$/, '') });
      const p = await failure(noV1.chat({ messages }));
      noV1.dispose();
      assert.equal(p.code, 'not_found');
    });

    it('raises timeout (first_token) when the server is slower than the first-token timeout', async () => {
      server.setScenario({ pieces: PIECES, headersDelayMs: 400 });
      const e = await failure(client.chat({ messages, firstTokenTimeoutMs: 100 }));
      assert.equal(e.code, 'timeout');
      assert.equal(e.phase, 'first_token');
      server.setScenario({ pieces: PIECES, firstPieceDelayMs: 400 });
      const f = await failure(client.complete({ prompt: 'x', firstTokenTimeoutMs: 100 }));
      assert.equal(f.phase, 'first_token');
    });

    it('raises timeout (budget) with the partial text when the answer outlasts its budget', async () => {
      // The whole answer would take 1.5 s; the budget ends it after the first piece or two.
      server.setScenario({ pieces: PIECES, betweenMs: 500 });
      const e = await failure(client.complete({ prompt: 'x', budgetMs: 700 }));
      assert.equal(e.code, 'timeout');
      assert.equal(e.phase, 'budget');
      assert.ok(e.partialText && PIECES.join('').startsWith(e.partialText), `partial: ${e.partialText}`);
      await until(() => server.closedByClient === 1);
    });

    it('raises timeout (idle) when the server falls silent mid-answer', async () => {
      const quick = make({ idleTimeoutMs: 100 });
      server.setScenario({ pieces: PIECES, betweenMs: 400 });
      const e = await failure(quick.chat({ messages }));
      quick.dispose();
      assert.equal(e.code, 'timeout');
      assert.equal(e.phase, 'idle');
      assert.equal(e.partialText, PIECES[0]);
    });

    it('cancels by AbortSignal: the connection closes and the partial text is kept', async () => {
      server.setScenario({ pieces: PIECES, betweenMs: 100 });
      const controller = new AbortController();
      const e = await failure(client.chat({ messages, signal: controller.signal }), (n) => {
        if (n === 2) controller.abort();
      });
      assert.equal(e.code, 'cancelled');
      assert.equal(e.partialText, PIECES.slice(0, 2).join(''));
      await until(() => server.closedByClient === 1);
      const already = new AbortController();
      already.abort();
      assert.equal((await failure(client.chat({ messages, signal: already.signal }))).code, 'cancelled');
    });

    it('closes the connection when the consumer stops reading early', async () => {
      server.setScenario({ pieces: PIECES, betweenMs: 100 });
      for await (const p of client.chat({ messages })) if (p.type === 'text') break;
      await until(() => server.closedByClient === 1);
    });
  });
}

describe('OpenAIEngineClient: connection and TLS failures', function () {
  this.timeout(10_000);
  const caPem = readFileSync(`${TLS_DIR}ca.pem`, 'utf8');
  const servers: ReplayServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  async function tlsServer(name: 'server' | 'self-signed' | 'expired'): Promise<ReplayServer> {
    const s = await startReplayServer({ flavor: 'vllm', model: MODEL, tls: tlsFiles(name) });
    servers.push(s);
    return s;
  }

  async function listWith(settings: RemoteEngineSettings): Promise<RemoteEngineError | undefined> {
    const c = new OpenAIEngineClient(settings);
    try {
      await c.listModels();
      return undefined;
    } catch (e) {
      assert.ok(e instanceof RemoteEngineError, String(e));
      return e;
    } finally {
      c.dispose();
    }
  }

  it('refuses a malformed base URL', () => {
    assert.throws(
      () => new OpenAIEngineClient({ baseUrl: 'gpu-node:8000', model: MODEL }),
      (e: RemoteEngineError) => e.code === 'bad_url',
    );
    assert.throws(
      () => new OpenAIEngineClient({ baseUrl: 'ftp://gpu/v1', model: MODEL }),
      (e: RemoteEngineError) => e.code === 'bad_url',
    );
  });

  it('raises unreachable when nothing listens', async () => {
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', () => r()));
    const port = (free.address() as AddressInfo).port;
    await new Promise<void>((r) => free.close(() => r()));
    const e = await listWith({ baseUrl: `http://127.0.0.1:${port}/v1`, model: MODEL });
    assert.equal(e?.code, 'unreachable');
    assert.equal(e?.causeCode, 'ECONNREFUSED');
  });

  it('raises unreachable when the connection does not stand within the connect timeout', async () => {
    // A TCP server that accepts and then says nothing: the TLS handshake never completes.
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const e = await listWith({ baseUrl: `https://127.0.0.1:${port}/v1`, model: MODEL, connectTimeoutMs: 200 });
      assert.equal(e?.code, 'unreachable');
      assert.equal(e?.causeCode, 'ETIMEDOUT');
      assert.ok(Date.now() - started < 2000);
    } finally {
      silent.close();
      silent.unref();
    }
  });

  it('verifies TLS by default: an unknown CA, a self-signed and an expired certificate each fail with their reason', async () => {
    const signed = await tlsServer('server');
    assert.equal((await listWith({ baseUrl: signed.baseUrl, model: MODEL }))?.tls, 'unknown_ca');
    const self = await tlsServer('self-signed');
    const selfError = await listWith({ baseUrl: self.baseUrl, model: MODEL });
    assert.equal(selfError?.code, 'tls');
    assert.equal(selfError?.tls, 'self_signed');
    const expired = await tlsServer('expired');
    assert.equal((await listWith({ baseUrl: expired.baseUrl, model: MODEL, caPem }))?.tls, 'expired');
  });

  it("trusts a custom CA given as the file's contents, and streams over TLS", async () => {
    const signed = await tlsServer('server');
    assert.equal(await listWith({ baseUrl: signed.baseUrl, model: MODEL, caPem }), undefined);
    const c = new OpenAIEngineClient({ baseUrl: signed.baseUrl, model: MODEL, caPem });
    signed.setScenario({ pieces: PIECES });
    const r = await collect(c.chat({ messages }));
    c.dispose();
    assert.equal(r.text, PIECES.join(''));
  });

  it('skips verification only when told to', async () => {
    const self = await tlsServer('self-signed');
    assert.equal(await listWith({ baseUrl: self.baseUrl, model: MODEL, verifyTls: false }), undefined);
  });

  it('says when the scheme is wrong: https to a plain HTTP server, http to a TLS server', async () => {
    const plain = await startReplayServer({ flavor: 'vllm', model: MODEL });
    servers.push(plain);
    const e = await listWith({ baseUrl: plain.baseUrl.replace('http:', 'https:'), model: MODEL });
    assert.equal(e?.code, 'tls');
    assert.equal(e?.tls, 'protocol');
    const tls = await tlsServer('server');
    const f = await listWith({ baseUrl: tls.baseUrl.replace('https:', 'http:'), model: MODEL });
    assert.ok(f && ['bad_response', 'unreachable'].includes(f.code), `${f?.code}: ${f?.message}`);
  });
});
