// Loads connection.ts, which (through the chat formats) imports node-llama-cpp: this file's load is slow,
// its tests are not.
import assert from 'node:assert/strict';
import { ContextOverflowError } from '../../../../backend/engine/generate.js';
import { BusyError } from '../../../../backend/engine/lane.js';
import { ChatTemplateError } from '../../../../backend/profiles/chat-format.js';
import { classify } from '../../../../backend/server/connection.js';

const live = () => new AbortController().signal;

describe('classify', () => {
  it('maps each known failure to its code and keeps its message', () => {
    assert.deepEqual(classify(new BusyError('the chat lane is busy'), live()), ['busy', 'the chat lane is busy']);
    assert.deepEqual(classify(new ContextOverflowError('the prompt is 300 tokens'), live()), [
      'context_overflow',
      'the prompt is 300 tokens',
    ]);
    assert.deepEqual(classify(new ChatTemplateError('roles must alternate'), live()), [
      'bad_request',
      'roles must alternate',
    ]);
  });

  it('anything else is internal, whatever was thrown', () => {
    assert.deepEqual(classify(new TypeError('x is not a function'), live()), [
      'internal',
      'internal error: x is not a function',
    ]);
    assert.deepEqual(classify('a string', live()), ['internal', 'internal error: a string']);
    assert.deepEqual(classify(undefined, live()), ['internal', 'internal error: undefined']);
    assert.deepEqual(classify(null, live()), ['internal', 'internal error: null']);
    assert.deepEqual(classify({ code: 42 }, live()), ['internal', 'internal error: [object Object]']);
  });

  it('an aborted request is cancelled, with the abort reason, whatever error the abort caused', () => {
    for (const e of [new Error('generator closed'), new BusyError('busy'), new ContextOverflowError('x'), undefined]) {
      const c = new AbortController();
      c.abort(new Error('superseded by completion k2'));
      assert.deepEqual(classify(e, c.signal), ['cancelled', 'superseded by completion k2']);
    }
  });

  it('an abort without an Error reason still reads as cancelled', () => {
    const c = new AbortController();
    c.abort('plain string');
    assert.deepEqual(classify(new Error('x'), c.signal), ['cancelled', 'cancelled']);
    const d = new AbortController();
    d.abort();
    const [code, message] = classify(new Error('x'), d.signal);
    assert.equal(code, 'cancelled');
    assert.ok(message.length > 0);
  });
});
