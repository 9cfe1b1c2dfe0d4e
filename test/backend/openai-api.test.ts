// The official `openai` npm client against the real fude-backend process: Fude's model for other tools.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import OpenAI from 'openai';
import { LLM_JP_ANSWER, LLM_JP_BYTES_ANSWER, LOOP_TEXT } from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, TEST_TOKEN, type BackendProcess } from './harness.js';

const MODEL = 'llm-jp-3-1.8b-instruct';

/** A raw HTTP exchange, for what the client library will not send (an Origin, a broken body, a wrong method). */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };

describe('backend: the OpenAI API with the official openai client', function () {
  this.timeout(60_000);
  let dir: string;
  let backend: BackendProcess;
  let port: number;
  let openai: OpenAI;
  let ws: Client;

  /** Requests in flight and sequences in use, seen through the WebSocket protocol on the same port. */
  async function load(): Promise<{ inFlight: number; inUse: number }> {
    const res = await ws.request({ id: `st-${Math.random()}`, type: 'status' });
    assert.equal(res.final.type, 'done');
    const s = res.final.type === 'done' ? res.final.status! : undefined;
    return { inFlight: s!.requestsInFlight - 1, inUse: s!.sequences.inUse };
  }

  /** The load once nothing runs, or what still runs after 3 s: a cancel reaches the backend asynchronously. */
  async function settled(): Promise<{ inFlight: number; inUse: number }> {
    const deadline = Date.now() + 3000;
    let now = await load();
    while ((now.inFlight > 0 || now.inUse > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      now = await load();
    }
    return now;
  }

  before(async () => {
    dir = makeTinyModelDir();
    const model = writePresetModel(dir, 'llm-jp-3-1.8b');
    // No waiting room on a lane: a second request on a busy lane is refused at once (429), which also shows
    // whether a cancelled generation really left its lane.
    backend = spawnBackend(['--model', model.path, '--queue-limit', '0']);
    port = (await backend.ready).port;
    openai = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: TEST_TOKEN, maxRetries: 0 });
    ws = await Client.connect(port);
  });
  after(async () => {
    ws?.close();
    await backend?.stop();
    removeTinyModelDir(dir);
  });

  it('lists the loaded model, and retrieves it by id', async () => {
    const page = await openai.models.list();
    assert.deepEqual(
      page.data.map((m) => m.id),
      [MODEL],
    );
    assert.equal(page.data[0].owned_by, 'fude');
    const one = await openai.models.retrieve(MODEL);
    assert.equal(one.id, MODEL);
  });

  it("answers a chat through the family's chat format, not streamed", async () => {
    const res = await openai.chat.completions.create({
      model: MODEL,
      messages: [
        { role: 'system', content: 'x' },
        { role: 'user', content: '自己紹介して' },
      ],
    });
    assert.equal(res.object, 'chat.completion');
    assert.equal(res.choices.length, 1);
    assert.equal(res.choices[0].message.role, 'assistant');
    assert.equal(res.choices[0].message.content, LLM_JP_ANSWER);
    assert.equal(res.choices[0].finish_reason, 'stop');
    assert.ok(res.usage!.prompt_tokens > 10);
    assert.equal(res.usage!.total_tokens, res.usage!.prompt_tokens + res.usage!.completion_tokens);
    assert.match(res.id, /^chatcmpl-/);
  });

  it('streams a chat: role first, then text, the finish reason, and usage in a last chunk with no choices', async () => {
    const stream = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'やあ' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    assert.deepEqual(chunks[0].choices[0].delta, { role: 'assistant', content: '' });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    assert.equal(text, LLM_JP_ANSWER);
    assert.ok(chunks.length > 5, 'streamed in many chunks');
    const finish = chunks.filter((c) => c.choices[0]?.finish_reason);
    assert.deepEqual(
      finish.map((c) => c.choices[0].finish_reason),
      ['stop'],
    );
    const last = chunks.at(-1)!;
    assert.deepEqual(last.choices, []);
    assert.ok(last.usage!.completion_tokens > 5);
    for (const c of chunks.slice(0, -1)) assert.equal(c.usage, null, 'usage is null on every other chunk');
    assert.ok(new Set(chunks.map((c) => c.id)).size === 1, 'one id for the whole answer');
  });

  it('stops a chat at a stop string (a string or an array)', async () => {
    const one = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'a' }],
      stop: '私',
    });
    assert.equal(one.choices[0].message.content, 'こんにちは。');
    assert.equal(one.choices[0].finish_reason, 'stop');
    const many = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'a' }],
      stop: ['Fude', 'ちは'],
    });
    assert.equal(many.choices[0].message.content, 'こんに');
  });

  it('ends a chat at max_tokens or max_completion_tokens with finish_reason "length"', async () => {
    const a = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'a' }],
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- clients still send max_tokens; the server must honour it
      max_tokens: 3,
    });
    assert.equal(a.choices[0].finish_reason, 'length');
    assert.equal(a.usage!.completion_tokens, 3);
    assert.ok(LLM_JP_ANSWER.startsWith(a.choices[0].message.content!));
    const b = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'a' }],
      max_completion_tokens: 2,
      temperature: 0,
      top_p: 1,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- seed is deprecated in the OpenAI API but Fude's server accepts it
      seed: 7,
    });
    assert.equal(b.choices[0].finish_reason, 'length');
    assert.equal(b.usage!.completion_tokens, 2);
  });

  it('completes a raw prompt, streamed and not', async () => {
    const whole = await openai.completions.create({ model: MODEL, prompt: 'f(' });
    assert.equal(whole.object, 'text_completion');
    assert.equal(whole.choices[0].text, LLM_JP_BYTES_ANSWER);
    assert.equal(whole.choices[0].finish_reason, 'stop');
    const stream = await openai.completions.create({
      model: MODEL,
      prompt: 'f(',
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const c of stream) {
      text += c.choices[0]?.text ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
      usage = c.usage ?? usage;
    }
    assert.equal(text, LLM_JP_BYTES_ANSWER);
    assert.equal(finish, 'stop');
    assert.equal(usage!.completion_tokens, Buffer.byteLength(LLM_JP_BYTES_ANSWER), 'one token per byte');
  });

  it("completes with OpenAI's default budget of 16 tokens, max_tokens, stop strings and a suffix", async () => {
    const loop = await openai.completions.create({ model: MODEL, prompt: 'x#' });
    assert.equal(loop.choices[0].finish_reason, 'length');
    assert.equal(loop.usage!.completion_tokens, 16);
    const short = await openai.completions.create({ model: MODEL, prompt: 'x#', max_tokens: 4 });
    assert.equal(short.choices[0].finish_reason, 'length');
    assert.ok(short.choices[0].text.length > 0 && LOOP_TEXT.repeat(4).startsWith(short.choices[0].text));
    const stopped = await openai.completions.create({ model: MODEL, prompt: '#', stop: ['プル'], max_tokens: 50 });
    assert.equal(stopped.choices[0].text, 'ルー');
    assert.equal(stopped.choices[0].finish_reason, 'stop');
    const beforeSuffix = await openai.completions.create({ model: MODEL, prompt: 'f(', suffix: '\n  c。\nmore' });
    assert.equal(beforeSuffix.choices[0].text, 'ab', 'a prefix completion stops where it runs into the suffix');
  });

  it("refuses a wrong key with 401 in OpenAI's error shape", async () => {
    const wrong = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'wrong', maxRetries: 0 });
    await assert.rejects(wrong.models.list(), (e: unknown) => {
      assert.ok(e instanceof OpenAI.AuthenticationError);
      assert.equal(e.status, 401);
      assert.equal(e.code, 'invalid_api_key');
      assert.equal(e.type, 'invalid_request_error');
      return true;
    });
    const none = await raw(port, 'GET', '/v1/models', {});
    assert.equal(none.status, 401);
  });

  it('refuses any browser page (an Origin header) with 403, even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', 'vscode-webview://abc']) {
      const res = await raw(
        port,
        'POST',
        '/v1/chat/completions',
        { ...auth, origin },
        JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'x' }] }),
      );
      assert.equal(res.status, 403);
      assert.equal((JSON.parse(res.text) as { error: { type: string } }).error.type, 'permission_error');
    }
    const preflight = await raw(port, 'OPTIONS', '/v1/chat/completions', {
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  });

  it('answers an unknown model with 404 model_not_found, an unknown path with 404, a wrong method with 405', async () => {
    await assert.rejects(
      openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
      (e: unknown) => {
        assert.ok(e instanceof OpenAI.NotFoundError);
        assert.equal(e.code, 'model_not_found');
        assert.equal(e.param, 'model');
        return true;
      },
    );
    await assert.rejects(openai.models.retrieve('other'), OpenAI.NotFoundError);
    const path = await raw(port, 'POST', '/v1/embeddings', auth, '{}');
    assert.equal(path.status, 404);
    assert.equal((JSON.parse(path.text) as { error: { code: string } }).error.code, 'unknown_url');
    const method = await raw(port, 'GET', '/v1/chat/completions', auth);
    assert.equal(method.status, 405);
    assert.equal(method.headers.allow, 'POST');
  });

  it('answers bad JSON and bad fields with 400 naming the field', async () => {
    const json = await raw(port, 'POST', '/v1/chat/completions', auth, '{"model": ');
    assert.equal(json.status, 400);
    assert.match((JSON.parse(json.text) as { error: { message: string } }).error.message, /not valid JSON/);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ n: 2 }, 'n'],
      [{ temperature: 11 }, 'temperature'],
      [{ max_tokens: 0 }, 'max_tokens'],
      [{ top_p: 'high' }, 'top_p'],
      [{ stop: [1] }, 'stop'],
      [{ tools: [{ type: 'function', function: { name: 'f' } }] }, 'tools'],
      [{ messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].role'],
    ];
    for (const [extra, param] of cases) {
      await assert.rejects(
        openai.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'x' }], ...extra } as never),
        (e: unknown) => {
          assert.ok(e instanceof OpenAI.BadRequestError, `${param}: ${String(e)}`);
          assert.equal(e.param, param);
          return true;
        },
      );
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ model: MODEL, prompt: 'x'.repeat(4 * 1024 * 1024 + 10) });
    const res = await raw(port, 'POST', '/v1/completions', auth, huge);
    assert.equal(res.status, 413);
    assert.equal((JSON.parse(res.text) as { error: { code: string } }).error.code, 'request_too_large');
  });

  it('refuses a request on a full lane with 429 and Retry-After', async () => {
    const controller = new AbortController();
    const long = await openai.completions.create(
      { model: MODEL, prompt: 'x#', max_tokens: 100_000, stream: true },
      { signal: controller.signal },
    );
    const it = long[Symbol.asyncIterator]();
    await it.next();
    await assert.rejects(openai.completions.create({ model: MODEL, prompt: 'f(' }), (e: unknown) => {
      assert.ok(e instanceof OpenAI.RateLimitError);
      assert.equal(e.status, 429);
      assert.equal(e.headers?.get('retry-after'), '1');
      assert.equal(e.code, 'queue_full');
      return true;
    });
    controller.abort();
    // The openai client ends an aborted stream quietly, after the chunks it had already read (more of them when
    // the machine is busy).
    let buffered = 0;
    while (!(await it.next()).done) assert.ok(++buffered < 10_000, 'the stream ends after the abort');
    assert.deepEqual(await settled(), { inFlight: 0, inUse: 0 });
  });

  it('cancels the generation in the model when the client aborts the stream', async () => {
    const controller = new AbortController();
    const stream = await openai.completions.create(
      { model: MODEL, prompt: 'y#', max_tokens: 100_000, stream: true },
      { signal: controller.signal },
    );
    let chunks = 0;
    // The openai client ends an aborted stream quietly, by closing the connection, after the chunks it had already
    // read (more of them when the machine is busy).
    for await (const _ of stream) if (++chunks === 3) controller.abort();
    assert.ok(chunks >= 3 && chunks < 10_000, `${chunks} chunks: the stream ends after the abort`);
    // The backend sees the closed connection asynchronously; it must settle quickly, not after 100k tokens.
    assert.deepEqual(await settled(), { inFlight: 0, inUse: 0 }, 'no request in flight and no sequence generating');
    // With no waiting room, the lane being free is what lets this one through (otherwise 429).
    const next = await openai.completions.create({ model: MODEL, prompt: 'f(' });
    assert.equal(next.choices[0].text, LLM_JP_BYTES_ANSWER);
  });

  it('cancels a not-streamed request when its client goes away', async () => {
    const controller = new AbortController();
    const pending = openai.completions.create(
      { model: MODEL, prompt: 'z#', max_tokens: 100_000 },
      { signal: controller.signal },
    );
    const deadline = Date.now() + 3000;
    while ((await load()).inFlight === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await load()).inFlight, 1, 'the request is generating');
    controller.abort();
    await assert.rejects(pending);
    assert.deepEqual(await settled(), { inFlight: 0, inUse: 0 });
  });

  it('still speaks the WebSocket protocol on the same port', async () => {
    const res = await ws.request({ id: 'c1', type: 'chat', messages: [{ role: 'user', content: 'やあ' }] });
    assert.equal(res.final.type, 'done');
    assert.equal(res.text, LLM_JP_ANSWER);
    const plain = await raw(port, 'GET', '/', {});
    assert.equal(plain.status, 426, 'a plain HTTP request outside /v1 still gets 426');
  });
});
