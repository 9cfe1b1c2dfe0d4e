import assert from 'node:assert/strict';
import { readChunk } from '../../../../extension/engine/openai/stream-chunks.js';

describe('readChunk', () => {
  it('reads a role-only first delta as no text, whether content is "", null or absent', () => {
    for (const delta of [
      { role: 'assistant', content: '' },
      { role: 'assistant', content: null },
      { role: 'assistant' },
    ]) {
      assert.deepEqual(readChunk({ choices: [{ index: 0, delta, finish_reason: null }] }, 'chat'), { text: '' });
    }
  });

  it('reads chat text, completion text and the finish reason', () => {
    assert.deepEqual(
      readChunk({ model: 'm', choices: [{ index: 0, delta: { content: 'あ' }, finish_reason: null }] }, 'chat'),
      { text: 'あ', model: 'm' },
    );
    assert.deepEqual(readChunk({ choices: [{ index: 0, text: 'x', finish_reason: 'length' }] }, 'text'), {
      text: 'x',
      finishReason: 'length',
    });
    assert.deepEqual(readChunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }, 'chat'), {
      text: '',
      finishReason: 'stop',
    });
  });

  it('reads usage from a last chunk with no choices, and from a finishing chunk (llama.cpp)', () => {
    const usage = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 };
    assert.deepEqual(readChunk({ choices: [], usage }, 'chat'), { text: '', usage });
    assert.deepEqual(
      readChunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage, timings: { prompt_n: 3 } }, 'chat'),
      { text: '', usage, finishReason: 'stop' },
    );
    assert.deepEqual(readChunk({ choices: [], usage: null }, 'chat'), { text: '' });
  });

  it('reads an error sent inside the stream, in either shape', () => {
    assert.equal(readChunk({ error: { message: 'out of memory', code: 500 } }, 'chat').error, 'out of memory');
    assert.equal(readChunk({ object: 'error', message: 'boom' }, 'text').error, 'boom');
    assert.ok(readChunk('text', 'chat').error);
  });
});
