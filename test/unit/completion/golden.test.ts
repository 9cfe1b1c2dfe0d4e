// Runs every golden case through the filter chain, at once and streamed in chunks of several sizes.
import assert from 'node:assert/strict';
import { defaultFilters } from '../../../extension/completion/filters/chain.js';
import { makeFilterContext } from '../../../extension/completion/filters/context.js';
import { StreamingFilter } from '../../../extension/completion/filters/stream.js';
import { runFilters } from '../../../extension/completion/filters/types.js';
import { CompletionEngine } from '../../../extension/completion/engine.js';
import { FakeClock } from './fake-clock.js';
import { chunked, drive, ScriptedBackend } from './scripted-backend.js';
import { loadGoldenCases, type GoldenCase } from './golden-case.js';

function contextOf(c: GoldenCase) {
  return makeFilterContext({
    prefix: c.prefix,
    suffix: c.suffix,
    languageId: c.language,
    indentUnit: c.indentUnit,
    tabSize: c.tabSize,
  });
}

async function throughEngine(c: GoldenCase): Promise<string> {
  const clock = new FakeClock();
  const backend = new ScriptedBackend(clock, () => ({ chunks: chunked(c.model, 4) }));
  const engine = new CompletionEngine({
    generate: backend.generate,
    clock,
    budget: { maxTokens: 10_000, generateMs: 60_000 },
  });
  const request = {
    document: c.name,
    prefix: c.prefix,
    suffix: c.suffix,
    languageId: c.language,
    indentUnit: c.indentUnit,
    tabSize: c.tabSize,
  };
  return (await drive(clock, engine.complete(request))).text;
}

function streamed(c: GoldenCase, chunkSize: number): string {
  const stream = new StreamingFilter(defaultFilters, contextOf(c));
  for (let i = 0; i < c.model.length; i += chunkSize) {
    if (stream.push(c.model.slice(i, i + chunkSize))) break;
  }
  return stream.finish().text;
}

const cases = loadGoldenCases();

describe('completion golden cases', () => {
  it('has at least 15 cases over TypeScript, Python, Go and Rust', () => {
    assert.ok(cases.length >= 15, `only ${cases.length} cases`);
    for (const lang of ['typescript', 'python', 'go', 'rust']) {
      assert.ok(
        cases.some((c) => c.language === lang),
        `no ${lang} case`,
      );
    }
  });

  for (const c of cases) {
    describe(c.name, () => {
      it(`filters: ${c.description}`, () => {
        assert.equal(runFilters(defaultFilters, c.model, contextOf(c)).text, c.expected);
      });
      it('gives the same suggestion when streamed', () => {
        for (const size of [1, 3, 16]) assert.equal(streamed(c, size), c.expected, `chunks of ${size}`);
      });
      it('gives the same suggestion through the engine', async () => {
        assert.equal(await throughEngine(c), c.expected);
      });
    });
  }
});
