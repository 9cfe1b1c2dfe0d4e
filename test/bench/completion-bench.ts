// Benchmark (not a test): the inline completion pipeline the VS Code provider uses (prompt window,
// cache, in-flight reuse, debounce, budget, filters, BackendClient) against the real fude-backend on
// the generated `bench` model (FIM tokens), one thread. Prints the figures and writes
// test/bench/results/completion.json.
//   npm run bench:completion -- [--runs N] [--threads N] [--out FILE.json]
// With a real-size model, a person's typing sessions through the CompletionService (completion-sessions.ts):
//   npm run bench:completion -- --model FILE.gguf [--threads N] [--runs N] [--context-size N] [--out FILE.json] [--no-prefill]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isCancelled } from '../../extension/engine/engine-error.js';
import { EngineGenerate, type GenerationRecord } from '../../extension/completion/engine-generate.js';
import {
  CompletionPipeline,
  DEFAULT_PIPELINE_SETTINGS,
  type DocumentSnapshot,
  type PipelineOutcome,
} from '../../extension/completion/pipeline.js';
import { TokenCalibration } from '../../extension/completion/token-calibration.js';
import { BackendClient } from '../../extension/engine/local/backend-client.js';
import { spawnBackend, TEST_TOKEN } from '../backend/harness.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { realisticBench } from './completion-sessions.js';
import { openRawDecoder } from './raw-decode.js';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    threads: { type: 'string' },
    model: { type: 'string' },
    out: { type: 'string' },
    'context-size': { type: 'string', default: '4096' },
    'no-prefill': { type: 'boolean', default: false },
    /** An experiment: a fixed debounce instead of the adaptive one. */
    'debounce-ms': { type: 'string' },
  },
});
const realistic = flags.model !== undefined;
const RESULTS =
  flags.out !== undefined
    ? resolve(flags.out)
    : fileURLToPath(
        new URL(
          `../../../test/bench/results/${realistic ? 'completion-realistic' : 'completion'}.json`,
          import.meta.url,
        ),
      );
const runs = Number(flags.runs ?? (realistic ? '3' : '15'));
const threads = Number(flags.threads ?? (realistic ? String(cpus().length) : '1'));
const contextSize = Number(flags['context-size']);
if (!Number.isInteger(runs) || runs < (realistic ? 1 : 3))
  throw new Error(`--runs must be an integer >= ${realistic ? 1 : 3}`);
if (!Number.isInteger(threads) || threads < 1) throw new Error('--threads must be a positive integer');
if (!Number.isInteger(contextSize) || contextSize < 512) throw new Error('--context-size must be an integer >= 512');

/** Tokens per decode-speed run, and a prompt the bench model answers by looping. */
const DECODE_TOKENS = 64;
const LOOP_PROMPT = '#';

/** Nearest-rank percentile. */
function pct(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
}
const r1 = (x: number) => Math.round(x * 10) / 10;
const dist = (xs: readonly number[]) => ({ p50: r1(pct(xs, 50)), p95: r1(pct(xs, 95)) });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function snapshot(uri: string, text: string, offset: number): DocumentSnapshot {
  return {
    uri,
    path: uri.slice(uri.lastIndexOf('/') + 1),
    languageId: 'typescript',
    text,
    offset,
    indentUnit: '  ',
    tabSize: 2,
  };
}

/** Inserts `s` at the cursor. */
function typeAt(doc: DocumentSnapshot, s: string): DocumentSnapshot {
  return {
    ...doc,
    text: doc.text.slice(0, doc.offset) + s + doc.text.slice(doc.offset),
    offset: doc.offset + s.length,
  };
}

// ---- generated source and typing ----

/** Seeded, so every run of the benchmark types the same session. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fn(seed: number, i: number): string {
  return `export function compute${seed}x${i}(input: number[], options: Options): number {\n  let total = ${i};\n  for (const value of input) total += value * options.scale;\n  return total;\n}\n\n`;
}

/** A TypeScript file of about 3,000 characters whose first line differs per seed, the cursor in an empty line of a function in its middle. */
function benchSource(seed: number): { text: string; offset: number } {
  const head = `// module ${seed}: generated for the completion benchmark\ninterface Options { scale: number }\n\n`;
  const before = Array.from({ length: 8 }, (_, i) => fn(seed, i)).join('');
  const open = `export function target${seed}(input: number[], options: Options): number {\n  const n = input.length;\n  `;
  const close = `\n  return n;\n}\n\n`;
  const after = Array.from({ length: 4 }, (_, i) => fn(seed, 100 + i)).join('');
  const text = head + before + open + close + after;
  return { text, offset: (head + before + open).length };
}

interface Key {
  readonly text: string;
  readonly gapMs: number;
}

/**
 * Someone writing code at about 75 words a minute: 60 to 200 ms between keys, a pause of 0.8 to
 * 1.6 s at the end of a statement, and sometimes typing out the suggestion the pause brought up.
 */
function typingSession(seed: number): { start: { text: string; offset: number }; keys: Key[] } {
  const random = seeded(seed);
  const lines = [
    'const scaled = input.map((value) => value * options.scale);',
    '/* filled */',
    'const sum = scaled.reduce((a, b) => a + b, 0);',
    'if (sum > n) return sum;',
    '/* filled */',
    'const mean = n === 0 ? 0 : sum / n;',
    'return Math.round(mean * 100) / 100;',
  ];
  const keys: Key[] = [];
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const gap = i === 0 ? 800 + random() * 800 : 60 + random() * 140;
      keys.push({ text: line[i], gapMs: Math.round(gap) });
    }
    keys.push({ text: '\n  ', gapMs: Math.round(60 + random() * 140) });
  }
  return { start: benchSource(9000 + seed), keys };
}

interface Measured {
  outcome: PipelineOutcome;
  record: GenerationRecord | undefined;
}

async function main(): Promise<void> {
  const began = performance.now();
  const dir = makeTinyModelDir();
  const model = writePresetModel(dir, 'bench');
  const backend = spawnBackend(['--model', model.path, '--threads', String(threads), '--context-size', '2048']);
  const client = new BackendClient();
  try {
    const ready = await backend.ready;
    await client.attach({ port: ready.port, token: TEST_TOKEN });
    let lastRecord: GenerationRecord | undefined;
    const calibration = new TokenCalibration();
    const gen = new EngineGenerate(() => client, { calibration, onRecord: (r) => (lastRecord = r) });
    const pipeline = new CompletionPipeline({
      generate: gen.generate,
      calibration,
      isCancellation: (e) => isCancelled(e),
      // The default budget, except a longer first-text timeout: a busy benchmark machine should measure, not time out.
      settings: { budget: { ...DEFAULT_PIPELINE_SETTINGS.budget, firstTextMs: 30_000 } },
    });
    const ask = async (doc: DocumentSnapshot, manual = true): Promise<Measured> => {
      lastRecord = undefined;
      const outcome = await pipeline.provide(doc, { manual, contextSize: ready.model.contextSize });
      return { outcome, record: lastRecord };
    };

    // Warm-up (also calibrates the token estimate, as the first requests in an editor do).
    for (let i = 0; i < 2; i++) {
      const { text, offset } = benchSource(1000 + i);
      await ask(snapshot(`file:///warm${i}.ts`, text, offset));
    }

    const fresh: Measured[] = [];
    const extend: Measured[] = [];
    const typeAhead: Measured[] = [];
    for (let i = 0; i < runs; i++) {
      const { text, offset } = benchSource(i);
      const doc = snapshot(`file:///bench${i}.ts`, text, offset);
      // A new file: nothing of its prompt is in the KV cache or the completion cache.
      const a = await ask(doc);
      if (a.outcome.source !== 'model' || a.outcome.text === '')
        throw new Error(`fresh request ${i}: ${JSON.stringify(a.outcome)}`);
      fresh.push(a);
      // One character more that does not match the suggestion: the model is asked again and
      // evaluates only the changed tail of the prompt (KV cache reuse).
      const b = await ask(typeAt(doc, 'q'));
      if (b.outcome.source !== 'model')
        throw new Error(`extend-by-one request ${i} did not reach the model: ${b.outcome.source}`);
      extend.push(b);
      // One character more that is the start of the suggestion shown: the cache answers.
      const c = await ask(typeAt(typeAt(doc, 'q'), b.outcome.text[0]));
      typeAhead.push(c);
    }

    // A replayed typing session: keystrokes at human speed; each one cancels the request before it
    // (as VS Code does) and asks again after the adaptive debounce.
    const session = typingSession(7);
    const sentBefore = gen.counts.sent;
    const engineBefore = { ...pipeline.engine.counters };
    let doc = snapshot('file:///session.ts', session.start.text, session.start.offset);
    let previous: AbortController | undefined;
    const pending: Array<Promise<PipelineOutcome>> = [];
    const sessionStarted = performance.now();
    for (const key of session.keys) {
      await sleep(key.gapMs);
      previous?.abort();
      previous = new AbortController();
      doc = typeAt(doc, key.text);
      pipeline.recordKeystroke();
      pending.push(pipeline.provide(doc, { contextSize: ready.model.contextSize, signal: previous.signal }));
    }
    await Promise.all(pending);
    const sessionMs = performance.now() - sessionStarted;
    const backendRequests = gen.counts.sent - sentBefore;
    const cacheHits = pipeline.engine.counters.cacheHits - engineBefore.cacheHits;
    const inflightReuses = pipeline.engine.counters.inflightReuses - engineBefore.inflightReuses;
    const keystrokes = session.keys.length;

    // Decoding against raw node-llama-cpp on the same file and prompt, runs alternating (decodeRatioToRaw). The bench
    // model without its FIM tokens (as in backend-bench.ts): with them the backend builds a FIM prompt, raw
    // node-llama-cpp a plain one, and the two would write different texts.
    const prefixModel = writePresetModel(dir, 'bench', { fim: false }, 'bench-prefix.gguf');
    const decodeBackend = spawnBackend([
      '--model',
      prefixModel.path,
      '--threads',
      String(threads),
      '--context-size',
      '2048',
    ]);
    const decodeClient = new BackendClient();
    const raw = await openRawDecoder(prefixModel.path, { threads, contextSize: 2048 });
    const backendRates: number[] = [];
    const rawRates: number[] = [];
    try {
      await decodeClient.attach({ port: (await decodeBackend.ready).port, token: TEST_TOKEN });
      for (let i = 0; i < Math.max(3, Math.min(runs, 7)); i++) {
        // The bench model loops on a final "#", so both write DECODE_TOKENS tokens.
        const s = decodeClient.complete({ prefix: LOOP_PROMPT, maxTokens: DECODE_TOKENS, temperature: 0 });
        await s.text();
        const d = await s.done;
        // The backend's own timings (first token to the end), as raw-decode.ts measures in its process.
        if (d.usage.outputTokens > 8)
          backendRates.push(((d.usage.outputTokens - 1) / (d.timings.totalMs - d.timings.firstTokenMs)) * 1000);
        const r = await raw.decode(DECODE_TOKENS, LOOP_PROMPT);
        if (r.tokens > 8) rawRates.push(r.decodeTokensPerSecond);
      }
    } finally {
      await raw.close();
      decodeClient.detach('benchmark done');
      await decodeBackend.stop();
    }
    const decodeRatioToRaw =
      backendRates.length && rawRates.length
        ? Math.round((pct(backendRates, 50) / pct(rawRates, 50)) * 1000) / 1000
        : null;

    const modelRuns = [...fresh, ...extend].filter(
      (m) => m.outcome.end === 'complete' && m.record?.backendMs !== undefined,
    );
    const overhead = modelRuns.map((m) => m.outcome.totalMs - m.record!.backendMs!);
    const firstSuggestionMs = dist(fresh.map((m) => m.outcome.totalMs));
    const extendByOneMs = dist(extend.map((m) => m.outcome.totalMs));
    const pipelineOverheadMs = dist(overhead);
    const result = {
      firstSuggestionMs,
      extendByOneMs,
      cacheHitRate: Math.round((cacheHits / keystrokes) * 1000) / 1000,
      pipelineOverheadMs,
      backendRequests,
      keystrokes,
      decodeRatioToRaw,
      details: {
        definitions: {
          firstSuggestionMs:
            'pipeline.provide() call to suggestion, manual trigger (no debounce), a new file each run: nothing in the KV or completion cache',
          extendByOneMs:
            'the same after typing one character that does not match the suggestion, so the model is asked again and evaluates only the changed tail of the prompt',
          extendByOneTypeAheadMs:
            'one more character that matches the suggestion shown: served from the completion cache',
          cacheHitRate: 'replayed session: keystrokes answered from the completion cache / keystrokes',
          pipelineOverheadMs:
            "model requests that ran to completion: pipeline time minus the backend's own time for the request (WebSocket, JSON, prompt window, cache, filters, engine)",
          backendRequests: 'replayed session: complete requests sent to the backend',
          decodeRatioToRaw: `median decode tokens/s of the backend (${DECODE_TOKENS}-token completions of "#", its own timings) over raw node-llama-cpp (LlamaCompletion, the same prompt, threads and file) in this process, runs alternating`,
        },
        extendByOneTypeAheadMs: dist(typeAhead.map((m) => m.outcome.totalMs)),
        typeAheadSources: [...new Set(typeAhead.map((m) => m.outcome.source))],
        evaluatedInputTokens: {
          fresh: {
            p50: pct(
              fresh.map((m) => m.record?.usage?.evaluatedInputTokens ?? 0),
              50,
            ),
            inputTokensP50: pct(
              fresh.map((m) => m.record?.usage?.inputTokens ?? 0),
              50,
            ),
          },
          extendByOne: {
            p50: pct(
              extend.map((m) => m.record?.usage?.evaluatedInputTokens ?? 0),
              50,
            ),
            inputTokensP50: pct(
              extend.map((m) => m.record?.usage?.inputTokens ?? 0),
              50,
            ),
          },
        },
        backendMs: {
          fresh: dist(fresh.map((m) => m.record?.backendMs ?? 0)),
          extendByOne: dist(extend.map((m) => m.record?.backendMs ?? 0)),
        },
        prepMs: dist([...fresh, ...extend].map((m) => m.outcome.prepMs)),
        // The overhead split: in this process (window, cache, engine, filters, client) vs. between
        // the processes (WebSocket, JSON, the OS scheduling both on a busy machine).
        overheadInProcessMs: dist(modelRuns.map((m) => m.outcome.totalMs - m.record!.roundTripMs)),
        overheadTransportMs: dist(modelRuns.map((m) => m.record!.roundTripMs - m.record!.backendMs!)),
        suggestion: fresh[0].outcome.text,
        session: {
          seconds: r1(sessionMs / 1000),
          cacheHits,
          inflightReuses,
          debounced: pipeline.counters.debounced,
          medianGapMs: pct(
            session.keys.map((k) => k.gapMs),
            50,
          ),
        },
        windows: { kept: pipeline.window.kept, fresh: pipeline.window.fresh },
        tokenFactor: r1(calibration.factor * 100) / 100,
        decodeTokensPerSecond: { backend: backendRates.map(r1), raw: rawRates.map(r1) },
      },
      targets: {
        extendByOneAtMostAThirdOfFresh: extendByOneMs.p50 <= firstSuggestionMs.p50 / 3,
        extendToFreshRatioP50: Math.round((extendByOneMs.p50 / firstSuggestionMs.p50) * 1000) / 1000,
        pipelineOverheadUnder5msAtMedian: pipelineOverheadMs.p50 < 5,
        sessionRequestsUnderHalfTheKeystrokes: backendRequests < keystrokes / 2,
      },
      settings: {
        runs,
        threads,
        model: 'bench preset (tiny-coder-bench, FIM, 4 layers)',
        contextSize: ready.model.contextSize,
        pipeline: { ...pipeline.currentSettings },
      },
      machine: {
        cpuModel: cpus()[0]?.model ?? 'unknown',
        logicalCores: cpus().length,
        loadAverage1m: r1(loadavg()[0]),
        node: process.version,
      },
      date: new Date().toISOString(),
      wallSeconds: r1((performance.now() - began) / 1000),
    };
    console.log(
      `inline completion pipeline vs fude-backend (bench model, ${threads} thread(s), ${runs} runs; load ${result.machine.loadAverage1m} on ${result.machine.logicalCores} cores)`,
    );
    console.log(
      `  first suggestion           p50 ${firstSuggestionMs.p50} ms   p95 ${firstSuggestionMs.p95} ms   (evaluated ${result.details.evaluatedInputTokens.fresh.p50} prompt tokens)`,
    );
    console.log(
      `  extend by one (model, KV)  p50 ${extendByOneMs.p50} ms   p95 ${extendByOneMs.p95} ms   (evaluated ${result.details.evaluatedInputTokens.extendByOne.p50} of ${result.details.evaluatedInputTokens.extendByOne.inputTokensP50}); ratio to fresh ${result.targets.extendToFreshRatioP50} (target <= 0.333: ${result.targets.extendByOneAtMostAThirdOfFresh ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  extend by one (type-ahead) p50 ${result.details.extendByOneTypeAheadMs.p50} ms   p95 ${result.details.extendByOneTypeAheadMs.p95} ms   (${result.details.typeAheadSources.join(', ')})`,
    );
    console.log(
      `  pipeline overhead          p50 ${pipelineOverheadMs.p50} ms   p95 ${pipelineOverheadMs.p95} ms   (target p50 < 5 ms: ${result.targets.pipelineOverheadUnder5msAtMedian ? 'met' : 'NOT met'}; in this process p50 ${result.details.overheadInProcessMs.p50} ms, transport p50 ${result.details.overheadTransportMs.p50} ms)`,
    );
    console.log(
      `  decode vs raw node-llama-cpp  backend ${r1(pct(backendRates, 50))} tokens/s, raw ${r1(pct(rawRates, 50))} tokens/s (medians of ${backendRates.length}): decodeRatioToRaw ${decodeRatioToRaw ?? '-'} (target >= 0.97: ${(decodeRatioToRaw ?? 0) >= 0.97 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  typing session             ${keystrokes} keystrokes, ${backendRequests} backend requests (target < ${keystrokes / 2}: ${result.targets.sessionRequestsUnderHalfTheKeystrokes ? 'met' : 'NOT met'}), cache hit rate ${result.cacheHitRate}, ${inflightReuses} in-flight reuses`,
    );
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${RESULTS} (${result.wallSeconds} s)`);
    pipeline.dispose();
  } finally {
    client.detach('benchmark done');
    await backend.stop();
    removeTinyModelDir(dir);
  }
}

if (realistic)
  await realisticBench({
    model: resolve(flags.model!),
    threads,
    runs,
    contextSize,
    out: RESULTS,
    prefill: !flags['no-prefill'],
    ...(flags['debounce-ms'] === undefined ? {} : { debounceMs: Number(flags['debounce-ms']) }),
  });
else await main();
