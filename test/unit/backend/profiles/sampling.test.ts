import assert from 'node:assert/strict';
import { COMPLETION_SAMPLING, samplingFor } from '../../../../common/sampling.js';

describe('samplingFor', () => {
  it("LLM-jp-3 defaults are the model card's: temperature 0.7, top_p 0.95, repetition_penalty 1.05", () => {
    const s = samplingFor('llm-jp-3', {});
    assert.equal(s.temperature, 0.7);
    assert.equal(s.topP, 0.95);
    assert.equal(s.repeatPenalty, 1.05);
    assert.equal(s.seed, undefined);
  });

  it("Fugaku-LLM defaults are the model card's: temperature 0.1, top_p 1.0, top_k 0, repetition_penalty 1.0", () => {
    const s = samplingFor('fugaku-llm', {});
    assert.equal(s.temperature, 0.1);
    assert.equal(s.topP, 1.0);
    assert.equal(s.topK, 0);
    assert.equal(s.repeatPenalty, 1.0);
  });

  it('every family has a finite default for every field', () => {
    for (const family of ['llm-jp-3', 'fugaku-llm', 'generic'] as const) {
      const s = samplingFor(family, {});
      for (const k of ['temperature', 'topP', 'topK', 'repeatPenalty', 'maxTokens'] as const) {
        assert.ok(Number.isFinite(s[k]), `${family}.${k}`);
      }
      assert.ok(s.maxTokens >= 128, `${family}: room for a chat answer`);
    }
  });

  it('request fields win, including zeros', () => {
    const s = samplingFor('llm-jp-3', { temperature: 0, topP: 0.5, topK: 0, repeatPenalty: 1, maxTokens: 7, seed: 0 });
    assert.deepEqual(s, { temperature: 0, topP: 0.5, topK: 0, repeatPenalty: 1, maxTokens: 7, seed: 0 });
    const f = samplingFor('fugaku-llm', { topK: 40, temperature: 1.2 });
    assert.equal(f.topK, 40);
    assert.equal(f.temperature, 1.2);
    assert.equal(f.topP, 1.0, 'unset fields keep the family default');
  });

  it('does not share state between calls', () => {
    samplingFor('generic', { temperature: 2 });
    assert.notEqual(samplingFor('generic', {}).temperature, 2);
  });

  it('completion is greedy and short', () => {
    assert.equal(COMPLETION_SAMPLING.temperature, 0);
    assert.equal(COMPLETION_SAMPLING.repeatPenalty, 1);
    assert.ok(COMPLETION_SAMPLING.maxTokens <= 256);
  });
});
