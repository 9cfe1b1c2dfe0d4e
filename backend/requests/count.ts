import type { CountRequest } from '../../protocol/messages.js';
import type { Handler } from './handler.js';

/** Exact token counts with the model's own tokenizer and chat format, so a client fits its prompt in one call. */
export const handleCount: Handler<CountRequest> = async (req, ctx) => {
  const { chatFormat } = ctx.host;
  const prompt = req.messages === undefined ? undefined : chatFormat.tokens(req.messages).length;
  const texts = (req.texts ?? []).map((t) => chatFormat.countText(t));
  return {
    stopReason: 'none',
    usage: { inputTokens: 0, evaluatedInputTokens: 0, outputTokens: 0 },
    count: { ...(prompt === undefined ? {} : { prompt }), texts },
  };
};
