// The one loaded model, its context and its lanes (one sequence each for chat, documentation and completion,
// so completions keep their KV cache warm while chat runs), and the queue renders wait in.
import type { Llama, LlamaContext, LlamaModel } from 'node-llama-cpp';
import { InsufficientMemoryError } from 'node-llama-cpp';
import type { GpuKind, ModelInfo } from '../../protocol/messages.js';
import { chatFormatFor, type ChatFormat } from '../profiles/chat-format.js';
import type { ModelIdentity } from '../profiles/family.js';
import { formatBytes } from '../setup/format-bytes.js';
import type { ModelFile } from '../setup/model-file.js';
import type { ResourcePlan } from '../setup/resource-plan.js';
import { SetupError } from '../setup/setup-error.js';
import { Lane, WorkQueue, type LaneName } from './lane.js';

const LANES: readonly LaneName[] = ['chat', 'docs', 'complete'];
export const SEQUENCE_COUNT = LANES.length;

export interface ModelHost {
  readonly llama: Llama;
  readonly model: LlamaModel;
  readonly context: LlamaContext;
  readonly info: ModelInfo;
  readonly chatFormat: ChatFormat;
  lane(name: LaneName): Lane;
  lanes(): readonly Lane[];
  /**
   * Renders tokenize on the event loop and need no sequence: they get their own one-at-a-time queue with the
   * lanes' limit, rather than a lane, so a render never waits behind a chat's generation.
   */
  readonly renderQueue: WorkQueue;
  dispose(): Promise<void>;
}

export async function loadModelHost(args: {
  llama: Llama;
  gpu: GpuKind;
  file: ModelFile;
  plan: ResourcePlan;
  identity: ModelIdentity;
  termsId: string | null;
  queueLimit: number;
}): Promise<ModelHost> {
  const { llama, file, plan } = args;
  let model: LlamaModel;
  try {
    model = await llama.loadModel({ modelPath: file.path, gpuLayers: plan.gpuLayers });
  } catch (e) {
    throw loadError(e, file, plan, 'model');
  }
  let context: LlamaContext;
  try {
    context = await model.createContext({ contextSize: plan.contextSize, sequences: SEQUENCE_COUNT });
  } catch (e) {
    await model.dispose();
    throw loadError(e, file, plan, 'context');
  }
  const lanes = new Map(LANES.map((name) => [name, new Lane(name, context.getSequence(), args.queueLimit)]));
  const infill = model.tokens.infill;
  const info: ModelInfo = {
    name: args.identity.name,
    family: args.identity.family,
    path: file.path,
    contextSize: context.contextSize,
    trainContextSize: model.trainContextSize,
    gpu: args.gpu,
    gpuLayers: model.gpuLayers,
    totalLayers: plan.totalLayers,
    fim: infill.prefix != null && infill.suffix != null && infill.middle != null,
    termsId: args.termsId,
  };
  return {
    llama, model, context, info,
    chatFormat: chatFormatFor(args.identity.family, model),
    lane: (name) => lanes.get(name)!,
    lanes: () => [...lanes.values()],
    renderQueue: new WorkQueue('render', args.queueLimit),
    // Dispose in order: sequences' users are already stopped by the caller; then context, model, llama.
    async dispose() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}

function loadError(e: unknown, file: ModelFile, plan: ResourcePlan, what: string): SetupError {
  if (e instanceof InsufficientMemoryError) {
    return new SetupError('model_too_big', `Not enough memory to load the ${what} of ${file.path} (estimated RAM ${formatBytes(plan.ramNeededBytes)}, VRAM ${formatBytes(plan.vramNeededBytes)}, ${plan.gpuLayers} GPU layers, context ${plan.contextSize}): ${(e as Error).message}. Use fewer GPU layers, a smaller context size or a smaller quantization.`);
  }
  return new SetupError('load_failed', `Could not load ${file.path}: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
}
