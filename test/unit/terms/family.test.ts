import assert from 'node:assert/strict';
import { termsForFamily } from '../../../common/terms/index.js';

function termsId(family: string, name: string): string {
  const r = termsForFamily(family, name);
  return r.kind === 'terms' ? r.terms.id : r.kind;
}

describe('termsForFamily', () => {
  it('LLM-jp-3 172B beta1 (base, instruct, GGUF names) gets the beta1 terms', () => {
    assert.equal(termsId('llm-jp-3', 'llm-jp-3-172b-beta1-instruct'), 'llm-jp-3-172b-beta1');
    assert.equal(termsId('llm-jp-3', 'llm-jp-3-172b-beta1'), 'llm-jp-3-172b-beta1');
    assert.equal(termsId('llm-jp-3', 'LLM-jp-3 172B beta1'), 'llm-jp-3-172b-beta1');
    assert.equal(termsId('llm-jp-3', 'llm-jp-3-172b-beta1-instruct-Q4_K_M.gguf'), 'llm-jp-3-172b-beta1');
  });

  it('other 172B releases are "unregistered", never silently open', () => {
    for (const name of ['llm-jp-3-172b-beta2-instruct', 'llm-jp-3-172b-instruct3', 'llm-jp-3-172b']) {
      const r = termsForFamily('llm-jp-3', name);
      assert.equal(r.kind, 'unregistered', name);
    }
  });

  it('smaller LLM-jp-3 models are Apache-2.0 with no gate', () => {
    for (const name of ['llm-jp-3-1.8b-instruct', 'llm-jp-3-3.7b', 'llm-jp-3-13b-instruct-Q8_0.gguf']) {
      const r = termsForFamily('llm-jp-3', name);
      assert.equal(r.kind, 'open', name);
      assert.equal(r.kind === 'open' && r.license, 'Apache-2.0');
    }
  });

  it('Fugaku-LLM by family or by name, whatever the family says', () => {
    assert.equal(termsId('fugaku-llm', 'Fugaku-LLM-13B-instruct'), 'fugaku-llm');
    assert.equal(termsId('fugaku-llm', 'model.gguf'), 'fugaku-llm');
    assert.equal(termsId('other', 'Fugaku-LLM-13B-instruct-0325b-q5_k_m.gguf'), 'fugaku-llm');
  });

  it('a 172b size is not confused with 1172b or 17.2b, and unknown families stay unknown', () => {
    assert.equal(termsId('llm-jp-3', 'llm-jp-3-1172b-beta1'), 'open');
    assert.equal(termsId('llama', 'Meta-Llama-3-8B-Instruct'), 'unknown');
    assert.equal(termsId('', ''), 'unknown');
  });
});
