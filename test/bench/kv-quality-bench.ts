// Benchmark (not a test): does the backend's KV cache (q8_0 keys and values, flash attention) change what the model
// writes, against node-llama-cpp's default (f16, its own flash-attention choice)? On the same file, in this process:
//   - next-token distributions at many positions of a long real prompt (a TypeScript file, then Japanese prose):
//     top-1 agreement with f16, the mean KL divergence from f16's distribution, the largest change of the top
//     token's probability;
//   - a greedy answer of 64 tokens: how many tokens agree with f16's before the first difference;
// and the same figures for f16 evaluated in batches of another size, which changes nothing but the order of
// floating-point sums: the noise floor any KV type is judged against.
//
//   npm run bench:kv-quality -- --model FILE.gguf [--threads 2] [--prompt-tokens 1536] [--positions 48] [--out FILE.json]
//
// A random-weight fixture (the 1.8B shape) has the real layer sizes but no knowledge: its distributions are flat, so
// it checks the arithmetic, not the quality of an answer. Run it on a real LLM-jp-3 GGUF to check quality.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  getLlama,
  GgmlType,
  LlamaLogLevel,
  type LlamaContextOptions,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';

const { values: flags } = parseArgs({
  options: {
    model: { type: 'string' },
    threads: { type: 'string', default: '2' },
    'prompt-tokens': { type: 'string', default: '1536' },
    positions: { type: 'string', default: '48' },
    out: { type: 'string', default: 'test/bench/results/kv-quality.json' },
  },
});
if (!flags.model) throw new Error('--model FILE.gguf is required');
const int = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const threads = int('threads', flags.threads);
const promptTokens = int('prompt-tokens', flags['prompt-tokens']);
const positions = int('positions', flags.positions);
const TOP = 1000;
const ANSWER_TOKENS = 64;
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

const CONFIGS: Record<string, Partial<LlamaContextOptions>> = {
  'f16 (node-llama-cpp default)': {},
  'f16, batches of 64 (noise floor)': { batchSize: 64 },
  'f16, flash attention': { flashAttention: true },
  'q8_0 + flash attention (fude-backend)': {
    flashAttention: true,
    /* eslint-disable @typescript-eslint/no-deprecated -- the same experimental options the backend uses, measured here */
    experimentalKvCacheKeyType: GgmlType.Q8_0,
    experimentalKvCacheValueType: GgmlType.Q8_0,
    /* eslint-enable @typescript-eslint/no-deprecated */
  },
};

/** Real text: the benchmark's TypeScript session file, then Japanese prose from the README of the tokenizers. */
function promptText(): string {
  const code = readFileSync(
    fileURLToPath(new URL('../../../test/bench/sessions/completion-core.ts.txt', import.meta.url)),
    'utf8',
  );
  const ja =
    '筆は、日本語の大規模言語モデルをエディターの中で使うための拡張機能です。コードの補完、チャット、ドキュメントの作成を、手元の計算機で動かします。';
  return `${code.slice(0, 20_000)}\n/*\n${ja.repeat(8)}\n*/\n`;
}

interface Observed {
  /** Per position: the top tokens and their probabilities (up to TOP). */
  dists: Array<Map<Token, number>>;
  answer: Token[];
}

async function observe(model: LlamaModel, tokens: Token[], options: Partial<LlamaContextOptions>): Promise<Observed> {
  const context = await model.createContext({
    contextSize: Math.min(4096, tokens.length + ANSWER_TOKENS + 64),
    sequences: 1,
    threads,
    batchSize: 256,
    ...options,
  });
  try {
    const sequence = context.getSequence();
    // Positions spread over the second half, where the cache holds the most.
    const at = new Set(
      Array.from({ length: positions }, (_, i) =>
        Math.floor(tokens.length / 2 + ((i + 1) * (tokens.length / 2 - 1)) / positions),
      ),
    );
    const input = tokens.map((t, i) =>
      at.has(i)
        ? ([t, { generateNext: { probabilities: true, options: { temperature: 1, topK: TOP, topP: 1 } } }] as const)
        : t,
    );
    const out = await sequence.controlledEvaluate(input as Parameters<typeof sequence.controlledEvaluate>[0]);
    const dists = [...at].sort((a, b) => a - b).map((i) => out[i]?.next.probabilities ?? new Map<Token, number>());
    const answer: Token[] = [];
    await sequence.clearHistory();
    await sequence.evaluateWithoutGeneratingNewTokens(tokens.slice(0, -1));
    for await (const t of sequence.evaluate(tokens.slice(-1), { temperature: 0, yieldEogToken: true })) {
      answer.push(t);
      if (answer.length >= ANSWER_TOKENS) break;
    }
    return { dists, answer };
  } finally {
    await context.dispose();
  }
}

function compare(ref: Observed, got: Observed) {
  let top1 = 0;
  let kl = 0;
  let maxTopShift = 0;
  ref.dists.forEach((p, i) => {
    const q = got.dists[i];
    const [pTop, pTopProb] = p.entries().next().value as [Token, number];
    const qTop = (q.entries().next().value as [Token, number])[0];
    if (pTop === qTop) top1++;
    maxTopShift = Math.max(maxTopShift, Math.abs(pTopProb - (q.get(pTop) ?? 0)));
    // KL(p || q) over p's top tokens; a token q left out of its top gets q's smallest listed probability.
    const qFloor = Math.min(...q.values());
    for (const [t, pt] of p) if (pt > 0) kl += pt * Math.log(pt / (q.get(t) ?? qFloor));
  });
  let same = 0;
  while (same < ref.answer.length && ref.answer[same] === got.answer[same]) same++;
  return {
    top1Agreement: r4(top1 / ref.dists.length),
    meanKl: r4(kl / ref.dists.length),
    maxTopProbabilityShift: r4(maxTopShift),
    greedyTokensAgreeing: `${same}/${ref.answer.length}`,
  };
}

async function main() {
  const began = performance.now();
  const llama = await getLlama({ gpu: false, build: 'never', maxThreads: threads, logLevel: LlamaLogLevel.error });
  try {
    const model = await llama.loadModel({ modelPath: resolve(flags.model!), useMmap: false });
    const tokens = model.tokenize(promptText()).slice(0, promptTokens);
    if (model.tokens.bos != null) tokens.unshift(model.tokens.bos);
    console.log(
      `KV-cache quality: ${flags.model}, ${tokens.length} prompt tokens, ${positions} positions, ${threads} threads; load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    );
    const names = Object.keys(CONFIGS);
    const observed: Record<string, Observed> = {};
    for (const name of names) {
      const t = performance.now();
      observed[name] = await observe(model, tokens, CONFIGS[name]);
      console.log(`  ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const ref = observed[names[0]];
    const top = ref.dists.map((d) => (d.entries().next().value as [Token, number])[1]);
    const rows = Object.fromEntries(names.slice(1).map((n) => [n, compare(ref, observed[n])]));
    console.log(
      `\nagainst ${names[0]} (the reference's top-token probability: median ${r4(top.sort((a, b) => a - b)[Math.floor(top.length / 2)])}; flat distributions mean random weights)`,
    );
    console.log(
      `  ${'configuration'.padEnd(40)}${'top-1'.padStart(8)}${'mean KL'.padStart(10)}${'max top shift'.padStart(15)}${'greedy same'.padStart(13)}`,
    );
    for (const [n, c] of Object.entries(rows))
      console.log(
        `  ${n.padEnd(40)}${String(c.top1Agreement).padStart(8)}${String(c.meanKl).padStart(10)}${String(c.maxTopProbabilityShift).padStart(15)}${c.greedyTokensAgreeing.padStart(13)}`,
      );
    const result = {
      date: new Date().toISOString(),
      model: flags.model,
      threads,
      promptTokens: tokens.length,
      positions,
      topTokensCompared: TOP,
      referenceTopProbabilityMedian: r4(top[Math.floor(top.length / 2)]),
      againstF16: rows,
      loadAverageAtEnd: Number(loadavg()[0].toFixed(1)),
      wallSeconds: Math.round((performance.now() - began) / 1000),
    };
    const out = resolve(flags.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${out} (${result.wallSeconds} s)`);
    await model.dispose();
  } finally {
    await llama.dispose();
  }
}

await main();
