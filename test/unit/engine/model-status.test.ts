import assert from 'node:assert/strict';
import { ModelStatus, termsIdOf, type ModelFacts } from '../../../extension/engine/model-status.js';

const facts: ModelFacts = {
  name: 'm',
  family: 'llm-jp-3',
  contextSize: 4096,
  gpu: false,
  gpuLayers: 0,
  totalLayers: 24,
  fim: false,
  termsId: 'llm-jp-3-172b-beta1',
  source: '/m.gguf',
};

describe('ModelStatus: one owner of the model as features see it', () => {
  it('tells every listener of each change, with the whole state', () => {
    const status = new ModelStatus({ engine: 'local', isDemo: false, configuredName: 'm.gguf' });
    const seen: string[] = [];
    const off = status.onDidChange((s) => seen.push(`${s.phase}:${s.inFlight}`));
    status.publish({ phase: 'starting' });
    status.publish({ inFlight: 2 });
    off();
    status.publish({ phase: 'ready', model: facts });
    assert.deepEqual(seen, ['starting:0', 'starting:2']);
    assert.equal(status.current.model?.name, 'm');
  });

  it('drops the facts of one phase when another begins: no stale failure or loading progress', () => {
    const status = new ModelStatus({ engine: 'local', isDemo: true, configuredName: 'demo' });
    status.publish({
      phase: 'failed',
      failure: { code: 'model_missing', message: 'x', params: { path: '/x' }, stderrTail: [] },
    });
    status.publish({ phase: 'loading', loading: { name: 'm', stage: 'model', progress: 0.5, termsId: null } });
    assert.equal(status.current.failure, undefined);
    status.publish({ phase: 'ready', model: facts, readyKey: '1:/m.gguf' });
    assert.equal(status.current.loading, undefined);
    assert.equal(status.current.isDemo, true, 'what the settings say survives phases');
    assert.equal(status.current.configuredName, 'demo');
  });

  it('settled() waits for the end of starting and loading on change events, and gives up when aborted', async () => {
    const status = new ModelStatus({ engine: 'local', isDemo: false, configuredName: 'm' });
    assert.equal((await status.settled()).phase, 'stopped', 'a stopped model is settled');
    status.publish({ phase: 'starting' });
    const waiting = status.settled();
    status.publish({ phase: 'loading', loading: { name: 'm', stage: 'runtime', termsId: null } });
    status.publish({ phase: 'ready', model: facts });
    assert.equal((await waiting).phase, 'ready');
    status.publish({ phase: 'starting' });
    const abort = new AbortController();
    const aborted = status.settled(abort.signal);
    abort.abort();
    assert.equal((await aborted).phase, 'starting');
  });

  it('knows the terms of the model in use in every phase that has one', () => {
    const status = new ModelStatus({ engine: 'local', isDemo: false, configuredName: 'm' });
    assert.equal(termsIdOf(status.current), null);
    status.publish({ phase: 'loading', loading: { name: 'm', stage: 'model', termsId: 'fugaku-llm' } });
    assert.equal(termsIdOf(status.current), 'fugaku-llm');
    status.publish({
      phase: 'failed',
      failure: {
        code: 'terms_not_accepted',
        message: 'prose that is never parsed',
        params: { termsId: 'llm-jp-3-172b-beta1' },
        stderrTail: [],
      },
    });
    assert.equal(termsIdOf(status.current), 'llm-jp-3-172b-beta1');
    status.publish({ phase: 'ready', model: facts });
    assert.equal(termsIdOf(status.current), 'llm-jp-3-172b-beta1');
  });
});
