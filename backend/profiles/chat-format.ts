// How a model family turns chat messages into prompt tokens.
import { JinjaTemplateChatWrapper, type ChatHistoryItem, type LlamaModel, type Token } from 'node-llama-cpp';
import type { ChatMessage, ModelFamily } from '../../protocol/messages.js';
import { fugakuPrompt, INSTRUCT_STOP_STRINGS, llmJp3Prompt } from './instruct-formats.js';
import { mergeTextRuns, type PromptPart } from './prompt-parts.js';

/** The model's own chat template refused the messages (e.g. roles that do not alternate): the client's to fix. */
export class ChatTemplateError extends Error {}

export interface ChatFormat {
  /** Shown in logs and `render`, so a user can see which format is in use. */
  name: string;
  tokens(messages: readonly ChatMessage[]): Token[];
  /** Tokens of one text as it would stand inside a prompt (no special tokens), for fitting prompts. */
  countText(text: string): number;
  stopStrings: string[];
}

function partsToTokens(model: LlamaModel, parts: readonly PromptPart[]): Token[] {
  const out: Token[] = [];
  for (const p of mergeTextRuns(parts)) {
    if (typeof p === 'string') out.push(...model.tokenize(p, false));
    else {
      const t = p.special === 'bos' ? model.tokens.bos : model.tokens.eos;
      if (t == null) throw new Error(`the model has no ${p.special.toUpperCase()} token`);
      out.push(t);
    }
  }
  return out;
}

/** A plain format for GGUFs that carry no chat template. */
function plainPrompt(messages: readonly ChatMessage[]): PromptPart[] {
  const parts: PromptPart[] = [{ special: 'bos' }];
  for (const m of messages) {
    if (m.role === 'system') parts.push(`${m.content}\n\n`);
    else if (m.role === 'user') parts.push(`User: ${m.content}\n`);
    else parts.push(`Assistant: ${m.content}\n`);
  }
  parts.push('Assistant:');
  return parts;
}

function toHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const items: ChatHistoryItem[] = messages.map((m): ChatHistoryItem => m.role === 'assistant'
    ? { type: 'model', response: [m.content] }
    : { type: m.role, text: m.content });
  // The answer being asked for is an empty model turn at the end, as node-llama-cpp's LlamaChat does it.
  items.push({ type: 'model', response: [] });
  return items;
}

function ggufTemplateFormat(model: LlamaModel, template: string): ChatFormat {
  const wrapper = new JinjaTemplateChatWrapper({ template, tokenizer: model.tokenizer });
  let stopStrings: string[] = [];
  return {
    name: 'gguf-template',
    countText: (text) => model.tokenize(text, false).length,
    tokens(messages) {
      let state;
      try {
        state = wrapper.generateContextState({ chatHistory: toHistory(messages) });
      } catch (e) {
        throw new ChatTemplateError(`the model's chat template rejected these messages: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
      }
      stopStrings = state.stopGenerationTriggers
        .map((t) => t.values.filter((v): v is string => typeof v === 'string').join(''))
        .filter((s) => s.length > 0);
      return state.contextText.tokenize(model.tokenizer);
    },
    get stopStrings() {
      return stopStrings;
    },
  };
}

export function chatFormatFor(family: ModelFamily, model: LlamaModel): ChatFormat {
  const countText = (text: string) => model.tokenize(text, false).length;
  if (family === 'llm-jp-3') {
    return { name: 'llm-jp-3-instruct', tokens: (m) => partsToTokens(model, llmJp3Prompt(m)), countText, stopStrings: INSTRUCT_STOP_STRINGS };
  }
  if (family === 'fugaku-llm') {
    return { name: 'fugaku-llm-instruct', tokens: (m) => partsToTokens(model, fugakuPrompt(m)), countText, stopStrings: INSTRUCT_STOP_STRINGS };
  }
  const template = model.fileInfo.metadata.tokenizer?.chat_template;
  if (typeof template === 'string' && template.trim() !== '') return ggufTemplateFormat(model, template);
  return { name: 'plain', tokens: (m) => partsToTokens(model, plainPrompt(m)), countText, stopStrings: ['\nUser:'] };
}
