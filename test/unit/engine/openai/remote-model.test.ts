// What the remote engine makes of a served model (family, terms, context, what the server accepts) and the
// request bodies it builds from an engine call.
import assert from 'node:assert/strict';
import { chatOptions, completionOptions } from '../../../../extension/engine/openai/remote-requests.js';
import { describeRemoteModel, namesOf } from '../../../../extension/engine/openai/remote-model.js';
import type { RemoteModel } from '../../../../extension/engine/openai/openai-engine-client.js';

const vllm = (id: string, extra: Record<string, unknown> = {}): RemoteModel => ({
  id,
  ownedBy: 'vllm',
  contextLength: 4096,
  raw: { id, owned_by: 'vllm', root: id, max_model_len: 4096, ...extra },
});
const llama = (id: string): RemoteModel => ({
  id,
  ownedBy: 'llamacpp',
  raw: { id, owned_by: 'llamacpp', meta: { n_ctx_train: 4096 } },
});
const fude = (id: string, f: Record<string, unknown>): RemoteModel => ({
  id,
  ownedBy: 'fude',
  contextLength: 2048,
  raw: { id, owned_by: 'fude', max_model_len: 2048, fude: f },
});
const describe1 = (m: RemoteModel, props?: Record<string, unknown>) =>
  describeRemoteModel(m, { props, contextSizeSetting: 3000 });

describe('describeRemoteModel', () => {
  it('recognises the families and terms from served ids, as for local files', () => {
    const cases: Array<[string, string, string | null]> = [
      ['llm-jp-3-172b-beta1-instruct', 'llm-jp-3', 'llm-jp-3-172b-beta1'],
      ['llm-jp/llm-jp-3-172b-beta1', 'llm-jp-3', 'llm-jp-3-172b-beta1'],
      ['LLM-jp-3 172B beta1', 'llm-jp-3', 'llm-jp-3-172b-beta1'],
      ['llm-jp-3-13b-instruct', 'llm-jp-3', null],
      ['llm-jp-3-1.8b', 'llm-jp-3', null],
      ['Fugaku-LLM/Fugaku-LLM-13B-instruct', 'fugaku-llm', 'fugaku-llm'],
      ['Qwen/Qwen2.5-Coder-7B', 'generic', null],
    ];
    for (const [id, family, terms] of cases) {
      const facts = describe1(vllm(id));
      assert.equal(facts.family, family, id);
      assert.equal(facts.termsId, terms, id);
    }
  });

  it("looks at every name the server gives the model: vLLM's root, llama.cpp's model path and alias", () => {
    assert.equal(
      describe1(vllm('prod', { root: '/models/llm-jp-3-172b-beta1-instruct' })).termsId,
      'llm-jp-3-172b-beta1',
    );
    assert.equal(
      describe1(llama('default'), { model_path: 'C:\\models\\llm-jp-3-172b-beta1-Q4_K_M.gguf' }).termsId,
      'llm-jp-3-172b-beta1',
    );
    assert.deepEqual(namesOf(llama('default'), { model_path: '/m/fugaku-llm-13b.gguf' }), [
      'default',
      '/m/fugaku-llm-13b.gguf',
      'fugaku-llm-13b',
    ]);
  });

  it("fails closed: a name that needs acceptance wins, and Fude's own termsId counts too", () => {
    assert.equal(
      describe1(fude('renamed', { family: 'generic', termsId: 'fugaku-llm', fim: false, contextSize: 2048 })).termsId,
      'fugaku-llm',
    );
    assert.equal(
      describe1(
        fude('llm-jp-3-172b-beta1-instruct', { family: 'llm-jp-3', termsId: null, fim: false, contextSize: 2048 }),
      ).termsId,
      'llm-jp-3-172b-beta1',
    );
  });

  it('warns about a 172B release whose terms Fude does not hold, without inventing them', () => {
    const facts = describe1(vllm('llm-jp-3-172b-instruct3'));
    assert.equal(facts.termsId, null);
    assert.match(facts.termsWarning ?? '', /own terms/);
  });

  it("takes the context from the server: Fude's and vLLM's max_model_len, llama.cpp's /props n_ctx, else the setting", () => {
    assert.deepEqual([describe1(vllm('x')).contextSize, describe1(vllm('x')).contextFrom], [4096, 'server']);
    assert.equal(describe1(llama('x'), { default_generation_settings: { n_ctx: 8192 } }).contextSize, 8192);
    const unknown = describe1(llama('x'));
    assert.deepEqual(
      [unknown.contextSize, unknown.contextFrom],
      [3000, 'setting'],
      'n_ctx_train is what it was trained on, not what it serves',
    );
    assert.equal(describe1({ id: 'x', raw: { id: 'x' } }).contextFrom, 'setting');
  });

  it('knows what each server accepts: only Fude takes a suffix and says whether it fills in the middle', () => {
    const f = describe1(fude('tiny-coder', { family: 'generic', termsId: null, fim: true, contextSize: 2048 }));
    assert.deepEqual(
      [f.server, f.acceptsSuffix, f.fim, f.family, f.contextSize],
      ['fude', true, true, 'generic', 2048],
    );
    const v = describe1(vllm('tiny-coder'));
    assert.deepEqual([v.server, v.acceptsSuffix, v.fim], ['vllm', false, false]);
    assert.deepEqual(
      [describe1(llama('m')).server, describe1({ id: 'm', ownedBy: 'organization-owner', raw: { id: 'm' } }).server],
      ['llamacpp', 'other'],
    );
  });
});

describe('remote request bodies', () => {
  it("sends chat as plain role and content, with the family defaults under the person's settings", () => {
    const call = { messages: [{ role: 'user' as const, content: 'やあ', extra: 1 } as never], temperature: 0.2 };
    const o = chatOptions(call, { family: 'llm-jp-3' });
    assert.deepEqual(o.messages, [{ role: 'user', content: 'やあ' }]);
    assert.equal(o.temperature, 0.2);
    assert.equal(o.topP, 0.95);
    assert.equal(o.maxTokens, 1024);
    assert.equal('seed' in o, false);
  });

  it('builds completions as the local backend does: the raw prefix, greedy, 128 tokens unless asked', () => {
    const plan = completionOptions(
      { prefix: 'def f():\n    ', suffix: '\n    return y\n' },
      { acceptsSuffix: false, fim: false },
    );
    assert.deepEqual(plan.options, {
      prompt: 'def f():\n    ',
      maxTokens: 128,
      temperature: 0,
      topP: 1,
      stop: ['return y'],
    });
    assert.equal(plan.mode, 'prefix');
  });

  it('sends the suffix only to a server that takes it, and says fim only when the model fills in the middle', () => {
    const fim = completionOptions({ prefix: 'a', suffix: 'b\n', stop: ['\n\n'] }, { acceptsSuffix: true, fim: true });
    assert.equal(fim.options.suffix, 'b\n');
    assert.deepEqual(fim.options.stop, ['\n\n']);
    assert.equal(fim.mode, 'fim');
    assert.equal(completionOptions({ prefix: 'a', suffix: 'b' }, { acceptsSuffix: true, fim: false }).mode, 'prefix');
    const none = completionOptions({ prefix: 'a', suffix: '' }, { acceptsSuffix: true, fim: true });
    assert.equal('suffix' in none.options, false);
    assert.equal('stop' in none.options, false);
  });
});
