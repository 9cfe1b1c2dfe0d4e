import assert from 'node:assert/strict';
import { CompletionEngine, type CompletionRequest } from '../../../extension/completion/engine.js';
import { FakeClock, flush } from './fake-clock.js';
import { chunked, drive, ScriptedBackend, type Script } from './scripted-backend.js';

function setup(script: (call: number) => Script, budget = {}) {
  const clock = new FakeClock();
  const backend = new ScriptedBackend(clock, script);
  const engine = new CompletionEngine({ generate: backend.generate, clock, budget, orphanGraceMs: 50 });
  return { clock, backend, engine };
}

function request(prefix: string, suffix = '', more: Partial<CompletionRequest> = {}): CompletionRequest {
  return { document: 'file:///a.ts', prefix, suffix, languageId: 'typescript', indentUnit: '  ', ...more };
}

describe('CompletionEngine', () => {
  it('asks the model, filters the stream, and serves the same place again from the cache', async () => {
    const { clock, backend, engine } = setup(() => ({ chunks: chunked('compute(1);\nnext();', 3) }));
    const first = await drive(clock, engine.complete(request('const x = ', ';')));
    assert.equal(first.text, 'compute(1)');
    assert.equal(first.source, 'model');
    const again = await engine.complete(request('const x = ', ';'));
    assert.deepEqual([again.text, again.source], ['compute(1)', 'cache']);
    assert.equal(backend.calls.length, 1);
    assert.equal(engine.counters.backendRequests, 1);
    assert.equal(engine.counters.cacheHits, 1);
  });

  it('serves the rest from the cache when the user types the start of the suggestion', async () => {
    const { clock, backend, engine } = setup(() => ({ chunks: ['compute(1)'] }));
    await drive(clock, engine.complete(request('const x = ', ';')));
    const r = await engine.complete(request('const x = comp', ';'));
    assert.deepEqual([r.text, r.source], ['ute(1)', 'cache']);
    assert.equal(backend.calls.length, 1);
  });

  it('cancels the backend as soon as a filter says the rest is useless', async () => {
    const endless = Array.from({ length: 1000 }, () => 'x\n');
    const { clock, backend, engine } = setup(() => ({ chunks: ['a, b)', '\n', ...endless] }), {
      maxTokens: 10_000,
      generateMs: 10_000,
    });
    const r = await drive(clock, engine.complete(request('f(', ')')));
    assert.equal(r.text, 'a, b');
    assert.equal(r.end, 'filter');
    assert.equal(r.stoppedBy, 'stopAtSuffix');
    assert.equal(backend.calls[0].signal.aborted, true);
    assert.equal(backend.calls[0].sent, 'a, b)\n');
    assert.equal(engine.counters.filterStops, 1);
  });

  it('reuses the generation in flight when the user typed what it already streamed', async () => {
    const { clock, backend, engine } = setup(() => ({ chunks: ['return ', 'total', ' + 1;'], everyMs: 100 }));
    const firstCancel = new AbortController();
    const first = engine.complete(request('function f() {\n  '), firstCancel.signal);
    clock.advance(101); // "return " and "total" have streamed
    await flush();
    // VS Code cancels the old request, then asks again after the user typed "ret".
    firstCancel.abort();
    assert.equal((await first).end, 'cancelled');
    const second = await drive(clock, engine.complete(request('function f() {\n  ret')));
    assert.equal(second.text, 'urn total + 1;');
    assert.equal(second.source, 'inflight');
    assert.equal(backend.calls.length, 1);
    assert.equal(engine.counters.inflightReuses, 1);
  });

  it('starts a new generation and stops the old one when the typed text does not match', async () => {
    const { clock, backend, engine } = setup((n) => ({
      chunks: n === 0 ? ['alpha', 'beta'] : ['gamma'],
      everyMs: 100,
    }));
    const cancel = new AbortController();
    const first = engine.complete(request('x = '), cancel.signal);
    clock.advance(1);
    await flush();
    cancel.abort();
    await first;
    const second = await drive(clock, engine.complete(request('x = z')));
    assert.equal(second.text, 'gamma');
    assert.equal(backend.calls.length, 2);
    assert.equal(backend.calls[0].signal.aborted, true);
  });

  it('a cancelled request stops the backend after the grace time if nobody picks it up', async () => {
    const { clock, backend, engine } = setup(() => ({ chunks: ['a', 'b', 'c'], everyMs: 1000 }));
    const cancel = new AbortController();
    const pending = engine.complete(request('q'), cancel.signal);
    cancel.abort();
    assert.equal((await pending).end, 'cancelled');
    assert.equal(backend.calls[0].signal.aborted, false);
    clock.advance(50);
    assert.equal(backend.calls[0].signal.aborted, true);
    assert.equal(engine.counters.cancelled, 1);
  });

  it('shows the complete lines that came within the time budget', async () => {
    const { clock, engine } = setup(
      () => ({ chunks: ['\n  a();', '\n  b();', '\n  c(', ...Array<string>(50).fill('x')], everyMs: 100 }),
      { generateMs: 250 },
    );
    const r = await drive(clock, engine.complete(request('function f() {')));
    assert.equal(r.end, 'time');
    assert.equal(r.text, '\n  a();\n  b();');
    assert.equal(engine.counters.budgetStops, 1);
  });

  it('with showAfterMs, answers with what came early, reads on, and offers the longer text (cached first)', async () => {
    const { clock, backend, engine } = setup(
      () => ({ chunks: ['return ', 'total', ' + 1;', ' // ok'], firstMs: 200, everyMs: 100 }),
      { generateMs: 1000 },
    );
    const r = await drive(clock, engine.complete(request('function f() {\n  ', '', { showAfterMs: 150 })));
    assert.equal(r.text, 'return total', 'shown after 150 ms of writing');
    assert.equal(r.end, 'time');
    assert.equal(backend.calls[0].signal.aborted, false, 'the generation goes on');
    assert.ok(r.grown);
    clock.advance(500);
    await flush();
    assert.equal(await r.grown, 'return total + 1; // ok');
    const again = await engine.complete(request('function f() {\n  '));
    assert.deepEqual([again.text, again.source], ['return total + 1; // ok', 'cache']);
  });

  it('a newer generation replaces one read on only for a longer text; nothing longer is offered', async () => {
    const { clock, backend, engine } = setup(() => ({ chunks: Array<string>(40).fill('ab'), everyMs: 100 }), {
      generateMs: 5000,
      maxTokens: 1000,
    });
    const first = await drive(clock, engine.complete(request('let a = ', '', { showAfterMs: 250 })));
    assert.ok(first.text.startsWith('ab'));
    // The next keystroke is not the start of the suggestion: a new generation, and the old one stops.
    const second = engine.complete(request('let a = z', ''));
    await flush();
    assert.equal(backend.calls[0].signal.aborted, true);
    assert.equal(await first.grown, undefined);
    clock.advance(6000);
    await flush();
    await second;
  });

  it('when only blanks came by the show time, shows at the next text', async () => {
    const { clock, engine } = setup(() => ({ chunks: ['  ', ' ', 'x = 1;', ' y'], everyMs: 100 }), {
      generateMs: 1000,
    });
    const r = await drive(clock, engine.complete(request('let a = 0;', '', { showAfterMs: 50 })));
    assert.equal(r.text, '   x = 1;');
    assert.ok(r.grown);
  });

  it('shows nothing early before any text: the first-text budget still decides', async () => {
    const { clock, engine } = setup(() => ({ chunks: ['late'], firstMs: 10_000 }), { firstTextMs: 500 });
    const r = await drive(clock, engine.complete(request('p', '', { showAfterMs: 100 })));
    assert.deepEqual([r.text, r.end, r.grown], ['', 'timeout', undefined]);
  });

  it('times out when no text comes, and reports too slow after most requests do', async () => {
    const { clock, engine } = setup(() => ({ chunks: ['late'], firstMs: 10_000 }), { firstTextMs: 500 });
    for (let i = 0; i < 3; i++) {
      const r = await drive(clock, engine.complete(request(`p${i}`)));
      assert.deepEqual([r.text, r.end], ['', 'timeout']);
    }
    assert.equal(engine.counters.timeouts, 3);
    assert.equal(engine.latency.verdict(), 'too-slow');
  });

  it('reports a backend failure instead of failing silently', async () => {
    const { clock, engine } = setup(() => ({ chunks: ['par'], fail: new Error('model crashed') }));
    const r = await drive(clock, engine.complete(request('p')));
    assert.equal(r.end, 'failed');
    assert.equal(r.text, '');
    assert.match(String(r.error), /model crashed/);
    assert.equal(engine.counters.failures, 1);
  });

  it('puts the context before the prefix in the prompt only, and passes the token budget', async () => {
    const { clock, backend, engine } = setup(() => ({ chunks: ['1;'] }), { maxTokens: 42 });
    await drive(clock, engine.complete(request('x = ', '', { context: '// Path: b.ts\n// y\n' })));
    assert.equal(backend.calls[0].prefix, '// Path: b.ts\n// y\nx = ');
    assert.equal(backend.calls[0].maxTokens, 42);
    assert.equal(backend.calls[0].languageId, 'typescript');
    assert.equal((await engine.complete(request('x = '))).source, 'cache', 'the cache keys on the document prefix');
  });

  it('returns nothing for an already cancelled request and does not call the backend', async () => {
    const { backend, engine } = setup(() => ({ chunks: ['a'] }));
    const cancel = new AbortController();
    cancel.abort();
    const r = await engine.complete(request('p'), cancel.signal);
    assert.equal(r.end, 'cancelled');
    await flush();
    assert.equal(backend.calls.length, 0);
    assert.equal(engine.counters.cancelled, 1);
  });

  it('dispose stops the running generation', async () => {
    const { clock, backend, engine } = setup(() => ({ chunks: ['a', 'b'], everyMs: 1000 }));
    const pending = engine.complete(request('p'));
    engine.dispose();
    const r = await drive(clock, pending);
    assert.equal(r.end, 'cancelled');
    assert.equal(backend.calls[0].signal.aborted, true);
  });
});

describe('CompletionEngine (integration hooks)', () => {
  it('counts a generation the backend cancelled (superseded) as cancelled, not failed', async () => {
    const clock = new FakeClock();
    const cancelled = Object.assign(new Error('superseded'), { code: 'cancelled' });
    const backend = new ScriptedBackend(clock, () => ({ chunks: ['a'], fail: cancelled }));
    const engine = new CompletionEngine({
      generate: backend.generate,
      clock,
      isCancellation: (e) => (e as { code?: string }).code === 'cancelled',
    });
    const r = await drive(clock, engine.complete(request('p')));
    assert.equal(r.end, 'cancelled');
    assert.equal(engine.counters.failures, 0);
    assert.equal(engine.counters.cancelled, 1);
  });

  it('says when a request can be answered without the model (cache or generation in flight)', async () => {
    const { clock, engine } = setup(() => ({ chunks: ['compute(1)'], everyMs: 100 }));
    assert.equal(engine.canAnswerWithoutModel(request('x = ')), false);
    const pending = engine.complete(request('x = '));
    clock.advance(2);
    await flush();
    assert.equal(engine.canAnswerWithoutModel(request('x = comp')), true, 'the stream has it');
    assert.equal(engine.canAnswerWithoutModel(request('x = zz')), false);
    await drive(clock, pending);
    assert.equal(engine.canAnswerWithoutModel(request('x = co')), true, 'the cache has it');
  });

  it('setBudget changes the limits of the next requests', async () => {
    const { clock, backend, engine } = setup(() => ({ chunks: ['1;'] }));
    engine.setBudget({ maxTokens: 5 });
    assert.equal(engine.budget.maxTokens, 5);
    await drive(clock, engine.complete(request('a')));
    assert.equal(backend.calls[0].maxTokens, 5);
  });
});
