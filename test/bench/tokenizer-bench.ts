// Benchmark (not a test): Fude's exact SentencePiece-unigram tokenizer against node-llama-cpp's tokenizer
// (model.tokenize) on GGUFs with the real LLM-jp-3 and Fugaku-LLM vocabularies: tokens per second on 1 MB of
// mixed text, the time to tokenize a 4,000-token prompt, and how often each agrees with SentencePiece itself on
// the test corpus. Prints a table and writes test/bench/results/tokenizer.json.
//   npm run bench:tokenizer [-- --runs N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
import { vocabArraysFromGguf } from '../../backend/tokenizer/gguf-vocab.js';
import { encodeUnigram } from '../../backend/tokenizer/unigram-encoder.js';
import { UnigramVocab } from '../../backend/tokenizer/unigram-vocab.js';
import { makeTinyModelDir, removeTinyModelDir } from '../fixtures/preset-files.js';
import { vocabPresets } from '../fixtures/vocab-presets.js';
import type { RealVocabName } from '../fixtures/spm-gguf-vocab.js';
import { loadReference, readCorpus } from '../fixtures/tokenizer-reference.js';
import { writeVocabModel } from '../fixtures/vocab-model.js';

const RESULTS = fileURLToPath(new URL('../../../test/bench/results/tokenizer.json', import.meta.url));
const MIXED_BYTES = 1_000_000;
const PROMPT_TOKENS = 4000;

const { values: flags } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function timeMs(f: () => void, times: number): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const corpus = readCorpus();
/** 1 MB of the corpus's mixed text (Japanese, English, code, URLs, markdown…), one string after another. */
function mixedText(): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < MIXED_BYTES; i = (i + 1) % corpus.length) {
    parts.push(corpus[i].text);
    bytes += Buffer.byteLength(corpus[i].text) + 1;
  }
  return parts.join('\n');
}

const loadBefore = loadavg()[0];
const dir = makeTinyModelDir();
const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
const text = mixedText();
interface Speed {
  tokens: number;
  ms: number;
  tokensPerSecond: number;
  megabytesPerSecond: number;
}
interface VocabResult {
  corpusStrings: number;
  agreementWithSentencePiece: { fude: number; fudeExact: number; nodeLlamaCpp: number; nodeLlamaCppExact: number };
  mixedText: { bytes: number; fude: Speed; nodeLlamaCpp: Speed };
  prompt4000: { characters: number; tokens: number; fudeMs: number; nodeLlamaCppMs: number };
  vocabBuildMs: number;
}
const results: Record<string, VocabResult> = {};
try {
  for (const name of ['llm-jp-3', 'fugaku-llm'] as const satisfies readonly RealVocabName[]) {
    const preset = name === 'llm-jp-3' ? 'llm-jp-3-vocab' : 'fugaku-vocab';
    const gguf = writeVocabModel(join(dir, `${preset}.gguf`), vocabPresets[preset]());
    const model = await llama.loadModel({ modelPath: gguf.path, vocabOnly: true });
    const buildStarted = performance.now();
    const vocab = new UnigramVocab(vocabArraysFromGguf(model.fileInfo.metadata.tokenizer?.ggml));
    const buildMs = performance.now() - buildStarted;
    const reference = await loadReference(name);

    // Agreement with SentencePiece on the corpus: ours (after) and llama.cpp's (before).
    let ours = 0;
    let theirs = 0;
    for (const { text: t } of corpus) {
      const want = JSON.stringify(reference.encode(t));
      if (JSON.stringify(encodeUnigram(vocab, t)) === want) ours++;
      if (JSON.stringify(Array.from(model.tokenize(t, false))) === want) theirs++;
    }

    encodeUnigram(vocab, text); // warm up
    const oursIds = encodeUnigram(vocab, text).length;
    const oursMs = timeMs(() => encodeUnigram(vocab, text), runs);
    const llamaIds = model.tokenize(text, false).length;
    const llamaMs = timeMs(() => model.tokenize(text, false), runs);

    // A 4,000-token prompt: the longest start of the mixed text that is 4,000 tokens or fewer.
    let lo = 0;
    let hi = Math.min(text.length, PROMPT_TOKENS * 8);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (encodeUnigram(vocab, text.slice(0, mid)).length <= PROMPT_TOKENS) lo = mid;
      else hi = mid - 1;
    }
    const prompt = text.slice(0, lo);
    const promptOursMs = timeMs(() => encodeUnigram(vocab, prompt), runs * 4);
    const promptLlamaMs = timeMs(() => model.tokenize(prompt, false), runs * 4);

    results[name] = {
      corpusStrings: corpus.length,
      agreementWithSentencePiece: {
        fude: r3(ours / corpus.length),
        fudeExact: ours,
        nodeLlamaCpp: r3(theirs / corpus.length),
        nodeLlamaCppExact: theirs,
      },
      mixedText: {
        bytes: Buffer.byteLength(text),
        fude: {
          tokens: oursIds,
          ms: r1(oursMs),
          tokensPerSecond: Math.round(oursIds / (oursMs / 1000)),
          megabytesPerSecond: r1(Buffer.byteLength(text) / 1e6 / (oursMs / 1000)),
        },
        nodeLlamaCpp: {
          tokens: llamaIds,
          ms: r1(llamaMs),
          tokensPerSecond: Math.round(llamaIds / (llamaMs / 1000)),
          megabytesPerSecond: r1(Buffer.byteLength(text) / 1e6 / (llamaMs / 1000)),
        },
      },
      prompt4000: {
        characters: prompt.length,
        tokens: encodeUnigram(vocab, prompt).length,
        fudeMs: r3(promptOursMs),
        nodeLlamaCppMs: r3(promptLlamaMs),
      },
      vocabBuildMs: r1(buildMs),
    };
    await model.dispose();
  }
} finally {
  await llama.dispose();
  removeTinyModelDir(dir);
}

const report = {
  date: new Date().toISOString(),
  machine: {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    logicalCores: cpus().length,
    totalMemGiB: r1(totalmem() / 2 ** 30),
    loadAverage1mBefore: r1(loadBefore),
    loadAverage1mAfter: r1(loadavg()[0]),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  settings: {
    runs,
    mixedTextBytes: MIXED_BYTES,
    promptTokens: PROMPT_TOKENS,
    note: 'medians; one thread (the tokenizers are single-threaded)',
  },
  results,
};
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);

console.log(
  `tokenizer bench (${report.machine.cpuModel}, load ${report.machine.loadAverage1mBefore} → ${report.machine.loadAverage1mAfter}, medians of ${runs})`,
);
for (const [name, r] of Object.entries(results)) {
  console.log(`\n${name}`);
  console.log(
    `  agreement with SentencePiece on ${r.corpusStrings} strings: Fude ${r.agreementWithSentencePiece.fudeExact} (${(r.agreementWithSentencePiece.fude * 100).toFixed(1)}%), node-llama-cpp ${r.agreementWithSentencePiece.nodeLlamaCppExact} (${(r.agreementWithSentencePiece.nodeLlamaCpp * 100).toFixed(1)}%)`,
  );
  console.log(
    `  1 MB mixed text: Fude ${r.mixedText.fude.tokensPerSecond.toLocaleString('en')} tokens/s (${r.mixedText.fude.ms} ms), node-llama-cpp ${r.mixedText.nodeLlamaCpp.tokensPerSecond.toLocaleString('en')} tokens/s (${r.mixedText.nodeLlamaCpp.ms} ms)`,
  );
  console.log(`  4,000-token prompt: Fude ${r.prompt4000.fudeMs} ms, node-llama-cpp ${r.prompt4000.nodeLlamaCppMs} ms`);
  console.log(`  vocabulary index built in ${r.vocabBuildMs} ms (once, at model load)`);
}
console.log(`\nwrote ${RESULTS}`);
