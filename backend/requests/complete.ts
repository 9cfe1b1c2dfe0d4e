// Code completion: fill-in-the-middle where the model has FIM tokens, otherwise prefix completion that
// stops where the text would run into the suffix.
import type { LlamaModel } from 'node-llama-cpp';
import type { CompleteRequest } from '../../protocol/messages.js';
import { generate, maxPromptTokens } from '../engine/generate.js';
import { PRIORITY } from '../engine/scheduler.js';
import type { PromptPart } from '../profiles/prompt-parts.js';
import {
  tokenizeParts,
  type PromptLimits,
  type PromptTokenizer,
  type PromptTokens,
} from '../profiles/prompt-tokens.js';
import { COMPLETION_SAMPLING } from '../../common/sampling.js';
import { suffixStop } from '../../common/suffix-stop.js';
import type { HandlerContext, Handler } from './handler.js';
import { runOnLane } from './lane-job.js';

/**
 * The completion prompt: BOS by the family's policy (LLM-jp-3 yes, Fugaku-LLM never, others as the GGUF
 * says), then the prefix; in FIM mode PSM order (prefix, suffix, middle), the one FIM models are trained on
 * most widely. The FIM markers are ids, never parsed from text.
 */
export function completionPrompt(
  model: LlamaModel,
  pt: PromptTokenizer,
  prefix: string,
  suffix: string,
  fim: boolean,
  limits: PromptLimits,
): Promise<PromptTokens> {
  const parts: PromptPart[] = pt.completionBos ? [{ special: 'bos' }] : [];
  if (!fim) parts.push(prefix);
  else {
    const { prefix: pre, suffix: suf, middle: mid } = model.tokens.infill;
    parts.push({ id: pre! }, prefix, { id: suf! }, suffix, { id: mid! });
  }
  return tokenizeParts(pt, parts, limits);
}

/** The completion prompt's tokens for the completion lane, whose context may be smaller than chat's. */
export async function completionTokens(ctx: HandlerContext, prefix: string, suffix: string): Promise<PromptTokens> {
  const { host } = ctx;
  const contextSize = host.lane('complete').sequence.contextSize;
  return completionPrompt(host.model, host.promptTokenizer, prefix, suffix, host.info.fim, {
    maxTokens: maxPromptTokens(contextSize),
    contextSize,
    signal: ctx.signal,
    completion: true,
  });
}

export const handleComplete: Handler<CompleteRequest> = async (req, ctx) => {
  const { host } = ctx;
  const fim = host.info.fim;
  const { tokens } = await completionTokens(ctx, req.prefix, req.suffix ?? '');
  const stops = [...(req.stop ?? [])];
  const atSuffix = suffixStop(req.suffix);
  if (!fim && atSuffix) stops.push(atSuffix);
  const sampling = {
    ...COMPLETION_SAMPLING,
    maxTokens: req.maxTokens ?? COMPLETION_SAMPLING.maxTokens,
    temperature: req.temperature ?? COMPLETION_SAMPLING.temperature,
  };
  return runOnLane(ctx, host.lane('complete'), PRIORITY.complete, async (job) => {
    const result = await generate(job.sequence, host.model, tokens, {
      sampling,
      stopStrings: stops,
      signal: ctx.signal,
      onText: ctx.chunk,
      backpressure: ctx.backpressure,
      ticket: job.ticket,
      evaluationPriority: job.evaluationPriority,
      chunkTokens: job.chunkTokens,
      onProgress: job.onProgress,
    });
    const { throughput, queuedMs } = job.finish(result.measured, result.firstWaitMs);
    return { stopReason: result.stopReason, usage: result.usage, mode: fim ? 'fim' : 'prefix', throughput, queuedMs };
  });
};
