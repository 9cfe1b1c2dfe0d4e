// The remote engine against a local server replaying vLLM's and llama.cpp's OpenAI-compatible APIs: what its
// check publishes (model facts, latency, every failure as a typed code with parameters), chat and completion
// requests as the server receives them, failures mid-request (rate limits, a cut stream, a slow server, a lost
// server), cancellation, and the terms gate failing closed in the engine itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { CompletionEngine } from '../../../../extension/completion/engine.js';
import { EngineGenerate } from '../../../../extension/completion/engine-generate.js';
import { EngineError } from '../../../../extension/engine/engine-error.js';
import { ModelStatus, type ModelState } from '../../../../extension/engine/model-status.js';
import { RemoteEngine, redactKey, type RemoteConfig } from '../../../../extension/engine/openai/remote-engine.js';
import { streamAnswer } from '../../../../extension/engine/stream-answer.js';
import type { TextStream } from '../../../../extension/engine/text-stream.js';
import {
  startReplayServer,
  tlsFiles,
  TLS_DIR,
  type Flavor,
  type ReplayServer,
} from '../../../fixtures/openai-replay-server.js';

const MODEL = 'llm-jp-3-13b-instruct';
const KEY = 'sk-test-remote-key-0123';
const PIECES = ['こんにちは', '。私は', 'テスト', '用です。'];
const messages = [{ role: 'user' as const, content: 'やあ' }];

interface Made {
  engine: RemoteEngine;
  status: ModelStatus;
  logs: string[];
  accepted: Set<string>;
}

function make(baseUrl: string, over: Partial<RemoteConfig> = {}, accepted: string[] = []): Made {
  const status = new ModelStatus({ engine: 'openai', isDemo: false, configuredName: over.model ?? MODEL });
  const logs: string[] = [];
  const acceptedSet = new Set(accepted);
  const engine = new RemoteEngine({
    status,
    config: async () => ({ baseUrl, model: MODEL, apiKey: KEY, contextSize: 2048, ...over }),
    termsAccepted: (id) => acceptedSet.has(id),
    log: (line) => logs.push(line),
  });
  return { engine, status, logs, accepted: acceptedSet };
}

async function failedStart(m: Made): Promise<ModelState> {
  await assert.rejects(m.engine.start(), (e: EngineError) => e.code === 'not_connected');
  assert.equal(m.status.current.phase, 'failed');
  return m.status.current;
}

/** Reads a stream to its end: the chunks that arrived, and how it ended. */
async function drain(stream: TextStream): Promise<{ chunks: string[]; error?: EngineError }> {
  const chunks: string[] = [];
  try {
    for await (const c of stream) chunks.push(c);
    await stream.done;
    return { chunks };
  } catch (e) {
    return { chunks, error: e as EngineError };
  }
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), 'condition not met in time');
}

const posts = (server: ReplayServer) => server.requests.filter((r) => r.method === 'POST');

for (const flavor of ['vllm', 'llamacpp'] as Flavor[]) {
  describe(`RemoteEngine against a replayed ${flavor} server`, function () {
    this.timeout(15_000);
    let server: ReplayServer;
    let m: Made;

    before(async () => {
      server = await startReplayServer({ flavor, model: MODEL, apiKey: KEY });
    });
    beforeEach(() => {
      server.requests.length = 0;
      server.closedByClient = 0;
      server.setScenario({ pieces: PIECES });
      m = make(server.baseUrl);
    });
    afterEach(() => m.engine.dispose());
    after(() => server.close());

    it('checks the server and publishes the model: id, family, context from the server, measured latency', async () => {
      await m.engine.start();
      const s = m.status.current;
      assert.equal(s.phase, 'ready');
      assert.equal(s.engine, 'openai');
      assert.equal(s.server, new URL(server.baseUrl).origin);
      const model = s.model!;
      assert.equal(model.name, MODEL);
      assert.equal(model.family, 'llm-jp-3');
      assert.equal(model.termsId, null, 'LLM-jp-3 13B is Apache-2.0');
      assert.equal(model.fim, false);
      // vLLM's max_model_len in /v1/models; llama.cpp's n_ctx in /props (not n_ctx_train from /v1/models).
      assert.equal(model.contextSize, flavor === 'vllm' ? 4096 : 8192);
      assert.equal(model.remote!.contextFrom, 'server');
      assert.equal(model.remote!.software, flavor);
      assert.equal(model.remote!.baseUrl, server.baseUrl);
      assert.ok(model.remote!.latencyMs >= 0);
      assert.ok(s.readyKey);
      assert.equal(server.requests[0].path, '/v1/models');
      assert.deepEqual(await m.engine.count({ texts: ['a'] }), undefined, 'a remote server does not count for Fude');
      const asked = server.requests.length;
      assert.equal(
        await m.engine.prefill({ prefix: 'const a = ' }),
        undefined,
        'no completion cache to warm on a remote server',
      );
      assert.equal(server.requests.length, asked, 'a prefill sends nothing to the server');
      const details = await m.engine.details();
      assert.equal(details.server!.baseUrl, server.baseUrl);
      assert.equal(details.server!.model, MODEL);
      assert.ok(details.server!.latencyMs! >= 0);
    });

    it("streams a chat as plain messages with the family's sampling defaults", async () => {
      await m.engine.start();
      const stream = m.engine.chat({
        messages: [{ role: 'system', content: 'あなたは助手です。' }, ...messages],
        lane: 'docs',
      });
      assert.equal(await stream.text(), PIECES.join(''));
      const end = await stream.done;
      assert.equal(end.stopReason, 'eos');
      assert.equal(end.usage.inputTokens, 12);
      assert.equal(end.usage.outputTokens, PIECES.length);
      assert.ok(end.timings.totalMs >= end.timings.firstTokenMs);
      const body = posts(server)[0].body!;
      assert.equal(posts(server)[0].path, '/v1/chat/completions');
      assert.deepEqual(body.messages, [
        { role: 'system', content: 'あなたは助手です。' },
        { role: 'user', content: 'やあ' },
      ]);
      assert.equal(body.model, MODEL);
      assert.equal(body.stream, true);
      // LLM-jp-3's model card: temperature 0.7, top-p 0.95; answers up to 1024 tokens as the local backend.
      assert.equal(body.temperature, 0.7);
      assert.equal(body.top_p, 0.95);
      assert.equal(body.max_tokens, 1024);
      assert.equal(posts(server)[0].headers.authorization, `Bearer ${KEY}`);
    });

    it("asks for a completion with the raw prefix, no suffix, stopping at the suffix's first line, greedily", async () => {
      await m.engine.start();
      server.setScenario({ pieces: ['for (const x of xs) ', 'total += x;'], finishReason: 'length' });
      const stream = m.engine.complete({
        prefix: 'function sum(xs) {\n  let total = 0;\n  ',
        suffix: '\n  return total;\n}\n',
        maxTokens: 64,
        stop: ['\n\n'],
      });
      assert.equal(await stream.text(), 'for (const x of xs) total += x;');
      const end = await stream.done;
      assert.equal(end.stopReason, 'maxTokens', 'finish_reason "length"');
      assert.equal(end.mode, 'prefix');
      const r = posts(server)[0];
      assert.equal(r.path, '/v1/completions');
      assert.equal(r.body!.prompt, 'function sum(xs) {\n  let total = 0;\n  ');
      assert.equal('suffix' in r.body!, false, 'vLLM refuses suffix and llama.cpp ignores it');
      // As the local backend does without FIM: stop where the text runs into the suffix's first line.
      assert.deepEqual(r.body!.stop, ['\n\n', 'return total;']);
      assert.equal(r.body!.temperature, 0);
      assert.equal(r.body!.max_tokens, 64);
    });

    it('fails a wrong key as unauthorized at the check, with the status and without the key anywhere', async () => {
      const wrong = make(server.baseUrl, { apiKey: 'sk-wrong-secret-key-987' });
      try {
        const s = await failedStart(wrong);
        assert.equal(s.failure!.code, 'unauthorized');
        assert.equal(s.failure!.params.status, 401);
        assert.equal(s.failure!.params.server, new URL(server.baseUrl).origin);
        // llama.cpp lists models without a key: the check finds the wrong key on /props instead.
        if (flavor === 'llamacpp')
          assert.deepEqual(
            server.requests.map((r) => r.path),
            ['/v1/models', '/props'],
          );
        const everything = JSON.stringify(s) + wrong.logs.join('\n');
        assert.ok(!everything.includes('sk-wrong-secret-key-987') && !everything.includes(KEY));
      } finally {
        await wrong.engine.dispose();
      }
    });

    it('fails an unknown model id, listing what the server serves; an empty id takes the only model', async () => {
      const other = make(server.baseUrl, { model: 'llm-jp-3-172b-instruct3' });
      const s = await failedStart(other);
      assert.equal(s.failure!.code, 'unknown_model');
      assert.deepEqual(s.failure!.params.available, [MODEL]);
      assert.equal(s.failure!.params.model, 'llm-jp-3-172b-instruct3');
      const any = make(server.baseUrl, { model: '' });
      await any.engine.start();
      assert.equal(any.status.current.model!.name, MODEL);
      await any.engine.dispose();
    });

    it('fails a server that is loading or overloaded at the check (503 with Retry-After)', async () => {
      server.setScenario({ status: 503, retryAfter: '12' });
      const s = await failedStart(m);
      assert.equal(s.failure!.code, 'remote_unavailable');
      assert.equal(s.failure!.params.retryAfterMs, 12_000);
      assert.equal(s.failure!.params.status, 503);
    });

    it('ends a chat with rate_limited and the Retry-After on 429 and 503, the server still in use', async () => {
      await m.engine.start();
      server.setScenario({ status: 429, retryAfter: '7' });
      const busy = await drain(m.engine.chat({ messages }));
      assert.equal(busy.error!.code, 'rate_limited');
      assert.equal(busy.error!.retryAfterMs, 7000);
      server.setScenario({ status: 503, retryAfter: '3' });
      const loading = await drain(m.engine.chat({ messages }));
      assert.equal(loading.error!.code, 'rate_limited');
      assert.equal(loading.error!.retryAfterMs, 3000);
      assert.equal(m.status.current.phase, 'ready');
    });

    it('keeps the text of a stream cut mid-answer, and says it was cut', async () => {
      await m.engine.start();
      server.setScenario({ pieces: PIECES, cutAfter: 2 });
      const outcome = await streamAnswer(m.engine, { messages }, new AbortController().signal);
      assert.equal(outcome.kind, 'error');
      assert.equal(outcome.kind === 'error' && outcome.code, 'cut');
      assert.equal(outcome.text, PIECES.slice(0, 2).join(''));
      assert.equal(m.status.current.phase, 'ready', 'one cut answer does not take the server out of use');
    });

    it('closes the connection when the caller aborts, and the request ends as cancelled', async () => {
      await m.engine.start();
      server.setScenario({ pieces: ['a', 'b', 'c', 'd', 'e', 'f'], betweenMs: 150 });
      const controller = new AbortController();
      const stream = m.engine.chat({ messages }, controller.signal);
      const seen: string[] = [];
      const done = (async () => {
        try {
          for await (const c of stream) {
            seen.push(c);
            if (seen.length === 2) controller.abort();
          }
        } catch (e) {
          return e as EngineError;
        }
        return undefined;
      })();
      const error = await done;
      assert.equal(error?.code, 'cancelled');
      assert.deepEqual(seen, ['a', 'b']);
      await until(() => server.closedByClient === 1);
      await until(() => m.status.current.inFlight === 0);
    });

    it('gives up on a server slower than the completion budget and closes its connection', async () => {
      await m.engine.start();
      server.setScenario({ pieces: ['x'], firstPieceDelayMs: 1500 });
      const generate = new EngineGenerate(() => m.engine);
      const completion = new CompletionEngine({
        generate: generate.generate,
        budget: { firstTextMs: 300, generateMs: 1000, maxTokens: 32 },
      });
      const started = Date.now();
      const result = await completion.complete({ document: 'a.ts', prefix: 'const x = ', suffix: '' });
      assert.equal(result.end, 'timeout');
      assert.equal(result.text, '');
      assert.ok(Date.now() - started < 1200, 'the budget, not the server, decided');
      await until(() => server.closedByClient === 1);
      completion.dispose();
    });

    it('refuses to send without a check, and after stop; stop ends a request in flight keeping its text', async () => {
      const early = await drain(m.engine.chat({ messages }));
      assert.equal(early.error!.code, 'not_connected');
      assert.equal(posts(server).length, 0);
      await m.engine.start();
      server.setScenario({ pieces: ['一', '二', '三', '四'], betweenMs: 200 });
      const stream = m.engine.chat({ messages });
      const reading = drain(stream);
      await until(() => m.status.current.inFlight === 1);
      await new Promise((r) => setTimeout(r, 250));
      await m.engine.stop();
      const r = await reading;
      assert.equal(r.error!.code, 'not_connected');
      assert.ok(r.chunks.length >= 1 && r.chunks.length < 4, `kept what arrived: ${r.chunks.join('')}`);
      assert.equal(m.status.current.phase, 'stopped');
      assert.equal(m.status.current.inFlight, 0);
      await until(() => server.closedByClient === 1);
    });
  });
}

describe('RemoteEngine: failures of the connection and of TLS', function () {
  this.timeout(15_000);

  it('fails an unreachable server with the code, the server and no hang', async () => {
    const port = await closedPort();
    const m = make(`http://127.0.0.1:${port}/v1`);
    const s = await failedStart(m);
    assert.equal(s.failure!.code, 'unreachable');
    assert.equal(s.failure!.params.server, `http://127.0.0.1:${port}`);
    await m.engine.dispose();
  });

  it('fails a base URL that is not one, and names the setting', async () => {
    const m = make('gpu-node:8000/v1');
    const s = await failedStart(m);
    assert.equal(s.failure!.code, 'bad_remote_settings');
    assert.equal(s.failure!.params.option, 'fude.engine.baseUrl');
  });

  it('marks the server failed when it goes away between requests, and checks it again on the next start', async () => {
    const server = await startReplayServer({ flavor: 'vllm', model: MODEL, apiKey: KEY });
    const m = make(server.baseUrl);
    await m.engine.start();
    await server.close();
    const r = await drain(m.engine.chat({ messages }));
    assert.equal(r.error!.code, 'unreachable');
    assert.equal(m.status.current.phase, 'failed');
    assert.equal(m.status.current.failure!.code, 'unreachable');
    await assert.rejects(m.engine.start());
    await m.engine.dispose();
  });

  it('refuses a self-signed certificate (verification is on), naming the problem', async () => {
    const server = await startReplayServer({ flavor: 'vllm', model: MODEL, tls: tlsFiles('self-signed') });
    const m = make(server.baseUrl);
    try {
      const s = await failedStart(m);
      assert.equal(s.failure!.code, 'tls');
      assert.equal(s.failure!.params.tls, 'self_signed');
    } finally {
      await m.engine.dispose();
      await server.close();
    }
  });

  it('refuses a certificate from an unknown CA, and accepts it once that CA is the custom CA', async () => {
    const server = await startReplayServer({ flavor: 'vllm', model: MODEL, apiKey: KEY, tls: tlsFiles('server') });
    const without = make(server.baseUrl);
    const withCa = make(server.baseUrl, { caPem: readFileSync(`${TLS_DIR}ca.pem`, 'utf8') });
    try {
      const s = await failedStart(without);
      assert.equal(s.failure!.code, 'tls');
      assert.equal(s.failure!.params.tls, 'unknown_ca');
      await withCa.engine.start();
      assert.equal(withCa.status.current.phase, 'ready');
      assert.equal(await withCa.engine.chat({ messages }).text(), 'こんにちは。');
    } finally {
      await without.engine.dispose();
      await withCa.engine.dispose();
      await server.close();
    }
  });

  it('refuses an expired certificate even from the trusted CA', async () => {
    const server = await startReplayServer({ flavor: 'vllm', model: MODEL, tls: tlsFiles('expired') });
    const m = make(server.baseUrl, { caPem: readFileSync(`${TLS_DIR}ca.pem`, 'utf8') });
    try {
      const s = await failedStart(m);
      assert.equal(s.failure!.code, 'tls');
      assert.equal(s.failure!.params.tls, 'expired');
    } finally {
      await m.engine.dispose();
      await server.close();
    }
  });

  it('removes the key from what a server echoes back in an error', async () => {
    const server = await startReplayServer({ flavor: 'vllm', model: MODEL, apiKey: KEY });
    const m = make(server.baseUrl);
    try {
      await m.engine.start();
      server.setScenario({
        status: 400,
        errorBody: {
          error: {
            message: `bad header Authorization: Bearer ${KEY}; key ${KEY}`,
            type: 'BadRequestError',
            param: null,
            code: 400,
          },
        },
      });
      const r = await drain(m.engine.chat({ messages }));
      assert.equal(r.error!.code, 'bad_request');
      assert.ok(!r.error!.message.includes(KEY), r.error!.message);
      assert.match(r.error!.message, /\[redacted\]/);
    } finally {
      await m.engine.dispose();
      await server.close();
    }
  });

  it("reads a context overflow from the server's 400 as context_overflow", async () => {
    const server = await startReplayServer({ flavor: 'vllm', model: MODEL });
    const m = make(server.baseUrl);
    try {
      await m.engine.start();
      server.setScenario({
        status: 400,
        errorBody: {
          object: 'error',
          message: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.",
          type: 'BadRequestError',
          param: null,
          code: 400,
        },
      });
      assert.equal((await drain(m.engine.chat({ messages }))).error!.code, 'context_overflow');
    } finally {
      await m.engine.dispose();
      await server.close();
    }
  });
});

describe('RemoteEngine: the terms follow the model', function () {
  this.timeout(15_000);
  const BETA1 = 'llm-jp-3-172b-beta1';

  it('needs the 172B beta1 terms for a vLLM model with that id: no acceptance, nothing sent', async () => {
    const server = await startReplayServer({ flavor: 'vllm', model: 'llm-jp-3-172b-beta1-instruct', apiKey: KEY });
    const m = make(server.baseUrl, { model: 'llm-jp-3-172b-beta1-instruct' });
    try {
      const s = await failedStart(m);
      assert.equal(s.failure!.code, 'terms_not_accepted');
      assert.equal(s.failure!.params.termsId, BETA1);
      assert.deepEqual(
        server.requests.map((r) => r.path),
        ['/v1/models'],
        'only the check reached the server',
      );
      m.accepted.add(BETA1);
      await m.engine.restart();
      assert.equal(m.status.current.phase, 'ready');
      assert.equal(m.status.current.model!.termsId, BETA1);
      assert.equal(await m.engine.chat({ messages }).text(), 'こんにちは。');
      // Revoked while the server is in use: the engine itself refuses, whatever the caller checked.
      m.accepted.delete(BETA1);
      const before = posts(server).length;
      const refused = await drain(m.engine.chat({ messages }));
      assert.equal(refused.error!.code, 'terms_not_accepted');
      assert.equal((await drain(m.engine.complete({ prefix: 'x' }))).error!.code, 'terms_not_accepted');
      assert.equal(posts(server).length, before, 'nothing was sent');
    } finally {
      await m.engine.dispose();
      await server.close();
    }
  });

  it("finds the terms under vLLM's root when the served name hides them", async () => {
    const server = await startReplayServer({
      flavor: 'vllm',
      model: 'team-model',
      root: 'llm-jp/llm-jp-3-172b-beta1-instruct',
    });
    const m = make(server.baseUrl, { model: 'team-model' });
    try {
      const s = await failedStart(m);
      assert.equal(s.failure!.code, 'terms_not_accepted');
      assert.equal(s.failure!.params.termsId, BETA1);
    } finally {
      await m.engine.dispose();
      await server.close();
    }
  });

  it("finds the terms in llama.cpp's model path, and the Fugaku-LLM terms by id", async () => {
    const llama = await startReplayServer({
      flavor: 'llamacpp',
      model: 'model',
      modelPath: '/models/llm-jp-3-172b-beta1-instruct-Q4_K_M.gguf',
    });
    const fugaku = await startReplayServer({ flavor: 'vllm', model: 'Fugaku-LLM-13B-instruct' });
    const a = make(llama.baseUrl, { model: 'model' });
    const b = make(fugaku.baseUrl, { model: 'Fugaku-LLM-13B-instruct' });
    try {
      assert.equal((await failedStart(a)).failure!.params.termsId, BETA1);
      const s = await failedStart(b);
      assert.equal(s.failure!.params.termsId, 'fugaku-llm');
      b.accepted.add('fugaku-llm');
      await b.engine.start();
      assert.equal(b.status.current.model!.family, 'fugaku-llm');
      // Fugaku-LLM's card: temperature 0.1, top-p 1.0.
      await b.engine.chat({ messages }).text();
      assert.equal(posts(fugaku)[0].body!.temperature, 0.1);
      assert.equal(posts(fugaku)[0].body!.top_p, 1);
    } finally {
      await a.engine.dispose();
      await b.engine.dispose();
      await llama.close();
      await fugaku.close();
    }
  });

  it('warns about 172B releases whose terms Fude does not hold', async () => {
    const server = await startReplayServer({ flavor: 'vllm', model: 'llm-jp-3-172b-instruct3' });
    const m = make(server.baseUrl, { model: 'llm-jp-3-172b-instruct3' });
    try {
      await m.engine.start();
      assert.equal(m.status.current.model!.termsId, null);
      assert.match(m.status.current.warnings.join(' '), /own terms/);
    } finally {
      await m.engine.dispose();
      await server.close();
    }
  });
});

describe('redactKey', () => {
  it('removes the key and any bearer credential', () => {
    assert.equal(
      redactKey('key sk-abc123 and Bearer other-token.', 'sk-abc123'),
      'key [redacted] and Bearer [redacted]',
    );
    assert.equal(redactKey('nothing here', undefined), 'nothing here');
  });
});
