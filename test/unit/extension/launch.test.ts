// How the backend is started from the settings: the options each setting becomes.
import assert from 'node:assert/strict';
import { launchSpec, type ModelSettings } from '../../../extension/engine/local/launch.js';
import { settingForOption } from '../../../extension/vscode/failure-facts.js';

const MODEL: ModelSettings = {
  modelPath: '/m/llm-jp-3-1.8b.gguf',
  family: 'auto',
  gpu: 'auto',
  gpuLayers: 'auto',
  contextSize: 0,
  threads: 0,
  acceptedTerms: [],
};
const RUNTIME = { extensionPath: '/ext', execPath: '/node', isElectron: false, nodePath: '', hostPid: 42, env: {} };

describe('launchSpec', () => {
  it('passes a draft model when one is set, and nothing when it is empty', () => {
    const drafted = launchSpec({ ...MODEL, draftModelPath: '/m/llm-jp-3-150m.gguf' }, RUNTIME, 't').args;
    assert.deepEqual(drafted.slice(drafted.indexOf('--draft-model'), drafted.indexOf('--draft-model') + 2), [
      '--draft-model',
      '/m/llm-jp-3-150m.gguf',
    ]);
    assert.equal(launchSpec({ ...MODEL, draftModelPath: '' }, RUNTIME, 't').args.includes('--draft-model'), false);
    assert.equal(launchSpec(MODEL, RUNTIME, 't').args.includes('--draft-model'), false);
  });

  it('names the setting behind a refused draft model', () => {
    assert.equal(settingForOption('draft-model'), 'fude.backend.draftModelPath');
  });
});
