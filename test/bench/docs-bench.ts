// Benchmark (not a test): token prediction for the documentation assistant's comment translation. The same request
// the docs panel sends for "translate the comments" (extension/docs/prompts.ts, a 40-line commented excerpt, the
// docs lane, temperature 0) goes to fude-backend with and without `predictFrom: 'input'`, runs alternating; then raw
// node-llama-cpp decodes the same prompt tokens with and without its InputLookupTokenPredictor in this process, so
// the backend's figures stand beside what node-llama-cpp itself does on the same file in the same run.
//
//   npm run bench:docs                                   the copy fixture with LLM-jp-3 1.8B's layer sizes (written
//                                                        once to .cache/models/, about 1.6 GB, never committed)
//   npm run bench:docs -- --shape tiny                   the same fixture with 2 thin layers (seconds)
//   npm run bench:docs -- --model FILE.gguf              any GGUF (a real model, or the random-weight 1.8B shape)
//       [--threads 2] [--runs 3] [--max-tokens N] [--out test/bench/results/docs.json]
//
// Why a fixture: prediction pays off only where the answer copies its input, and random weights never copy. The copy
// fixture (test/fixtures/copy-model.ts) has real-cost layers and a scripted answer: the excerpt with its comment words
// "translated" and its code unchanged. On a model that does not copy (random weights), the figure says what a wrong
// guess costs, not what prediction gains; the summary says which it measured.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getLlama, InputLookupTokenPredictor, LlamaLogLevel, readGgufFileInfo, type Token } from 'node-llama-cpp';
import { DEFAULT_STYLE, translateCommentsMessages } from '../../extension/docs/prompts.js';
import { INPUT_LOOKUP } from '../../backend/engine/lookup-decode.js';
import type { DoneEvent } from '../../protocol/messages.js';
import { Client, spawnBackend, type Collected } from '../backend/harness.js';

import {
  COMMENTED_CODE,
  COPY_1_8B_SHAPE,
  copyScript,
  writeCopyModel,
  type CopyModelShape,
} from '../fixtures/copy-model.js';

/** A backend whose benchmark is interrupted exits too, instead of holding a model's memory. */
const EXIT_WITH_BENCH = ['--parent-pid', String(process.pid)];

const { values: flags } = parseArgs({
  options: {
    model: { type: 'string' },
    shape: { type: 'string', default: '1.8b' },
    threads: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    'max-tokens': { type: 'string' },
    out: { type: 'string' },
  },
});
const int = (name: string, v: string | undefined, min = 1) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got ${v}`);
  return n;
};
const threads = int('threads', flags.threads);
const runs = int('runs', flags.runs);
if (flags.shape !== '1.8b' && flags.shape !== 'tiny') throw new Error('--shape must be 1.8b or tiny');
const TINY_COPY_SHAPE: CopyModelShape = { ...COPY_1_8B_SHAPE, layers: 2, ff: 1024 };

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => r1(loadavg()[0]);

function done(r: Collected): DoneEvent {
  if (r.final.type !== 'done') throw new Error(`the backend answered ${JSON.stringify(r.final).slice(0, 300)}`);
  return r.final;
}

/** The model to measure and the code whose comments are translated. */
async function subject(): Promise<{ path: string; code: string; copies: boolean; expected?: string; label: string }> {
  if (flags.model) {
    const path = resolve(flags.model);
    const info = await readGgufFileInfo(path, { readTensorInfo: false, logWarnings: false });
    const name = info.metadata.general?.name ?? '';
    if (name.includes('copy fixture')) {
      const s = copyScript();
      return { path, code: s.prompt, copies: true, expected: s.answer, label: `${path} (copy fixture)` };
    }
    return { path, code: COMMENTED_CODE, copies: false, label: path };
  }
  const tiny = flags.shape === 'tiny';
  const path = resolve(`.cache/models/copy-${tiny ? 'tiny' : '1.8b-layers'}.gguf`);
  if (!existsSync(path)) {
    const started = performance.now();
    mkdirSync(dirname(path), { recursive: true });
    const m = writeCopyModel(path, tiny ? TINY_COPY_SHAPE : COPY_1_8B_SHAPE);
    console.log(
      `wrote the copy fixture ${path} (${r1(m.bytes / 2 ** 20)} MiB) in ${r1((performance.now() - started) / 1000)} s`,
    );
  }
  const s = copyScript();
  return {
    path,
    code: s.prompt,
    copies: true,
    expected: s.answer,
    label: `copy fixture, ${tiny ? '2 thin layers' : "LLM-jp-3 1.8B's layer sizes"} (${path})`,
  };
}

type Mode = 'plain' | 'input';
/** Alternating order, so load from elsewhere on the machine hits both modes alike. */
const order = (i: number): Mode[] => (i % 2 === 0 ? ['plain', 'input'] : ['input', 'plain']);

interface Run {
  ms: number;
  decodeMs: number;
  tokens: number;
  text: string;
  predicted?: number;
  accepted?: number;
}

async function main() {
  const began = performance.now();
  const sub = await subject();
  const maxTokens = int('max-tokens', flags['max-tokens'] ?? (sub.copies ? '1024' : '128'));
  const cpu = cpus();
  console.log(
    `docs translation benchmark: ${sub.label}; ${threads} threads, ${runs} runs, at most ${maxTokens} tokens; ${cpu[0]?.model ?? '?'} x${cpu.length}, load ${load()}`,
  );
  const messages = translateCommentsMessages({ code: sub.code, languageId: 'typescript' }, 'to-ja', DEFAULT_STYLE);

  // ---- fude-backend ----
  const backend = spawnBackend([
    ...EXIT_WITH_BENCH,
    '--model',
    sub.path,
    '--threads',
    String(threads),
    '--context-size',
    '4096',
  ]);
  const backendRuns: Record<'plain' | 'input', Run[]> = { plain: [], input: [] };
  let promptTokens: number[];
  try {
    const ready = await backend.ready;
    const c = await Client.connect(ready.port);
    try {
      promptTokens = done(await c.request({ id: 'render', type: 'render', messages })).render!.tokens;
      const ask = async (id: string, predict: boolean): Promise<Run> => {
        const start = performance.now();
        const r = await c.request({
          id,
          type: 'chat',
          lane: 'docs',
          messages,
          temperature: 0,
          maxTokens,
          ...(predict ? { predictFrom: 'input' } : {}),
        });
        const ms = performance.now() - start;
        const d = done(r);
        return {
          ms,
          decodeMs: d.timings.totalMs - d.timings.firstTokenMs,
          tokens: d.usage.outputTokens,
          text: r.text,
          predicted: d.prediction?.predictedTokens,
          accepted: d.prediction?.acceptedTokens,
        };
      };
      // Warm-up: the prompt goes into the docs lane's KV cache, so every timed run evaluates the same (nothing new).
      const warm = await ask('warm', false);
      console.log(
        `backend: ${promptTokens.length} prompt tokens; warm-up answered ${warm.tokens} tokens in ${r1(warm.ms)} ms (load ${load()})`,
      );
      for (let i = 0; i < runs; i++) {
        for (const mode of order(i)) {
          const run = await ask(`${mode}-${i}`, mode === 'input');
          backendRuns[mode].push(run);
          console.log(
            `  backend ${mode === 'input' ? 'with prediction   ' : 'without prediction'} run ${i + 1}: ${run.tokens} tokens, decode ${r1(run.decodeMs)} ms (${r1((run.tokens - 1) / (run.decodeMs / 1000))} tokens/s)${run.predicted !== undefined ? `, predicted ${run.predicted}, accepted ${run.accepted}` : ''} (load ${load()})`,
          );
        }
      }
    } finally {
      c.close();
    }
  } finally {
    await backend.stop();
  }

  // ---- raw node-llama-cpp on the same prompt tokens ----
  const rawRuns: Record<'plain' | 'input', Run[]> = { plain: [], input: [] };
  const llama = await getLlama({ gpu: false, build: 'never', maxThreads: threads, logLevel: LlamaLogLevel.error });
  try {
    const model = await llama.loadModel({ modelPath: sub.path });
    const context = await model.createContext({ contextSize: 4096, sequences: 2, threads });
    const predictor = new InputLookupTokenPredictor(INPUT_LOOKUP);
    const sequences = { plain: context.getSequence(), input: context.getSequence({ tokenPredictor: predictor }) };
    const tokens = promptTokens as Token[];
    const eos = model.tokens.eos;
    const decode = async (mode: 'plain' | 'input'): Promise<Run> => {
      const seq = sequences[mode];
      await seq.clearHistory();
      await seq.evaluateWithoutGeneratingNewTokens(tokens.slice(0, -1));
      if (mode === 'input') predictor.updateInputTokens(tokens.slice());
      const out: Token[] = [];
      const before = { ...seq.tokenPredictions };
      const start = performance.now();
      let first = 0;
      for await (const t of seq.evaluate(tokens.slice(-1), { temperature: 0, yieldEogToken: true })) {
        if (!first) first = performance.now();
        if (t === eos) break;
        out.push(t);
        if (out.length >= maxTokens) break;
      }
      const end = performance.now();
      const after = seq.tokenPredictions;
      const validated = after.validated - before.validated;
      const refuted = after.refuted - before.refuted;
      // The EOS counts as an output token, as the backend counts it.
      return {
        ms: end - start,
        decodeMs: end - (first || end),
        tokens: out.length + (out.length < maxTokens ? 1 : 0),
        text: model.detokenize(out),
        predicted: mode === 'input' ? validated + refuted : undefined,
        accepted: mode === 'input' ? validated : undefined,
      };
    };
    for (let i = 0; i < runs; i++) {
      for (const mode of order(i)) {
        const run = await decode(mode);
        rawRuns[mode].push(run);
        console.log(
          `  raw     ${mode === 'input' ? 'with prediction   ' : 'without prediction'} run ${i + 1}: ${run.tokens} tokens, decode ${r1(run.decodeMs)} ms (${r1((run.tokens - 1) / (run.decodeMs / 1000))} tokens/s) (load ${load()})`,
        );
      }
    }
    await context.dispose();
    await model.dispose();
  } finally {
    await llama.dispose();
  }

  const rate = (r: Run) => (r.tokens - 1) / (r.decodeMs / 1000);
  const med = (rs: Run[], f: (r: Run) => number) => median(rs.map(f));
  const texts = new Set([...backendRuns.plain, ...backendRuns.input].map((r) => r.text));
  const identicalOutput = texts.size === 1;
  const translationSpeedup = r3(med(backendRuns.plain, (r) => r.decodeMs) / med(backendRuns.input, (r) => r.decodeMs));
  const rawSpeedup = r3(med(rawRuns.plain, (r) => r.decodeMs) / med(rawRuns.input, (r) => r.decodeMs));
  const last = backendRuns.input.at(-1)!;
  const acceptedShare = last.predicted ? r3((last.accepted ?? 0) / last.tokens) : 0;
  const summary = {
    translationSpeedup,
    identicalOutput,
    // A run cut by --max-tokens wrote the start of the scripted answer.
    answerAsScripted:
      sub.expected === undefined
        ? null
        : backendRuns.plain[0].text !== '' && sub.expected.startsWith(backendRuns.plain[0].text),
    answerTokens: backendRuns.plain[0].tokens,
    promptTokens: promptTokens.length,
    backendDecodeTokensPerSecond: { without: r1(med(backendRuns.plain, rate)), with: r1(med(backendRuns.input, rate)) },
    rawDecodeTokensPerSecond: { without: r1(med(rawRuns.plain, rate)), with: r1(med(rawRuns.input, rate)) },
    rawSpeedup,
    ratioToRaw: {
      without: r3(med(backendRuns.plain, rate) / med(rawRuns.plain, rate)),
      with: r3(med(backendRuns.input, rate) / med(rawRuns.input, rate)),
    },
    predictedTokens: last.predicted ?? 0,
    acceptedTokens: last.accepted ?? 0,
    acceptedShareOfAnswer: acceptedShare,
    rawSameAnswerAsBackend: rawRuns.plain[0].text === backendRuns.plain[0].text,
    measures: sub.copies
      ? 'an answer that copies its input (the gain)'
      : 'a model that does not copy its input: what wrong guesses cost, not what prediction gains',
    targetSpeedupAtLeast1_8: translationSpeedup >= 1.8,
  };
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpuModel: cpu[0]?.model ?? 'unknown',
      logicalCores: cpu.length,
      totalMemGiB: r1(totalmem() / 2 ** 30),
      loadAverageAtEnd: load(),
      node: process.version,
    },
    settings: { model: sub.path, threads, runs, maxTokens, inputLookup: INPUT_LOOKUP },
    summary,
    definitions: {
      translationSpeedup:
        'median decode time of the answer without prediction over with (fude-backend, docs lane, temperature 0, prompt already in the KV cache)',
      identicalOutput: 'every backend answer, with and without prediction, is the same text',
      rawSpeedup:
        'the same ratio for raw node-llama-cpp (sequence.evaluate, greedy) with its InputLookupTokenPredictor on the same prompt tokens',
      ratioToRaw: 'backend decode tokens/s over raw node-llama-cpp decode tokens/s, without and with prediction',
    },
    runs: { backend: backendRuns, raw: rawRuns },
    wallSeconds: r1((performance.now() - began) / 1000),
  };
  for (const rs of [...Object.values(result.runs.backend), ...Object.values(result.runs.raw)])
    for (const r of rs) r.text = r.text.slice(0, 120);
  const row = (name: string, without: number, withP: number, ratio: number | string) =>
    `  ${name.padEnd(22)}${String(without).padStart(10)}${String(withP).padStart(10)}${String(ratio).padStart(10)}`;
  console.log(`\nsummary (${summary.measures}; load ${load()})`);
  console.log(
    `  ${''.padEnd(22)}${'without'.padStart(10)}${'with'.padStart(10)}${'speed-up'.padStart(10)}   (decode tokens/s, medians of ${runs})`,
  );
  console.log(
    row(
      'fude-backend',
      summary.backendDecodeTokensPerSecond.without,
      summary.backendDecodeTokensPerSecond.with,
      translationSpeedup,
    ),
  );
  console.log(
    row(
      'raw node-llama-cpp',
      summary.rawDecodeTokensPerSecond.without,
      summary.rawDecodeTokensPerSecond.with,
      rawSpeedup,
    ),
  );
  console.log(row('backend / raw', summary.ratioToRaw.without, summary.ratioToRaw.with, ''));
  console.log(
    `  translationSpeedup ${translationSpeedup} (target >= 1.8: ${summary.targetSpeedupAtLeast1_8 ? 'met' : 'NOT met'}); identicalOutput ${identicalOutput}${summary.answerAsScripted === null ? '' : `; answer as scripted ${summary.answerAsScripted}`}; ${summary.answerTokens} answer tokens, ${summary.acceptedTokens} of ${summary.predictedTokens} predicted accepted`,
  );
  const out = resolve(flags.out ?? 'test/bench/results/docs.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${out} (wall ${result.wallSeconds} s)`);
}

await main();
