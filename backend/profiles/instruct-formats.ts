// The two "### 指示: / ### 応答:" instruct formats, written out by hand because node-llama-cpp's
// TemplateChatWrapper mis-renders them (see design/node-llama-cpp-notes.md).
import type { ChatMessage } from '../../protocol/messages.js';
import type { PromptPart } from './prompt-parts.js';

export const INSTRUCT_SYSTEM_SENTENCE = '以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。';
const INSTRUCTION = '\n\n### 指示:\n';
const RESPONSE = '\n\n### 応答:\n';

/** Strings that mean the model has started a new turn on its own. */
export const INSTRUCT_STOP_STRINGS = ['\n\n### 指示:', '\n\n### 応答:'];

/**
 * LLM-jp-3 instruct, as its chat template: BOS; the fixed system sentence where a system message stands
 * (whatever its content); user turns after "### 指示:"; assistant turns after "### 応答:" ending in EOS;
 * then "### 応答:" to ask for the answer. Exactly one BOS.
 */
export function llmJp3Prompt(messages: readonly ChatMessage[]): PromptPart[] {
  const parts: PromptPart[] = [{ special: 'bos' }];
  for (const m of messages) {
    if (m.role === 'system') parts.push(INSTRUCT_SYSTEM_SENTENCE);
    else if (m.role === 'user') parts.push(INSTRUCTION + m.content);
    else parts.push(RESPONSE + m.content, { special: 'eos' });
  }
  parts.push(RESPONSE);
  return parts;
}

/**
 * Fugaku-LLM instruct: `{system}\n\n### 指示:\n{instruction}\n\n### 応答:\n`, tokenized without special
 * tokens (no BOS). The system text is the fixed sentence unless the caller gives one. Earlier turns are
 * written in the same shape, one after the other, since the card defines no multi-turn form.
 */
export function fugakuPrompt(messages: readonly ChatMessage[]): PromptPart[] {
  const system = messages.find((m) => m.role === 'system')?.content.trim() || INSTRUCT_SYSTEM_SENTENCE;
  let text = system;
  for (const m of messages) {
    if (m.role === 'user') text += INSTRUCTION + m.content;
    else if (m.role === 'assistant') text += RESPONSE + m.content;
  }
  return [text + RESPONSE];
}
