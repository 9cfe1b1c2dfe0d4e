// What `fude-models` prints with --json (one JSON object a line) and the extension reads back: typed once here,
// validated at the extension's edge (parseModelsLine), so neither side guesses the other's shape.

/** Stable failure codes of the model manager (downloads, fit checks, the models folder). */
export type ModelsErrorCode =
  | 'bad_input' // a malformed URL, option or catalog entry
  | 'auth_required' // 401/403: the repository needs a (valid) Hugging Face token
  | 'not_found' // 404: no such repository or file
  | 'rate_limited' // 429, still refused after waiting as the server asked
  | 'server_error' // 5xx, still failing after the retries
  | 'network' // the connection kept failing; the retries gave up
  | 'not_gguf' // the server sent something that is not a GGUF file (an HTML or JSON page, another format)
  | 'checksum_mismatch' // SHA-256 differs from the one expected
  | 'size_mismatch' // the size differs from the one expected
  | 'disk_full' // not enough free space (checked first, or the disk filled up while writing)
  | 'busy' // another download of the same file is running
  | 'cancelled'
  | 'io' // reading or writing a local file failed
  | 'fit_failed'; // the GGUF header could not be read or estimated

export const MODELS_ERROR_CODES: readonly ModelsErrorCode[] = [
  'bad_input',
  'auth_required',
  'not_found',
  'rate_limited',
  'server_error',
  'network',
  'not_gguf',
  'checksum_mismatch',
  'size_mismatch',
  'disk_full',
  'busy',
  'cancelled',
  'io',
  'fit_failed',
];

/** Exit codes of fude-models: 2 for what the user must change (input, token, checksum), 1 for what may pass. */
export function exitCodeFor(code: ModelsErrorCode): number {
  switch (code) {
    case 'bad_input':
    case 'auth_required':
    case 'not_found':
    case 'not_gguf':
    case 'checksum_mismatch':
    case 'size_mismatch':
    case 'busy':
    case 'fit_failed':
      return 2;
    case 'cancelled':
      return 130;
    default:
      return 1;
  }
}

export type FitVerdictKind = 'fits' | 'cpu_only' | 'does_not_fit';

/** The fit check's answer for one model at one configuration, with the numbers behind it. */
export interface FitReport {
  /** The file, URL or hf: URI as given. */
  target: string;
  verdict: FitVerdictKind;
  /** One line a person can read: the verdict and the numbers. */
  summary: string;
  name: string;
  architecture: string;
  /** The file size (bytes) when known. */
  fileBytes: number | null;
  gpu: string | false;
  gpuLayers: number;
  totalLayers: number;
  contextSize: number;
  trainContextSize: number;
  sequences: number;
  ramNeededBytes: number;
  vramNeededBytes: number;
  /** Free RAM plus free swap. */
  ramAvailableBytes: number;
  vramFreeBytes: number;
  /** When the GPU plan did not fit but a CPU-only one does: that plan's RAM. */
  cpuOnlyRamNeededBytes: number | null;
  /**
   * The plan's memory part by part (weights, each lane's KV cache, compute buffers), as the backend's `status`
   * reports it: `{part: "weights" | "kv:chat" | "kv:docs" | "kv:complete" | "compute:…", bytes}`. Absent in
   * reports from older versions.
   */
  parts?: Array<{ part: string; bytes: number }>;
  /** The completion lane's context (tokens) and the KV-cache type of the plan. */
  completeContextSize?: number;
  kvCacheType?: string;
}

export type ModelsLine =
  | {
      event: 'start';
      url: string;
      target: string;
      totalBytes: number | null;
      resumedFromBytes: number;
      expectedSha256: string | null;
    }
  | {
      event: 'progress';
      receivedBytes: number;
      totalBytes: number | null;
      bytesPerSecond: number;
      etaSeconds: number | null;
    }
  | {
      event: 'notice';
      kind: 'retry' | 'restart_no_range' | 'restart_changed' | 'resume' | 'already_present' | 'waiting';
      message: string;
    }
  | { event: 'verifying'; path: string }
  | { event: 'done'; path: string; sizeBytes: number; sha256: string }
  | { event: 'fit'; report: FitReport }
  | {
      event: 'model';
      path: string;
      sizeBytes: number;
      source: string | null;
      sha256: string | null;
      downloadedAt: string | null;
      lastUsedAt: string | null;
      partial: boolean;
    }
  | { event: 'verified'; path: string; sizeBytes: number; sha256: string }
  | { event: 'removed'; path: string }
  | {
      event: 'error';
      code: ModelsErrorCode;
      message: string;
      target?: string;
      partialPath?: string;
      partialBytes?: number;
    };

const EVENTS = new Set([
  'start',
  'progress',
  'notice',
  'verifying',
  'done',
  'fit',
  'model',
  'verified',
  'removed',
  'error',
]);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FIT_NUMBERS = [
  'gpuLayers',
  'totalLayers',
  'contextSize',
  'trainContextSize',
  'sequences',
  'ramNeededBytes',
  'vramNeededBytes',
  'ramAvailableBytes',
  'vramFreeBytes',
] as const;

function validFitReport(r: unknown): r is FitReport {
  if (!isObj(r)) return false;
  if (
    typeof r.target !== 'string' ||
    typeof r.summary !== 'string' ||
    typeof r.name !== 'string' ||
    typeof r.architecture !== 'string'
  )
    return false;
  if (r.verdict !== 'fits' && r.verdict !== 'cpu_only' && r.verdict !== 'does_not_fit') return false;
  if (!(r.gpu === false || typeof r.gpu === 'string')) return false;
  if (!(r.fileBytes === null || typeof r.fileBytes === 'number')) return false;
  if (!(r.cpuOnlyRamNeededBytes === null || typeof r.cpuOnlyRamNeededBytes === 'number')) return false;
  return FIT_NUMBERS.every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

/**
 * One line of `fude-models ... --json` output, or undefined for anything else (the CLI never prints other lines
 * on stdout, but a reader must not trust that). Only the fields the extension reads are checked deeply.
 */
export function parseModelsLine(line: string): ModelsLine | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObj(v) || typeof v.event !== 'string' || !EVENTS.has(v.event)) return undefined;
  if (v.event === 'fit' && !validFitReport(v.report)) return undefined;
  if (v.event === 'error' && (typeof v.message !== 'string' || !MODELS_ERROR_CODES.includes(v.code as ModelsErrorCode)))
    return undefined;
  if (
    (v.event === 'done' || v.event === 'verified' || v.event === 'model' || v.event === 'removed') &&
    typeof v.path !== 'string'
  )
    return undefined;
  if (v.event === 'progress' && typeof v.receivedBytes !== 'number') return undefined;
  return v as ModelsLine;
}
