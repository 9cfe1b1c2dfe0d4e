import assert from 'node:assert/strict';
import { ModelStatus, type ModelFacts } from '../../../extension/engine/model-status.js';
import { CONTEXT_BEFORE_LOAD, infoKey, lmModelInfo } from '../../../extension/lm/model-info.js';

const facts: ModelFacts = {
  name: 'llm-jp-3-1.8b-instruct',
  family: 'llm-jp-3',
  contextSize: 4096,
  gpu: false,
  gpuLayers: 0,
  totalLayers: 24,
  fim: false,
  termsId: null,
  source: '/m/llm-jp-3-1.8b-instruct-Q4_K_M.gguf',
};

describe("the model as VS Code's language-model API describes it", () => {
  it("uses the loaded model's name, family and context, with the chat panel's room for the answer", () => {
    const status = new ModelStatus({
      engine: 'local',
      isDemo: false,
      configuredName: 'llm-jp-3-1.8b-instruct-Q4_K_M.gguf',
    });
    status.publish({ phase: 'ready', model: facts });
    const info = lmModelInfo(status.current, { contextSize: 0 });
    assert.deepEqual(info, {
      id: 'local:llm-jp-3-1.8b-instruct-Q4_K_M',
      name: 'llm-jp-3-1.8b-instruct',
      family: 'llm-jp-3',
      version: 'llm-jp-3-1.8b-instruct-Q4_K_M',
      maxInputTokens: 4096 - 1024,
      maxOutputTokens: 1024,
      capabilities: { imageInput: false, toolCalling: false },
      loaded: true,
    });
    assert.equal(
      lmModelInfo(status.current, { contextSize: 0, maxTokens: 200 }).maxOutputTokens,
      200,
      'fude.sampling.maxTokens, as the chat uses it',
    );
  });

  it("keeps the id while the model is not loaded, with the setting's context or a small one", () => {
    const status = new ModelStatus({
      engine: 'local',
      isDemo: false,
      configuredName: 'Fugaku-LLM-13B-instruct-Q4_K_M.gguf',
    });
    const before = lmModelInfo(status.current, { contextSize: 0 });
    assert.equal(before.id, 'local:Fugaku-LLM-13B-instruct-Q4_K_M');
    assert.equal(before.family, 'fugaku-llm', 'the family from the file name');
    assert.equal(before.maxInputTokens + before.maxOutputTokens, CONTEXT_BEFORE_LOAD);
    assert.equal(before.loaded, false);
    assert.equal(
      lmModelInfo(status.current, { contextSize: 8192 }).maxInputTokens +
        lmModelInfo(status.current, { contextSize: 8192 }).maxOutputTokens,
      8192,
    );
    status.publish({
      phase: 'ready',
      model: { ...facts, name: 'Fugaku-LLM-13B-instruct', family: 'fugaku-llm', contextSize: 2048 },
    });
    const after = lmModelInfo(status.current, { contextSize: 0 });
    assert.equal(after.id, before.id, 'the same model keeps its id once loaded');
    assert.notEqual(infoKey(after), infoKey(before), 'but its description changed');
  });

  it('names a remote model by the engine and its id', () => {
    const status = new ModelStatus({
      engine: 'openai',
      isDemo: false,
      configuredName: 'llm-jp-3-172b-beta1-instruct',
      server: 'https://gpu:8000',
    });
    assert.equal(lmModelInfo(status.current, { contextSize: 4096 }).id, 'openai:llm-jp-3-172b-beta1-instruct');
  });
});
