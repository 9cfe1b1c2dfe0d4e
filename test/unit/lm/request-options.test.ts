import assert from 'node:assert/strict';
import { requiresTools, samplingFromOptions, TOOL_MODE_REQUIRED } from '../../../extension/lm/request-options.js';

describe('language-model request options', () => {
  it("takes Fude's names and the OpenAI spellings", () => {
    assert.deepEqual(samplingFromOptions({ temperature: 0.2, top_p: 0.9, max_tokens: 64, seed: 7 }), {
      ok: true,
      sampling: { temperature: 0.2, topP: 0.9, maxTokens: 64, seed: 7 },
      ignored: [],
    });
    assert.deepEqual(samplingFromOptions({ topK: 40, repeatPenalty: 1.1, maxTokens: 8 }), {
      ok: true,
      sampling: { topK: 40, repeatPenalty: 1.1, maxTokens: 8 },
      ignored: [],
    });
    assert.deepEqual(samplingFromOptions(undefined), { ok: true, sampling: {}, ignored: [] });
  });

  it('refuses a known option of the wrong type or range, naming it', () => {
    assert.deepEqual(samplingFromOptions({ temperature: '0.5' }), {
      ok: false,
      option: 'temperature',
      field: 'temperature',
    });
    assert.deepEqual(samplingFromOptions({ max_tokens: 0 }), { ok: false, option: 'max_tokens', field: 'maxTokens' });
    assert.deepEqual(samplingFromOptions({ maxTokens: 1.5 }), { ok: false, option: 'maxTokens', field: 'maxTokens' });
    assert.deepEqual(samplingFromOptions({ top_p: 1.5 }), { ok: false, option: 'top_p', field: 'topP' });
    assert.deepEqual(samplingFromOptions({ temperature: Number.NaN }), {
      ok: false,
      option: 'temperature',
      field: 'temperature',
    });
  });

  it("leaves options it does not know to the model's defaults and lists them", () => {
    assert.deepEqual(samplingFromOptions({ reasoning_effort: 'high', temperature: null }), {
      ok: true,
      sampling: {},
      ignored: ['reasoning_effort'],
    });
  });

  it('knows when a request cannot be answered without a tool call', () => {
    assert.equal(requiresTools({ tools: [{ name: 't' }], toolMode: TOOL_MODE_REQUIRED }), true);
    assert.equal(requiresTools({ tools: [{ name: 't' }], toolMode: 1 }), false);
    assert.equal(requiresTools({ tools: [], toolMode: TOOL_MODE_REQUIRED }), false);
  });
});
