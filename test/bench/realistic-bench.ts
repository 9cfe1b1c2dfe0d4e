// Benchmark (not a test): the backend on a GGUF of a real model's size, the way issue 14 measures it, before and
// after in one run. "after" is the backend as it ships; "before" is the same backend started the way it ran before
// issue 14 (KV cache f16, all lanes at the full context in one context, the file mapped, no priorities, a message per
// token), so the two differ only in what the issue changed. For each:
//   - peak resident memory (VmHWM) and anonymous/file-backed parts over a workload that uses every lane;
//   - completion time to first token alone, and while a chat reads a long prompt;
//   - chat time to first token alone, and while a completion prefill runs;
//   - tokens evaluated by a complete after a prefill of the same place.
// Then decodeRatioToRaw: the backend's decode tokens/s over raw node-llama-cpp's on the same file, runs alternating.
//
//   npm run bench:realistic -- --model .cache/models/llm-jp-3-1.8b-shape.gguf [--threads 2] [--runs 3]
//       [--chat-prompt-tokens 3000] [--completion-prompt-tokens 1000] [--decode-tokens 48] [--context-size 4096]
//       [--only after|before] [--out test/bench/results/realistic.json]
//
// Judge by ratios within one run and by counts: the load average is printed, and on a busy machine times swing.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DoneEvent, StatusResult } from '../../protocol/messages.js';
import { Client, spawnBackend, type BackendProcess, type Collected } from '../backend/harness.js';
import { openRawDecoder } from './raw-decode.js';

import { ms, summaryTable } from './summary-table.js';

/** A backend whose benchmark is interrupted exits too, instead of holding a model's memory. */
const EXIT_WITH_BENCH = ['--parent-pid', String(process.pid)];

const { values: flags } = parseArgs({
  options: {
    model: { type: 'string' },
    threads: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    'chat-prompt-tokens': { type: 'string', default: '3000' },
    'completion-prompt-tokens': { type: 'string', default: '1000' },
    'decode-tokens': { type: 'string', default: '48' },
    'context-size': { type: 'string', default: '4096' },
    only: { type: 'string' },
    out: { type: 'string', default: 'test/bench/results/realistic.json' },
  },
});
if (!flags.model)
  throw new Error(
    '--model FILE.gguf is required (e.g. node out/test/fixtures/make-model.js --preset llm-jp-3-1.8b-shape --out .cache/models/llm-jp-3-1.8b-shape.gguf)',
  );
const int = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const modelPath = resolve(flags.model);
const threads = int('threads', flags.threads);
const runs = int('runs', flags.runs);
const chatPromptTokens = int('chat-prompt-tokens', flags['chat-prompt-tokens']);
const completionPromptTokens = int('completion-prompt-tokens', flags['completion-prompt-tokens']);
const decodeTokens = int('decode-tokens', flags['decode-tokens']);
const contextSize = int('context-size', flags['context-size']);

const r1 = (x: number) => Math.round(x * 10) / 10;
const mb = (kib: number) => Math.round(kib / 1024);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => r1(loadavg()[0]);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function done(r: Collected): DoneEvent {
  if (r.final.type !== 'done') throw new Error(`the backend answered ${JSON.stringify(r.final).slice(0, 300)}`);
  return r.final;
}

/** Samples /proc/PID/status: the peak (VmHWM) and the largest anonymous and file-backed parts seen. */
class MemoryWatch {
  private timer: NodeJS.Timeout;
  hwm = 0;
  anon = 0;
  file = 0;
  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 50);
  }
  sample(): void {
    try {
      const s = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const get = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? 0);
      this.hwm = Math.max(this.hwm, get('VmHWM'));
      this.anon = Math.max(this.anon, get('RssAnon'));
      this.file = Math.max(this.file, get('RssFile'));
    } catch {
      /* gone */
    }
  }
  stop() {
    this.sample();
    clearInterval(this.timer);
    return { peakRssMb: mb(this.hwm), peakAnonMb: mb(this.anon), peakFileMb: mb(this.file) };
  }
}

/** Code-like text of about `tokens` tokens, distinct per `seed` from its first characters (so nothing is cached). */
async function sizedText(c: Client, seed: string, tokens: number): Promise<string> {
  const line = (i: number) => `  const value${i} = compute(input[${i}], options); // step ${i} of ${seed}\n`;
  let text = `// ${seed}\nexport function run(input: number[], options: Options): number {\n`;
  let i = 0;
  const count = async (t: string) =>
    done(await c.request({ id: `n-${seed}-${i}-${t.length}`, type: 'count', texts: [t] })).count!.texts[0];
  const perLine = Math.max(1, await count(line(1000)));
  // Grow in steps, counting with the backend's own tokenizer.
  for (;;) {
    const n = await count(text);
    if (n >= tokens) return text;
    const more = Math.max(1, Math.floor((tokens - n) / perLine));
    for (let k = 0; k < more; k++) text += line(i++);
  }
}

interface Timed {
  firstTokenMs: number;
  done: DoneEvent;
}

/** Sends a request and times its first chunk from the client's side. */
async function timed(c: Client, req: Record<string, unknown> & { id: string }): Promise<Timed> {
  const start = performance.now();
  let first = 0;
  const r = await c.request(req, () => {
    if (!first) first = performance.now();
  });
  const d = done(r);
  return { firstTokenMs: r1((first || performance.now()) - start), done: d };
}

async function waitEvaluating(c: Client, lane: 'chat' | 'complete'): Promise<void> {
  for (let i = 0; ; i++) {
    const s = done(await c.request({ id: `w${lane}${i}-${Math.random()}`, type: 'status' })).status!;
    const l = s.lanes.find((x) => x.name === lane);
    if (l?.evaluating && l.evaluating.evaluated > 0) return;
    await sleep(20);
  }
}

async function scenario(name: 'after' | 'before', args: string[]) {
  console.log(`\n== ${name}: fude-backend ${args.join(' ')} (load ${load()})`);
  const backend: BackendProcess = spawnBackend([
    ...EXIT_WITH_BENCH,
    '--model',
    modelPath,
    '--threads',
    String(threads),
    '--context-size',
    String(contextSize),
    ...args,
  ]);
  const mem = new MemoryWatch(backend.proc.pid!);
  const ready = await backend.ready;
  const c = await Client.connect(ready.port);
  const c2 = await Client.connect(ready.port);
  const tag = `${name}-${Date.now()}`;
  try {
    const status0: StatusResult = done(await c.request({ id: 's0', type: 'status' })).status!;
    console.log(`ready in ${ready.loadMs} ms; calibration ${JSON.stringify(ready.throughput ?? null)}`);
    // Every lane once: a prefill and the complete after it, a long chat, a documentation request.
    const place = await sizedText(c, `${tag}-place`, completionPromptTokens);
    const prefill = done(await c.request({ id: 'p1', type: 'prefill', prefix: place }));
    const afterPrefill = done(
      await c.request({ id: 'p2', type: 'complete', prefix: `${place}  return`, maxTokens: 4 }),
    );
    console.log(
      `prefill evaluated ${prefill.usage.evaluatedInputTokens} tokens; the complete after it evaluated ${afterPrefill.usage.evaluatedInputTokens} of ${afterPrefill.usage.inputTokens}`,
    );
    const longChat = await sizedText(c, `${tag}-chat`, chatPromptTokens);
    const chatAlone = await timed(c, {
      id: 'c1',
      type: 'chat',
      messages: [{ role: 'user', content: longChat }],
      maxTokens: 4,
    });
    const docs = await timed(c, {
      id: 'd1',
      type: 'chat',
      lane: 'docs',
      messages: [{ role: 'user', content: await sizedText(c, `${tag}-docs`, Math.min(chatPromptTokens, 600)) }],
      maxTokens: 4,
    });
    console.log(
      `long chat (${chatAlone.done.usage.evaluatedInputTokens} tokens): first token ${chatAlone.firstTokenMs} ms; docs ${docs.firstTokenMs} ms (load ${load()})`,
    );

    // Completion alone, then while a chat reads a long prompt.
    const completionAlone = await timed(c2, {
      id: 'k1',
      type: 'complete',
      prefix: await sizedText(c, `${tag}-k1`, completionPromptTokens),
      maxTokens: 4,
    });
    const chatText = await sizedText(c, `${tag}-chat2`, chatPromptTokens);
    const completionText = await sizedText(c, `${tag}-k2`, completionPromptTokens);
    const chatRunning = timed(c, {
      id: 'c2',
      type: 'chat',
      messages: [{ role: 'user', content: chatText }],
      maxTokens: 4,
    });
    await waitEvaluating(c2, 'chat');
    const completionDuringChat = await timed(c2, { id: 'k2', type: 'complete', prefix: completionText, maxTokens: 4 });
    const chatDuring = await chatRunning;
    console.log(
      `completion first token: alone ${completionAlone.firstTokenMs} ms, while a chat reads ${chatDuring.done.usage.evaluatedInputTokens} tokens ${completionDuringChat.firstTokenMs} ms (queued ${completionDuringChat.done.timings.queuedMs ?? '-'} ms); that chat ${chatDuring.firstTokenMs} ms vs ${chatAlone.firstTokenMs} alone (load ${load()})`,
    );

    // A short chat alone, then while a prefill runs.
    const question = (n: number) => [
      { role: 'user', content: `(${tag} ${n}) What does this function return when the input is empty?` },
    ];
    const shortChatAlone = await timed(c, { id: 'q1', type: 'chat', messages: question(1), maxTokens: 4 });
    const prefillRunning = timed(c2, {
      id: 'p3',
      type: 'prefill',
      prefix: await sizedText(c, `${tag}-p3`, completionPromptTokens),
    });
    await waitEvaluating(c, 'complete');
    const shortChatDuringPrefill = await timed(c, { id: 'q2', type: 'chat', messages: question(2), maxTokens: 4 });
    const prefillDuring = await prefillRunning;
    console.log(
      `short chat first token: alone ${shortChatAlone.firstTokenMs} ms, during a prefill ${shortChatDuringPrefill.firstTokenMs} ms; that prefill took ${prefillDuring.done.timings.totalMs} ms (load ${load()})`,
    );

    const status1: StatusResult = done(await c.request({ id: 's1', type: 'status' })).status!;
    c.close();
    c2.close();
    await backend.stop();
    const memory = mem.stop();
    console.log(
      `peak resident ${memory.peakRssMb} MB (anonymous up to ${memory.peakAnonMb} MB, file-backed up to ${memory.peakFileMb} MB)`,
    );
    return {
      args,
      loadMs: ready.loadMs,
      calibration: ready.throughput ?? null,
      memory,
      memoryParts: status0.memory.parts,
      lanes: status0.lanes.map((l) => ({ name: l.name, contextSize: l.contextSize })),
      throughputAfterRequests: status1.throughput,
      prefill: {
        evaluatedInputTokens: prefill.usage.evaluatedInputTokens,
        completeAfterEvaluated: afterPrefill.usage.evaluatedInputTokens,
        completeAfterInputTokens: afterPrefill.usage.inputTokens,
      },
      chatLongPrompt: { tokens: chatAlone.done.usage.evaluatedInputTokens, firstTokenMs: chatAlone.firstTokenMs },
      completion: {
        promptTokens: completionAlone.done.usage.evaluatedInputTokens,
        aloneFirstTokenMs: completionAlone.firstTokenMs,
        duringLongChatFirstTokenMs: completionDuringChat.firstTokenMs,
        duringLongChatQueuedMs: completionDuringChat.done.timings.queuedMs ?? null,
        longChatFirstTokenMsWithCompletion: chatDuring.firstTokenMs,
      },
      shortChat: {
        aloneFirstTokenMs: shortChatAlone.firstTokenMs,
        duringPrefillFirstTokenMs: shortChatDuringPrefill.firstTokenMs,
        prefillTotalMs: prefillDuring.done.timings.totalMs,
      },
      loadAverageAtEnd: load(),
    };
  } catch (e) {
    c.close();
    c2.close();
    await backend.stop();
    mem.stop();
    throw e;
  }
}

/** The backend's decode speed against raw node-llama-cpp's, runs alternating, medians. */
async function decodeRatio() {
  console.log(
    `\n== decode: fude-backend vs raw node-llama-cpp, ${decodeTokens} tokens, ${runs} runs alternating (load ${load()})`,
  );
  const backend = spawnBackend([
    ...EXIT_WITH_BENCH,
    '--model',
    modelPath,
    '--threads',
    String(threads),
    '--context-size',
    String(contextSize),
  ]);
  const c = await Client.connect((await backend.ready).port);
  const raw = await openRawDecoder(modelPath, { threads, contextSize: 2048 });
  const client: number[] = [];
  const server: number[] = [];
  const rawRates: number[] = [];
  const messages: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const prefix = `// run ${i}\nexport function total(items: Item[]): number {\n  let sum = 0;\n  for (const item of items) sum += item.price;\n`;
      let first = 0;
      let chunks = 0;
      const start = performance.now();
      const r = await c.request({ id: `dec${i}`, type: 'complete', prefix, maxTokens: decodeTokens }, () => {
        chunks++;
        if (!first) first = performance.now();
      });
      const end = performance.now();
      const d = done(r);
      if (d.usage.outputTokens > 1 && first) client.push((d.usage.outputTokens - 1) / ((end - first) / 1000));
      server.push(d.throughput?.decodeTokensPerSecond ?? 0);
      messages.push(chunks / Math.max(1, d.usage.outputTokens));
      const rr = await raw.decode(decodeTokens);
      rawRates.push(rr.decodeTokensPerSecond);
      console.log(
        `run ${i}: backend ${r1(client.at(-1) ?? 0)} tokens/s (${d.usage.outputTokens} tokens${d.stopReason !== 'maxTokens' ? `, ${d.stopReason}` : ''}, start ${r1(start)}), raw ${r1(rr.decodeTokensPerSecond)} tokens/s (${rr.tokens} tokens) (load ${load()})`,
      );
    }
  } finally {
    c.close();
    await backend.stop();
    await raw.close();
  }
  const ratio = Math.round((median(client) / median(rawRates)) * 1000) / 1000;
  return {
    tokens: decodeTokens,
    runs,
    backendTokensPerSecond: r1(median(client)),
    backendServerSideTokensPerSecond: r1(median(server)),
    rawTokensPerSecond: r1(median(rawRates)),
    messagesPerToken: Math.round(median(messages) * 100) / 100,
    decodeRatioToRaw: ratio,
  };
}

async function main() {
  const began = performance.now();
  const cpu = cpus();
  const machine = {
    cpuModel: cpu[0]?.model ?? 'unknown',
    logicalCores: cpu.length,
    totalMemGiB: r1(totalmem() / 2 ** 30),
    loadAverageAtStart: load(),
    node: process.version,
  };
  console.log(
    `realistic backend benchmark: ${modelPath}, ${threads} threads, context ${contextSize}; ${machine.cpuModel}, ${machine.logicalCores} logical cores, load ${machine.loadAverageAtStart}`,
  );
  const result: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine,
    settings: { model: modelPath, threads, runs, chatPromptTokens, completionPromptTokens, decodeTokens, contextSize },
  };
  if (flags.only !== 'before') result.after = await scenario('after', []);
  if (flags.only !== 'after') {
    result.before = await scenario('before', [
      '--kv-cache-type',
      'f16',
      '--complete-context-size',
      String(contextSize),
      '--mmap',
      'on',
      '--priorities',
      'off',
      '--chunk-interval-ms',
      '0',
    ]);
  }
  if (flags.only !== 'before') result.decode = await decodeRatio();
  const a = result.after as Awaited<ReturnType<typeof scenario>> | undefined;
  const b = result.before as Awaited<ReturnType<typeof scenario>> | undefined;
  const dec = result.decode as Awaited<ReturnType<typeof decodeRatio>> | undefined;
  result.summary = {
    peakRssMb: a?.memory.peakRssMb ?? null,
    peakRssMbBefore: b?.memory.peakRssMb ?? null,
    decodeRatioToRaw: dec?.decodeRatioToRaw ?? null,
    completionDuringLongChatFirstTokenMs: {
      before: b?.completion.duringLongChatFirstTokenMs ?? null,
      after: a?.completion.duringLongChatFirstTokenMs ?? null,
    },
    completionAloneFirstTokenMs: {
      before: b?.completion.aloneFirstTokenMs ?? null,
      after: a?.completion.aloneFirstTokenMs ?? null,
    },
    shortChatDuringPrefillFirstTokenMs: {
      before: b?.shortChat.duringPrefillFirstTokenMs ?? null,
      after: a?.shortChat.duringPrefillFirstTokenMs ?? null,
    },
    shortChatAloneFirstTokenMs: {
      before: b?.shortChat.aloneFirstTokenMs ?? null,
      after: a?.shortChat.aloneFirstTokenMs ?? null,
    },
    completeAfterPrefillEvaluatedTokens: a?.prefill.completeAfterEvaluated ?? null,
  };
  result.wallSeconds = r1((performance.now() - began) / 1000);
  result.loadAverageAtEnd = load();
  const both = (x: { before: number | null; after: number | null }) => `${ms(x.before)} -> ${ms(x.after)}`;
  console.log(
    summaryTable(
      `summary (before -> after issue 14; load ${machine.loadAverageAtStart} at the start, ${String(result.loadAverageAtEnd)} at the end)`,
      [
        {
          name: 'peak resident MB',
          value: `${b?.memory.peakRssMb ?? '-'} -> ${a?.memory.peakRssMb ?? '-'}`,
          target: '<= 3500 after',
          met: a ? a.memory.peakRssMb <= 3500 : undefined,
        },
        {
          name: 'completion first token, alone',
          value: both({
            before: b?.completion.aloneFirstTokenMs ?? null,
            after: a?.completion.aloneFirstTokenMs ?? null,
          }),
        },
        {
          name: 'completion first token, during a long chat prompt',
          value: both({
            before: b?.completion.duringLongChatFirstTokenMs ?? null,
            after: a?.completion.duringLongChatFirstTokenMs ?? null,
          }),
        },
        {
          name: 'long chat first token, completion meanwhile / alone (after)',
          value: `${ms(a?.completion.longChatFirstTokenMsWithCompletion)} / ${ms(a?.chatLongPrompt.firstTokenMs)}`,
        },
        {
          name: 'short chat first token, alone',
          value: both({
            before: b?.shortChat.aloneFirstTokenMs ?? null,
            after: a?.shortChat.aloneFirstTokenMs ?? null,
          }),
        },
        {
          name: 'short chat first token, during a prefill',
          value: both({
            before: b?.shortChat.duringPrefillFirstTokenMs ?? null,
            after: a?.shortChat.duringPrefillFirstTokenMs ?? null,
          }),
        },
        {
          name: 'complete after a prefill: tokens evaluated',
          value: a ? `${a.prefill.completeAfterEvaluated} of ${a.prefill.completeAfterInputTokens}` : '-',
        },
        {
          name: 'decode tokens/s: backend / raw',
          value: dec ? `${dec.backendTokensPerSecond} / ${dec.rawTokensPerSecond}` : '-',
        },
        {
          name: 'decodeRatioToRaw',
          value: String(dec?.decodeRatioToRaw ?? '-'),
          target: '>= 0.97',
          met: dec ? dec.decodeRatioToRaw >= 0.97 : undefined,
        },
      ],
    ),
  );
  const out = resolve(flags.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${out} (wall ${String(result.wallSeconds)} s, load ${String(result.loadAverageAtEnd)})`);
}

await main();
