// Decides GPU layers and context size before loading, and refuses a model that will not fit,
// with the numbers (needed vs free) and what to change. The estimate itself is shared with the model
// manager's fit check (backend/models/fit.ts), which reads the same numbers for a file not downloaded yet.
import { GgufInsights, type GgufFileInfo, type Llama } from 'node-llama-cpp';
import type { GpuLayersChoice } from '../cli-args.js';
import { formatBytes } from './format-bytes.js';
import type { ModelFile } from './model-file.js';
import { SetupError } from './setup-error.js';

export interface ResourcePlan {
  gpuLayers: number;
  totalLayers: number;
  contextSize: number;
  trainContextSize: number;
  ramNeededBytes: number;
  vramNeededBytes: number;
  warnings: string[];
}

export interface ResourceEstimate extends ResourcePlan {
  sequences: number;
  model: { cpuRam: number; gpuVram: number };
  context: { cpuRam: number; gpuVram: number };
}

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

/** RAM and VRAM needed for a model's file info at a context size, GPU layers and number of sequences. */
export async function estimateResources(
  llama: Llama,
  info: GgufFileInfo,
  opts: { gpuLayers: GpuLayersChoice; contextSize?: number; sequences: number },
): Promise<ResourceEstimate> {
  const insights = await GgufInsights.from(info, llama);
  const warnings: string[] = [];
  const totalLayers = insights.totalLayers;
  const trainContextSize = insights.trainContextSize ?? DEFAULT_CONTEXT_CAP;
  const contextSize = opts.contextSize ?? defaultContextSize(insights.trainContextSize);
  if (contextSize > trainContextSize) {
    warnings.push(`--context-size ${contextSize} is larger than the model was trained for (${trainContextSize}); quality may drop past that.`);
  }

  let gpuLayers: number;
  if (llama.gpu === false) gpuLayers = 0;
  else if (opts.gpuLayers === 'max') gpuLayers = totalLayers;
  else if (typeof opts.gpuLayers === 'number') gpuLayers = Math.min(opts.gpuLayers, totalLayers);
  else {
    const config = await insights.configurationResolver.resolveAndScoreConfig({ targetContextSize: contextSize });
    gpuLayers = config.resolvedValues.gpuLayers;
  }

  const model = await insights.estimateModelResourceRequirementsV2({ gpuLayers });
  const context = await insights.estimateContextResourceRequirementsV2({
    contextSize, modelGpuLayers: gpuLayers, sequences: opts.sequences,
  });
  return {
    gpuLayers, totalLayers, contextSize, trainContextSize, sequences: opts.sequences, model, context, warnings,
    ramNeededBytes: model.cpuRam + context.cpuRam,
    vramNeededBytes: model.gpuVram + context.gpuVram,
  };
}

export async function memoryState(llama: Llama): Promise<MemoryState> {
  const ram = await llama.getRamState();
  const swap = await llama.getSwapState();
  const swapFree = Math.max(0, swap.allocated - swap.used);
  const vramFree = llama.gpu === false ? 0 : (await llama.getVramState()).free;
  return { ramFreeBytes: ram.free, swapFreeBytes: swapFree, ramAvailableBytes: ram.free + swapFree, vramFreeBytes: vramFree };
}

export async function planResources(
  llama: Llama,
  file: ModelFile,
  opts: { gpuLayers: GpuLayersChoice; contextSize?: number; sequences: number },
): Promise<ResourcePlan> {
  const e = await estimateResources(llama, file.info, opts);
  const mem = await memoryState(llama);
  const hint = `Try a smaller --context-size (now ${e.contextSize} tokens for each of ${opts.sequences} sequences)${llama.gpu ? ', more --gpu-layers' : ''} or a smaller quantization of the model.`;
  if (e.ramNeededBytes > mem.ramAvailableBytes) {
    throw new SetupError('model_too_big', `Not enough memory for ${file.path}: needs about ${formatBytes(e.ramNeededBytes)} of RAM (model ${formatBytes(e.model.cpuRam)} + context ${formatBytes(e.context.cpuRam)}) but ${formatBytes(mem.ramAvailableBytes)} is free (RAM ${formatBytes(mem.ramFreeBytes)} + swap ${formatBytes(mem.swapFreeBytes)}). ${hint}`, {
      path: file.path, memory: 'ram', neededBytes: e.ramNeededBytes, freeBytes: mem.ramAvailableBytes, contextSize: e.contextSize, gpuLayers: e.gpuLayers,
    });
  }
  if (llama.gpu !== false && e.vramNeededBytes > 0 && e.vramNeededBytes > mem.vramFreeBytes) {
    throw new SetupError('model_too_big', `Not enough GPU memory for ${file.path} with ${e.gpuLayers} GPU layers: needs about ${formatBytes(e.vramNeededBytes)} of VRAM but ${formatBytes(mem.vramFreeBytes)} is free. Use fewer --gpu-layers (or auto), a smaller --context-size, or a smaller quantization.`, {
      path: file.path, memory: 'vram', neededBytes: e.vramNeededBytes, freeBytes: mem.vramFreeBytes, contextSize: e.contextSize, gpuLayers: e.gpuLayers,
    });
  }
  return {
    gpuLayers: e.gpuLayers, totalLayers: e.totalLayers, contextSize: e.contextSize, trainContextSize: e.trainContextSize,
    ramNeededBytes: e.ramNeededBytes, vramNeededBytes: e.vramNeededBytes, warnings: e.warnings,
  };
}
