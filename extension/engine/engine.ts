// The seam between Fude's features and whatever runs the model. Features (chat, documentation, inline
// completion, the language-model provider) talk to an `Engine` and read `ModelStatus`; they never see a
// process, a socket or a server. Fude's own supervised backend is one engine (local/); a remote
// OpenAI-compatible server is another.
import type { ChatLane, ChatMessage, CountResult, SamplingFields, StatusResult } from '../../protocol/messages.js';
import type { StreamEnd, TextStream } from './text-stream.js';

export type EngineKind = 'local' | 'openai';

export interface ChatCall extends SamplingFields {
  messages: ChatMessage[];
  /** Which of the model's sequences (local engine): chat and documentation keep separate KV caches. */
  lane?: ChatLane;
  /** 'input': the answer copies much of the prompt (rewritten code, a translated comment): the engine may predict tokens from it. */
  predictFrom?: 'input';
  /** Called while the engine reads a long prompt (the local backend's `progress` events), before any text. */
  onProgress?: (progress: EvaluationProgress) => void;
}

export interface EvaluationProgress {
  readonly evaluatedTokens: number;
  readonly totalTokens: number;
}

/** The prompt `complete` would build for this prefix/suffix, evaluated into the KV cache ahead of the keystroke. */
export interface PrefillCall {
  prefix: string;
  suffix?: string;
}

export interface CompleteCall {
  prefix: string;
  suffix?: string;
  maxTokens?: number;
  stop?: string[];
  language?: string;
  temperature?: number;
}

export interface CountCall {
  messages?: ChatMessage[];
  texts?: string[];
}

/** What Show Status says beyond ModelStatus: numbers the engine measures on request. */
export interface EngineDetails {
  /** The local backend's own status; absent for engines that cannot report it. */
  backend?: StatusResult;
  /** Remote engines: the server and its measured latency. */
  server?: { baseUrl: string; model: string; latencyMs?: number };
}

export interface Engine {
  readonly kind: EngineKind;
  /**
   * Makes the model usable: starts (or connects to) it when needed and resolves once requests can be sent.
   * Rejects when it cannot; the reason is in ModelStatus (its `failure`), already worded for the user there.
   */
  start(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Streams an answer; aborting `signal` stops the generation in the model. */
  chat(call: ChatCall, signal?: AbortSignal): TextStream;
  complete(call: CompleteCall, signal?: AbortSignal): TextStream;
  /**
   * Warms the completion KV cache with the prompt `complete` would build, generating nothing, at the lowest
   * priority. Resolves with how it ended (usage, throughput); undefined when this engine has no such cache
   * (a remote server). Rejects with `cancelled` when superseded (a newer prefill or complete) or aborted.
   */
  prefill(call: PrefillCall, signal?: AbortSignal): Promise<StreamEnd | undefined>;
  /** Exact token counts from the model's tokenizer, or undefined when this engine cannot count. */
  count(call: CountCall): Promise<CountResult | undefined>;
  details(): Promise<EngineDetails>;
  dispose(): Promise<void>;
}
