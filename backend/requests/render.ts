import type { LlamaModel, Token } from 'node-llama-cpp';
import type { RenderRequest } from '../../protocol/messages.js';
import type { Handler } from './handler.js';

/** Each token as the vocabulary spells it ("<0xE3>", "▁foo", "<s>"), which shows byte pieces and specials. */
function pieces(model: LlamaModel, tokens: readonly Token[]): string[] {
  const vocab = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
  return tokens.map((t) => (Array.isArray(vocab) && typeof vocab[t] === 'string' ? vocab[t] : model.detokenize([t], true)));
}

/**
 * The exact prompt `chat` would evaluate for these messages, for debugging prompt formats. Tokenizing is
 * synchronous work on the event loop: each render takes its turn in the render queue and first lets the loop
 * run, so other requests' tokens flow between renders and a flood of renders meets the queue's limit.
 */
export const handleRender: Handler<RenderRequest> = (req, ctx) => ctx.host.renderQueue.run(async () => {
  await new Promise((resolve) => setImmediate(resolve));
  if (ctx.signal.aborted) throw ctx.signal.reason;
  const { model, chatFormat } = ctx.host;
  const tokens = chatFormat.tokens(req.messages);
  return {
    stopReason: 'none',
    usage: { inputTokens: tokens.length, evaluatedInputTokens: 0, outputTokens: 0 },
    render: { text: model.detokenize(tokens, true), tokens: tokens.map(Number), pieces: pieces(model, tokens) },
  };
}, ctx.signal);
