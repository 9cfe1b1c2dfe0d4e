import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { MAX_MESSAGE_BYTES, type Request } from '../../../protocol/messages.js';
import { validateFrame, type Validation } from '../../../protocol/validate.js';

const USER = { role: 'user', content: 'こんにちは' };

function ok(frame: object | string): Request {
  const v = validateFrame(typeof frame === 'string' ? frame : JSON.stringify(frame));
  assert.ok(v.ok, `expected valid, got ${JSON.stringify(v)}`);
  return v.request;
}

function bad(frame: object | string): Extract<Validation, { ok: false }> {
  const v = validateFrame(typeof frame === 'string' ? frame : JSON.stringify(frame));
  assert.ok(!v.ok, `expected invalid, got ${JSON.stringify(v)}`);
  assert.ok(v.message.length > 10, 'a message a person can act on');
  return v;
}

/** Invalid, with the request's id echoed and the offending field named (also in the message). */
function badField(frame: Record<string, unknown>, field: string): void {
  const v = bad(frame);
  assert.equal(v.id, frame.id);
  assert.equal(v.field, field);
  assert.ok(v.message.includes(field), `message names ${field}: ${v.message}`);
}

describe('validateFrame', () => {
  describe('valid requests of every type', () => {
    it('chat with every sampling field and a lane keeps exactly those fields', () => {
      const req = ok({
        id: 'c1',
        type: 'chat',
        lane: 'docs',
        messages: [{ role: 'system', content: '' }, USER, { role: 'assistant', content: 'はい' }],
        maxTokens: 10,
        temperature: 0,
        topP: 1,
        topK: 0,
        repeatPenalty: 1.05,
        seed: 2 ** 32 - 1,
      });
      assert.deepEqual(req, {
        id: 'c1',
        type: 'chat',
        lane: 'docs',
        messages: [{ role: 'system', content: '' }, USER, { role: 'assistant', content: 'はい' }],
        maxTokens: 10,
        temperature: 0,
        topP: 1,
        topK: 0,
        repeatPenalty: 1.05,
        seed: 2 ** 32 - 1,
      });
    });

    it('chat with only messages has no undefined keys (dropUndefined)', () => {
      const req = ok({ id: 'c2', type: 'chat', messages: [USER] });
      assert.deepEqual(Object.keys(req).sort(), ['id', 'messages', 'type']);
    });

    it('chat drops unknown fields and extra message keys', () => {
      const req = ok({ id: 'c3', type: 'chat', messages: [{ ...USER, name: 'x' }], evil: true });
      assert.deepEqual(req, { id: 'c3', type: 'chat', messages: [USER] });
    });

    it('complete with every field', () => {
      const req = ok({
        id: 'k1',
        type: 'complete',
        prefix: 'a',
        suffix: 'b',
        maxTokens: 100_000,
        stop: ['\n\n', '。'],
        language: 'typescript',
        temperature: 0.2,
      });
      assert.deepEqual(req, {
        id: 'k1',
        type: 'complete',
        prefix: 'a',
        suffix: 'b',
        maxTokens: 100_000,
        stop: ['\n\n', '。'],
        language: 'typescript',
        temperature: 0.2,
      });
    });

    it('complete with only a prefix (even empty) has no undefined keys', () => {
      const req = ok({ id: 'k2', type: 'complete', prefix: '' });
      assert.deepEqual(req, { id: 'k2', type: 'complete', prefix: '' });
      assert.deepEqual(Object.keys(req).sort(), ['id', 'prefix', 'type']);
    });

    it('render, cancel and status', () => {
      assert.deepEqual(ok({ id: 'r', type: 'render', messages: [USER], temperature: 1 }), {
        id: 'r',
        type: 'render',
        messages: [USER],
      });
      assert.deepEqual(ok({ id: 'x', type: 'cancel', target: 'k1' }), { id: 'x', type: 'cancel', target: 'k1' });
      assert.deepEqual(ok({ id: 's', type: 'status', extra: 1 }), { id: 's', type: 'status' });
    });

    it('render of a completion prompt: prefix and optional suffix, never together with messages', () => {
      assert.deepEqual(ok({ id: 'r', type: 'render', prefix: 'def f():' }), {
        id: 'r',
        type: 'render',
        prefix: 'def f():',
      });
      assert.deepEqual(ok({ id: 'r', type: 'render', prefix: '', suffix: '\n' }), {
        id: 'r',
        type: 'render',
        prefix: '',
        suffix: '\n',
      });
      badField({ id: 'r', type: 'render', prefix: 'a', messages: [USER] }, 'messages');
      badField({ id: 'r', type: 'render', prefix: 1 }, 'prefix');
      badField({ id: 'r', type: 'render', prefix: 'a', suffix: 2 }, 'suffix');
    });

    it('prefill: a prefix and an optional suffix, as complete builds its prompt', () => {
      assert.deepEqual(ok({ id: 'p', type: 'prefill', prefix: 'def f():', maxTokens: 3 }), {
        id: 'p',
        type: 'prefill',
        prefix: 'def f():',
      });
      assert.deepEqual(ok({ id: 'p', type: 'prefill', prefix: '', suffix: '\n' }), {
        id: 'p',
        type: 'prefill',
        prefix: '',
        suffix: '\n',
      });
      badField({ id: 'p', type: 'prefill' }, 'prefix');
      badField({ id: 'p', type: 'prefill', prefix: 'a', suffix: 2 }, 'suffix');
    });

    it('chat predictFrom: "input" or nothing', () => {
      assert.equal(
        (ok({ id: 'c', type: 'chat', messages: [USER], predictFrom: 'input' }) as { predictFrom?: string }).predictFrom,
        'input',
      );
      badField({ id: 'c', type: 'chat', messages: [USER], predictFrom: 'draft' }, 'predictFrom');
      badField({ id: 'c', type: 'chat', messages: [USER], predictFrom: true }, 'predictFrom');
    });

    it('accepts an id of exactly 200 characters, Japanese ids, and a frame of exactly the size limit', () => {
      assert.equal(ok({ id: 'a'.repeat(200), type: 'status' }).id.length, 200);
      assert.equal(ok({ id: '依頼-1', type: 'status' }).id, '依頼-1');
      const base = JSON.stringify({ id: 'big', type: 'complete', prefix: '' });
      const frame = base.replace('"prefix":""', `"prefix":"${'x'.repeat(MAX_MESSAGE_BYTES - base.length)}"`);
      assert.equal(Buffer.byteLength(frame), MAX_MESSAGE_BYTES);
      assert.equal(ok(frame).type, 'complete');
    });
  });

  describe('frames that carry no usable id', () => {
    it('rejects non-JSON, non-objects and arrays with id null', () => {
      for (const frame of ['{"id":"1","type":', '', 'null', '42', '"status"', '[{"id":"1","type":"status"}]']) {
        const v = bad(frame);
        assert.equal(v.id, null, frame);
        assert.equal(v.field, undefined, frame);
      }
      assert.match(bad('{').message, /not valid JSON/);
    });

    it('rejects a missing, empty, non-string or too long id, naming "id"', () => {
      for (const id of [undefined, '', 5, null, ['a'], { a: 1 }, 'a'.repeat(201)]) {
        const v = bad({ id, type: 'status' });
        assert.equal(v.id, null, inspect(id));
        assert.equal(v.field, 'id');
      }
    });

    it('rejects a frame over the size limit before parsing it, counting UTF-8 bytes', () => {
      // 'あ' is 3 bytes: fewer characters than the limit, more bytes.
      const frame = JSON.stringify({ id: 'big', type: 'complete', prefix: 'あ'.repeat(MAX_MESSAGE_BYTES / 3) });
      assert.ok(frame.length < MAX_MESSAGE_BYTES);
      const v = bad(frame);
      assert.equal(v.id, null);
      assert.match(v.message, /larger than/);
    });
  });

  describe('field errors name the field and echo the id', () => {
    it('type: missing, not a string, unknown', () => {
      badField({ id: 't1' }, 'type');
      badField({ id: 't2', type: 7 }, 'type');
      badField({ id: 't3', type: 'explode' }, 'type');
      badField({ id: 't4', type: 'toString' }, 'type');
    });

    it('messages: missing, not an array, empty', () => {
      badField({ id: 'm1', type: 'chat' }, 'messages');
      badField({ id: 'm2', type: 'chat', messages: 'hi' }, 'messages');
      badField({ id: 'm3', type: 'render', messages: {} }, 'messages');
      badField({ id: 'm4', type: 'chat', messages: [] }, 'messages');
    });

    it('messages[i] paths: the element, its role and its content, at the right index', () => {
      badField({ id: 'e1', type: 'chat', messages: [USER, 'hi'] }, 'messages[1]');
      badField({ id: 'e2', type: 'chat', messages: [USER, null] }, 'messages[1]');
      badField({ id: 'e3', type: 'chat', messages: [USER, [USER]] }, 'messages[1]');
      badField({ id: 'e4', type: 'chat', messages: [USER, { role: 'root', content: 'x' }] }, 'messages[1].role');
      badField({ id: 'e5', type: 'chat', messages: [{ content: 'x' }] }, 'messages[0].role');
      badField({ id: 'e6', type: 'chat', messages: [{ role: 'User', content: 'x' }] }, 'messages[0].role');
      badField({ id: 'e7', type: 'render', messages: [USER, USER, { role: 'assistant' }] }, 'messages[2].content');
      badField({ id: 'e8', type: 'chat', messages: [{ role: 'user', content: ['x'] }] }, 'messages[0].content');
    });

    it('chat sampling fields: type, range and integrality', () => {
      const chat = (extra: object) => ({ id: 's', type: 'chat', messages: [USER], ...extra });
      badField(chat({ temperature: 'hot' }), 'temperature');
      badField(chat({ temperature: -0.1 }), 'temperature');
      badField(chat({ temperature: 10.5 }), 'temperature');
      badField(chat({ topP: 1.01 }), 'topP');
      badField(chat({ topK: 1.5 }), 'topK');
      badField(chat({ topK: -1 }), 'topK');
      badField(chat({ repeatPenalty: null }), 'repeatPenalty');
      badField(chat({ maxTokens: 0 }), 'maxTokens');
      badField(chat({ maxTokens: 1_000_001 }), 'maxTokens');
      badField(chat({ maxTokens: 2.5 }), 'maxTokens');
      badField(chat({ seed: -1 }), 'seed');
      badField(chat({ seed: 2 ** 32 }), 'seed');
      badField(chat({ lane: 'complete' }), 'lane');
      badField(chat({ lane: null }), 'lane');
    });

    it('a number that JSON.parse turns into Infinity (1e400) is refused as not finite', () => {
      const v = bad('{"id":"n","type":"chat","messages":[{"role":"user","content":"x"}],"temperature":1e400}');
      assert.equal(v.id, 'n');
      assert.equal(v.field, 'temperature');
      assert.match(v.message, /finite/);
    });

    it('complete fields', () => {
      const complete = (extra: object) => ({ id: 'k', type: 'complete', prefix: 'x', ...extra });
      badField({ id: 'k0', type: 'complete' }, 'prefix');
      badField(complete({ prefix: 5 }), 'prefix');
      badField(complete({ suffix: null }), 'suffix');
      badField(complete({ maxTokens: 100_001 }), 'maxTokens');
      badField(complete({ maxTokens: -1 }), 'maxTokens');
      badField(complete({ temperature: '0' }), 'temperature');
      badField(complete({ language: 3 }), 'language');
      badField(complete({ language: 'x'.repeat(101) }), 'language');
      badField(complete({ stop: 'x' }), 'stop');
      badField(complete({ stop: [1] }), 'stop');
      badField(complete({ stop: [''] }), 'stop');
      badField(complete({ stop: Array.from({ length: 17 }, (_, i) => `s${i}`) }), 'stop');
      assert.equal(
        (ok(complete({ stop: Array.from({ length: 16 }, (_, i) => `s${i}`) })) as { stop: string[] }).stop.length,
        16,
      );
    });

    it('cancel target: missing, not a string, too long', () => {
      badField({ id: 'x1', type: 'cancel' }, 'target');
      badField({ id: 'x2', type: 'cancel', target: 5 }, 'target');
      badField({ id: 'x3', type: 'cancel', target: 'a'.repeat(201) }, 'target');
    });
  });
});
