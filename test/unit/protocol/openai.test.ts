import assert from 'node:assert/strict';
import { parseChatBody, parseCompletionBody, type BodyResult } from '../../../protocol/openai.js';

const chat = (extra: Record<string, unknown> = {}) => ({
  model: 'm',
  messages: [{ role: 'user', content: 'hi' }],
  ...extra,
});

function refusal(result: BodyResult<unknown>): { message: string; param: string | null } {
  assert.equal(result.ok, false, 'expected a refusal');
  return result.ok ? assert.fail() : result;
}

describe('OpenAI request bodies', () => {
  it('normalises a chat body: stop as an array, usage only when streaming, nulls as absent', () => {
    const r = parseChatBody(
      chat({
        stream: true,
        stream_options: { include_usage: true },
        stop: 'END',
        temperature: 0.2,
        top_p: 0.9,
        seed: 3,
        max_tokens: 10,
        n: 1,
        user: 'ignored',
        presence_penalty: null,
      }),
    );
    assert.deepEqual(r, {
      ok: true,
      body: {
        model: 'm',
        stream: true,
        includeUsage: true,
        maxTokens: 10,
        maxTokensField: 'max_tokens',
        temperature: 0.2,
        topP: 0.9,
        seed: 3,
        stop: ['END'],
        messages: [{ role: 'user', content: 'hi' }],
      },
    });
    const plain = parseChatBody(chat({ stream_options: { include_usage: true }, stop: null, max_tokens: null }));
    assert.equal(plain.ok && plain.body.includeUsage, false, 'usage in a stream only');
    assert.equal(plain.ok && plain.body.stop, undefined);
  });

  it('prefers max_completion_tokens and remembers which field set the budget', () => {
    const r = parseChatBody(chat({ max_tokens: 5, max_completion_tokens: 7 }));
    assert.equal(r.ok && r.body.maxTokens, 7);
    assert.equal(r.ok && r.body.maxTokensField, 'max_completion_tokens');
  });

  it('reads text content parts, and "developer" as a system message', () => {
    const r = parseChatBody({
      model: 'm',
      messages: [
        {
          role: 'developer',
          content: [
            { type: 'text', text: 'be ' },
            { type: 'text', text: 'brief' },
          ],
        },
        { role: 'user', content: 'q' },
      ],
    });
    assert.deepEqual(r.ok && r.body.messages, [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'q' },
    ]);
  });

  it('refuses what it cannot honour, naming the parameter', () => {
    const cases: Array<[unknown, string | null]> = [
      ['not an object', null],
      [{ messages: [] }, 'model'],
      [chat({ messages: [] }), 'messages'],
      [chat({ messages: [{ role: 'tool', content: 'x' }] }), 'messages[0].role'],
      [
        chat({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }),
        'messages[0].content[0]',
      ],
      [chat({ messages: [{ role: 'user', content: 3 }] }), 'messages[0].content'],
      [chat({ n: 2 }), 'n'],
      [chat({ stream: 'yes' }), 'stream'],
      [chat({ stream_options: 'x' }), 'stream_options'],
      [chat({ temperature: '0.5' }), 'temperature'],
      [chat({ max_tokens: 1.5 }), 'max_tokens'],
      [chat({ stop: [1] }), 'stop'],
      [chat({ tools: [{ type: 'function' }] }), 'tools'],
      [chat({ response_format: { type: 'json_object' } }), 'response_format'],
      [chat({ logprobs: true }), 'logprobs'],
    ];
    for (const [body, param] of cases) assert.equal(refusal(parseChatBody(body)).param, param, JSON.stringify(body));
  });

  it('lets harmless defaults of unsupported fields through', () => {
    assert.equal(
      parseChatBody(
        chat({ tools: [], tool_choice: 'none', response_format: { type: 'text' }, logprobs: false, logit_bias: {} }),
      ).ok,
      true,
    );
  });

  it('reads a completion body: one string prompt, a suffix', () => {
    assert.deepEqual(parseCompletionBody({ model: 'm', prompt: 'def f(', suffix: '\n' }), {
      ok: true,
      body: {
        model: 'm',
        stream: false,
        includeUsage: false,
        maxTokens: undefined,
        maxTokensField: undefined,
        temperature: undefined,
        topP: undefined,
        seed: undefined,
        stop: undefined,
        prompt: 'def f(',
        suffix: '\n',
      },
    });
    assert.equal(parseCompletionBody({ model: 'm', prompt: ['one'] }).ok, true);
    for (const prompt of [['a', 'b'], [1, 2, 3], undefined]) {
      assert.equal(refusal(parseCompletionBody({ model: 'm', prompt })).param, 'prompt');
    }
    assert.equal(refusal(parseCompletionBody({ model: 'm', prompt: 'x', echo: true })).param, 'echo');
    assert.equal(refusal(parseCompletionBody({ model: 'm', prompt: 'x', best_of: 3 })).param, 'best_of');
    assert.equal(refusal(parseCompletionBody({ model: 'm', prompt: 'x', suffix: 1 })).param, 'suffix');
  });
});
