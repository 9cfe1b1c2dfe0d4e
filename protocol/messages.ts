// The wire protocol between the extension (or any client) and fude-backend.
// JSON text frames over a WebSocket. Typed once here; validated at the backend's edge (validate.ts).

export type Role = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: Role;
  content: string;
}

/** Sampling fields a request may set; unset fields take the model profile's defaults. */
export interface SamplingFields {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  repeatPenalty?: number;
  seed?: number;
}

/** Which context sequence a chat-style request runs on, so one kind of work never evicts another's KV cache. */
export type ChatLane = 'chat' | 'docs';

export interface ChatRequest extends SamplingFields {
  id: string;
  type: 'chat';
  messages: ChatMessage[];
  lane?: ChatLane;
  /** Extra stop strings, besides the chat format's own end markers. */
  stop?: string[];
  /**
   * 'input': the answer copies much of the prompt (a rewrite of attached code, a translation of a comment), so the
   * backend predicts tokens from the input (node-llama-cpp's InputLookupTokenPredictor). Same output at temperature 0.
   */
  predictFrom?: 'input';
}

export interface CompleteRequest {
  id: string;
  type: 'complete';
  prefix: string;
  suffix?: string;
  maxTokens?: number;
  stop?: string[];
  language?: string;
  temperature?: number;
  topP?: number;
  seed?: number;
}

/**
 * The exact prompt a request would evaluate, without evaluating it: `messages` as `chat` (and the
 * documentation lane) would send them, or `prefix` (and `suffix`) as `complete` would. Exactly one of the two.
 */
export interface RenderRequest {
  id: string;
  type: 'render';
  messages?: ChatMessage[];
  prefix?: string;
  suffix?: string;
}

/**
 * Token counts for fitting a prompt in one round trip: `messages` rendered in the model's chat format
 * (template and special tokens included, as `chat` would evaluate them) and each of `texts` on its own.
 */
export interface CountRequest {
  id: string;
  type: 'count';
  messages?: ChatMessage[];
  texts?: string[];
}

/**
 * Evaluates the completion prompt that `complete` would build for this prefix/suffix into the complete lane's
 * KV cache, generating nothing, at the lowest priority. A `complete` from the same connection supersedes it;
 * chat and docs evaluation preempt it. Ends with `done` (`usage.evaluatedInputTokens`, `stopReason: 'none'`)
 * or `cancelled`.
 */
export interface PrefillRequest {
  id: string;
  type: 'prefill';
  prefix: string;
  suffix?: string;
}

export interface CancelRequest {
  id: string;
  type: 'cancel';
  target: string;
}

export interface StatusRequest {
  id: string;
  type: 'status';
}

export type Request = ChatRequest | CompleteRequest | RenderRequest | CountRequest | CancelRequest | StatusRequest;
export type RequestType = Request['type'];
export const REQUEST_TYPES: readonly RequestType[] = ['chat', 'complete', 'render', 'count', 'cancel', 'status'];

// ---- events from the backend ----

export interface ChunkEvent {
  id: string;
  type: 'chunk';
  text: string;
}

/** Why a generation ended. `stop`: a stop string (or, for completions, the start of the suffix) was reached. */
export type StopReason = 'eos' | 'maxTokens' | 'stop' | 'cancelled' | 'none';

export interface Usage {
  /** Tokens in the prompt. */
  inputTokens: number;
  /** Prompt tokens actually evaluated; the rest came from the sequence's KV cache. */
  evaluatedInputTokens: number;
  outputTokens: number;
}

export interface Timings {
  /** From the request's arrival to its first chunk (0 when there was none). */
  firstTokenMs: number;
  totalMs: number;
  /** Time the request waited before its evaluation started (behind other work on its lane or higher-priority evaluation). */
  queuedMs?: number;
}

/** Measured speeds of prompt evaluation and decoding, in tokens per second. */
export interface Throughput {
  promptTokensPerSecond: number;
  decodeTokensPerSecond: number;
}

/** One lane (context sequence) of the backend, as `status` reports it. */
export interface LaneStatus {
  name: 'chat' | 'docs' | 'complete';
  contextSize: number;
  busy: boolean;
  queued: number;
  /** Present while a prompt is being evaluated. */
  evaluating?: { evaluated: number; total: number };
}

export interface RenderResult {
  text: string;
  tokens: number[];
  /** The tokens as the model's vocabulary spells them, to read special tokens and byte pieces. */
  pieces: string[];
}

export interface CountResult {
  /** Tokens of `messages` as a whole prompt; absent when no messages were given. */
  prompt?: number;
  /** Tokens of each text, in order. */
  texts: number[];
}

export interface StatusResult {
  model: ModelInfo;
  memory: {
    ramFreeBytes: number; ramTotalBytes: number; vramFreeBytes: number; vramTotalBytes: number;
    /** Weights, each lane's KV cache, compute buffers, ... (issue 14 contract; optional until the backend reports it). */
    parts?: Array<{ part: string; bytes: number }>;
  };
  sequences: { total: number; inUse: number };
  requestsInFlight: number;
  requestsQueued: number;
  /** The backend's measured speeds (issue 14 contract; optional until the backend reports it). */
  throughput?: Throughput & { measuredAt: 'calibration' | 'requests' };
  /** Each lane's state (issue 14 contract; optional until the backend reports it). */
  lanes?: LaneStatus[];
}

export interface DoneEvent {
  id: string;
  type: 'done';
  stopReason: StopReason;
  usage: Usage;
  timings: Timings;
  /** Present for `render`. */
  render?: RenderResult;
  /** Present for `status`. */
  status?: StatusResult;
  /** Present for `count`. */
  count?: CountResult;
  /** Present for `complete`: how the prompt was built. */
  mode?: 'fim' | 'prefix';
  /** `complete`, `chat` and `prefill`: this request's own speeds where it had enough tokens to measure, else the lane's estimate. */
  throughput?: Throughput;
}

export type ErrorCode =
  | 'bad_request'
  | 'cancelled'
  | 'busy'
  | 'context_overflow'
  | 'terms_not_accepted'
  | 'internal';


export interface ErrorEvent {
  /**
   * The refused request's id; null when the request was too malformed to carry one, or when its id is that of
   * a request still in flight on the connection (a duplicate): then `field` is "id", and the live request
   * still ends with its own done or error.
   */
  id: string | null;
  type: 'error';
  code: ErrorCode;
  message: string;
  /** For bad_request: the offending field's path, e.g. `messages[2].role`. */
  field?: string;
}

/** Sent while a `chat` (docs too) evaluates a long prompt: every batch, at most every 100 ms. */
export interface ProgressEvent {
  id: string;
  type: 'progress';
  evaluatedTokens: number;
  totalTokens: number;
}

export type ServerEvent = ChunkEvent | DoneEvent | ErrorEvent | ProgressEvent;

// ---- the ready line and model facts ----

export type ModelFamily = 'llm-jp-3' | 'fugaku-llm' | 'generic';
export const MODEL_FAMILIES: readonly ModelFamily[] = ['llm-jp-3', 'fugaku-llm', 'generic'];

export type GpuKind = 'cuda' | 'metal' | 'vulkan' | false;

export interface ModelInfo {
  name: string;
  family: ModelFamily;
  path: string;
  contextSize: number;
  trainContextSize: number;
  gpu: GpuKind;
  gpuLayers: number;
  totalLayers: number;
  fim: boolean;
  termsId: string | null;
}

/** The single JSON line the backend prints on stdout once it serves. */
export interface ReadyLine {
  event: 'ready';
  port: number;
  host: string;
  pid: number;
  model: ModelInfo;
  threads: number;
  loadMs: number;
  /** Present only when the backend made its own token (FUDE_BACKEND_TOKEN unset). */
  token?: string;
  warnings: string[];
}

/** Exit codes of the backend process. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** Bad arguments, model missing/corrupt/too big, terms not accepted: the message on stderr says what to do. */
export const EXIT_BAD_SETUP = 2;

/** Name of the environment variable that carries the per-launch token. */
export const TOKEN_ENV = 'FUDE_BACKEND_TOKEN';
/** Largest accepted frame; bigger ones close the socket (code 1009). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** Requests one connection may have in flight (status and render included); more are answered `busy`. */
export const MAX_REQUESTS_IN_FLIGHT = 16;
