import assert from 'node:assert/strict';
import { TextStream } from '../../../extension/engine/text-stream.js';
import { ModelStatus, type ModelFacts } from '../../../extension/engine/model-status.js';
import type { CompleteCall, EngineDetails, PrefillCall } from '../../../extension/engine/engine.js';
import type { StreamEnd } from '../../../extension/engine/text-stream.js';
import type { LaneStatus } from '../../../protocol/messages.js';
import { DEFAULT_PIPELINE_SETTINGS } from '../../../extension/completion/pipeline.js';
import { CompletionService } from '../../../extension/completion/service.js';
import { Snooze } from '../../../extension/completion/snooze.js';

const facts = (termsId: string | null = null): ModelFacts => ({
  name: 'coder',
  family: 'generic',
  contextSize: 2048,
  gpu: false,
  gpuLayers: 0,
  totalLayers: 4,
  fim: true,
  termsId,
  source: '/c.gguf',
});

function setup(o: { accepted?: boolean; isDemo?: boolean; lanes?: LaneStatus[] } = {}) {
  const status = new ModelStatus({ engine: 'local', isDemo: o.isDemo ?? false, configuredName: 'c.gguf' });
  const calls: CompleteCall[] = [];
  const prefills: PrefillCall[] = [];
  let snoozed: number | undefined;
  const engine = {
    async prefill(call: PrefillCall): Promise<StreamEnd> {
      prefills.push(call);
      return {
        stopReason: 'none',
        usage: { inputTokens: 40, evaluatedInputTokens: 40, outputTokens: 0 },
        timings: { firstTokenMs: 0, totalMs: 300 },
        throughput: { promptTokensPerSecond: 150, decodeTokensPerSecond: 12 },
      };
    },
    async details(): Promise<EngineDetails> {
      const m = facts();
      return {
        backend: {
          model: { ...m, path: m.source, trainContextSize: 4096, gpu: false },
          memory: { ramFreeBytes: 1, ramTotalBytes: 2, vramFreeBytes: 0, vramTotalBytes: 0, parts: [] },
          sequences: { total: 3, inUse: 1 },
          requestsInFlight: 1,
          requestsQueued: 0,
          throughput: { promptTokensPerSecond: 137, decodeTokensPerSecond: 11, measuredAt: 'calibration' },
          lanes: o.lanes ?? [],
        },
      };
    },
    complete(call: CompleteCall) {
      calls.push(call);
      const s = new TextStream(`r${calls.length}`);
      setImmediate(() => {
        s.push('42;');
        s.finish({
          stopReason: 'eos',
          usage: { inputTokens: 5, evaluatedInputTokens: 5, outputTokens: 2 },
          timings: { firstTokenMs: 1, totalMs: 2 },
        });
      });
      return s;
    },
  };
  let starts = 0;
  const service = new CompletionService({
    status,
    engine,
    ensureReady: async () => {
      starts++;
      status.publish({ phase: 'starting' });
      await new Promise((r) => setImmediate(r));
      status.publish({ phase: 'ready', model: facts(), readyKey: `1:/c.gguf` });
      return true;
    },
    snooze: { until: () => snoozed } as unknown as Snooze,
    termsAccepted: () => o.accepted ?? true,
    enabled: () => ({ enabled: true, enabledGlobally: true }),
    settings: DEFAULT_PIPELINE_SETTINGS,
  });
  return {
    status,
    service,
    calls,
    prefills,
    starts: () => starts,
    snooze: (until: number | undefined) => {
      snoozed = until;
    },
  };
}

const doc = (text: string) => ({
  uri: 'file:///a.ts',
  path: 'a.ts',
  languageId: 'typescript',
  text,
  offset: text.length,
});
const manual = () => ({ manual: true, signal: new AbortController().signal });

describe('CompletionService: one call from editor state to suggestion', () => {
  it('starts a stopped model once for the requests waiting on it, then asks it', async () => {
    const { service, calls, starts } = setup();
    const [a, b] = await Promise.all([
      service.provide(doc('const x = '), manual()),
      service.provide(doc('const y = '), manual()),
    ]);
    assert.equal(starts(), 1);
    assert.equal(a.kind, 'done');
    assert.equal(b.kind, 'done');
    assert.ok(calls.length >= 1);
    assert.equal(a.kind === 'done' && a.outcome.text.length > 0, true);
  });

  it('waits for a model that is loading on status events, not by polling, then answers', async () => {
    const { status, service, calls } = setup();
    status.publish({ phase: 'loading', loading: { name: 'coder', stage: 'model', termsId: null } });
    let settled = false;
    const pending = service.provide(doc('let v = '), manual()).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(settled, false, 'still waiting while the model loads');
    assert.equal(calls.length, 0);
    status.publish({ phase: 'ready', model: facts(), readyKey: '2:/c.gguf' });
    const r = await pending;
    assert.equal(r.kind, 'done');
  });

  it('never asks a model whose terms are not accepted, not even on a manual trigger', async () => {
    const { status, service, calls } = setup({ accepted: false });
    status.publish({ phase: 'ready', model: facts('fugaku-llm'), readyKey: '1:/f.gguf' });
    const r = await service.provide(doc('x'), manual());
    assert.deepEqual(r, { kind: 'off', reason: 'terms' });
    assert.equal(calls.length, 0);
  });

  it('keeps automatic completion off on the demo model and after the person stopped the model', async () => {
    const demo = setup({ isDemo: true });
    assert.deepEqual(demo.service.gate('typescript', false), { kind: 'off', reason: 'demo' });
    const s = setup();
    s.status.publish({ phase: 'ready', model: facts(), readyKey: '1:/c.gguf' });
    s.status.publish({ phase: 'stopped' });
    assert.deepEqual(s.service.gate('typescript', false), { kind: 'off', reason: 'backend-stopped' });
    assert.deepEqual(s.service.gate('typescript', true), { kind: 'start' }, 'a manual trigger starts it again');
  });

  it('forgets cached suggestions when another model (or process) becomes ready', async () => {
    const { status, service } = setup();
    status.publish({ phase: 'ready', model: facts(), readyKey: '1:/c.gguf' });
    await service.provide(doc('const z = '), manual());
    assert.ok(service.pipeline.engine.cache.size > 0);
    status.publish({ phase: 'ready', model: facts(), readyKey: '9:/other.gguf' });
    assert.equal(service.pipeline.engine.cache.size, 0);
  });
});

describe('CompletionService: superseded requests', () => {
  it('a request cancelled while the model starts gives way to the newest one instead of taking the pipeline', async () => {
    const { service, calls } = setup();
    const first = new AbortController();
    const old = service.provide(doc('const '), { manual: false, signal: first.signal });
    first.abort();
    const newest = service.provide(doc('const x'), { manual: true, signal: new AbortController().signal });
    assert.deepEqual(await old, { kind: 'cancelled' });
    const r = await newest;
    assert.equal(r.kind, 'done');
    assert.equal(r.kind === 'done' && r.outcome.debounced, false);
    assert.equal(calls.length, 1);
  });
});

describe('CompletionService: warming the cache and sharing the model', () => {
  const warm = (service: CompletionService, text: string) =>
    service.warm(doc(text), { reason: 'open', expectedPauseMs: 2000, signal: new AbortController().signal });

  it('warms only a model completion may use now: never starts one, never when snoozed, on the demo model or with terms not accepted', async () => {
    const s = setup();
    assert.deepEqual(await warm(s.service, 'const a = 1;\n'), { kind: 'off', reason: 'not-ready' });
    assert.equal(s.starts(), 0, 'warming never starts the model');
    s.status.publish({ phase: 'ready', model: facts(), readyKey: '1:/c.gguf' });
    s.snooze(Date.now() + 60_000);
    assert.deepEqual(await warm(s.service, 'const a = 1;\n'), { kind: 'off', reason: 'snoozed' });
    s.snooze(undefined);
    const r = await warm(s.service, 'const a = 1;\nconst b = ');
    assert.equal(r.kind, 'done');
    assert.deepEqual(s.prefills, [{ prefix: 'const a = 1;\nconst b = ', suffix: '' }]);
    const demo = setup({ isDemo: true });
    demo.status.publish({ phase: 'ready', model: facts(), readyKey: '1:/c.gguf' });
    assert.deepEqual(await warm(demo.service, 'x'), { kind: 'off', reason: 'demo' });
    const terms = setup({ accepted: false });
    terms.status.publish({ phase: 'ready', model: facts('fugaku-llm'), readyKey: '1:/f.gguf' });
    assert.deepEqual(await warm(terms.service, 'x'), { kind: 'off', reason: 'terms' });
    assert.equal(demo.prefills.length + terms.prefills.length, 0);
  });

  it('sizes the first window by the speeds the backend measured while loading', async () => {
    const s = setup();
    s.status.publish({ phase: 'ready', model: facts(), readyKey: '1:/c.gguf' });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(s.service.pipeline.speed.current, {
      promptTokensPerSecond: 137,
      decodeTokensPerSecond: 11,
      source: 'backend-calibration',
    });
    assert.equal(s.service.pipeline.report().plan.limitedBy, 'target');
  });

  it('knows when a chat or the documentation assistant holds the model', async () => {
    const busy = setup({
      lanes: [
        { name: 'complete', contextSize: 1024, busy: true, queued: 0 },
        { name: 'chat', contextSize: 4096, busy: true, queued: 0, evaluating: { evaluated: 1200, total: 3400 } },
      ],
    });
    busy.status.publish({ phase: 'ready', model: facts(), readyKey: '1:/c.gguf' });
    assert.equal(await busy.service.contention(), 'chat');
    const idle = setup({ lanes: [{ name: 'chat', contextSize: 4096, busy: false, queued: 0 }] });
    idle.status.publish({ phase: 'ready', model: facts(), readyKey: '1:/c.gguf' });
    assert.equal(await idle.service.contention(), undefined);
    assert.equal(await setup().service.contention(), undefined, 'not running: nobody holds it');
  });
});
