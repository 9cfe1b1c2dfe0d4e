// Computes the "memory needed" of each catalog entry by the fit check's own arithmetic, without downloading the
// model: a header-only GGUF is written with the architecture's real shape (layers, width, heads, feed-forward,
// vocabulary, trained context), and node-llama-cpp's GgufInsights (backend/setup/resource-plan.ts) estimates the
// contexts' RAM at the backend's default context (the model's own, capped at 4096) with its default lanes (chat and
// documentation at that context, completion at its window, KV cache q8_0: engine/lane-layout.ts), on the CPU.
// The weights are counted as the published file size (on the CPU the model's RAM is its tensor data, which is the
// file less its header; checked on a generated model below). Usage, after `npx tsc -p .`:
//   node out/scripts/catalog-memory.js            print the numbers
//   node out/scripts/catalog-memory.js --write    also write them into backend/models/catalog.json
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLlama, readGgufFileInfo, type Llama } from 'node-llama-cpp';
import { completeContextOf, LANE_COUNT } from '../backend/engine/lane-layout.js';
import { defaultContextSize, estimateResources } from '../backend/setup/resource-plan.js';
import { formatBytes } from '../backend/setup/format-bytes.js';
import { writePresetModel } from '../test/fixtures/preset-files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOG = join(ROOT, 'backend/models/catalog.json');

export interface Shape {
  arch: 'llama' | 'gpt2';
  layers: number;
  embd: number;
  heads: number;
  kvHeads: number;
  ff: number;
  vocab: number;
  context: number;
}

/** Shapes from the models' config.json files (see backend/models/README.md for the pages). */
export const SHAPES: Record<string, Shape> = {
  'llm-jp-3-1.8b': {
    arch: 'llama',
    layers: 24,
    embd: 2048,
    heads: 16,
    kvHeads: 16,
    ff: 7168,
    vocab: 99584,
    context: 4096,
  },
  'llm-jp-3-3.7b': {
    arch: 'llama',
    layers: 28,
    embd: 3072,
    heads: 24,
    kvHeads: 24,
    ff: 8192,
    vocab: 99584,
    context: 4096,
  },
  'llm-jp-3-13b': {
    arch: 'llama',
    layers: 40,
    embd: 5120,
    heads: 40,
    kvHeads: 40,
    ff: 13824,
    vocab: 99584,
    context: 4096,
  },
  'llm-jp-3-172b': {
    arch: 'llama',
    layers: 96,
    embd: 12288,
    heads: 96,
    kvHeads: 16,
    ff: 38464,
    vocab: 99840,
    context: 4096,
  },
  'fugaku-llm-13b': {
    arch: 'gpt2',
    layers: 40,
    embd: 5184,
    heads: 36,
    kvHeads: 36,
    ff: 4 * 5184,
    vocab: 49152,
    context: 2048,
  },
};

// ---- a header-only GGUF v3 (little-endian), enough for GgufInsights ----------------------------
const F16 = 1;
const F32 = 0;
class Bytes {
  parts: Buffer[] = [];
  length = 0;
  push(b: Buffer) {
    this.parts.push(b);
    this.length += b.length;
  }
  u32(v: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  u64(v: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number) {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string) {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
}
type Kv =
  [string, 'u32' | 'f32' | 'str', number | string] | [string, 'strs', string[]] | [string, 'f32s' | 'i32s', number];

function tensors(s: Shape): Array<{ name: string; dims: number[]; type: number }> {
  const t: Array<{ name: string; dims: number[]; type: number }> = [];
  const kv = (s.embd / s.heads) * s.kvHeads;
  t.push({ name: 'token_embd.weight', dims: [s.embd, s.vocab], type: F16 });
  if (s.arch === 'gpt2') t.push({ name: 'position_embd.weight', dims: [s.embd, s.context], type: F16 });
  for (let i = 0; i < s.layers; i++) {
    const p = `blk.${i}.`;
    t.push({ name: `${p}attn_norm.weight`, dims: [s.embd], type: F32 });
    if (s.arch === 'gpt2') {
      t.push({ name: `${p}attn_norm.bias`, dims: [s.embd], type: F32 });
      t.push({ name: `${p}attn_qkv.weight`, dims: [s.embd, 3 * s.embd], type: F16 });
      t.push({ name: `${p}attn_qkv.bias`, dims: [3 * s.embd], type: F32 });
      t.push({ name: `${p}attn_output.weight`, dims: [s.embd, s.embd], type: F16 });
      t.push({ name: `${p}attn_output.bias`, dims: [s.embd], type: F32 });
      t.push({ name: `${p}ffn_norm.weight`, dims: [s.embd], type: F32 });
      t.push({ name: `${p}ffn_norm.bias`, dims: [s.embd], type: F32 });
      t.push({ name: `${p}ffn_up.weight`, dims: [s.embd, s.ff], type: F16 });
      t.push({ name: `${p}ffn_up.bias`, dims: [s.ff], type: F32 });
      t.push({ name: `${p}ffn_down.weight`, dims: [s.ff, s.embd], type: F16 });
      t.push({ name: `${p}ffn_down.bias`, dims: [s.embd], type: F32 });
    } else {
      t.push({ name: `${p}attn_q.weight`, dims: [s.embd, s.embd], type: F16 });
      t.push({ name: `${p}attn_k.weight`, dims: [s.embd, kv], type: F16 });
      t.push({ name: `${p}attn_v.weight`, dims: [s.embd, kv], type: F16 });
      t.push({ name: `${p}attn_output.weight`, dims: [s.embd, s.embd], type: F16 });
      t.push({ name: `${p}ffn_norm.weight`, dims: [s.embd], type: F32 });
      t.push({ name: `${p}ffn_gate.weight`, dims: [s.embd, s.ff], type: F16 });
      t.push({ name: `${p}ffn_up.weight`, dims: [s.embd, s.ff], type: F16 });
      t.push({ name: `${p}ffn_down.weight`, dims: [s.ff, s.embd], type: F16 });
    }
  }
  t.push({ name: 'output_norm.weight', dims: [s.embd], type: F32 });
  if (s.arch === 'gpt2') t.push({ name: 'output_norm.bias', dims: [s.embd], type: F32 });
  t.push({ name: 'output.weight', dims: [s.embd, s.vocab], type: F16 });
  return t;
}

export function writeHeaderOnlyGguf(path: string, name: string, s: Shape): void {
  const a = s.arch;
  const kvs: Kv[] = [
    ['general.architecture', 'str', a],
    ['general.name', 'str', name],
    [`${a}.context_length`, 'u32', s.context],
    [`${a}.embedding_length`, 'u32', s.embd],
    [`${a}.block_count`, 'u32', s.layers],
    [`${a}.feed_forward_length`, 'u32', s.ff],
    [`${a}.attention.head_count`, 'u32', s.heads],
    [`${a}.attention.head_count_kv`, 'u32', s.kvHeads],
    a === 'llama'
      ? [`${a}.attention.layer_norm_rms_epsilon`, 'f32', 1e-5]
      : [`${a}.attention.layer_norm_epsilon`, 'f32', 1e-5],
    ...(a === 'llama' ? [[`${a}.rope.dimension_count`, 'u32', s.embd / s.heads] as Kv] : []),
    ['tokenizer.ggml.model', 'str', a === 'llama' ? 'llama' : 'gpt2'],
    ['tokenizer.ggml.tokens', 'strs', Array.from({ length: s.vocab }, (_, i) => `<t${i}>`)],
    ['tokenizer.ggml.scores', 'f32s', s.vocab],
    ['tokenizer.ggml.token_type', 'i32s', s.vocab],
    ...(a === 'gpt2' ? [['tokenizer.ggml.merges', 'strs', []] as Kv] : []),
  ];
  const ts = tensors(s);
  const out = new Bytes();
  out.u32(0x46554747);
  out.u32(3);
  out.u64(ts.length);
  out.u64(kvs.length);
  for (const [key, type, value] of kvs) {
    out.str(key);
    if (type === 'u32') {
      out.u32(4);
      out.u32(value as number);
    } else if (type === 'f32') {
      out.u32(6);
      out.f32(value as number);
    } else if (type === 'str') {
      out.u32(8);
      out.str(value as string);
    } else if (type === 'strs') {
      out.u32(9);
      out.u32(8);
      out.u64(value.length);
      for (const v of value) out.str(v);
    } else {
      out.u32(9);
      out.u32(type === 'f32s' ? 6 : 5);
      out.u64(value as number);
      out.push(Buffer.alloc(4 * (value as number), 0));
    }
  }
  let offset = 0;
  for (const t of ts) {
    out.str(t.name);
    out.u32(t.dims.length);
    for (const d of t.dims) out.u64(d);
    out.u32(t.type);
    out.u64(offset);
    const bytes = t.dims.reduce((x, y) => x * y, 1) * (t.type === F16 ? 2 : 4);
    offset += Math.ceil(bytes / 32) * 32;
  }
  const pad = (32 - (out.length % 32)) % 32;
  out.push(Buffer.alloc(pad));
  writeFileSync(path, Buffer.concat(out.parts));
}

/** The contexts' RAM for a shape at the backend's default context and lanes, on the CPU. */
export async function contextRamBytes(
  llama: Llama,
  dir: string,
  id: string,
  s: Shape,
): Promise<{ contextSize: number; completeContextSize: number; kvCacheType: string; bytes: number }> {
  const path = join(dir, `${id}.gguf`);
  writeHeaderOnlyGguf(path, id, s);
  const info = await readGgufFileInfo(path, { logWarnings: false });
  const contextSize = defaultContextSize(s.context);
  const e = await estimateResources(llama, info, { gpuLayers: 0, contextSize });
  return {
    contextSize,
    completeContextSize: completeContextOf(e.layout),
    kvCacheType: e.layout.kvCacheType,
    bytes: e.context.cpuRam,
  };
}

interface CatalogJson {
  entries: Array<{
    id: string;
    shape?: string;
    download?: { approxSizeBytes?: number; sizeBytes?: number } | null;
    howToUse?: { estimatedWeightsBytes?: number };
    memory?: unknown;
  }>;
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const llama = await getLlama({ gpu: false, build: 'never' });
  const dir = mkdtempSync(join(tmpdir(), 'fude-catalog-memory-'));
  try {
    // The weights' RAM on the CPU is the tensor data: compare the estimate with the file size on a real file.
    const bench = writePresetModel(dir, 'bench');
    const e = await estimateResources(llama, await readGgufFileInfo(bench.path, { logWarnings: false }), {
      gpuLayers: 0,
      contextSize: 512,
    });
    console.log(
      `check: generated model ${formatBytes(statSync(bench.path).size)} on disk, weights estimated at ${formatBytes(e.model.cpuRam)} of RAM`,
    );
    const catalog = JSON.parse(readFileSync(CATALOG, 'utf8')) as CatalogJson;
    const byShape = new Map<string, Awaited<ReturnType<typeof contextRamBytes>>>();
    for (const [id, s] of Object.entries(SHAPES)) {
      byShape.set(id, await contextRamBytes(llama, dir, id, s));
      const c = byShape.get(id)!;
      const lanes =
        c.completeContextSize < c.contextSize
          ? `${c.contextSize} x 2 + ${c.completeContextSize} for completion`
          : `${c.contextSize} x 3`;
      console.log(`${id}: context ${lanes}, KV ${c.kvCacheType}: ${formatBytes(c.bytes)} of RAM`);
    }
    for (const entry of catalog.entries) {
      const ctx = entry.shape ? byShape.get(entry.shape) : undefined;
      const weights =
        entry.download?.sizeBytes ?? entry.download?.approxSizeBytes ?? entry.howToUse?.estimatedWeightsBytes;
      if (!ctx || weights === undefined) continue;
      entry.memory = {
        contextSize: ctx.contextSize,
        sequences: LANE_COUNT,
        completeContextSize: ctx.completeContextSize,
        kvCacheType: ctx.kvCacheType,
        weightsBytes: weights,
        contextBytes: ctx.bytes,
        ramBytes: weights + ctx.bytes,
      };
      console.log(
        `${entry.id}: ${formatBytes(weights)} weights + ${formatBytes(ctx.bytes)} context = ${formatBytes(weights + ctx.bytes)}`,
      );
    }
    if (write) writeFileSync(CATALOG, `${JSON.stringify(catalog, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await llama.dispose();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
