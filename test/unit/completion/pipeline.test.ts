import assert from 'node:assert/strict';
import { CompletionPipeline, type DocumentSnapshot } from '../../../extension/completion/pipeline.js';
import { FakeClock, flush } from './fake-clock.js';
import { drive, ScriptedBackend, type Script } from './scripted-backend.js';

function setup(script: (call: number) => Script, promptTokens = 1024) {
  const clock = new FakeClock();
  const backend = new ScriptedBackend(clock, script);
  const pipeline = new CompletionPipeline({
    generate: backend.generate,
    clock,
    settings: { promptTokens, extraContextTokens: 64 },
    orphanGraceMs: 50,
  });
  return { clock, backend, pipeline };
}

function snap(text: string, offset = text.length, more: Partial<DocumentSnapshot> = {}): DocumentSnapshot {
  return { uri: 'file:///a.ts', path: 'a.ts', languageId: 'typescript', text, offset, indentUnit: '  ', ...more };
}

describe('CompletionPipeline', () => {
  it('waits out the debounce, then asks the model with the window around the cursor', async () => {
    const { clock, backend, pipeline } = setup(() => ({ chunks: ['1;'] }));
    const r = await drive(clock, pipeline.provide(snap('const x = ', 10), { contextSize: 2048 }));
    assert.equal(r.text, '1;');
    assert.equal(r.source, 'model');
    assert.equal(r.waitedMs, 200, 'the initial debounce before typing speed is known');
    assert.equal(backend.calls[0].prefix, 'const x = ');
  });

  it('a newer keystroke during the debounce means no backend request for the older one', async () => {
    const { clock, backend, pipeline } = setup(() => ({ chunks: ['ue;'] }));
    const first = new AbortController();
    const a = pipeline.provide(snap('let v'), { contextSize: 2048, signal: first.signal });
    clock.advance(50);
    first.abort(); // VS Code cancels the old request on the next keystroke
    const b = pipeline.provide(snap('let va'), { contextSize: 2048 });
    assert.equal((await a).debounced, true);
    const rb = await drive(clock, b);
    assert.equal(rb.text, 'ue;');
    assert.equal(backend.calls.length, 1);
    assert.deepEqual(pipeline.counters, { calls: 2, debounced: 1, immediate: 0 });
  });

  it('type-ahead: answers from the cache at once, without a debounce or a backend request', async () => {
    const { clock, backend, pipeline } = setup(() => ({ chunks: ['compute(1);'] }));
    await drive(clock, pipeline.provide(snap('x = '), { contextSize: 2048 }));
    const r = await pipeline.provide(snap('x = comp'), { contextSize: 2048 });
    assert.deepEqual([r.text, r.source, r.waitedMs], ['ute(1);', 'cache', 0]);
    assert.equal(backend.calls.length, 1);
    assert.equal(pipeline.counters.immediate, 1);
  });

  it('reads the generation in flight at once when the user typed what it streamed', async () => {
    const { clock, backend, pipeline } = setup(() => ({ chunks: ['return ', 'a + b;'], everyMs: 100 }));
    const first = new AbortController();
    const a = pipeline.provide(snap('function f() {\n  '), { contextSize: 2048, signal: first.signal, manual: true });
    await flush(); // the manual trigger reaches the engine
    clock.advance(2); // "return " has streamed
    await flush();
    first.abort();
    await a;
    const r = await drive(clock, pipeline.provide(snap('function f() {\n  ret'), { contextSize: 2048 }));
    assert.equal(r.text, 'urn a + b;');
    assert.equal(r.source, 'inflight');
    assert.equal(r.waitedMs, 0);
    assert.equal(backend.calls.length, 1);
  });

  it("keeps the prompt within the model's context, answer included", async () => {
    const { clock, backend, pipeline } = setup(() => ({ chunks: ['x'] }), 100_000);
    const text = 'a = 1;\n'.repeat(2000);
    await drive(clock, pipeline.provide(snap(text), { contextSize: 512, manual: true }));
    const sent = backend.calls[0];
    // Before any calibration the estimate is one token per ASCII character.
    assert.ok(sent.prefix.length + sent.suffix.length <= 512 - 128 - 16, `prompt of ${sent.prefix.length} chars`);
    assert.ok(sent.prefix.endsWith('a = 1;\n'));
    assert.ok(sent.prefix.startsWith('a = 1;'), 'cut at a line boundary');
  });

  it('a token budget larger than the context still leaves three quarters of it for the prompt', async () => {
    const { clock, backend, pipeline } = setup(() => ({ chunks: ['x'] }), 100_000);
    pipeline.updateSettings({ budget: { firstTextMs: 5000, generateMs: 1000, maxTokens: 100_000 } });
    const text = 'a = 1;\n'.repeat(2000);
    await drive(clock, pipeline.provide(snap(text), { contextSize: 2048, manual: true }));
    const sent = backend.calls[0];
    assert.ok(sent.prefix.length > 1000, `prompt of ${sent.prefix.length} chars`);
    assert.ok(sent.prefix.length + sent.suffix.length <= 2048 - 512 - 16);
  });

  it('puts recently edited files of the same language before the prompt, within their budget', async () => {
    const { clock, backend, pipeline } = setup(() => ({ chunks: ['x'] }));
    pipeline.recent.edited({ uri: 'file:///b.ts', path: 'b.ts', languageId: 'typescript' }, 0, 1);
    const texts: Record<string, string> = { 'file:///b.ts': 'export const answer = 42;' };
    await drive(
      clock,
      pipeline.provide(snap('const y = '), { contextSize: 2048, manual: true, textOf: (u) => texts[u] }),
    );
    assert.equal(backend.calls[0].prefix, '// Path: b.ts\n// export const answer = 42;\nconst y = ');
  });

  it('settings apply to the next request; reset forgets the cache', async () => {
    const { clock, backend, pipeline } = setup(() => ({ chunks: ['1;'] }));
    pipeline.updateSettings({ budget: { firstTextMs: 100, generateMs: 100, maxTokens: 7 } });
    await drive(clock, pipeline.provide(snap('x = '), { contextSize: 2048, manual: true }));
    assert.equal(backend.calls[0].maxTokens, 7);
    pipeline.reset();
    await drive(clock, pipeline.provide(snap('x = '), { contextSize: 2048, manual: true }));
    assert.equal(backend.calls.length, 2);
  });
});
