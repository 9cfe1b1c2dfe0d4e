import type { ChatRequest } from '../../protocol/messages.js';
import { generate } from '../engine/generate.js';
import { samplingFor } from '../../common/sampling.js';
import type { Handler } from './handler.js';

export const handleChat: Handler<ChatRequest> = async (req, ctx) => {
  const { host } = ctx;
  const prompt = host.chatFormat.tokens(req.messages);
  const lane = host.lane(req.lane ?? 'chat');
  const result = await lane.run((sequence) => generate(sequence, host.model, prompt, {
    sampling: samplingFor(host.info.family, req),
    stopStrings: [...host.chatFormat.stopStrings, ...(req.stop ?? [])],
    signal: ctx.signal,
    onText: ctx.chunk,
  }), ctx.signal);
  return result;
};
