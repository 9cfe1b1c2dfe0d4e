import type { LlamaModel, Token } from 'node-llama-cpp';
import type { RenderRequest } from '../../protocol/messages.js';
import type { Handler } from './handler.js';

/** Each token as the vocabulary spells it ("<0xE3>", "▁foo", "<s>"), which shows byte pieces and specials. */
function pieces(model: LlamaModel, tokens: readonly Token[]): string[] {
  const vocab = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
  return tokens.map((t) => (Array.isArray(vocab) && typeof vocab[t] === 'string' ? vocab[t] : model.detokenize([t], true)));
}

/** The exact prompt `chat` would evaluate for these messages, for debugging prompt formats. */
export const handleRender: Handler<RenderRequest> = async (req, ctx) => {
  const { model, chatFormat } = ctx.host;
  const tokens = chatFormat.tokens(req.messages);
  return {
    stopReason: 'none',
    usage: { inputTokens: tokens.length, evaluatedInputTokens: 0, outputTokens: 0 },
    render: { text: model.detokenize(tokens, true), tokens: tokens.map(Number), pieces: pieces(model, tokens) },
  };
};
