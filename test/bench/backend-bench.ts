// Benchmark (not a test): fude-backend over its WebSocket against raw node-llama-cpp in-process, on the same
// generated model with the same thread count. Prints a table and writes test/bench/results/backend.json.
//   node out/test/bench/backend-bench.js [--threads N] [--runs N] [--tokens N]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getLlama, LlamaCompletion, LlamaLogLevel } from 'node-llama-cpp';
import { readBackendEvents } from '../../protocol/backend-events.js';
import type { DoneEvent, ReadyLine } from '../../protocol/messages.js';
import { physicalCores } from '../../backend/setup/llama-runtime.js';
import { BACKEND_MAIN, Client } from '../backend/harness.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';

const RESULTS = fileURLToPath(new URL('../../../test/bench/results/backend.json', import.meta.url));
const TOKEN = 'bench-token-0123456789';
const CONTEXT_SIZE = 2048;
/** Longest one loop run should take, judged by a probe; --tokens caps the count. */
const LOOP_SECONDS = 5;
/** ~300 tokens: this vocabulary spells plain ASCII mostly one byte per token. The model loops on a final "#". */
const longPrompt = (run: number) => `${run}. ${'let value = compute(input, options); '.repeat(8)}#`;

const { values: flags } = parseArgs({
  options: {
    threads: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    tokens: { type: 'string', default: '256' },
  },
});
const threads = Number(flags.threads);
const runs = Number(flags.runs);
const genTokens = Number(flags.tokens);
for (const [name, v] of [
  ['threads', threads],
  ['runs', runs],
  ['tokens', genTokens],
] as const) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

interface Generation {
  /** Request sent (or call made) to first text. */
  firstTokenMs: number;
  totalMs: number;
  tokens: number;
  /** Tokens after the first, per second of the time after the first: the decode rate. */
  tokensPerSecond: number;
}

function generation(start: number, first: number, end: number, tokens: number): Generation {
  return {
    firstTokenMs: first - start,
    totalMs: end - start,
    tokens,
    tokensPerSecond: (tokens - 1) / ((end - first) / 1000),
  };
}

// ---- backend ----

interface Started {
  ready: ReadyLine;
  /** Process start to ready line, as the parent sees it. */
  startMs: number;
  stop(): Promise<void>;
}

function startBackend(modelPath: string): Promise<Started> {
  const t0 = performance.now();
  const proc = spawn(
    process.execPath,
    [
      BACKEND_MAIN,
      '--model',
      modelPath,
      '--gpu',
      'cpu',
      '--threads',
      String(threads),
      '--context-size',
      String(CONTEXT_SIZE),
    ],
    {
      env: { ...process.env, FUDE_BACKEND_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  proc.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    readBackendEvents(proc.stdout, (ev) => {
      if (ev.event !== 'ready') return;
      resolve({
        ready: ev,
        startMs: performance.now() - t0,
        async stop() {
          proc.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`backend exited before ready: ${stderr.join('').slice(-500)}`)));
  });
}

let requestId = 0;
async function backendComplete(
  client: Client,
  prefix: string,
  maxTokens: number,
): Promise<{ gen: Generation; done: DoneEvent }> {
  let first = 0;
  const start = performance.now();
  const res = await client.request({ id: `b${requestId++}`, type: 'complete', prefix, maxTokens }, () => {
    if (!first) first = performance.now();
  });
  const end = performance.now();
  if (res.final.type !== 'done') throw new Error(`backend answered ${JSON.stringify(res.final)}`);
  return { gen: generation(start, first || end, end, res.final.usage.outputTokens), done: res.final };
}

/** Starts the backend `runs` times for the load time; the last one stays up. */
async function startBackends(modelPath: string): Promise<{ backend: Started; startMs: number[]; loadMs: number[] }> {
  const starts: Started[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await startBackend(modelPath);
    starts.push(s);
    if (i < runs - 1) await s.stop();
  }
  return {
    backend: starts[runs - 1],
    startMs: starts.map((s) => s.startMs),
    loadMs: starts.map((s) => s.ready.loadMs),
  };
}

// ---- raw node-llama-cpp, in this process ----

async function rawComplete(completion: LlamaCompletion, prompt: string, maxTokens: number): Promise<Generation> {
  let first = 0;
  let tokens = 0;
  const start = performance.now();
  await completion.generateCompletion(prompt, {
    maxTokens,
    temperature: 0,
    repeatPenalty: false,
    onToken: (t) => {
      tokens += t.length;
      if (!first) first = performance.now();
    },
  });
  const end = performance.now();
  return generation(start, first || end, end, tokens);
}

async function openRaw(modelPath: string) {
  let t = performance.now();
  const llama = await getLlama({ gpu: false, build: 'never', maxThreads: threads, logLevel: LlamaLogLevel.error });
  const getLlamaMs = performance.now() - t;
  const loadMs: number[] = [];
  for (let i = 0; i < runs - 1; i++) {
    t = performance.now();
    const m = await llama.loadModel({ modelPath });
    await (await m.createContext({ contextSize: CONTEXT_SIZE, sequences: 1, threads })).dispose();
    loadMs.push(performance.now() - t);
    await m.dispose();
  }
  t = performance.now();
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: CONTEXT_SIZE, sequences: 1, threads });
  loadMs.push(performance.now() - t);
  return {
    getLlamaMs,
    loadMs,
    completion: new LlamaCompletion({ contextSequence: context.getSequence() }),
    /** Without BOS; the backend's count includes it. */
    promptTokens: (text: string) => model.tokenize(text).length,
    async close() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}

function latency(gens: Generation[]) {
  return {
    firstTokenMsMedian: r1(median(gens.map((g) => g.firstTokenMs))),
    firstTokenMsAll: gens.map((g) => r1(g.firstTokenMs)),
  };
}

function throughput(gens: Generation[]) {
  return {
    tokens: gens[0].tokens,
    tokensPerSecondMedian: r1(median(gens.map((g) => g.tokensPerSecond))),
    totalMsMedian: r1(median(gens.map((g) => g.totalMs))),
    tokensPerSecondAll: gens.map((g) => r1(g.tokensPerSecond)),
    ...latency(gens),
  };
}

/** Backend and raw runs alternate, so load from other processes on the machine hits both alike. */
async function measure(modelPath: string) {
  const { backend, startMs, loadMs } = await startBackends(modelPath);
  const raw = await openRaw(modelPath);
  const client = await Client.connect(backend.ready.port, TOKEN);
  try {
    // Warm-up, then a short probe that sizes the loop: where tokens are slow (2 threads on a busy 2-core box), fewer.
    await backendComplete(client, '#', 16);
    await rawComplete(raw.completion, '#', 16);
    const probe = Math.max(
      (await backendComplete(client, '#', 16)).gen.tokensPerSecond,
      (await rawComplete(raw.completion, '#', 16)).tokensPerSecond,
    );
    const loopTokens = Math.min(genTokens, Math.max(16, Math.floor(probe * LOOP_SECONDS)));
    const loop = { backend: [] as Generation[], raw: [] as Generation[] };
    const serverRate: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { gen, done } = await backendComplete(client, '#', loopTokens);
      if (done.stopReason !== 'maxTokens') throw new Error(`the loop stopped early: ${done.stopReason}`);
      loop.backend.push(gen);
      // The backend's own view, without the socket: its first chunk to its final event.
      serverRate.push((done.usage.outputTokens - 1) / ((done.timings.totalMs - done.timings.firstTokenMs) / 1000));
      loop.raw.push(await rawComplete(raw.completion, '#', loopTokens));
    }
    const long = { backend: [] as Generation[], raw: [] as Generation[], evaluated: [] as number[] };
    const repeat = { evaluated: [] as number[], firstTokenMs: [] as number[] };
    const extend = { evaluated: [] as number[], requestMs: [] as number[] };
    for (let i = 0; i < runs; i++) {
      // A new first token each run, so nothing of the prompt is in the KV cache.
      const { gen, done } = await backendComplete(client, longPrompt(i), 1);
      long.backend.push(gen);
      long.evaluated.push(done.usage.evaluatedInputTokens);
      long.raw.push(await rawComplete(raw.completion, longPrompt(i), 1));
      const again = await backendComplete(client, longPrompt(i), 1);
      repeat.evaluated.push(again.done.usage.evaluatedInputTokens);
      repeat.firstTokenMs.push(again.gen.firstTokenMs);
      // One more character typed: the model then writes end-of-sequence at once, so time the whole request.
      const more = await backendComplete(client, `${longPrompt(i)}a`, 1);
      extend.evaluated.push(more.done.usage.evaluatedInputTokens);
      extend.requestMs.push(more.gen.totalMs);
    }
    const { path: _path, ...model } = backend.ready.model;
    return {
      loopTokens,
      backend: {
        model,
        startToReadyMsMedian: r1(median(startMs)),
        startToReadyMsAll: startMs.map(r1),
        readyLineLoadMsMedian: median(loadMs),
        loop: { ...throughput(loop.backend), serverSideTokensPerSecondMedian: r1(median(serverRate)) },
        longPrompt: { ...latency(long.backend), evaluatedInputTokensMedian: median(long.evaluated) },
        kvReuse: {
          repeatedEvaluatedInputTokensMedian: median(repeat.evaluated),
          repeatedFirstTokenMsMedian: r1(median(repeat.firstTokenMs)),
          extendedEvaluatedInputTokensMedian: median(extend.evaluated),
          extendedRequestMsMedian: r1(median(extend.requestMs)),
        },
      },
      raw: {
        getLlamaMs: r1(raw.getLlamaMs),
        loadModelAndContextMsMedian: r1(median(raw.loadMs)),
        longPromptTokensWithoutBos: raw.promptTokens(longPrompt(0)),
        loop: throughput(loop.raw),
        longPrompt: latency(long.raw),
      },
    };
  } finally {
    client.close();
    await backend.stop();
    await raw.close();
  }
}

// ---- report ----

function table(rows: Array<[string, number, number | undefined]>): string {
  const lines = [
    ['measure', 'backend', 'raw', 'backend/raw'],
    ...rows.map(([name, b, r]) => [name, String(b), r === undefined ? '-' : String(r), r ? (b / r).toFixed(2) : '-']),
  ];
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  return lines
    .map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n');
}

async function main(): Promise<void> {
  const began = performance.now();
  const dir = makeTinyModelDir();
  try {
    // The bench preset without FIM tokens: a completion is then plain prefix text, and a prompt ending in "#"
    // makes the model write "x" forever (with FIM, the prompt would end in <fim_middle>).
    const written = writePresetModel(dir, 'bench', { fim: false }, 'bench-prefix.gguf');
    const { backend, raw, loopTokens } = await measure(written.path);
    const cpu = cpus();
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpuModel: cpu[0]?.model ?? 'unknown',
        logicalCores: cpu.length,
        physicalCores: physicalCores(),
        totalMemGiB: r1(totalmem() / 2 ** 30),
        loadAverage1m: r1(loadavg()[0]),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
      settings: {
        threads,
        runs,
        loopTokens,
        loopTokensAskedFor: genTokens,
        contextSize: CONTEXT_SIZE,
        model: 'bench preset with fim: false',
        modelBytes: written.bytes,
        layers: written.shape.layers,
        nEmbd: written.shape.nEmbd,
        nVocab: written.shape.nVocab,
      },
      backend,
      raw,
      ratios: {
        loopTokensPerSecond: r2(backend.loop.tokensPerSecondMedian / raw.loop.tokensPerSecondMedian),
        longPromptFirstTokenMs: r2(backend.longPrompt.firstTokenMsMedian / raw.longPrompt.firstTokenMsMedian),
      },
      wallSeconds: 0,
    };
    result.wallSeconds = r1((performance.now() - began) / 1000);
    console.log(
      `fude-backend vs node-llama-cpp ${threads} thread(s), ${runs} runs, medians (${result.machine.cpuModel}, ${cpu.length} logical cores, load ${result.machine.loadAverage1m})`,
    );
    console.log(
      table([
        ['start to ready / load ms', backend.startToReadyMsMedian, raw.loadModelAndContextMsMedian],
        [`loop ${loopTokens} tokens: tokens/s`, backend.loop.tokensPerSecondMedian, raw.loop.tokensPerSecondMedian],
        [
          '  same, backend timings (no socket)',
          backend.loop.serverSideTokensPerSecondMedian,
          raw.loop.tokensPerSecondMedian,
        ],
        ['loop: first token ms', backend.loop.firstTokenMsMedian, raw.loop.firstTokenMsMedian],
        [
          `prompt of ${backend.longPrompt.evaluatedInputTokensMedian} tokens: first token ms`,
          backend.longPrompt.firstTokenMsMedian,
          raw.longPrompt.firstTokenMsMedian,
        ],
        ['repeated prompt: evaluated tokens', backend.kvReuse.repeatedEvaluatedInputTokensMedian, undefined],
        ['repeated prompt: first token ms', backend.kvReuse.repeatedFirstTokenMsMedian, undefined],
        ['one char more: evaluated tokens', backend.kvReuse.extendedEvaluatedInputTokensMedian, undefined],
        ['one char more: request ms', backend.kvReuse.extendedRequestMsMedian, undefined],
      ]),
    );
    console.log(
      `raw: getLlama ${raw.getLlamaMs} ms (once); load = loadModel + createContext in-process, backend = whole process start. Wall ${result.wallSeconds} s.`,
    );
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${RESULTS}`);
  } finally {
    removeTinyModelDir(dir);
  }
}

await main();
