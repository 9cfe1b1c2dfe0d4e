import type { RenderRequest } from '../../protocol/messages.js';
import { maxPromptTokens } from '../engine/generate.js';
import { nextTurn } from '../tokenizer/unigram-encoder.js';
import { completionPrompt } from './complete.js';
import type { Handler } from './handler.js';

/**
 * Render counts prompts longer than the context too (the extension fits conversations with it), up to this
 * many contexts' worth; a longer one is refused as context_overflow before it is tokenized whole.
 */
export const RENDER_CONTEXTS = 8;
const LONG_RENDER_TOKENS = 10_000;

/**
 * The exact ids `chat` (messages) or `complete` (prefix, suffix) would evaluate, built by the same code,
 * with each id as the vocabulary spells it ("<s>", "▁以下", "<0x0A>") and the prompt's text. Tokenizing is work
 * on the event loop: each render takes its turn in the render queue and first lets the loop run, so other
 * requests' tokens flow between renders and a flood of renders meets the queue's limit.
 */
export const handleRender: Handler<RenderRequest> = (req, ctx) =>
  ctx.host.renderQueue.run(async () => {
    await new Promise((resolve) => setImmediate(resolve));
    if (ctx.signal.aborted) throw ctx.signal.reason;
    const { host } = ctx;
    const contextSize = host.info.contextSize;
    const limits = {
      maxTokens: Math.max(maxPromptTokens(contextSize), RENDER_CONTEXTS * contextSize),
      contextSize,
      signal: ctx.signal,
    };
    const prompt =
      req.prefix !== undefined
        ? await completionPrompt(host.model, host.promptTokenizer, req.prefix, req.suffix ?? '', host.info.fim, limits)
        : await host.chatFormat.prompt(req.messages ?? [], limits);
    const { tokens } = prompt;
    const pieces = tokens.map((t) => host.promptTokenizer.spell(t));
    // A long render's reply is megabytes of JSON: serialise it on a later turn, so others are served first.
    if (tokens.length > LONG_RENDER_TOKENS) await nextTurn();
    return {
      stopReason: 'none',
      usage: { inputTokens: tokens.length, evaluatedInputTokens: 0, outputTokens: 0 },
      render: { text: prompt.text, tokens: tokens.map(Number), pieces },
    };
  }, ctx.signal);
