import type { ChatRequest } from '../../protocol/messages.js';
import { generate, maxPromptTokens } from '../engine/generate.js';
import { samplingFor } from '../../common/sampling.js';
import type { Handler } from './handler.js';

export const handleChat: Handler<ChatRequest> = async (req, ctx) => {
  const { host } = ctx;
  const contextSize = host.info.contextSize;
  const { tokens } = await host.chatFormat.prompt(req.messages, { maxTokens: maxPromptTokens(contextSize), contextSize, signal: ctx.signal });
  const lane = host.lane(req.lane ?? 'chat');
  const result = await lane.run((sequence) => generate(sequence, host.model, tokens, {
    sampling: samplingFor(host.info.family, req),
    stopStrings: [...host.chatFormat.stopStrings, ...(req.stop ?? [])],
    signal: ctx.signal,
    onText: ctx.chunk,
    backpressure: ctx.backpressure,
  }), ctx.signal);
  return result;
};
