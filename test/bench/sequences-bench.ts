// Does a context with three sequences (the backend's chat / docs / complete lanes) generate slower than one
// with a single sequence? Raw node-llama-cpp, the bench model, greedy, alternating runs; prints medians.
//
//   node out/test/bench/sequences-bench.js [--runs 7] [--tokens 128]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { getLlama, LlamaCompletion, LlamaLogLevel } from 'node-llama-cpp';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, tokens: { type: 'string', default: '128' } } });
const runs = Number(values.runs);
const maxTokens = Number(values.tokens);
const median = (a: number[]) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];

const dir = makeTinyModelDir();
try {
  const { path } = writePresetModel(dir, 'bench');
  const llama = await getLlama({ gpu: false, build: 'never', maxThreads: 1, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: path });
  const counts = [1, 3];
  const completions = await Promise.all(counts.map(async (sequences) =>
    new LlamaCompletion({ contextSequence: (await model.createContext({ contextSize: 2048, sequences, threads: 1 })).getSequence() })));
  const rates: number[][] = counts.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, completion] of completions.entries()) {
      let tokens = 0;
      const start = performance.now();
      await completion.generateCompletion('#', { maxTokens, temperature: 0, repeatPenalty: false, onToken: (t) => { tokens += t.length; } });
      rates[i].push(tokens / ((performance.now() - start) / 1000));
    }
  }
  for (const [i, sequences] of counts.entries()) console.log(`${sequences} sequence(s): ${median(rates[i]).toFixed(1)} tokens/s (median of ${runs})`);
  console.log(`load average ${loadavg()[0].toFixed(1)}`);
  await llama.dispose();
} finally {
  removeTinyModelDir(dir);
}
