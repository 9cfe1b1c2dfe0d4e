import assert from 'node:assert/strict';
import { basename } from 'node:path';
import type { ModelFamily } from '../../../../protocol/messages.js';
import { identifyModel as identify, modelFacts } from '../../../../backend/profiles/family.js';

/** The general.* fields and a path, as these cases were first written. */
function identifyModel(
  general: { name?: string; basename?: string } | undefined,
  path: string,
  override?: ModelFamily,
) {
  return identify({ ...general, fileName: basename(path.replace(/\\/g, '/')) }, override);
}

describe('identifyModel', () => {
  it('LLM-jp-3 from general.name, general.basename or the file name', () => {
    assert.deepEqual(identifyModel({ name: 'llm-jp-3-1.8b-instruct' }, '/m/x.gguf'), {
      name: 'llm-jp-3-1.8b-instruct',
      family: 'llm-jp-3',
    });
    assert.deepEqual(identifyModel({ name: 'Some Name', basename: 'llm-jp-3' }, '/m/x.gguf'), {
      name: 'Some Name',
      family: 'llm-jp-3',
    });
    assert.deepEqual(identifyModel(undefined, '/models/llm-jp-3-13b-instruct-Q4_K_M.gguf'), {
      name: 'llm-jp-3-13b-instruct-Q4_K_M',
      family: 'llm-jp-3',
    });
    for (const spelling of ['LLM-jp-3', 'llm_jp_3', 'LLM jp 3', 'llmjp3']) {
      assert.equal(identifyModel({ name: spelling }, 'a.gguf').family, 'llm-jp-3', spelling);
    }
  });

  it('Fugaku-LLM, which also contains "LLM", is not mistaken for LLM-jp', () => {
    assert.deepEqual(identifyModel({ name: 'Fugaku-LLM-13B-instruct', basename: 'Fugaku-LLM' }, 'a.gguf'), {
      name: 'Fugaku-LLM-13B-instruct',
      family: 'fugaku-llm',
    });
    assert.equal(identifyModel(undefined, 'C:/models/Fugaku-LLM-13B-instruct-Q4_K_M.gguf').family, 'fugaku-llm');
    assert.equal(
      identifyModel({ name: 'fugaku-llm-jp-merge' }, 'a.gguf').family,
      'llm-jp-3',
      'LLM-jp is checked first',
    );
  });

  it('anything else is generic', () => {
    assert.deepEqual(identifyModel({ name: 'Qwen2.5 Coder 1.5B Instruct' }, '/m/qwen.gguf'), {
      name: 'Qwen2.5 Coder 1.5B Instruct',
      family: 'generic',
    });
    assert.equal(identifyModel(undefined, 'tiny.GGUF').name, 'tiny', 'the extension goes, whatever its case');
  });

  it('a blank general.name falls back to the file name', () => {
    assert.equal(identifyModel({ name: '   ' }, '/m/llm-jp-3-3.7b.gguf').name, 'llm-jp-3-3.7b');
    assert.equal(identifyModel({ name: ' padded ' }, '/m/x.gguf').name, 'padded');
  });

  it('the override wins over metadata and file name, and keeps the name', () => {
    assert.deepEqual(identifyModel({ name: 'llm-jp-3-1.8b' }, 'a.gguf', 'generic'), {
      name: 'llm-jp-3-1.8b',
      family: 'generic',
    });
    assert.deepEqual(identifyModel(undefined, '/m/my-finetune.gguf', 'fugaku-llm'), {
      name: 'my-finetune',
      family: 'fugaku-llm',
    });
  });

  it('a renamed file is still known by its shape and vocabulary', () => {
    const fugaku = { architecture: 'gpt2', blockCount: 40, embeddingLength: 5184, name: 'Model', fileName: 'm.gguf' };
    assert.equal(identify(fugaku).family, 'fugaku-llm');
    const llmJp3 = {
      architecture: 'llama',
      firstTokens: [
        '<unk>',
        '<s>',
        '</s>',
        '<MASK|LLM-jp>',
        '<PAD|LLM-jp>',
        '<CLS|LLM-jp>',
        '<SEP|LLM-jp>',
        '<EOD|LLM-jp>',
      ],
      name: 'Model',
      fileName: 'm.gguf',
    };
    assert.equal(identify(llmJp3).family, 'llm-jp-3');
    assert.equal(
      identify({ ...fugaku, architecture: 'llama' }).family,
      'generic',
      'the shape alone, in another architecture, is not Fugaku-LLM',
    );
  });

  it('reads the facts from node-llama-cpp metadata, whatever is missing or mistyped', () => {
    const metadata = {
      general: { architecture: 'gpt2', name: 'n', basename: 'b', finetune: 'f', size_label: '13B' },
      gpt2: { block_count: 40, embedding_length: 5184n },
      tokenizer: { ggml: { tokens: ['<unk|LLM-jp>', '<s|LLM-jp>', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] } },
    };
    assert.deepEqual(modelFacts(metadata, '/m/Fugaku.gguf'), {
      name: 'n',
      basename: 'b',
      finetune: 'f',
      sizeLabel: '13B',
      fileName: 'Fugaku.gguf',
      architecture: 'gpt2',
      blockCount: 40,
      embeddingLength: 5184,
      firstTokens: ['<unk|LLM-jp>', '<s|LLM-jp>', 'a', 'b', 'c', 'd', 'e', 'f'],
    });
    assert.deepEqual(
      modelFacts({ general: { name: 7, architecture: 'llama' }, llama: 'x', tokenizer: null }, 'x.gguf'),
      {
        name: undefined,
        basename: undefined,
        finetune: undefined,
        sizeLabel: undefined,
        fileName: 'x.gguf',
        architecture: 'llama',
        blockCount: undefined,
        embeddingLength: undefined,
        firstTokens: undefined,
      },
    );
    assert.equal(modelFacts(undefined, 'y.gguf').fileName, 'y.gguf');
  });
});
