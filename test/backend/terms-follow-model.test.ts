// The real backend on generated models that try the bypasses of issue 13: the terms follow the weights, not the
// family setting or general.name alone. (Shapes and vocabularies are covered by test/unit/terms/model-terms.test.ts:
// a generated model cannot have Fugaku-LLM's 40 layers of 5184.)
import assert from 'node:assert/strict';
import { EXIT_BAD_SETUP } from '../../protocol/messages.js';
import { parseSetupError } from './setup-line.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { spawnBackend } from './harness.js';

async function refusal(args: string[]) {
  const b = spawnBackend(args);
  const { code } = await b.exit;
  assert.equal(code, EXIT_BAD_SETUP, `refused with exit code 2; stderr: ${b.stderr.join(' | ')}`);
  const errors = b.stderr.map(parseSetupError).filter((e) => e !== undefined);
  assert.equal(errors.length, 1, b.stderr.join(' | '));
  return errors[0];
}

describe('backend: the terms follow the model', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = makeTinyModelDir();
  });
  after(() => removeTinyModelDir(dir));

  it('a Fugaku-LLM file with a respelled general.name and --family generic still needs the Fugaku-LLM terms', async () => {
    const model = writePresetModel(
      dir,
      'fugaku',
      { name: 'F-LLM 13B instruct' },
      'Fugaku-LLM-13B-instruct-Q4_K_M.gguf',
    );
    const e = await refusal(['--model', model.path, '--family', 'generic']);
    assert.equal(e.code, 'terms_not_accepted');
    assert.match(e.message, /--accept-terms fugaku-llm\b/);
    assert.match(e.message, /general\.basename "Fugaku-LLM"/);
  });

  it('an LLM-jp-3 172B beta1 file whose size is only in general.size_label and the file name needs the beta1 terms, and its ready line names them (notices follow)', async () => {
    const fileName = 'llm-jp-3-172b-beta1-instruct-Q4_K_M.gguf';
    const model = writePresetModel(dir, 'llm-jp-3-172b', { name: 'llm-jp-3-instruct' }, fileName);
    const e = await refusal(['--model', model.path]);
    assert.equal(e.code, 'terms_not_accepted');
    assert.match(e.message, /--accept-terms llm-jp-3-172b-beta1\b/);
    const b = spawnBackend(['--model', model.path, '--family', 'generic', '--accept-terms', 'llm-jp-3-172b-beta1']);
    try {
      assert.equal((await b.ready).model.termsId, 'llm-jp-3-172b-beta1');
    } finally {
      await b.stop();
    }
  });

  it('another LLM-jp-3 172B release is refused until its terms are registered, with its own code', async () => {
    const model = writePresetModel(
      dir,
      'llm-jp-3-172b',
      { name: 'llm-jp-3-172b-instruct3' },
      'llm-jp-3-172b-instruct3.gguf',
    );
    const e = await refusal(['--model', model.path, '--accept-terms', 'llm-jp-3-172b-beta1']);
    assert.equal(e.code, 'terms_unregistered');
    assert.match(e.message, /llm-jp-3-172b-instruct3 is not loaded/);
    assert.match(e.message, /huggingface\.co\/llm-jp/);
  });
});
