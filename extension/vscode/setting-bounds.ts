// The bounds of every numeric `fude.*` setting, defined once: the manifest's `minimum`/`maximum` show the
// same numbers (a unit test holds them together), and every place that reads a number clamps it here, so a
// value typed into settings.json past the schema (a workspace's `backend.threads: 100000`) cannot reach a
// process or a request. No `vscode` import: the clamping is pure.

export interface Bound {
  min: number;
  max: number;
  integer: boolean;
}

const int = (min: number, max: number): Bound => ({ min, max, integer: true });
const real = (min: number, max: number): Bound => ({ min, max, integer: false });

export const SETTING_BOUNDS: Record<string, Bound> = {
  /** Layers on the GPU when a number ("auto" and "max" are the other choices); no GGUF model has more. */
  'fude.backend.gpuLayers': int(0, 1000),
  /** Tokens per sequence; 0 is the model's own (capped at 4096). 2^20 is past every published model. */
  'fude.backend.contextSize': int(0, 1_048_576),
  /** 0 is the physical cores. */
  'fude.backend.threads': int(0, 256),
  /** The remote engine's context when the server does not say; as the backend's. */
  'fude.engine.contextSize': int(256, 1_048_576),
  // Timers past 2^31 - 1 ms fire at once in Node, so an unbounded timeout would end every request immediately.
  'fude.engine.connectTimeoutMs': int(100, 600_000),
  'fude.engine.firstTokenTimeoutMs': int(100, 3_600_000),
  'fude.engine.idleTimeoutMs': int(100, 3_600_000),
  'fude.sampling.temperature': real(0, 2),
  'fude.sampling.topP': real(0, 1),
  'fude.sampling.topK': int(0, 1000),
  'fude.sampling.repeatPenalty': real(0, 3),
  /** One chat or documentation answer. */
  'fude.sampling.maxTokens': int(1, 32_768),
  /** One inline suggestion (the backend refuses more than 100,000 for `complete`). */
  'fude.completion.maxTokens': int(1, 2048),
  'fude.completion.timeBudgetMs': int(1, 60_000),
  'fude.completion.firstTextTimeoutMs': int(1, 120_000),
  'fude.completion.promptTokens': int(64, 32_768),
  'fude.completion.firstSuggestionTargetMs': int(200, 30_000),
  'fude.completion.extraContextTokens': int(0, 8192),
};

/** The setting's value within its bounds; `fallback` when it is not a finite number at all. */
export function boundedNumber(key: string, value: unknown, fallback: number): number {
  const bound = SETTING_BOUNDS[key];
  if (bound === undefined) throw new Error(`${key} has no bounds in SETTING_BOUNDS`);
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const v = bound.integer ? Math.trunc(value) : value;
  return Math.min(bound.max, Math.max(bound.min, v));
}

/** Like boundedNumber, but undefined (not the fallback) for a value that is unset or not a number. */
export function optionalBoundedNumber(key: string, value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? boundedNumber(key, value, 0) : undefined;
}
