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
   * 'input': predict the answer's next tokens from the prompt itself (input-lookup token prediction), for answers
   * that copy much of their input (translating comments around unchanged code, rewriting attached code). Faster
   * where it matches; the output at temperature 0 is the same as without it.
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
 * Evaluates the prompt `complete` would build for this prefix and suffix into the completion lane's KV cache and
 * generates nothing, at the lowest priority: chat and documentation evaluation go first (between its batches), and
 * the next `complete` or `prefill` from the same connection supersedes it. Ends with `done` (stopReason `none`,
 * `usage.evaluatedInputTokens` = what it evaluated) or the error `cancelled`.
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

export type Request =
  ChatRequest | CompleteRequest | PrefillRequest | RenderRequest | CountRequest | CancelRequest | StatusRequest;
export type RequestType = Request['type'];
export const REQUEST_TYPES: readonly RequestType[] = [
  'chat',
  'complete',
  'prefill',
  'render',
  'count',
  'cancel',
  'status',
];

// ---- events from the backend ----

export interface ChunkEvent {
  id: string;
  type: 'chunk';
  text: string;
}

/**
 * Sent while a `chat` (documentation included) evaluates a long prompt: after each batch, at most every 100 ms,
 * so a client can show "reading 1,200 of 3,400 tokens, about 9 s left".
 */
export interface ProgressEvent {
  id: string;
  type: 'progress';
  /** Prompt tokens evaluated so far by this request (those served from the KV cache not counted). */
  evaluatedTokens: number;
  /** Prompt tokens this request evaluates in all. */
  totalTokens: number;
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
  /**
   * Time the request waited before its evaluation started: behind other work on its lane, or behind
   * higher-priority evaluation on other lanes. Present for `chat`, `complete` and `prefill`.
   */
  queuedMs?: number;
}

/** Measured speeds of the loaded model on this machine, in tokens per second. */
export interface Throughput {
  /** Prompt evaluation. */
  promptTokensPerSecond: number;
  /** Generation, one token after another. */
  decodeTokensPerSecond: number;
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

/** One part of the backend's memory, as the fit check estimates it (model weights, a lane's KV cache, compute buffers). */
export interface MemoryPart {
  /** e.g. "weights", "kv:chat", "kv:docs", "kv:complete", "compute:chat+docs", "compute:complete", "draft". */
  part: string;
  bytes: number;
}

export type LaneName = 'chat' | 'docs' | 'complete';

export interface LaneStatus {
  name: LaneName;
  /** Tokens this lane's sequence holds: prompt and answer together must fit. */
  contextSize: number;
  busy: boolean;
  /** Requests waiting for this lane. */
  queued: number;
  /** Present while the lane evaluates a prompt. */
  evaluating?: { evaluated: number; total: number };
}

export interface StatusResult {
  model: ModelInfo;
  memory: {
    ramFreeBytes: number;
    ramTotalBytes: number;
    vramFreeBytes: number;
    vramTotalBytes: number;
    /** The backend's own memory, part by part (estimated as the fit check does, for the settings it runs with). */
    parts: MemoryPart[];
  };
  sequences: { total: number; inUse: number };
  requestsInFlight: number;
  requestsQueued: number;
  /** Moving averages over recent requests; from the short evaluation at load time until a request has measured. */
  throughput: Throughput & { measuredAt: 'calibration' | 'requests' };
  lanes: LaneStatus[];
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
  /**
   * Present for `complete`, `chat` and `prefill`: this request's own speeds where it had enough tokens to measure
   * them, else the running estimate (see StatusResult.throughput).
   */
  throughput?: Throughput;
  /**
   * Present for a `chat` that used token prediction (predictFrom, or a draft model): tokens the predictor proposed
   * and how many of them the model confirmed. The answer is the model's own either way.
   */
  prediction?: { predictedTokens: number; acceptedTokens: number };
}

export type ErrorCode = 'bad_request' | 'cancelled' | 'busy' | 'context_overflow' | 'terms_not_accepted' | 'internal';

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

export type ServerEvent = ChunkEvent | ProgressEvent | DoneEvent | ErrorEvent;

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
  /** Measured at load time (a short evaluation); `status` has the running figures. */
  throughput?: Throughput;
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
