// Where does the backend's generation speed go? In one process, on the bench model, greedy, alternating runs:
// raw node-llama-cpp (LlamaCompletion) on a context with one sequence and with three (the backend's lanes), and
// the backend's own token loop (backend/engine/generate.ts) on a three-sequence context. Prints medians.
//
//   node out/test/bench/loop-bench.js [--runs 7] [--tokens 128]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { getLlama, LlamaCompletion, LlamaLogLevel, type LlamaContextSequence } from 'node-llama-cpp';
import { generate } from '../../backend/engine/generate.js';
import { COMPLETION_SAMPLING } from '../../common/sampling.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, tokens: { type: 'string', default: '128' } },
});
const runs = Number(values.runs);
const maxTokens = Number(values.tokens);
const median = (a: number[]) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];

const dir = makeTinyModelDir();
try {
  const { path } = writePresetModel(dir, 'bench');
  const llama = await getLlama({ gpu: false, build: 'never', maxThreads: 1, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: path });
  const sequence = async (sequences: number) =>
    (await model.createContext({ contextSize: 2048, sequences, threads: 1 })).getSequence();
  const raw = (seq: LlamaContextSequence) => {
    const completion = new LlamaCompletion({ contextSequence: seq });
    return async () => {
      let tokens = 0;
      await completion.generateCompletion('#', {
        maxTokens,
        temperature: 0,
        repeatPenalty: false,
        onToken: (t) => {
          tokens += t.length;
        },
      });
      return tokens;
    };
  };
  const loopSeq = await sequence(3);
  const prompt = model.tokenize('#');
  const loop = async () => {
    await loopSeq.clearHistory();
    const r = await generate(loopSeq, model, prompt, {
      sampling: { ...COMPLETION_SAMPLING, maxTokens },
      stopStrings: [],
      signal: new AbortController().signal,
      onText: () => {},
    });
    return r.usage.outputTokens;
  };
  const cases: [string, () => Promise<number>][] = [
    ['raw LlamaCompletion, 1 sequence', raw(await sequence(1))],
    ['raw LlamaCompletion, 3 sequences', raw(await sequence(3))],
    ['backend token loop, 3 sequences', loop],
  ];
  const rates: number[][] = cases.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, [, run]] of cases.entries()) {
      const start = performance.now();
      const tokens = await run();
      rates[i].push(tokens / ((performance.now() - start) / 1000));
    }
  }
  for (const [i, [name]] of cases.entries())
    console.log(`${name}: ${median(rates[i]).toFixed(1)} tokens/s (median of ${runs})`);
  console.log(`${maxTokens} tokens per run, load average ${loadavg()[0].toFixed(1)}`);
  await llama.dispose();
} finally {
  removeTinyModelDir(dir);
}
