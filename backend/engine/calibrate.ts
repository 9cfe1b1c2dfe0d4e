// A short evaluation at load time, so the throughput in `status` and the first request's `done` are this machine's
// own numbers rather than none: one prompt batch and a few decode steps on the completion lane, then its cache is
// cleared. About 1 s for a 1.8B model on a 2-core CPU, milliseconds on a GPU.
import type { LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { Measured } from './throughput.js';

export const CALIBRATION_PROMPT_TOKENS = 48;
export const CALIBRATION_DECODE_TOKENS = 6;

/** Code-like text: completions are what the prompt speed is used for. */
const SAMPLE =
  'export function total(items: Item[]): number {\n  let sum = 0;\n  for (const item of items) sum += item.price * item.count;\n  return sum;\n}\n';

export async function calibrate(sequence: LlamaContextSequence, model: LlamaModel, bos: boolean): Promise<Measured> {
  const room = Math.max(2, sequence.contextSize - CALIBRATION_DECODE_TOKENS - 1);
  const want = Math.min(CALIBRATION_PROMPT_TOKENS, room);
  const text = model.tokenize(SAMPLE, false);
  const tokens: Token[] = bos && model.tokens.bos != null ? [model.tokens.bos] : [];
  while (tokens.length < want && text.length > 0) tokens.push(...text.slice(0, want - tokens.length));
  const measured: Measured = { promptTokens: 0, promptMs: 0, decodeTokens: 0, decodeMs: 0 };
  if (tokens.length < 2) return measured;
  try {
    // Prompt: every token but the last in one batch, timed alone.
    let started = performance.now();
    await sequence.evaluateWithoutGeneratingNewTokens(tokens.slice(0, -1));
    measured.promptMs = performance.now() - started;
    measured.promptTokens = tokens.length - 1;
    // Decode: the first step still reads the last prompt token; the steps after it are the decode speed.
    const it = sequence.evaluate(tokens.slice(-1), { temperature: 0, yieldEogToken: true });
    try {
      let step = await it.next();
      for (let i = 0; i < CALIBRATION_DECODE_TOKENS && !step.done; i++) {
        started = performance.now();
        step = await it.next();
        measured.decodeMs += performance.now() - started;
        if (!step.done) measured.decodeTokens++;
      }
    } finally {
      await it.return();
    }
  } finally {
    await sequence.clearHistory();
  }
  return measured;
}
