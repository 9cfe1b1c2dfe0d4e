// Decides GPU layers and context size before loading, and refuses a model that will not fit,
// with the numbers (needed vs free) and what to change. The estimate itself is shared with the model
// manager's fit check (backend/models/fit.ts), which reads the same numbers for a file not downloaded yet.
import { freemem } from 'node:os';
import { GgmlType, GgufInsights, type GgufFileInfo, type Llama } from 'node-llama-cpp';
import type { MemoryPart } from '../../protocol/messages.js';
import type { GpuLayersChoice } from '../cli-args.js';
import {
  kvCacheBytes,
  kvShapeOf,
  LANE_COUNT,
  laneLayout,
  type LaneLayout,
  type LaneSettings,
} from '../engine/lane-layout.js';
import { formatBytes } from './format-bytes.js';
import type { ModelFile } from './model-file.js';
import { SetupError } from './setup-error.js';

export interface ResourcePlan {
  gpuLayers: number;
  totalLayers: number;
  contextSize: number;
  trainContextSize: number;
  /** The contexts the lanes live in, their sizes and the KV-cache type. */
  layout: LaneLayout;
  ramNeededBytes: number;
  vramNeededBytes: number;
  /** The same total, part by part: weights, each lane's KV cache, each context's compute buffers. */
  parts: MemoryPart[];
  warnings: string[];
}

export interface ResourceEstimate extends ResourcePlan {
  sequences: number;
  model: { cpuRam: number; gpuVram: number };
  /** All contexts together. */
  context: { cpuRam: number; gpuVram: number };
}

export interface EstimateOptions extends LaneSettings {
  gpuLayers: GpuLayersChoice;
  contextSize?: number;
}

const GGML_KV_TYPE = { f16: GgmlType.F16, q8_0: GgmlType.Q8_0 } as const;

export interface MemoryState {
  ramFreeBytes: number;
  swapFreeBytes: number;
  /** Free RAM plus free swap: what a model may take before the system refuses. */
  ramAvailableBytes: number;
  /** 0 without a GPU. */
  vramFreeBytes: number;
}

/** A context bigger than this is rarely worth its memory for editor work; users can ask for more. */
export const DEFAULT_CONTEXT_CAP = 4096;

/** The context size the backend uses when none is given: the model's own, capped. */
export function defaultContextSize(trainContextSize: number | undefined): number {
  return Math.min(trainContextSize ?? DEFAULT_CONTEXT_CAP, DEFAULT_CONTEXT_CAP);
}

/**
 * RAM and VRAM needed for a model's file info at a context size and GPU layers, with the backend's lanes laid out
 * as engine/lane-layout.ts says (chat and documentation at the full context, completion at its window).
 */
export async function estimateResources(
  llama: Llama,
  info: GgufFileInfo,
  opts: EstimateOptions,
): Promise<ResourceEstimate> {
  const insights = await GgufInsights.from(info, llama);
  const warnings: string[] = [];
  const totalLayers = insights.totalLayers;
  const trainContextSize = insights.trainContextSize ?? DEFAULT_CONTEXT_CAP;
  const contextSize = opts.contextSize ?? defaultContextSize(insights.trainContextSize);
  const kvShape = kvShapeOf(info.architectureMetadata);
  const layout = laneLayout(contextSize, opts, kvShape);
  if (layout.warning) warnings.push(`KV cache: ${layout.warning}.`);
  if (contextSize > trainContextSize) {
    warnings.push(
      `--context-size ${contextSize} is larger than the model was trained for (${trainContextSize}); quality may drop past that.`,
    );
  }

  let gpuLayers: number;
  if (llama.gpu === false) gpuLayers = 0;
  else if (opts.gpuLayers === 'max') gpuLayers = totalLayers;
  else if (typeof opts.gpuLayers === 'number') gpuLayers = Math.min(opts.gpuLayers, totalLayers);
  else {
    const config = await insights.configurationResolver.resolveAndScoreConfig({
      targetContextSize: contextSize,
      kvCacheKeyType: GGML_KV_TYPE[layout.kvCacheType],
      kvCacheValueType: GGML_KV_TYPE[layout.kvCacheType],
      flashAttention: layout.flashAttention,
    });
    gpuLayers = config.resolvedValues.gpuLayers;
  }

  const model = await insights.estimateModelResourceRequirementsV2({
    gpuLayers,
    useMmap: useMmapFor(llama, gpuLayers, totalLayers),
  });
  const context = { cpuRam: 0, gpuVram: 0 };
  const parts: MemoryPart[] = [{ part: 'weights', bytes: model.cpuRam + model.gpuVram }];
  for (const c of layout.contexts) {
    const e = await insights.estimateContextResourceRequirementsV2({
      contextSize: c.contextSize,
      modelGpuLayers: gpuLayers,
      sequences: c.lanes.length,
      batchSize: c.batchSize,
      flashAttention: layout.flashAttention,
      kvCacheKeyType: GGML_KV_TYPE[layout.kvCacheType],
      kvCacheValueType: GGML_KV_TYPE[layout.kvCacheType],
    });
    context.cpuRam += e.cpuRam;
    context.gpuVram += e.gpuVram;
    const kv = kvShape ? kvCacheBytes(kvShape, c.contextSize, layout.kvCacheType) : 0;
    for (const lane of c.lanes) parts.push({ part: `kv:${lane}`, bytes: kv });
    parts.push({ part: `compute:${c.name}`, bytes: Math.max(0, e.cpuRam + e.gpuVram - kv * c.lanes.length) });
  }
  return {
    gpuLayers,
    totalLayers,
    contextSize,
    trainContextSize,
    sequences: LANE_COUNT,
    layout,
    model,
    context,
    parts,
    warnings,
    ramNeededBytes: model.cpuRam + context.cpuRam,
    vramNeededBytes: model.gpuVram + context.gpuVram,
  };
}

/**
 * Whether to map the model file rather than read it into memory. On the CPU llama.cpp may repack the weights into
 * its own layout (it depends on the CPU and the quantization): with the file mapped, the file's pages then stay
 * resident beside the repacked copy (measured 6.1 GB where 4.4 GB do). Reading the file costs nothing extra where
 * nothing is repacked, so weights that stay on the CPU are always read; weights on a GPU keep node-llama-cpp's choice.
 */
export function useMmapFor(
  llama: Llama,
  gpuLayers: number,
  totalLayers: number,
  choice: 'auto' | 'on' | 'off' = 'auto',
): boolean | undefined {
  if (choice !== 'auto') return choice === 'on';
  return llama.gpu === false || gpuLayers < totalLayers ? false : undefined;
}

/**
 * Free RAM as the system would hand it out. node-llama-cpp's figure is Linux's MemFree, which leaves out the page
 * cache the kernel gives back on demand: on a machine that just wrote or read a 2 GB model file it said 2.3 GiB
 * free where MemAvailable (Node's os.freemem()) said 15 GiB, and a model that fits was refused. Take the larger.
 */
export function availableRam(nodeLlamaFree: number, osAvailable: number = freemem()): number {
  return Math.max(nodeLlamaFree, osAvailable);
}

export async function memoryState(llama: Llama): Promise<MemoryState> {
  const ram = await llama.getRamState();
  const swap = await llama.getSwapState();
  const swapFree = Math.max(0, swap.allocated - swap.used);
  const vramFree = llama.gpu === false ? 0 : (await llama.getVramState()).free;
  const ramFree = availableRam(ram.free);
  return {
    ramFreeBytes: ramFree,
    swapFreeBytes: swapFree,
    ramAvailableBytes: ramFree + swapFree,
    vramFreeBytes: vramFree,
  };
}

export async function planResources(llama: Llama, file: ModelFile, opts: EstimateOptions): Promise<ResourcePlan> {
  const e = await estimateResources(llama, file.info, opts);
  const mem = await memoryState(llama);
  const hint = `Try a smaller --context-size (now ${describeLayout(e.layout)})${llama.gpu ? ', more --gpu-layers' : ''} or a smaller quantization of the model.`;
  if (e.ramNeededBytes > mem.ramAvailableBytes) {
    throw new SetupError(
      'model_too_big',
      `Not enough memory for ${file.path}: needs about ${formatBytes(e.ramNeededBytes)} of RAM (model ${formatBytes(e.model.cpuRam)} + context ${formatBytes(e.context.cpuRam)}) but ${formatBytes(mem.ramAvailableBytes)} is free (RAM ${formatBytes(mem.ramFreeBytes)} + swap ${formatBytes(mem.swapFreeBytes)}). ${hint}`,
      {
        path: file.path,
        memory: 'ram',
        neededBytes: e.ramNeededBytes,
        freeBytes: mem.ramAvailableBytes,
        contextSize: e.contextSize,
        gpuLayers: e.gpuLayers,
      },
    );
  }
  if (llama.gpu !== false && e.vramNeededBytes > 0 && e.vramNeededBytes > mem.vramFreeBytes) {
    throw new SetupError(
      'model_too_big',
      `Not enough GPU memory for ${file.path} with ${e.gpuLayers} GPU layers: needs about ${formatBytes(e.vramNeededBytes)} of VRAM but ${formatBytes(mem.vramFreeBytes)} is free. Use fewer --gpu-layers (or auto), a smaller --context-size, or a smaller quantization.`,
      {
        path: file.path,
        memory: 'vram',
        neededBytes: e.vramNeededBytes,
        freeBytes: mem.vramFreeBytes,
        contextSize: e.contextSize,
        gpuLayers: e.gpuLayers,
      },
    );
  }
  return {
    gpuLayers: e.gpuLayers,
    totalLayers: e.totalLayers,
    contextSize: e.contextSize,
    trainContextSize: e.trainContextSize,
    layout: e.layout,
    ramNeededBytes: e.ramNeededBytes,
    vramNeededBytes: e.vramNeededBytes,
    parts: e.parts,
    warnings: e.warnings,
  };
}

/** "4096 tokens for chat and docs, 2048 for completion, KV cache q8_0": for messages. */
export function describeLayout(layout: LaneLayout): string {
  const sizes = layout.contexts.map((c) => `${c.contextSize} tokens for ${c.lanes.join(' and ')}`).join(', ');
  return `${sizes}, KV cache ${layout.kvCacheType}`;
}

/** A draft model's memory (its weights and its context of `sequences` sequences), for `status` and the load check. */
export async function estimateDraft(
  llama: Llama,
  info: GgufFileInfo,
  opts: { gpuLayers: number; contextSize: number; sequences: number; layout: LaneLayout },
): Promise<MemoryPart[]> {
  const insights = await GgufInsights.from(info, llama);
  const gpuLayers = opts.gpuLayers > 0 ? insights.totalLayers : 0;
  const model = await insights.estimateModelResourceRequirementsV2({
    gpuLayers,
    useMmap: useMmapFor(llama, gpuLayers, insights.totalLayers),
  });
  const kvType = GGML_KV_TYPE[opts.layout.kvCacheType];
  const context = await insights.estimateContextResourceRequirementsV2({
    contextSize: opts.contextSize,
    modelGpuLayers: gpuLayers,
    sequences: opts.sequences,
    flashAttention: opts.layout.flashAttention,
    kvCacheKeyType: kvType,
    kvCacheValueType: kvType,
  });
  return [
    { part: 'draft:weights', bytes: model.cpuRam + model.gpuVram },
    { part: 'draft:context', bytes: context.cpuRam + context.gpuVram },
  ];
}
