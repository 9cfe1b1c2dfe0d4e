// Code completion: fill-in-the-middle where the model has FIM tokens, otherwise prefix completion that
// stops where the text would run into the suffix.
import type { LlamaModel, Token } from 'node-llama-cpp';
import type { CompleteRequest } from '../../protocol/messages.js';
import { generate } from '../engine/generate.js';
import { COMPLETION_SAMPLING } from '../../common/sampling.js';
import type { Handler } from './handler.js';
import { suffixStop } from '../../common/suffix-stop.js';

function bos(model: LlamaModel): Token[] {
  return model.tokens.shouldPrependBosToken && model.tokens.bos != null ? [model.tokens.bos] : [];
}

function completionPrompt(model: LlamaModel, prefix: string, suffix: string, fim: boolean): Token[] {
  if (!fim) return [...bos(model), ...model.tokenize(prefix, false)];
  const { prefix: pre, suffix: suf, middle: mid } = model.tokens.infill;
  // PSM order (prefix, suffix, middle), the one FIM models are trained on most widely.
  return [...bos(model), pre!, ...model.tokenize(prefix, false), suf!, ...model.tokenize(suffix, false), mid!];
}

export const handleComplete: Handler<CompleteRequest> = async (req, ctx) => {
  const { host } = ctx;
  const fim = host.info.fim;
  const prompt = completionPrompt(host.model, req.prefix, req.suffix ?? '', fim);
  const stops = [...(req.stop ?? [])];
  const atSuffix = suffixStop(req.suffix);
  if (!fim && atSuffix) stops.push(atSuffix);
  const sampling = {
    ...COMPLETION_SAMPLING,
    maxTokens: req.maxTokens ?? COMPLETION_SAMPLING.maxTokens,
    temperature: req.temperature ?? COMPLETION_SAMPLING.temperature,
    topP: req.topP ?? COMPLETION_SAMPLING.topP,
    seed: req.seed,
  };
  const result = await host.lane('complete').run((sequence) => generate(sequence, host.model, prompt, {
    sampling, stopStrings: stops, signal: ctx.signal, onText: ctx.chunk,
  }), ctx.signal);
  return { ...result, mode: fim ? 'fim' : 'prefix' };
};
