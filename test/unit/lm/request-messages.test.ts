import assert from 'node:assert/strict';
import {
  countText,
  guardParts,
  LM_ROLE,
  toChatMessages,
  type RequestMessageLike,
} from '../../../extension/lm/request-messages.js';

// The shapes of VS Code's part classes (LanguageModelTextPart, ToolCallPart, ToolResultPart, DataPart).
const text = (value: string) => ({ value });
const toolCall = (name: string) => ({ callId: 'c1', name, input: { path: 'a.ts' } });
const toolResult = (...content: unknown[]) => ({ callId: 'c1', content });
const data = (mimeType: string, value: string) => ({ mimeType, data: new TextEncoder().encode(value) });
const user = (...content: unknown[]): RequestMessageLike => ({ role: LM_ROLE.user, content, name: undefined });
const assistant = (...content: unknown[]): RequestMessageLike => ({
  role: LM_ROLE.assistant,
  content,
  name: undefined,
});

describe('language-model messages → backend chat messages', () => {
  it('keeps roles and joins the text parts of each message', () => {
    const r = toChatMessages([
      user(text('富士山の'), text('高さは？')),
      assistant(text('3776 m です。')),
      user(text('では北岳は？')),
    ]);
    assert.deepEqual(r, {
      ok: true,
      messages: [
        { role: 'user', content: '富士山の高さは？' },
        { role: 'assistant', content: '3776 m です。' },
        { role: 'user', content: 'では北岳は？' },
      ],
      skipped: [],
    });
  });

  it('reads the proposed System role as a system message', () => {
    const r = toChatMessages([{ role: LM_ROLE.system, content: [text('日本語で答えて')] }, user(text('hi'))]);
    assert.ok(r.ok);
    assert.deepEqual(r.messages[0], { role: 'system', content: '日本語で答えて' });
  });

  it('reads a tool result and text data as text, and leaves tool calls and metadata out (saying so)', () => {
    const r = toChatMessages([
      user(text('read a.ts')),
      assistant(toolCall('readFile')),
      user(
        toolResult(text('export const a = 1;')),
        data('text/plain', '\n-- end'),
        data('cache_control', 'ephemeral'),
        text('\nexplain it'),
      ),
    ]);
    assert.ok(r.ok);
    assert.deepEqual(
      r.messages,
      [
        { role: 'user', content: 'read a.ts' },
        { role: 'user', content: 'export const a = 1;\n-- end\nexplain it' },
      ],
      'the assistant turn that was only a tool call is dropped',
    );
    assert.deepEqual(r.skipped, ['a tool call (readFile)', 'data of type cache_control']);
  });

  it('refuses images (the models read text only), unknown roles, and a request with nothing to answer', () => {
    assert.deepEqual(
      toChatMessages([user(text('what is this?'), { mimeType: 'image/png', data: new Uint8Array([1, 2]) })]),
      { ok: false, problem: { kind: 'image', mimeType: 'image/png' } },
    );
    assert.deepEqual(toChatMessages([user(toolResult({ mimeType: 'image/jpeg', data: new Uint8Array([1]) }))]), {
      ok: false,
      problem: { kind: 'image', mimeType: 'image/jpeg' },
    });
    assert.deepEqual(toChatMessages([{ role: 7, content: [text('x')] }]), {
      ok: false,
      problem: { kind: 'role', role: 7 },
    });
    assert.deepEqual(toChatMessages([]), { ok: false, problem: { kind: 'no_question' } });
    assert.deepEqual(toChatMessages([user(text('q')), assistant(text('prefill'))]), {
      ok: false,
      problem: { kind: 'no_question' },
    });
    assert.deepEqual(toChatMessages([user(text('   '))]), { ok: false, problem: { kind: 'no_question' } });
  });

  it('counts a string as it is and a message by its text', () => {
    assert.equal(countText('こんにちは'), 'こんにちは');
    assert.equal(countText(user(text('a'), toolCall('x'), text('b'))), 'ab');
  });

  it("hands the guard the last question and the earlier asks, never the model's own answers", () => {
    const r = toChatMessages([
      { role: LM_ROLE.system, content: [text('SYSTEM')] },
      user(text('first')),
      assistant(text('ANSWER')),
      user(text('second')),
    ]);
    assert.ok(r.ok);
    assert.deepEqual(guardParts(r.messages), { question: 'second', earlier: 'SYSTEM\n\nfirst' });
  });
});
