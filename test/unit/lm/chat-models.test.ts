// The language-model provider's logic with a scripted engine, the real request guard and the real notice flow.
import assert from 'node:assert/strict';
import type { SamplingFields } from '../../../protocol/messages.js';
import { ModelStatus, type ModelFacts, type ModelFailure } from '../../../extension/engine/model-status.js';
import { RequestGuard } from '../../../extension/guard/request-guard.js';
import { FudeChatModels } from '../../../extension/lm/chat-models.js';
import { LmRefusal, type LmTexts } from '../../../extension/lm/refusal.js';
import { LM_ROLE, type RequestMessageLike } from '../../../extension/lm/request-messages.js';
import { NoticeFlow, type NoticeMode } from '../../../extension/terms/notice-flow.js';
import { fakeClient, type Script } from '../chat/session-fakes.js';

const TERMS = 'llm-jp-3-172b-beta1';
const MEDICAL = 'この症状だとどの薬を何錠飲めばいいですか？';
const facts = (termsId: string | null): ModelFacts => ({
  name: 'llm-jp-3-172b-beta1-instruct',
  family: 'llm-jp-3',
  contextSize: 4096,
  gpu: false,
  gpuLayers: 0,
  totalLayers: 96,
  fim: false,
  termsId,
  source: '/m.gguf',
});
const user = (text: string): RequestMessageLike => ({ role: LM_ROLE.user, content: [{ value: text }] });

const TEXTS: LmTexts = {
  termsNotAccepted: (model, terms) => `terms: ${model} needs ${terms}; run "Fude: Show Terms of Use"`,
  startFailed: (f) => `start failed: ${f.code}`,
  notReady: 'not ready',
  declined: 'declined',
  blocked: 'blocked',
  failed: (code) => `failed: ${code}`,
  badMessages: (p) => `bad messages: ${p.kind}`,
  badOption: (o, f) => `bad option ${o} (${f})`,
  toolsRequired: 'tools required',
  notFound: (id) => `not found: ${id}`,
};

interface Setup {
  termsId?: string | null;
  accepted?: boolean;
  mode?: NoticeMode;
  answer?: 'continue' | 'cancel';
  /** What starting the model does: become ready, or fail with this failure. */
  start?: 'ready' | ModelFailure;
  script?: Script;
  sampling?: SamplingFields;
}

function setup(o: Setup = {}) {
  const status = new ModelStatus({
    engine: 'local',
    isDemo: false,
    configuredName: 'llm-jp-3-172b-beta1-instruct.gguf',
  });
  const engine = fakeClient(o.script ?? { chunks: ['こんにちは', '。'] });
  const asked: string[] = [];
  const notices = new NoticeFlow(
    {
      confirm: async (m) => {
        asked.push(m);
        return o.answer ?? 'cancel';
      },
      notify: (m) => asked.push(`notify: ${m}`),
      blocked: (m) => asked.push(`blocked: ${m}`),
    },
    () => o.mode ?? 'confirm',
    () => 'en',
  );
  let accepted = o.accepted ?? true;
  const termsAccepted = () => accepted;
  const guard = new RequestGuard({ status, termsAccepted, notices, log: () => undefined });
  let starts = 0;
  const ensureReady = async () => {
    starts++;
    const start = o.start ?? 'ready';
    if (start === 'ready') {
      if (status.current.phase !== 'ready')
        status.publish({ phase: 'ready', model: facts(o.termsId === undefined ? TERMS : o.termsId) });
      return true;
    }
    status.publish({ phase: 'failed', failure: start });
    return false;
  };
  const logs: string[] = [];
  const models = new FudeChatModels({
    engine,
    status,
    ensureReady,
    guard,
    termsAccepted,
    termsTitle: (id) => `the ${id} terms`,
    sampling: () => o.sampling ?? {},
    settings: () => ({ contextSize: 0 }),
    texts: TEXTS,
    log: (line) => logs.push(line),
  });
  const id = models.info()[0].id;
  const respond = async (messages: RequestMessageLike[], options = {}, signal = new AbortController().signal) => {
    const pieces: string[] = [];
    await models.respond(id, messages, options, (t) => pieces.push(t), signal);
    return pieces;
  };
  return {
    models,
    status,
    engine,
    asked,
    logs,
    id,
    respond,
    revoke: () => {
      accepted = false;
    },
    starts: () => starts,
  };
}

async function refusal(p: Promise<unknown>): Promise<LmRefusal> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof LmRefusal, `an LmRefusal, not ${String(e)}`);
    return e;
  }
  assert.fail('expected a refusal');
}

describe("FudeChatModels: the language-model provider's road (start, guard, stream, count)", () => {
  it("starts the model, streams the answer on the chat lane with the settings' and the request's sampling", async () => {
    const s = setup({ accepted: true, sampling: { temperature: 0.7, maxTokens: 100 } });
    const pieces = await s.respond([user('自己紹介して')], { modelOptions: { max_tokens: 32 } });
    assert.deepEqual(pieces, ['こんにちは', '。']);
    assert.equal(s.starts(), 1);
    assert.deepEqual(s.engine.requests, [
      { messages: [{ role: 'user', content: '自己紹介して' }], lane: 'chat', temperature: 0.7, maxTokens: 32 },
    ]);
  });

  it('refuses before terms are accepted, naming the editor action, and sends nothing', async () => {
    const failure: ModelFailure = {
      code: 'terms_not_accepted',
      message: 'x',
      params: { termsId: TERMS },
      stderrTail: [],
    };
    const s = setup({ start: failure });
    const e = await refusal(s.respond([user('hello')]));
    assert.equal(e.kind, 'NoPermissions');
    assert.match(e.message, /Fude: Show Terms of Use/);
    assert.match(e.message, /the llm-jp-3-172b-beta1 terms/);
    assert.equal(s.engine.requests.length, 0);
  });

  it('refuses when acceptance was revoked while the model runs, for answers and counts alike', async () => {
    const s = setup();
    await s.respond([user('hello')]);
    s.revoke();
    assert.equal((await refusal(s.respond([user('hello again')]))).kind, 'NoPermissions');
    assert.equal((await refusal(s.models.count(s.id, 'hello'))).kind, 'NoPermissions');
    assert.equal(s.engine.requests.length, 1, 'only the first request reached the model');
  });

  it('says why a model that cannot start gives no answer', async () => {
    const s = setup({ start: { code: 'model_missing', message: 'x', params: { path: '/m.gguf' }, stderrTail: [] } });
    const e = await refusal(s.respond([user('hello')]));
    assert.deepEqual([e.kind, e.message], ['Unknown', 'start failed: model_missing']);
  });

  it('asks the prohibited-use notice over the request; Cancel sends nothing (Blocked)', async () => {
    const s = setup({ answer: 'cancel' });
    const e = await refusal(s.respond([user(MEDICAL)]));
    assert.deepEqual([e.kind, e.message], ['Blocked', 'declined']);
    assert.equal(s.asked.length, 1);
    assert.equal(s.engine.requests.length, 0);
  });

  it('reads earlier messages too: an ask placed before a harmless last message is still seen', async () => {
    const s = setup({ answer: 'cancel' });
    const e = await refusal(
      s.respond([user(MEDICAL), { role: LM_ROLE.assistant, content: [{ value: '...' }] }, user('続けて')]),
    );
    assert.equal(e.kind, 'Blocked');
  });

  it('in block mode refuses as blocked; Continue sends, and is not asked again in the same conversation', async () => {
    assert.equal((await refusal(setup({ mode: 'block' }).respond([user(MEDICAL)]))).message, 'blocked');
    const s = setup({ answer: 'continue' });
    await s.respond([user(MEDICAL)]);
    await s.respond([user(MEDICAL), { role: LM_ROLE.assistant, content: [{ value: 'a' }] }, user('それで？')]);
    assert.equal(s.asked.length, 1, 'asked once for the conversation');
    assert.equal(s.engine.requests.length, 2);
  });

  it('sends no notice for a model without terms', async () => {
    const s = setup({ termsId: null });
    await s.respond([user(MEDICAL)]);
    assert.deepEqual(s.asked, []);
  });

  it('stops the generation when the caller cancels, and ends without an error', async () => {
    const s = setup({ script: { chunks: ['ループ'], loop: true } });
    const controller = new AbortController();
    const pieces: string[] = [];
    const answering = s.models.respond(
      s.id,
      [user('hello')],
      {},
      (t) => {
        pieces.push(t);
        if (pieces.length === 3) controller.abort();
      },
      controller.signal,
    );
    await answering;
    assert.equal(pieces.length, 3);
    assert.equal(s.engine.signals[0].aborted, true, "the engine's request was aborted");
  });

  it('words an engine failure from its code', async () => {
    const s = setup({ script: { chunks: ['part'], error: { code: 'context_overflow', message: 'too long' } } });
    const e = await refusal(s.respond([user('hello')]));
    assert.deepEqual([e.kind, e.message], ['Unknown', 'failed: context_overflow']);
    assert.ok(
      s.logs.some((l) => l.includes('too long')),
      "the engine's sentence goes to the log",
    );
  });

  it('refuses bad input before starting anything', async () => {
    const s = setup();
    assert.equal((await refusal(s.respond([]))).message, 'bad messages: no_question');
    assert.equal(
      (await refusal(s.respond([user('x')], { modelOptions: { temperature: 5 } }))).message,
      'bad option temperature (temperature)',
    );
    assert.equal(
      (await refusal(s.respond([user('x')], { tools: [{ name: 't' }], toolMode: 2 }))).message,
      'tools required',
    );
    assert.equal(s.starts(), 0);
  });

  it('answers "not found" for a model id that is no longer Fude\'s', async () => {
    const s = setup();
    const e = await refusal(
      s.models.respond('local:another-model', [user('x')], {}, () => undefined, new AbortController().signal),
    );
    assert.equal(e.kind, 'NotFound');
  });

  it("counts tokens with the engine's tokenizer; estimates only where the engine cannot count", async () => {
    const s = setup();
    assert.equal(await s.models.count(s.id, 'こんにちは'), 5, 'the fake tokenizer: one token a character');
    assert.equal(await s.models.count(s.id, user('abc')), 3);
    assert.equal(await s.models.count(s.id, ''), 0);
    s.engine.count = async () => undefined;
    assert.equal(await s.models.count(s.id, 'こんにちは'), 5, 'the rough estimate: one token per Japanese character');
  });

  it('tells VS Code when the description changes, not on every status update', async () => {
    const s = setup();
    let fired = 0;
    const watcher = s.models.watch(() => fired++);
    s.status.publish({ inFlight: 1 });
    assert.equal(fired, 0);
    s.status.publish({ phase: 'ready', model: facts(TERMS) });
    assert.equal(fired, 1, "the loaded model's name and context");
    s.status.publish({ inFlight: 0 });
    assert.equal(fired, 1);
    watcher.dispose();
  });
});
