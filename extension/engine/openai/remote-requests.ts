// The bodies the remote engine sends, built the way Fude's own backend would run the same request.
// Chat: plain messages (the server applies the model's own chat template) with the family's sampling defaults
// where the person set none. Completion: Fude builds the prompt, and for every family Fude knows (LLM-jp-3,
// Fugaku-LLM, generic) the prompt of prefix completion is the raw code before the cursor, as in
// backend/requests/complete.ts (the server adds the BOS token its tokenizer wants); the suffix goes only to a
// server that takes it, otherwise generation stops where it would run into the suffix's first line.
import { COMPLETION_SAMPLING, samplingFor } from '../../../common/sampling.js';
import { suffixStop } from '../../../common/suffix-stop.js';
import type { ChatCall, CompleteCall } from '../engine.js';
import type { ChatOptions, CompletionOptions } from './openai-engine-client.js';
import type { RemoteModelFacts } from './remote-model.js';

export function chatOptions(call: ChatCall, model: Pick<RemoteModelFacts, 'family'>): Omit<ChatOptions, 'signal'> {
  const s = samplingFor(model.family, call);
  return {
    // Only what the server's template reads: role and content.
    messages: call.messages.map((m) => ({ role: m.role, content: m.content })),
    maxTokens: s.maxTokens,
    temperature: s.temperature,
    topP: s.topP,
    ...(s.seed !== undefined ? { seed: s.seed } : {}),
  };
}

export interface CompletionPlan {
  options: Omit<CompletionOptions, 'signal'>;
  /** How the prompt was built: 'fim' when the server fills in the middle itself. */
  mode: 'fim' | 'prefix';
}

export function completionOptions(
  call: CompleteCall,
  model: Pick<RemoteModelFacts, 'acceptsSuffix' | 'fim'>,
): CompletionPlan {
  const stop = [...(call.stop ?? [])];
  const sendSuffix = model.acceptsSuffix && call.suffix !== undefined && call.suffix !== '';
  if (!sendSuffix) {
    const atSuffix = suffixStop(call.suffix);
    if (atSuffix && !stop.includes(atSuffix)) stop.push(atSuffix);
  }
  return {
    options: {
      prompt: call.prefix,
      ...(sendSuffix ? { suffix: call.suffix } : {}),
      maxTokens: call.maxTokens ?? COMPLETION_SAMPLING.maxTokens,
      temperature: call.temperature ?? COMPLETION_SAMPLING.temperature,
      topP: COMPLETION_SAMPLING.topP,
      ...(stop.length > 0 ? { stop } : {}),
    },
    mode: sendSuffix && model.fim ? 'fim' : 'prefix',
  };
}
