import type { CountRequest } from '../../protocol/messages.js';
import { RENDER_CONTEXTS } from './render.js';
import type { Handler } from './handler.js';

/**
 * Exact token counts with the model's own tokenizer and chat format (the same code `chat` and `render` use), so
 * a client fits its prompt in one call. Counts beyond RENDER_CONTEXTS contexts are not worth computing: a
 * text that long is reported as that limit plus one, which any client must trim anyway.
 */
export const handleCount: Handler<CountRequest> = async (req, ctx) => {
  const { host } = ctx;
  const contextSize = host.info.contextSize;
  const maxTokens = RENDER_CONTEXTS * contextSize;
  const limits = { maxTokens, contextSize, signal: ctx.signal };
  const prompt =
    req.messages === undefined ? undefined : (await host.chatFormat.prompt(req.messages, limits)).tokens.length;
  const texts: number[] = [];
  for (const text of req.texts ?? []) {
    if (text === '') {
      texts.push(0);
      continue;
    }
    const r = await host.promptTokenizer.text.tokenize(text, { maxTokens, signal: ctx.signal });
    texts.push(r.ok ? r.ids.length : maxTokens + 1);
  }
  return {
    stopReason: 'none',
    usage: { inputTokens: 0, evaluatedInputTokens: 0, outputTokens: 0 },
    count: { ...(prompt === undefined ? {} : { prompt }), texts },
  };
};
