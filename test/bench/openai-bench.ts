// Benchmark (not a test): the same requests to one fude-backend through its WebSocket protocol, its OpenAI API
// with the official `openai` client, the editor's remote-engine client, and the editor's whole remote engine as
// features see it (RemoteEngine behind the EngineSwitch); time to first text and total, medians.
//   node out/test/bench/openai-bench.js [--runs N] [--tokens N]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { EngineSwitch } from '../../extension/engine/engine-switch.js';
import { ModelStatus } from '../../extension/engine/model-status.js';
import { OpenAIEngineClient } from '../../extension/engine/openai/openai-engine-client.js';
import { RemoteEngine } from '../../extension/engine/openai/remote-engine.js';
import { Client, spawnBackend, TEST_TOKEN } from '../backend/harness.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';

const { values: flags } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, tokens: { type: 'string', default: '64' } },
});
const runs = Number(flags.runs);
const tokens = Number(flags.tokens);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

type Timed = { firstMs: number; totalMs: number };

async function measure(name: string, once: (run: number) => Promise<Timed>): Promise<void> {
  await once(-1);
  const results: Timed[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  console.log(
    `${name.padEnd(34)} first text ${String(r1(median(results.map((r) => r.firstMs)))).padStart(6)} ms   total ${String(r1(median(results.map((r) => r.totalMs)))).padStart(6)} ms`,
  );
}

const dir = makeTinyModelDir();
const backend = spawnBackend(['--model', writePresetModel(dir, 'bench').path]);
try {
  const ready = await backend.ready;
  const baseURL = `http://127.0.0.1:${ready.port}/v1`;
  const ws = await Client.connect(ready.port);
  const openai = new OpenAI({ baseURL, apiKey: TEST_TOKEN, maxRetries: 0 });
  const engine = new OpenAIEngineClient({ baseUrl: baseURL, model: ready.model.name, apiKey: TEST_TOKEN });
  // The model loops on a final "#": every run generates exactly `tokens` tokens.
  const prompt = (run: number) => `${run} let value = compute(input); #`;
  console.log(
    `model ${ready.model.name}, ${tokens} tokens, median of ${runs}, load average ${loadavg()[0].toFixed(1)}`,
  );

  await measure('WebSocket protocol', async (run) => {
    const t0 = performance.now();
    let first = 0;
    await ws.request({ id: `w${run}`, type: 'complete', prefix: prompt(run), maxTokens: tokens }, () => {
      if (!first) first = performance.now() - t0;
    });
    return { firstMs: first, totalMs: performance.now() - t0 };
  });
  await measure('OpenAI API, openai client', async (run) => {
    const t0 = performance.now();
    let first = 0;
    const stream = await openai.completions.create({
      model: ready.model.name,
      prompt: prompt(run),
      max_tokens: tokens,
      temperature: 0,
      stream: true,
    });
    for await (const c of stream) if (!first && c.choices[0]?.text) first = performance.now() - t0;
    return { firstMs: first, totalMs: performance.now() - t0 };
  });
  await measure('OpenAI API, remote-engine client', async (run) => {
    const t0 = performance.now();
    let first = 0;
    for await (const p of engine.complete({ prompt: prompt(run), maxTokens: tokens, temperature: 0 }))
      if (!first && p.type === 'text') first = performance.now() - t0;
    return { firstMs: first, totalMs: performance.now() - t0 };
  });
  const status = new ModelStatus({ engine: 'openai', isDemo: false, configuredName: ready.model.name });
  const remote = new EngineSwitch(
    new RemoteEngine({
      status,
      termsAccepted: () => true,
      config: async () => ({ baseUrl: baseURL, model: ready.model.name, apiKey: TEST_TOKEN, contextSize: 4096 }),
    }),
  );
  await remote.start();
  console.log(`remote engine check (GET /v1/models): ${status.current.model!.remote!.latencyMs} ms`);
  await measure('remote engine behind EngineSwitch', async (run) => {
    const t0 = performance.now();
    let first = 0;
    for await (const text of remote.complete({ prefix: prompt(run), maxTokens: tokens }))
      if (!first && text) first = performance.now() - t0;
    return { firstMs: first, totalMs: performance.now() - t0 };
  });
  ws.close();
  engine.dispose();
  await remote.dispose();
} finally {
  await backend.stop();
  removeTinyModelDir(dir);
}
