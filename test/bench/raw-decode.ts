// Raw node-llama-cpp decoding on a GGUF, in this process, for benchmarks that compare the backend's decode speed with
// it on the same file in the same run (`decodeRatioToRaw`). Load it once, then call decode() between the backend's
// runs, so load from other processes on the machine hits both alike:
//
//   const raw = await openRawDecoder(modelPath, { threads: 2 });
//   const r = await raw.decode(64);           // { tokens, firstTokenMs, decodeTokensPerSecond }
//   await raw.close();
//
// It uses node-llama-cpp's own defaults for everything the backend tunes (KV cache f16, the file mapped, one
// sequence, its own batch size), so a ratio says what the backend costs or saves against plain node-llama-cpp.
import {
  getLlama,
  LlamaCompletion,
  LlamaLogLevel,
  type Llama,
  type LlamaContext,
  type LlamaModel,
} from 'node-llama-cpp';

export interface RawDecode {
  /** Tokens generated. */
  tokens: number;
  /** Call to first token: the prompt's evaluation. */
  firstTokenMs: number;
  totalMs: number;
  /** Tokens after the first, per second of the time after the first. */
  decodeTokensPerSecond: number;
}

export interface RawDecoder {
  /** `keepCache`: reuse what the sequence holds (LlamaCompletion evaluates only the prompt's new tail), as the backend does. */
  decode(maxTokens: number, prompt?: string, opts?: { keepCache?: boolean }): Promise<RawDecode>;
  close(): Promise<void>;
}

/** A code-like prompt (a completion's kind of text); a number in front keeps each run's prompt out of the cache. */
export function rawPrompt(run: number): string {
  return `// run ${run}\nexport function total(items: Item[]): number {\n  let sum = 0;\n  for (const item of items) sum += item.price;\n`;
}

export async function openRawDecoder(
  modelPath: string,
  opts: { threads: number; contextSize?: number },
): Promise<RawDecoder> {
  const llama: Llama = await getLlama({
    gpu: false,
    build: 'never',
    maxThreads: opts.threads,
    logLevel: LlamaLogLevel.error,
  });
  let model: LlamaModel | undefined;
  let context: LlamaContext | undefined;
  try {
    model = await llama.loadModel({ modelPath });
    context = await model.createContext({ contextSize: opts.contextSize ?? 2048, sequences: 1, threads: opts.threads });
  } catch (e) {
    await context?.dispose();
    await model?.dispose();
    await llama.dispose();
    throw e;
  }
  const sequence = context.getSequence();
  const completion = new LlamaCompletion({ contextSequence: sequence });
  let run = 0;
  return {
    async decode(maxTokens, prompt = rawPrompt(run++), opts = {}) {
      if (!opts.keepCache) await sequence.clearHistory();
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
      first ||= end;
      return {
        tokens,
        firstTokenMs: first - start,
        totalMs: end - start,
        decodeTokensPerSecond: tokens > 1 ? (tokens - 1) / ((end - first) / 1000) : 0,
      };
    },
    async close() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}
