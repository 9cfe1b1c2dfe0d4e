// The editor's remote-engine client against a real server: Fude's own backend speaking the OpenAI API.
import assert from 'node:assert/strict';
import { RemoteEngineError } from '../../extension/engine/openai/errors.js';
import { OpenAIEngineClient, type StreamPart } from '../../extension/engine/openai/openai-engine-client.js';
import { LLM_JP_ANSWER, LOOP_TEXT } from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, TEST_TOKEN, type BackendProcess } from './harness.js';

const MODEL = 'llm-jp-3-172b-beta1-instruct';

async function collect(stream: AsyncIterable<StreamPart>, onText?: (n: number) => void) {
  let text = '';
  let n = 0;
  let end: Extract<StreamPart, { type: 'end' }> | undefined;
  for await (const p of stream) {
    if (p.type === 'text') {
      text += p.text;
      onText?.(++n);
    } else end = p;
  }
  return { text, end: end! };
}

async function failure(stream: AsyncIterable<StreamPart>, onText?: (n: number) => void): Promise<RemoteEngineError> {
  try {
    await collect(stream, onText);
  } catch (e) {
    assert.ok(e instanceof RemoteEngineError, String(e));
    return e;
  }
  assert.fail('the stream did not fail');
}

describe("backend: the remote-engine client against Fude's own OpenAI API", function () {
  this.timeout(60_000);
  let dir: string;
  let backend: BackendProcess;
  let ws: Client;
  let client: OpenAIEngineClient;
  let baseUrl: string;

  async function settled(): Promise<{ inFlight: number; inUse: number }> {
    const deadline = Date.now() + 3000;
    for (;;) {
      const res = await ws.request({ id: `st-${Math.random()}`, type: 'status' });
      const s = res.final.type === 'done' ? res.final.status! : undefined;
      const now = { inFlight: s!.requestsInFlight - 1, inUse: s!.sequences.inUse };
      if ((now.inFlight === 0 && now.inUse === 0) || Date.now() > deadline) return now;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  before(async () => {
    dir = makeTinyModelDir();
    // The 172B's name, served by a backend started with its terms accepted, as a remote user would run it.
    const model = writePresetModel(dir, 'llm-jp-3-172b');
    backend = spawnBackend(['--model', model.path, '--queue-limit', '0', '--accept-terms', 'llm-jp-3-172b-beta1']);
    const ready = await backend.ready;
    baseUrl = `http://127.0.0.1:${ready.port}/v1`;
    ws = await Client.connect(ready.port);
    client = new OpenAIEngineClient({ baseUrl, model: MODEL, apiKey: TEST_TOKEN });
  });
  after(async () => {
    client?.dispose();
    ws?.close();
    await backend?.stop();
    removeTinyModelDir(dir);
  });

  it("lists the model with Fude's metadata: family, terms and context", async () => {
    const { models } = await client.listModels();
    assert.deepEqual(
      models.map((m) => m.id),
      [MODEL],
    );
    assert.equal(models[0].contextLength, 2048);
    assert.deepEqual(models[0].raw.fude, {
      family: 'llm-jp-3',
      termsId: 'llm-jp-3-172b-beta1',
      fim: false,
      contextSize: 2048,
    });
  });

  it('streams a chat with usage, finish reason and latency', async () => {
    const { text, end } = await collect(client.chat({ messages: [{ role: 'user', content: 'こんにちは' }] }));
    assert.equal(text, LLM_JP_ANSWER);
    assert.equal(end.finishReason, 'stop');
    assert.ok(end.usage!.promptTokens > 5 && end.usage!.completionTokens > 5);
    assert.ok(end.latency.firstTokenMs! >= end.latency.headersMs && end.latency.totalMs >= end.latency.firstTokenMs!);
  });

  it('streams a completion that stops at the suffix, and one that ends at its token budget', async () => {
    const filled = await collect(client.complete({ prompt: 'f(', suffix: '\n  c。\nmore' }));
    assert.equal(filled.text, 'ab');
    const long = await collect(client.complete({ prompt: 'x#', maxTokens: 5 }));
    assert.equal(long.end.finishReason, 'length');
    assert.equal(long.end.usage!.completionTokens, 5);
  });

  it("raises unauthorized, model_not_found and rate_limited (with Retry-After) from the backend's answers", async () => {
    const wrong = new OpenAIEngineClient({ baseUrl, model: MODEL, apiKey: 'nope' });
    assert.equal((await failure(wrong.chat({ messages: [{ role: 'user', content: 'x' }] }))).code, 'unauthorized');
    wrong.dispose();
    const other = new OpenAIEngineClient({ baseUrl, model: 'llm-jp-3-13b-instruct', apiKey: TEST_TOKEN });
    assert.equal((await failure(other.chat({ messages: [{ role: 'user', content: 'x' }] }))).code, 'model_not_found');
    other.dispose();

    const controller = new AbortController();
    const busyStream = client.complete({ prompt: 'x#', maxTokens: 100_000, signal: controller.signal });
    const busy = busyStream[Symbol.asyncIterator]();
    await busy.next();
    const refused = await failure(client.complete({ prompt: 'f(' }));
    assert.equal(refused.code, 'rate_limited');
    assert.equal(refused.retryAfterMs, 1000);
    controller.abort();
    // Text already received before the abort may still come out first; then the stream ends as cancelled.
    await assert.rejects(
      async () => {
        for (;;) if ((await busy.next()).done === true) return;
      },
      (e: RemoteEngineError) => e.code === 'cancelled',
    );
    assert.deepEqual(await settled(), { inFlight: 0, inUse: 0 });
  });

  it('cancels by AbortSignal: the backend stops generating, and the partial text is kept', async () => {
    const controller = new AbortController();
    const e = await failure(client.complete({ prompt: 'y#', maxTokens: 100_000, signal: controller.signal }), (n) => {
      if (n === 3) controller.abort();
    });
    assert.equal(e.code, 'cancelled');
    assert.ok(e.partialText!.length > 0 && LOOP_TEXT.repeat(10).startsWith(e.partialText!));
    assert.deepEqual(await settled(), { inFlight: 0, inUse: 0 }, 'no request in flight, no sequence generating');
  });

  it('ends an answer slower than its budget with timeout, and the backend stops it too', async () => {
    const e = await failure(client.complete({ prompt: 'z#', maxTokens: 100_000, budgetMs: 300 }));
    assert.equal(e.code, 'timeout');
    assert.equal(e.phase, 'budget');
    assert.ok(e.partialText!.length > 0);
    assert.deepEqual(await settled(), { inFlight: 0, inUse: 0 });
  });
});
