import assert from 'node:assert/strict';
import type { DoneEvent } from '../../../../protocol/messages.js';
import {
  ChunkMaker,
  chatCompletion,
  errorFor,
  finishReason,
  modelList,
  openAIUsage,
  textCompletion,
} from '../../../../backend/openai/replies.js';
import {
  chatRequestFrom,
  completeRequestFrom,
  COMPLETIONS_DEFAULT_MAX_TOKENS,
} from '../../../../backend/openai/translate.js';
import { parseChatBody, parseCompletionBody } from '../../../../protocol/openai.js';

const ids = { id: 'chatcmpl-1', created: 1, model: 'm' };
const usage = { inputTokens: 10, evaluatedInputTokens: 4, outputTokens: 3 };
const done: Omit<DoneEvent, 'id'> = {
  type: 'done',
  stopReason: 'maxTokens',
  usage,
  timings: { firstTokenMs: 1, totalMs: 2 },
};

describe('OpenAI replies', () => {
  it('maps stop reasons and usage, cached tokens included', () => {
    assert.equal(finishReason('maxTokens'), 'length');
    for (const r of ['eos', 'stop', 'none', 'cancelled'] as const) assert.equal(finishReason(r), 'stop');
    assert.deepEqual(openAIUsage(usage), {
      prompt_tokens: 10,
      completion_tokens: 3,
      total_tokens: 13,
      prompt_tokens_details: { cached_tokens: 6 },
    });
  });

  it('builds whole answers', () => {
    const c = chatCompletion(ids, 'hi', done);
    assert.equal(c.object, 'chat.completion');
    assert.deepEqual(c.choices, [
      { index: 0, message: { role: 'assistant', content: 'hi' }, logprobs: null, finish_reason: 'length' },
    ]);
    const t = textCompletion({ ...ids, id: 'cmpl-1' }, 'x', { ...done, stopReason: 'eos' });
    assert.deepEqual(t.choices, [{ index: 0, text: 'x', logprobs: null, finish_reason: 'stop' }]);
  });

  it('makes chat chunks in order: role, text, finish, usage with no choices; usage null elsewhere when asked', () => {
    const m = new ChunkMaker(ids, 'chat', true);
    assert.deepEqual(m.first()!.choices[0].delta, { role: 'assistant', content: '' });
    assert.equal(m.first()!.usage, null);
    assert.deepEqual(m.delta('a').choices[0], {
      index: 0,
      delta: { content: 'a' },
      logprobs: null,
      finish_reason: null,
    });
    assert.deepEqual(m.finish('eos').choices[0], { index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
    const u = m.usage(usage)!;
    assert.deepEqual(u.choices, []);
    assert.equal(u.usage!.total_tokens, 13);
    const quiet = new ChunkMaker(ids, 'chat', false);
    assert.equal('usage' in quiet.delta('a'), false);
    assert.equal(quiet.usage(usage), undefined);
  });

  it('makes completion chunks with no role chunk', () => {
    const m = new ChunkMaker(ids, 'text', false);
    assert.equal(m.first(), undefined);
    assert.deepEqual(m.delta('x').choices[0], { index: 0, text: 'x', logprobs: null, finish_reason: null });
    assert.equal(m.finish('maxTokens').choices[0].finish_reason, 'length');
    assert.equal(m.finish('maxTokens').object, 'text_completion');
  });

  it('gives each backend error code its HTTP status, a full queue its Retry-After', () => {
    assert.equal(errorFor('bad_request', 'x').status, 400);
    assert.equal(errorFor('context_overflow', 'x').body.error.code, 'context_length_exceeded');
    const busy = errorFor('busy', 'x');
    assert.equal(busy.status, 429);
    assert.deepEqual(busy.headers, { 'retry-after': '1' });
    assert.equal(errorFor('terms_not_accepted', 'x').status, 403);
    assert.equal(errorFor('internal', 'x').status, 500);
    assert.equal(errorFor('cancelled', 'the backend is shutting down').status, 503);
    assert.deepEqual(Object.keys(errorFor('internal', 'x').body.error).sort(), ['code', 'message', 'param', 'type']);
  });

  it('lists the model with its context and Fude metadata', () => {
    const info = {
      name: 'llm-jp-3-172b-beta1-instruct',
      family: 'llm-jp-3' as const,
      path: '/m.gguf',
      contextSize: 4096,
      trainContextSize: 4096,
      gpu: false as const,
      gpuLayers: 0,
      totalLayers: 96,
      fim: false,
      termsId: 'llm-jp-3-172b-beta1',
    };
    const list = modelList(info, 5);
    assert.deepEqual(list.data[0], {
      id: info.name,
      object: 'model',
      created: 5,
      owned_by: 'fude',
      max_model_len: 4096,
      fude: { family: 'llm-jp-3', termsId: 'llm-jp-3-172b-beta1', fim: false, contextSize: 4096 },
    });
    assert.ok(!JSON.stringify(list).includes('/m.gguf'), 'the file path stays private');
  });
});

describe('OpenAI bodies into Fude requests', () => {
  it('builds a chat request on the chat lane, checked by the WebSocket validation', () => {
    const body = parseChatBody({
      model: 'm',
      messages: [{ role: 'user', content: 'q' }],
      stop: 'x',
      max_tokens: 9,
      top_p: 0.5,
      seed: 2,
    });
    assert.ok(body.ok);
    assert.deepEqual(chatRequestFrom('id1', body.body), {
      ok: true,
      request: {
        id: 'id1',
        type: 'chat',
        lane: 'chat',
        messages: [{ role: 'user', content: 'q' }],
        maxTokens: 9,
        topP: 0.5,
        seed: 2,
        stop: ['x'],
      },
    });
  });

  it('names a field the internal validation refused the way the client wrote it', () => {
    const body = parseChatBody({ model: 'm', messages: [{ role: 'user', content: 'q' }], max_completion_tokens: 0 });
    assert.ok(body.ok);
    const t = chatRequestFrom('id', body.body);
    assert.equal(t.ok, false);
    assert.equal(!t.ok && t.param, 'max_completion_tokens');
    assert.match(!t.ok ? t.message : '', /'max_completion_tokens'/);
    const empty = parseChatBody({ model: 'm', messages: [{ role: 'user', content: 'q' }], stop: [''] });
    assert.ok(empty.ok);
    assert.equal(((t) => !t.ok && t.param)(chatRequestFrom('id', empty.body)), 'stop');
  });

  it("builds a completion request with OpenAI's default budget of 16 tokens", () => {
    const body = parseCompletionBody({ model: 'm', prompt: 'p', suffix: 's', temperature: 0 });
    assert.ok(body.ok);
    assert.deepEqual(completeRequestFrom('c', body.body), {
      ok: true,
      request: {
        id: 'c',
        type: 'complete',
        prefix: 'p',
        suffix: 's',
        maxTokens: COMPLETIONS_DEFAULT_MAX_TOKENS,
        temperature: 0,
      },
    });
  });
});
