import assert from 'node:assert/strict';
import { identifyModel } from '../../../../backend/profiles/family.js';

describe('identifyModel', () => {
  it('LLM-jp-3 from general.name, general.basename or the file name', () => {
    assert.deepEqual(identifyModel({ name: 'llm-jp-3-1.8b-instruct' }, '/m/x.gguf'), { name: 'llm-jp-3-1.8b-instruct', family: 'llm-jp-3' });
    assert.deepEqual(identifyModel({ name: 'Some Name', basename: 'llm-jp-3' }, '/m/x.gguf'), { name: 'Some Name', family: 'llm-jp-3' });
    assert.deepEqual(identifyModel(undefined, '/models/llm-jp-3-13b-instruct-Q4_K_M.gguf'), { name: 'llm-jp-3-13b-instruct-Q4_K_M', family: 'llm-jp-3' });
    for (const spelling of ['LLM-jp-3', 'llm_jp_3', 'LLM jp 3', 'llmjp3']) {
      assert.equal(identifyModel({ name: spelling }, 'a.gguf').family, 'llm-jp-3', spelling);
    }
  });

  it('Fugaku-LLM, which also contains "LLM", is not mistaken for LLM-jp', () => {
    assert.deepEqual(identifyModel({ name: 'Fugaku-LLM-13B-instruct', basename: 'Fugaku-LLM' }, 'a.gguf'), { name: 'Fugaku-LLM-13B-instruct', family: 'fugaku-llm' });
    assert.equal(identifyModel(undefined, 'C:/models/Fugaku-LLM-13B-instruct-Q4_K_M.gguf').family, 'fugaku-llm');
    assert.equal(identifyModel({ name: 'fugaku-llm-jp-merge' }, 'a.gguf').family, 'llm-jp-3', 'LLM-jp is checked first');
  });

  it('anything else is generic', () => {
    assert.deepEqual(identifyModel({ name: 'Qwen2.5 Coder 1.5B Instruct' }, '/m/qwen.gguf'), { name: 'Qwen2.5 Coder 1.5B Instruct', family: 'generic' });
    assert.equal(identifyModel(undefined, 'tiny.GGUF').name, 'tiny', 'the extension goes, whatever its case');
  });

  it('a blank general.name falls back to the file name', () => {
    assert.equal(identifyModel({ name: '   ' }, '/m/llm-jp-3-3.7b.gguf').name, 'llm-jp-3-3.7b');
    assert.equal(identifyModel({ name: ' padded ' }, '/m/x.gguf').name, 'padded');
  });

  it('the override wins over metadata and file name, and keeps the name', () => {
    assert.deepEqual(identifyModel({ name: 'llm-jp-3-1.8b' }, 'a.gguf', 'generic'), { name: 'llm-jp-3-1.8b', family: 'generic' });
    assert.deepEqual(identifyModel(undefined, '/m/my-finetune.gguf', 'fugaku-llm'), { name: 'my-finetune', family: 'fugaku-llm' });
  });
});
