// The one loaded model, its context and its lanes (one sequence each for chat, documentation and completion,
// so completions keep their KV cache warm while chat runs), and the queue renders wait in.
import type { Llama, LlamaContext, LlamaModel } from 'node-llama-cpp';
import { InsufficientMemoryError } from 'node-llama-cpp';
import type { GpuKind, ModelInfo } from '../../protocol/messages.js';
import { chatFormatFor, type ChatFormat } from '../profiles/chat-format.js';
import type { ModelIdentity } from '../profiles/family.js';
import { promptTokenizerFor, type PromptTokenizer } from '../profiles/prompt-tokens.js';
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
  /** The family's tokenizer and BOS policy, shared by chat, documentation, completion and render. */
  readonly promptTokenizer: PromptTokenizer;
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
  /** 0..1 while the weights load (node-llama-cpp may not report it for small files). */
  onModelProgress?: (progress: number) => void;
  onContext?: () => void;
}): Promise<ModelHost> {
  const { llama, file, plan } = args;
  let model: LlamaModel;
  try {
    model = await llama.loadModel({ modelPath: file.path, gpuLayers: plan.gpuLayers, onLoadProgress: args.onModelProgress });
  } catch (e) {
    throw loadError(e, file, plan, 'model');
  }
  let context: LlamaContext;
  args.onContext?.();
  try {
    context = await model.createContext({ contextSize: plan.contextSize, sequences: SEQUENCE_COUNT });
  } catch (e) {
    await model.dispose();
    throw loadError(e, file, plan, 'context');
  }
  let promptTokenizer: PromptTokenizer;
  try {
    promptTokenizer = promptTokenizerFor(args.identity.family, model);
  } catch (e) {
    await context.dispose();
    await model.dispose();
    throw new SetupError('model_invalid', `${file.path} is recognised as ${args.identity.family}, but its vocabulary cannot be read: ${(e as Error).message}. Convert the model again, or start with --family generic.`);
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
    chatFormat: chatFormatFor(args.identity.family, model, promptTokenizer),
    promptTokenizer,
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
    return new SetupError('model_too_big', `Not enough memory to load the ${what} of ${file.path} (estimated RAM ${formatBytes(plan.ramNeededBytes)}, VRAM ${formatBytes(plan.vramNeededBytes)}, ${plan.gpuLayers} GPU layers, context ${plan.contextSize}): ${e.message}. Use fewer GPU layers, a smaller context size or a smaller quantization.`, {
      path: file.path, memory: plan.vramNeededBytes > 0 ? 'vram' : 'ram', neededBytes: plan.vramNeededBytes > 0 ? plan.vramNeededBytes : plan.ramNeededBytes,
      contextSize: plan.contextSize, gpuLayers: plan.gpuLayers,
    });
  }
  return new SetupError('load_failed', `Could not load ${file.path}: ${String((e as Error | undefined)?.message ?? e).split('\n')[0]}`, { path: file.path });
}
