// The one loaded model, its contexts and its lanes (one sequence each for chat, documentation and completion,
// so completions keep their KV cache warm while chat runs), the scheduler that orders their evaluation, the
// measured throughput, and the queue renders wait in.
import {
  DraftSequenceTokenPredictor,
  GgmlType,
  InsufficientMemoryError,
  type Llama,
  type LlamaContext,
  type LlamaModel,
} from 'node-llama-cpp';
import type { GpuKind, MemoryPart, ModelInfo } from '../../protocol/messages.js';
import type { Logger } from '../log.js';
import { chatFormatFor, type ChatFormat } from '../profiles/chat-format.js';
import type { ModelIdentity } from '../profiles/family.js';
import { promptTokenizerFor, type PromptTokenizer } from '../profiles/prompt-tokens.js';
import { formatBytes } from '../setup/format-bytes.js';
import type { ModelFile } from '../setup/model-file.js';
import { estimateResources, useMmapFor, type ResourcePlan } from '../setup/resource-plan.js';
import { SetupError } from '../setup/setup-error.js';
import { calibrate } from './calibrate.js';
import { completeContextOf, LANE_COUNT, type ContextPlan, type KvCacheType, type LaneLayout } from './lane-layout.js';
import { LanePredictor } from './lane-predictor.js';
import { Lane, WorkQueue, type LaneName } from './lane.js';
import { EvaluationScheduler } from './scheduler.js';
import { ThroughputMeter } from './throughput.js';
import { LookupLengthPolicy } from './lookup-length.js';
import { INPUT_LOOKUP } from './lookup-decode.js';

/** @deprecated the lanes' count; kept for callers that size by it. */
export const SEQUENCE_COUNT = LANE_COUNT;

export interface ModelHost {
  readonly llama: Llama;
  readonly model: LlamaModel;
  readonly info: ModelInfo;
  readonly chatFormat: ChatFormat;
  /** The family's tokenizer and BOS policy, shared by chat, documentation, completion and render. */
  readonly promptTokenizer: PromptTokenizer;
  /** The contexts as created (the KV-cache type may have fallen back to f16). */
  readonly layout: LaneLayout;
  /** Who evaluates next when lanes compete (engine/scheduler.ts). */
  readonly scheduler: EvaluationScheduler;
  readonly throughput: ThroughputMeter;
  /** How long input lookup predicts, learned from this model's batch times on this device (engine/lookup-length.ts). */
  readonly lookupLength: LookupLengthPolicy;
  /** The memory plan part by part, as the fit check estimates it (draft model included). */
  readonly memoryParts: MemoryPart[];
  lane(name: LaneName): Lane;
  lanes(): readonly Lane[];
  /**
   * Renders tokenize on the event loop and need no sequence: they get their own one-at-a-time queue with the
   * lanes' limit, rather than a lane, so a render never waits behind a chat's generation.
   */
  readonly renderQueue: WorkQueue;
  dispose(): Promise<void>;
}

/** A draft model for chat and documentation answers (DraftSequenceTokenPredictor): same vocabulary, much smaller. */
export interface DraftModel {
  file: ModelFile;
  /** Its memory (weights and context), from the same estimate as the main model's. */
  parts: MemoryPart[];
}

const KV_GGML = { f16: GgmlType.F16, q8_0: GgmlType.Q8_0 } as const;
/**
 * Draft settings: wait for at least one drafted token each step (node-llama-cpp's default 0 lets the target model
 * run ahead of a draft that shares its cores, and then nothing is ever predicted), at most 8 at a time.
 */
const DRAFT_PREDICTION = { minTokens: 1, maxTokens: 8 } as const;

export async function loadModelHost(args: {
  llama: Llama;
  gpu: GpuKind;
  file: ModelFile;
  plan: ResourcePlan;
  identity: ModelIdentity;
  termsId: string | null;
  queueLimit: number;
  log: Logger;
  draft?: DraftModel;
  /** Skip the load-time throughput measurement (tests of the loading itself). */
  skipCalibration?: boolean;
  /** --mmap (default auto). */
  mmap?: 'auto' | 'on' | 'off';
  /** --priorities (default on). */
  priorities?: boolean;
  /** 0..1 while the weights load (node-llama-cpp may not report it for small files). */
  onModelProgress?: (progress: number) => void;
  onContext?: () => void;
}): Promise<ModelHost> {
  const { llama, file, plan, log } = args;
  const disposers: Array<() => Promise<void>> = [];
  const disposeAll = async () => {
    for (const d of disposers.reverse()) await d().catch(() => undefined);
  };
  let model: LlamaModel;
  try {
    model = await llama.loadModel({
      modelPath: file.path,
      gpuLayers: plan.gpuLayers,
      onLoadProgress: args.onModelProgress,
      useMmap: useMmapFor(llama, plan.gpuLayers, plan.totalLayers, args.mmap),
    });
  } catch (e) {
    throw loadError(e, file, plan, 'model');
  }
  disposers.push(() => model.dispose());
  args.onContext?.();

  let layout = plan.layout;
  let contexts: LlamaContext[];
  try {
    contexts = await createContexts(model, layout);
  } catch (e) {
    if (e instanceof InsufficientMemoryError || layout.kvCacheType === 'f16') {
      await disposeAll();
      throw loadError(e, file, plan, 'context');
    }
    // A quantized KV cache needs flash attention, which not every backend has: f16 then, and say so.
    log.warn(
      `a ${layout.kvCacheType} KV cache could not be created here (${firstLine(e)}); using f16, which needs about twice the memory`,
    );
    layout = { ...layout, kvCacheType: 'f16', flashAttention: false };
    try {
      contexts = await createContexts(model, layout);
    } catch (e2) {
      await disposeAll();
      throw loadError(e2, file, plan, 'context');
    }
  }
  for (const c of contexts) disposers.push(() => c.dispose());

  let promptTokenizer: PromptTokenizer;
  try {
    promptTokenizer = promptTokenizerFor(args.identity.family, model);
  } catch (e) {
    await disposeAll();
    throw new SetupError(
      'model_invalid',
      `${file.path} is recognised as ${args.identity.family}, but its vocabulary cannot be read: ${(e as Error).message}. Convert the model again, or start with --family generic.`,
    );
  }

  // The draft model: its own context, one sequence per predicting lane, the same size as theirs.
  const predictingLanes: LaneName[] = ['chat', 'docs'];
  const drafts = new Map<LaneName, DraftSequenceTokenPredictor>();
  if (args.draft) {
    try {
      const draftModel = await llama.loadModel({
        modelPath: args.draft.file.path,
        gpuLayers: plan.gpuLayers > 0 ? 'max' : 0,
        useMmap: useMmapFor(llama, plan.gpuLayers, plan.totalLayers, args.mmap),
      });
      disposers.push(() => draftModel.dispose());
      checkSameVocabulary(model, draftModel, args.draft.file.path);
      const mainPlan = layout.contexts.find((c) => c.lanes.includes('chat'))!;
      const draftContext = await draftModel.createContext({
        contextSize: mainPlan.contextSize,
        sequences: predictingLanes.length,
        batchSize: mainPlan.batchSize,
        ...kvOptions(layout.kvCacheType, layout.flashAttention),
      });
      disposers.push(() => draftContext.dispose());
      for (const lane of predictingLanes)
        drafts.set(lane, new DraftSequenceTokenPredictor(draftContext.getSequence(), DRAFT_PREDICTION));
    } catch (e) {
      await disposeAll();
      if (e instanceof SetupError) throw e;
      throw new SetupError('load_failed', `Could not load the draft model ${args.draft.file.path}: ${firstLine(e)}`, {
        path: args.draft.file.path,
        option: 'draft-model',
      });
    }
  }

  const lanes = new Map<LaneName, Lane>();
  layout.contexts.forEach((plan, i) => {
    for (const name of plan.lanes) {
      const predictor = predictingLanes.includes(name) ? new LanePredictor(drafts.get(name)) : undefined;
      lanes.set(
        name,
        new Lane(
          name,
          contexts[i].getSequence(predictor ? { tokenPredictor: predictor } : {}),
          args.queueLimit,
          predictor,
        ),
      );
    }
  });
  const mainContext = contexts[layout.contexts.findIndex((c) => c.lanes.includes('chat'))];
  const infill = model.tokens.infill;
  const info: ModelInfo = {
    name: args.identity.name,
    family: args.identity.family,
    path: file.path,
    contextSize: mainContext.contextSize,
    trainContextSize: model.trainContextSize,
    gpu: args.gpu,
    gpuLayers: model.gpuLayers,
    totalLayers: plan.totalLayers,
    fim: infill.prefix != null && infill.suffix != null && infill.middle != null,
    termsId: args.termsId,
  };
  const throughput = new ThroughputMeter();
  if (!args.skipCalibration) {
    const complete = lanes.get('complete')!;
    throughput.calibrate(await calibrate(complete.sequence, model, promptTokenizer.completionBos));
  }
  const parts =
    layout === plan.layout
      ? plan.parts
      : (
          await estimateResources(llama, file.info, {
            gpuLayers: plan.gpuLayers,
            contextSize: plan.contextSize,
            completeContextSize: completeContextOf(layout),
            kvCacheType: layout.kvCacheType,
          })
        ).parts;
  const memoryParts = [...parts, ...(args.draft?.parts ?? [])];
  return {
    llama,
    model,
    info,
    layout,
    throughput,
    lookupLength: new LookupLengthPolicy(INPUT_LOOKUP.predictionLength.max),
    memoryParts,
    scheduler: new EvaluationScheduler(undefined, args.priorities ?? true),
    chatFormat: chatFormatFor(args.identity.family, model, promptTokenizer),
    promptTokenizer,
    lane: (name) => lanes.get(name)!,
    lanes: () => [...lanes.values()],
    renderQueue: new WorkQueue('render', args.queueLimit),
    // Dispose in order: sequences' users are already stopped by the caller; then contexts, models, llama.
    async dispose() {
      await disposeAll();
      await llama.dispose();
    },
  };
}

/** f16 is node-llama-cpp's default (flash attention as it decides); q8_0 needs flash attention for the V cache. */
function kvOptions(type: KvCacheType, flashAttention: boolean) {
  return type === 'f16'
    ? {}
    : { flashAttention, experimentalKvCacheKeyType: KV_GGML[type], experimentalKvCacheValueType: KV_GGML[type] };
}

async function createContexts(model: LlamaModel, layout: LaneLayout): Promise<LlamaContext[]> {
  const made: LlamaContext[] = [];
  try {
    for (const c of layout.contexts) made.push(await createContext(model, c, layout));
    return made;
  } catch (e) {
    for (const c of made) await c.dispose();
    throw e;
  }
}

function createContext(model: LlamaModel, c: ContextPlan, layout: LaneLayout): Promise<LlamaContext> {
  return model.createContext({
    contextSize: c.contextSize,
    sequences: c.lanes.length,
    batchSize: c.batchSize,
    ...kvOptions(layout.kvCacheType, layout.flashAttention),
    // Our own chunks are at most a batch, and higher-priority work goes first between them (engine/scheduler.ts);
    // within one batch, node-llama-cpp fills it by evaluationPriority.
    batching: { itemPrioritizationStrategy: 'maximumParallelism' },
  });
}

/** Token prediction compares token ids: the draft must spell the same vocabulary. */
function checkSameVocabulary(main: LlamaModel, draft: LlamaModel, draftPath: string): void {
  const a = main.fileInfo.metadata.tokenizer?.ggml?.tokens;
  const b = draft.fileInfo.metadata.tokenizer?.ggml?.tokens;
  const same = a !== undefined && b !== undefined && a.length === b.length && a.every((t, i) => t === b[i]);
  if (!same) {
    throw new SetupError(
      'bad_arguments',
      `--draft-model ${draftPath} has another vocabulary than the model (${b?.length ?? 'no'} tokens against ${a?.length ?? 'no'}); a draft model must share the model's tokenizer`,
      { option: 'draft-model', path: draftPath },
    );
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

function loadError(e: unknown, file: ModelFile, plan: ResourcePlan, what: string): SetupError {
  if (e instanceof InsufficientMemoryError) {
    return new SetupError(
      'model_too_big',
      `Not enough memory to load the ${what} of ${file.path} (estimated RAM ${formatBytes(plan.ramNeededBytes)}, VRAM ${formatBytes(plan.vramNeededBytes)}, ${plan.gpuLayers} GPU layers, context ${plan.contextSize}): ${e.message}. Use fewer GPU layers, a smaller context size or a smaller quantization.`,
      {
        path: file.path,
        memory: plan.vramNeededBytes > 0 ? 'vram' : 'ram',
        neededBytes: plan.vramNeededBytes > 0 ? plan.vramNeededBytes : plan.ramNeededBytes,
        contextSize: plan.contextSize,
        gpuLayers: plan.gpuLayers,
      },
    );
  }
  return new SetupError('load_failed', `Could not load ${file.path}: ${firstLine(e)}`, { path: file.path });
}
