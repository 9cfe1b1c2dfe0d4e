// Decides GPU layers and context size before loading, and refuses a model that will not fit,
// with the numbers (needed vs free) and what to change.
import { GgufInsights, type Llama } from 'node-llama-cpp';
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

/** A context bigger than this is rarely worth its memory for editor work; users can ask for more. */
const DEFAULT_CONTEXT_CAP = 4096;

export async function planResources(
  llama: Llama,
  file: ModelFile,
  opts: { gpuLayers: GpuLayersChoice; contextSize?: number; sequences: number },
): Promise<ResourcePlan> {
  const insights = await GgufInsights.from(file.info, llama);
  const warnings: string[] = [];
  const totalLayers = insights.totalLayers;
  const trainContextSize = insights.trainContextSize ?? DEFAULT_CONTEXT_CAP;
  const contextSize = opts.contextSize ?? Math.min(trainContextSize, DEFAULT_CONTEXT_CAP);
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
  const ramNeeded = model.cpuRam + context.cpuRam;
  const vramNeeded = model.gpuVram + context.gpuVram;
  const ram = await llama.getRamState();
  const swap = await llama.getSwapState();
  const swapFree = Math.max(0, swap.allocated - swap.used);
  const ramAvailable = ram.free + swapFree;
  const hint = `Try a smaller --context-size (now ${contextSize} tokens for each of ${opts.sequences} sequences)${llama.gpu ? ', more --gpu-layers' : ''} or a smaller quantization of the model.`;
  if (ramNeeded > ramAvailable) {
    throw new SetupError('model_too_big', `Not enough memory for ${file.path}: needs about ${formatBytes(ramNeeded)} of RAM (model ${formatBytes(model.cpuRam)} + context ${formatBytes(context.cpuRam)}) but ${formatBytes(ramAvailable)} is free (RAM ${formatBytes(ram.free)} + swap ${formatBytes(swapFree)}). ${hint}`, {
      path: file.path, memory: 'ram', neededBytes: ramNeeded, freeBytes: ramAvailable, contextSize, gpuLayers,
    });
  }
  if (llama.gpu !== false && vramNeeded > 0) {
    const vram = await llama.getVramState();
    if (vramNeeded > vram.free) {
      throw new SetupError('model_too_big', `Not enough GPU memory for ${file.path} with ${gpuLayers} GPU layers: needs about ${formatBytes(vramNeeded)} of VRAM but ${formatBytes(vram.free)} is free. Use fewer --gpu-layers (or auto), a smaller --context-size, or a smaller quantization.`, {
        path: file.path, memory: 'vram', neededBytes: vramNeeded, freeBytes: vram.free, contextSize, gpuLayers,
      });
    }
  }
  return { gpuLayers, totalLayers, contextSize, trainContextSize, ramNeededBytes: ramNeeded, vramNeededBytes: vramNeeded, warnings };
}
