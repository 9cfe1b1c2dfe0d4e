// How much input-lookup prediction can speed up the docs translation on this machine, whatever the prediction length.
//
//   npm run bench:lookup-ceiling [-- --model FILE.gguf] [--threads N] [--reps N]
//
// One step of prediction evaluates the pending token and L predicted ones in one batch; what it saves depends on how a
// batch's cost grows with its size, which the hardware decides (on a GPU a batch of 11 costs about one step; on this
// 2-core CPU it was measured at about four). This measures that cost on the model (default: the copy fixture that
// `npm run bench:docs` writes), then replays the translation's real token stream (the copy script: prompt and answer
// as the fixture's pieces) through node-llama-cpp's InputLookupTokenPredictor with each prediction length, and with
// Fude's adaptive length (backend/engine/lookup-length.ts), and a perfect length (every prediction cut exactly where
// the model will disagree), the best any length policy can do.
// The estimate is steps weighted by measured batch cost, so it ignores the per-step overhead bench:docs includes.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getLlama, InputLookupTokenPredictor, LlamaLogLevel, type Token } from 'node-llama-cpp';
import { DEFAULT_STYLE, translateCommentsMessages } from '../../extension/docs/prompts.js';
import { INPUT_LOOKUP } from '../../backend/engine/lookup-decode.js';
import { LookupLengthPolicy } from '../../backend/engine/lookup-length.js';
import { copyScript } from '../fixtures/copy-model.js';

const { values: flags } = parseArgs({
  options: {
    model: { type: 'string', default: '.cache/models/copy-1.8b-layers.gguf' },
    threads: { type: 'string', default: '2' },
    reps: { type: 'string', default: '7' },
    /** A cost table from an earlier run ("1:136,2:143,..." in ms), to replay without measuring again. */
    costs: { type: 'string' },
  },
});
const threads = Number(flags.threads);
const reps = Number(flags.reps);
const BATCHES = [1, 2, 3, 4, 6, 8, 11, 16, 24, 32] as const;
/** The longest prediction replayed: the largest batch measured, less the pending token. */
const LONGEST = BATCHES[BATCHES.length - 1] - 1;
const LENGTHS = [0, 1, 2, 3, 4, 6, 8, 10, 12, 16] as const;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Milliseconds of one controlledEvaluate of `b` tokens (each asking for the next token), median of `reps`. */
async function measureBatchCosts(modelPath: string): Promise<Map<number, number>> {
  const llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: 2048, threads, batchSize: 512 });
  try {
    const sequence = context.getSequence();
    const tokens = model.tokenize(copyScript().prompt).slice(0, 300 + BATCHES[BATCHES.length - 1]);
    const extra = tokens.splice(-BATCHES[BATCHES.length - 1]);
    await sequence.evaluateWithoutGeneratingNewTokens(tokens);
    const next = { generateNext: { token: true, options: { temperature: 0 } } } as const;
    const ms = new Map<number, number[]>();
    // Sizes interleaved, so a change in the machine's load hits every size alike.
    for (let r = 0; r < reps; r++)
      for (const b of BATCHES) {
        const started = performance.now();
        await sequence.controlledEvaluate(extra.slice(0, b).map((t) => [t, next] as const));
        ms.set(b, [...(ms.get(b) ?? []), performance.now() - started]);
        await sequence.eraseContextTokenRanges([{ start: sequence.nextTokenIndex - b, end: sequence.nextTokenIndex }]);
      }
    return new Map([...ms].map(([b, xs]) => [b, median(xs)]));
  } finally {
    await context.dispose();
    await model.dispose();
  }
}

/** Cost of a batch of `b` in single steps, linear between the measured sizes (b is at most the largest). */
function costOf(measured: Map<number, number>): (b: number) => number {
  const one = measured.get(1)!;
  const points = [...measured].map(([b, ms]) => [b, ms / one] as const).sort((x, y) => x[0] - y[0]);
  return (b) => {
    const i = points.findIndex(([x]) => x >= b);
    if (i === -1) throw new Error(`no batch of ${b} measured`);
    const [x2, y2] = points[i];
    const [x1, y1] = points[Math.max(0, i - 1)];
    return x1 === x2 ? y1 : y1 + ((y2 - y1) * (b - x1)) / (x2 - x1);
  };
}

/** The fixture's pieces as token ids (one piece per word of the script, as its vocabulary is built). */
function scriptTokens(): { input: Token[]; answer: Token[] } {
  const s = copyScript();
  const ids = new Map<string, number>();
  const id = (w: string) => ids.get(w) ?? (ids.set(w, 1000 + ids.size), 1000 + ids.size - 1);
  const words = (t: string) => t.trim().split(' ').map(id) as Token[];
  const [before, after] = translateCommentsMessages(
    { code: s.prompt, languageId: 'typescript' },
    'to-ja',
    DEFAULT_STYLE,
  )
    .map((m) => m.content)
    .join('\n')
    .split(s.prompt.trim());
  // The instructions around the code, as bytes: they never match the answer's pieces.
  const bytes = (t: string) => Array.from(Buffer.from(t ?? '', 'utf8')) as Token[];
  return { input: [...bytes(before), ...words(s.prompt), ...bytes(after)], answer: words(s.answer) };
}

interface Replay {
  steps: number;
  predicted: number;
  accepted: number;
  cost: number;
}

/**
 * Replays the answer; `policy` (Fude's, backend/engine/lookup-length.ts) decides the length when `length` is
 * 'adaptive', fed the measured batch costs as its step times.
 */
function replay(
  input: Token[],
  answer: Token[],
  length: number | 'perfect' | 'adaptive',
  cost: (b: number) => number,
  policy = new LookupLengthPolicy(INPUT_LOOKUP.predictionLength.max),
): Replay {
  const lookup = new InputLookupTokenPredictor({
    patternLength: INPUT_LOOKUP.patternLength,
    predictionLength: { max: LONGEST },
  });
  lookup.updateInputTokens(input);
  lookup.reset({ stateTokens: input });
  const r: Replay = { steps: 0, predicted: 0, accepted: 0, cost: 0 };
  for (let at = 0; at < answer.length;) {
    const offered = lookup.predictTokens();
    let predicted = offered.slice(
      0,
      length === 'perfect' ? LONGEST : length === 'adaptive' ? policy.choose(offered.length).length : length,
    );
    let accepted = 0;
    while (accepted < predicted.length && predicted[accepted] === answer[at + accepted]) accepted++;
    if (length === 'perfect') predicted = predicted.slice(0, accepted);
    const written = answer.slice(at, at + accepted + 1);
    r.steps++;
    r.predicted += predicted.length;
    r.accepted += accepted;
    r.cost += cost(1 + predicted.length);
    policy.observe({
      batch: 1 + predicted.length,
      ms: cost(1 + predicted.length),
      predicted: predicted.length,
      accepted,
    });
    lookup.pushTokens(written);
    at += written.length;
  }
  lookup.dispose();
  return r;
}

async function main() {
  const modelPath = resolve(flags.model);
  if (!existsSync(modelPath))
    throw new Error(`no model at ${modelPath}: \`npm run bench:docs\` writes the copy fixture there first`);
  console.log(`lookup ceiling: ${modelPath}, ${threads} threads, ${reps} reps, load ${r2(loadavg()[0])}`);
  const measured = flags.costs
    ? new Map(flags.costs.split(',').map((p) => p.split(':').map(Number) as [number, number]))
    : await measureBatchCosts(modelPath);
  const cost = costOf(measured);
  console.log(
    `batch cost in single steps: ${[...measured.keys()].map((b) => `${b}: ${r2(cost(b))}`).join(', ')} (one step ${Math.round(measured.get(1)!)} ms)`,
  );
  console.log(`  as --costs: ${[...measured].map(([b, ms]) => `${b}:${Math.round(ms)}`).join(',')}`);
  const { input, answer } = scriptTokens();
  console.log(`answer ${answer.length} tokens, prompt ${input.length}`);
  // The backend keeps its policy while the model is loaded: after the first answer it knows the batch costs.
  const warmed = new LookupLengthPolicy(INPUT_LOOKUP.predictionLength.max);
  replay(input, answer, 'adaptive', cost, warmed);
  for (const length of [...LENGTHS, 'adaptive' as const, 'warm' as const, 'perfect' as const]) {
    const r = length === 'warm' ? replay(input, answer, 'adaptive', cost, warmed) : replay(input, answer, length, cost);
    console.log(
      `  length ${String(length).padEnd(8)} steps ${String(r.steps).padStart(3)}  predicted ${String(r.predicted).padStart(3)}  accepted ${String(r.accepted).padStart(3)}  estimated speed-up ${r2(answer.length / r.cost)}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
