// What fude-backend says on stdout: one JSON object per line, typed here for both ends. Logs for people
// go to stderr; a program reads these lines and never parses log text.
import { type ModelFamily, type ReadyLine } from './messages.js';
import { SETUP_ERROR_CODES, type SetupErrorCode } from './setup-error.js';

/** The model being loaded, as soon as the backend knows it (before the runtime or the weights are loaded). */
export interface LoadingEvent {
  event: 'loading';
  /** runtime: picking the llama.cpp binary; model: reading the weights; context: allocating the KV cache. */
  stage: 'runtime' | 'model' | 'context';
  model: { name: string; family: ModelFamily; path: string; termsId: string | null };
  /** 0..1 while the weights load, when node-llama-cpp reports it. */
  progress?: number;
}

/**
 * Numbers and names a client needs to word a setup error itself, in the user's language. Each code fills
 * the fields that apply; the message is the backend's English sentence for logs and terminals.
 */
export interface SetupErrorParams {
  path?: string;
  termsId?: string;
  /** model_too_big: which memory and how much is needed against how much is free. */
  memory?: 'ram' | 'vram';
  neededBytes?: number;
  freeBytes?: number;
  contextSize?: number;
  gpuLayers?: number;
  /** bad_arguments: the option at fault. */
  option?: string;
  /** terms_unregistered: where the model's own terms can be read. */
  url?: string;
}

export interface SetupErrorEvent {
  event: 'setup_error';
  code: SetupErrorCode;
  message: string;
  params: SetupErrorParams;
}

export type BackendEvent = LoadingEvent | ReadyLine | SetupErrorEvent;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One stdout line as a typed event, or undefined for anything else (checked, since a process can print anything). */
function parseBackendEvent(line: string): BackendEvent | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObj(v)) return undefined;
  switch (v.event) {
    case 'ready':
      return typeof v.port === 'number' && isObj(v.model) && typeof v.pid === 'number'
        ? (v as unknown as ReadyLine)
        : undefined;
    case 'loading':
      return isObj(v.model) &&
        typeof v.model.name === 'string' &&
        ['runtime', 'model', 'context'].includes(v.stage as string)
        ? (v as unknown as LoadingEvent)
        : undefined;
    case 'setup_error':
      return SETUP_ERROR_CODES.includes(v.code as SetupErrorCode) && typeof v.message === 'string' && isObj(v.params)
        ? (v as unknown as SetupErrorEvent)
        : undefined;
    default:
      return undefined;
  }
}

/** Feeds each complete stdout line of a backend process to `onEvent` as a typed event (other lines to `onOther`). */
export function readBackendEvents(
  stdout: NodeJS.ReadableStream,
  onEvent: (event: BackendEvent) => void,
  onOther: (line: string) => void = () => undefined,
): void {
  let partial = '';
  stdout.setEncoding('utf8');
  stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      const event = parseBackendEvent(line);
      if (event) onEvent(event);
      else onOther(line);
    }
  });
}
