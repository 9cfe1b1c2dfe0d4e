// How a model family turns chat messages into prompt tokens.
import { JinjaTemplateChatWrapper, type ChatHistoryItem, type LlamaModel } from 'node-llama-cpp';
import type { ChatMessage, ModelFamily } from '../../protocol/messages.js';
import { contextOverflow } from '../engine/generate.js';
import { fugakuPrompt, INSTRUCT_STOP_STRINGS, llmJp3Prompt } from './instruct-formats.js';
import { type PromptPart } from './prompt-parts.js';
import { tokenizeParts, type PromptLimits, type PromptTokenizer, type PromptTokens } from './prompt-tokens.js';

/** The model's own chat template refused the messages (e.g. roles that do not alternate): the client's to fix. */
export class ChatTemplateError extends Error {}

export interface ChatFormat {
  /** Shown in logs and `render`, so a user can see which format is in use. */
  name: string;
  /** The prompt's ids (and text); ContextOverflowError once it is certain to exceed `limits.maxTokens`. */
  prompt(messages: readonly ChatMessage[], limits: PromptLimits): Promise<PromptTokens>;
  stopStrings: string[];
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
  const items: ChatHistoryItem[] = messages.map((m): ChatHistoryItem =>
    m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: m.role, text: m.content },
  );
  // The answer being asked for is an empty model turn at the end, as node-llama-cpp's LlamaChat does it.
  items.push({ type: 'model', response: [] });
  return items;
}

function ggufTemplateFormat(model: LlamaModel, template: string, pt: PromptTokenizer): ChatFormat {
  const wrapper = new JinjaTemplateChatWrapper({ template, tokenizer: model.tokenizer });
  let stopStrings: string[] = [];
  return {
    name: 'gguf-template',
    async prompt(messages, limits) {
      let state;
      try {
        state = wrapper.generateContextState({ chatHistory: toHistory(messages) });
      } catch (e) {
        throw new ChatTemplateError(
          `the model's chat template rejected these messages: ${String((e as Error | undefined)?.message ?? e).split('\n')[0]}`,
        );
      }
      stopStrings = state.stopGenerationTriggers
        .map((t) => t.values.filter((v): v is string => typeof v === 'string').join(''))
        .filter((s) => s.length > 0);
      // node-llama-cpp tokenizes the template's text in one synchronous call: refuse a hopeless one first.
      const floor = pt.text.minTokens(state.contextText.toString());
      if (floor > limits.maxTokens) throw contextOverflow(floor, limits.contextSize, false);
      const tokens = state.contextText.tokenize(model.tokenizer);
      if (tokens.length > limits.maxTokens) throw contextOverflow(tokens.length, limits.contextSize, true);
      return { tokens, text: model.detokenize(tokens, true) };
    },
    get stopStrings() {
      return stopStrings;
    },
  };
}

function partsFormat(
  name: string,
  pt: PromptTokenizer,
  build: (m: readonly ChatMessage[]) => PromptPart[],
  stopStrings: string[],
): ChatFormat {
  return { name, stopStrings, prompt: (messages, limits) => tokenizeParts(pt, build(messages), limits) };
}

export function chatFormatFor(family: ModelFamily, model: LlamaModel, pt: PromptTokenizer): ChatFormat {
  if (family === 'llm-jp-3') return partsFormat('llm-jp-3-instruct', pt, llmJp3Prompt, INSTRUCT_STOP_STRINGS);
  if (family === 'fugaku-llm') return partsFormat('fugaku-llm-instruct', pt, fugakuPrompt, INSTRUCT_STOP_STRINGS);
  const template = model.fileInfo.metadata.tokenizer?.chat_template;
  if (typeof template === 'string' && template.trim() !== '') return ggufTemplateFormat(model, template, pt);
  return partsFormat('plain', pt, plainPrompt, ['\nUser:']);
}
