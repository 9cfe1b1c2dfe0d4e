// How the lanes (chat, documentation, completion) map onto llama.cpp contexts, and what their KV caches cost.
// Pure arithmetic, shared by the backend (what it creates), the fit check and `status` (what they report).
//
// Why this layout: each sequence of a context gets the same number of KV cells, so three sequences at the full
// context spend as much on the completion lane as on chat, though a completion only ever holds its window. Chat and
// documentation share one context (one compute buffer) at the full size; completion gets a context of its own at
// its window's size. The second context costs a second compute buffer, mostly the logits of one batch
// (vocabulary × batch × 4 bytes: 100 MiB for LLM-jp-3 at 256 tokens), which is why its batch is kept small.
// When the completion window is the full context anyway, all three lanes share one context.
import type { LaneName } from '../../protocol/messages.js';

export const LANE_NAMES: readonly LaneName[] = ['chat', 'docs', 'complete'];
export const LANE_COUNT = LANE_NAMES.length;

/** The completion lane's context when none is given: room for a 1,536-token window and its answer. */
export const DEFAULT_COMPLETE_CONTEXT = 2048;
/** Tokens per llama.cpp batch. Prompts are fed in chunks no larger than this (engine/prompt-feed.ts). */
export const MAIN_BATCH = 256;
export const COMPLETE_BATCH = 256;

export type KvCacheType = 'f16' | 'q8_0';
export const KV_CACHE_TYPES: readonly KvCacheType[] = ['f16', 'q8_0'];
/**
 * q8_0 halves the KV cache against f16 (34 bytes per 32 values instead of 64). Checked on this project's models
 * before it became the default (see README "Memory"); f16 stays available with --kv-cache-type f16.
 */
export const DEFAULT_KV_CACHE_TYPE: KvCacheType = 'q8_0';

export interface ContextPlan {
  /** "chat+docs", "complete", or "chat+docs+complete". */
  name: string;
  lanes: LaneName[];
  /** Tokens per sequence. */
  contextSize: number;
  batchSize: number;
}

export interface LaneLayout {
  contexts: ContextPlan[];
  kvCacheType: KvCacheType;
  /** llama.cpp quantizes the V cache only with flash attention. */
  flashAttention: boolean;
  /** Why the KV-cache type asked for was not used, when it was not. */
  warning?: string;
}

export interface LaneSettings {
  /** The completion lane's tokens; default min(DEFAULT_COMPLETE_CONTEXT, contextSize). */
  completeContextSize?: number;
  kvCacheType?: KvCacheType;
}

/** q8_0 stores blocks of 32 values: llama.cpp refuses it where a head's width is not a multiple of 32. */
const Q8_0_BLOCK = 32;

/**
 * @param kv the model's KV shape, when known: a q8_0 cache needs head widths that are multiples of 32 (Fugaku-LLM
 * 13B's are 144), so such a model keeps f16.
 */
export function laneLayout(contextSize: number, settings: LaneSettings = {}, kv?: KvShape): LaneLayout {
  let kvCacheType = settings.kvCacheType ?? DEFAULT_KV_CACHE_TYPE;
  let warning: string | undefined;
  if (kvCacheType === 'q8_0' && kv && (kv.keyHeadDim % Q8_0_BLOCK !== 0 || kv.valueHeadDim % Q8_0_BLOCK !== 0)) {
    warning = `this model's attention heads are ${kv.keyHeadDim} wide, not a multiple of ${Q8_0_BLOCK}, so its KV cache stays f16 (q8_0 needs blocks of ${Q8_0_BLOCK})`;
    kvCacheType = 'f16';
  }
  const complete = Math.min(settings.completeContextSize ?? DEFAULT_COMPLETE_CONTEXT, contextSize);
  const contexts: ContextPlan[] =
    complete >= contextSize
      ? [{ name: 'chat+docs+complete', lanes: ['chat', 'docs', 'complete'], contextSize, batchSize: MAIN_BATCH }]
      : [
          { name: 'chat+docs', lanes: ['chat', 'docs'], contextSize, batchSize: MAIN_BATCH },
          { name: 'complete', lanes: ['complete'], contextSize: complete, batchSize: COMPLETE_BATCH },
        ];
  return { contexts, kvCacheType, flashAttention: kvCacheType !== 'f16', ...(warning ? { warning } : {}) };
}

export function completeContextOf(layout: LaneLayout): number {
  return layout.contexts.find((c) => c.lanes.includes('complete'))!.contextSize;
}

/** The KV cache's size per token and layer comes from these GGUF facts. */
export interface KvShape {
  layers: number;
  /** Key and value widths of all KV heads together (head dimension × KV heads). */
  keyWidth: number;
  valueWidth: number;
  keyHeadDim: number;
  valueHeadDim: number;
}

/** Bytes per value of each KV cache type (q8_0: blocks of 32 int8 values with one f16 scale). */
const BYTES_PER_VALUE: Record<KvCacheType, number> = { f16: 2, q8_0: 34 / 32 };

/** llama.cpp allocates a sequence's cells in multiples of 256. */
export function paddedCells(contextSize: number): number {
  return Math.ceil(contextSize / 256) * 256;
}

/** Bytes of one sequence's KV cache at `contextSize` tokens. */
export function kvCacheBytes(shape: KvShape, contextSize: number, type: KvCacheType): number {
  return Math.round(
    paddedCells(contextSize) * shape.layers * (shape.keyWidth + shape.valueWidth) * BYTES_PER_VALUE[type],
  );
}

/** The KV shape from a GGUF's architecture metadata (the fields node-llama-cpp reads as `architectureMetadata`). */
export function kvShapeOf(meta: {
  block_count?: number;
  embedding_length?: number;
  attention?: {
    head_count?: number | readonly number[];
    head_count_kv?: number | readonly number[];
    key_length?: number;
    value_length?: number;
  };
}): KvShape | undefined {
  const first = (v: number | readonly number[] | undefined) => (Array.isArray(v) ? v[0] : v) as number | undefined;
  const layers = meta.block_count;
  const heads = first(meta.attention?.head_count);
  const kvHeads = first(meta.attention?.head_count_kv) ?? heads;
  if (!layers || !heads || !kvHeads || !meta.embedding_length) return undefined;
  const headDim = meta.embedding_length / heads;
  const keyHeadDim = meta.attention?.key_length ?? headDim;
  const valueHeadDim = meta.attention?.value_length ?? headDim;
  return { layers, keyWidth: keyHeadDim * kvHeads, valueWidth: valueHeadDim * kvHeads, keyHeadDim, valueHeadDim };
}
