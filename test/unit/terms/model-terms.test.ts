// The terms follow the weights: table-driven over what a GGUF file can show (general.name, basename, finetune,
// size_label, architecture, shape, vocabulary, file name) and the family a user or workspace may set, through
// the same two calls the backend makes before loading (identifyModel, then requiredTerms).
import assert from 'node:assert/strict';
import type { ModelFamily } from '../../../protocol/messages.js';
import { identifyModel, type ModelFacts } from '../../../backend/profiles/family.js';
import { requiredTerms } from '../../../backend/profiles/terms-gate.js';
import { SetupError } from '../../../backend/setup/setup-error.js';
import { TERMS_TABLE, type Outcome } from './model-terms-table.js';

/** What the backend does with this file and family, before anything is accepted. */
function outcome(facts: ModelFacts, family?: ModelFamily): Outcome {
  try {
    requiredTerms(facts, identifyModel(facts, family), []);
    return 'no terms';
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    if (e.code === 'terms_unregistered') return 'refused: unregistered';
    const id = /--accept-terms (\S+)/.exec(e.message)?.[1];
    assert.equal(e.code, 'terms_not_accepted');
    return id as Outcome;
  }
}

describe('terms follow the model', () => {
  for (const row of TERMS_TABLE) {
    it(`${row.what}${row.family ? ` (--family ${row.family})` : ''}: ${row.expect}`, () => {
      assert.equal(outcome(row.facts, row.family), row.expect);
    });
  }

  it('says what it recognised the model by, and refuses unregistered releases with their own code', () => {
    assert.throws(
      () =>
        requiredTerms(
          { name: 'llm-jp-3', sizeLabel: '172B', fileName: 'x.gguf' },
          { name: 'llm-jp-3', family: 'generic' },
          [],
        ),
      (e: unknown) =>
        e instanceof SetupError &&
        e.code === 'terms_unregistered' &&
        /general\.size_label "172B"/.test(e.message) &&
        /huggingface\.co\/llm-jp/.test(e.message),
    );
    assert.throws(
      () =>
        requiredTerms({ name: 'F', basename: 'Fugaku-LLM', fileName: 'f.gguf' }, { name: 'F', family: 'generic' }, []),
      (e: unknown) =>
        e instanceof SetupError &&
        e.code === 'terms_not_accepted' &&
        /general\.basename "Fugaku-LLM"/.test(e.message) &&
        /--accept-terms fugaku-llm\b/.test(e.message),
    );
  });

  it('loads once the terms the model needs are accepted, and names them for the ready line', () => {
    const facts = { name: 'llm-jp-3-instruct', sizeLabel: '172B', fileName: 'llm-jp-3-172b-beta1-instruct.gguf' };
    assert.deepEqual(requiredTerms(facts, identifyModel(facts, 'generic'), ['llm-jp-3-172b-beta1']), {
      termsId: 'llm-jp-3-172b-beta1',
    });
    assert.throws(
      () => requiredTerms(facts, identifyModel(facts, 'generic'), ['fugaku-llm']),
      /--accept-terms llm-jp-3-172b-beta1/,
    );
  });
});
