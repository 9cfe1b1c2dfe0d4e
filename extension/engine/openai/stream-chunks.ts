// What one streamed JSON chunk says, whichever server sent it. Tolerant by design: vLLM's first delta has
// content "" and llama.cpp's has content null; usage comes on a last chunk with no choices (OpenAI, vLLM) or on
// the finishing chunk (llama.cpp); an error may arrive as a chunk ({"error": {...}}, or vLLM's older
// {"object": "error", "message": ...}).
import type { OpenAIUsage } from '../../../protocol/openai.js';
import { errorBodyMessage } from './errors.js';

export type StreamKind = 'chat' | 'text';

export interface ChunkReading {
  text: string;
  finishReason?: string;
  usage?: OpenAIUsage;
  model?: string;
  /** The server reported a failure inside the stream. */
  error?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function usageOf(v: unknown): OpenAIUsage | undefined {
  if (!isObj(v) || typeof v.prompt_tokens !== 'number' || typeof v.completion_tokens !== 'number') return undefined;
  return v as unknown as OpenAIUsage;
}

export function readChunk(value: unknown, kind: StreamKind): ChunkReading {
  if (!isObj(value)) return { text: '', error: 'a stream event is not a JSON object' };
  if ((value.error !== undefined && value.error !== null) || value.object === 'error') {
    return { text: '', error: errorBodyMessage(JSON.stringify(value)).message ?? 'the server reported an error' };
  }
  const out: ChunkReading = { text: '' };
  if (typeof value.model === 'string') out.model = value.model;
  const usage = usageOf(value.usage);
  if (usage) out.usage = usage;
  const choices = Array.isArray(value.choices) ? value.choices : [];
  // One choice is asked for (n = 1); a server that sends more gets its first read.
  const choice = choices.find((c) => isObj(c) && (c.index === undefined || c.index === 0)) as Obj | undefined;
  if (!choice) return out;
  if (kind === 'chat') {
    const delta = isObj(choice.delta) ? choice.delta : isObj(choice.message) ? choice.message : undefined;
    if (delta && typeof delta.content === 'string') out.text = delta.content;
  } else if (typeof choice.text === 'string') {
    out.text = choice.text;
  }
  if (typeof choice.finish_reason === 'string') out.finishReason = choice.finish_reason;
  return out;
}
