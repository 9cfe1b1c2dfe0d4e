// Command-line options of fude-backend. Parsing is node's own util.parseArgs; the checks are ours.
import { parseArgs } from 'node:util';
import { MODEL_FAMILIES, type ModelFamily } from '../protocol/messages.js';
import { CHUNK_INTERVAL_MS } from './server/chunk-coalescer.js';
import {
  DEFAULT_COMPLETE_CONTEXT,
  DEFAULT_KV_CACHE_TYPE,
  KV_CACHE_TYPES,
  type KvCacheType,
} from './engine/lane-layout.js';

export type GpuChoice = 'auto' | 'cuda' | 'metal' | 'vulkan' | 'cpu';
export type GpuLayersChoice = 'auto' | 'max' | number;

export interface BackendOptions {
  model: string;
  host: string;
  port: number;
  gpu: GpuChoice;
  gpuLayers: GpuLayersChoice;
  threads?: number;
  contextSize?: number;
  /** Tokens of the completion lane (default: DEFAULT_COMPLETE_CONTEXT, at most the context size). */
  completeContextSize?: number;
  kvCacheType: KvCacheType;
  /** A small model of the same vocabulary that drafts chat and documentation answers. */
  draftModel?: string;
  /** on: completion before chat before prefill between prompt chunks; off: lanes share as node-llama-cpp batches them. */
  priorities: boolean;
  /** Map the model file (on), read it into memory (off), or auto: read it where the weights stay on the CPU. */
  mmap: 'auto' | 'on' | 'off';
  /** Streamed text after the first piece is joined into one message per this many milliseconds (0: a message per piece). */
  chunkIntervalMs: number;
  family?: ModelFamily;
  acceptTerms: string[];
  allowRemote: boolean;
  exitWithStdin: boolean;
  parentPid?: number;
  /** Waiting requests allowed per lane before `busy`. */
  queueLimit: number;
}

export const USAGE = `Usage: fude-backend --model FILE.gguf [options]
  --host H              address to listen on (default 127.0.0.1; others need --allow-remote)
  --port N              port (default 0: a free one)
  --gpu G               auto|cuda|metal|vulkan|cpu (default auto)
  --gpu-layers L        auto|max|N (default auto: as many as fit)
  --threads N           CPU threads (default: physical cores)
  --context-size N      tokens of the chat and documentation lanes (default: the model's, capped at 4096)
  --complete-context-size N
                        tokens of the completion lane (default ${DEFAULT_COMPLETE_CONTEXT}, at most --context-size)
  --kv-cache-type T     f16|q8_0 (default ${DEFAULT_KV_CACHE_TYPE}: half the memory of f16)
  --draft-model FILE    a small GGUF with the same vocabulary that drafts chat answers (token prediction)
  --priorities on|off   on (default): completion, then chat and docs, then prefill, between prompt chunks;
                        off: lanes share the cores as node-llama-cpp batches them (for comparison)
  --mmap auto|on|off    map the model file, or read it (auto: read it where the weights stay on the CPU)
  --chunk-interval-ms N join streamed text after the first piece per N ms (default ${CHUNK_INTERVAL_MS}; 0: one message a piece)
  --family F            llm-jp-3|fugaku-llm|generic (default: from GGUF metadata and file name)
  --accept-terms ID     accept the model's terms of use (repeatable)
  --allow-remote        allow a non-loopback --host (the token is still required)
  --exit-with-stdin     exit when stdin closes (for a parent process)
  --parent-pid N        exit when process N goes away (default: the parent process)
  --queue-limit N       waiting requests per lane before "busy" (default 8)
Environment: FUDE_BACKEND_TOKEN  the bearer token clients must send (made per launch if unset)`;

export class ArgsError extends Error {
  /** The option at fault, when one is. */
  constructor(
    message: string,
    readonly option?: string,
  ) {
    super(message);
  }
}

function positiveInt(name: string, v: string | undefined, min = 1): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new ArgsError(`--${name} must be an integer >= ${min}, got "${v}"`, name);
  return n;
}

export function parseBackendArgs(argv: string[]): BackendOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        model: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '0' },
        gpu: { type: 'string', default: 'auto' },
        'gpu-layers': { type: 'string', default: 'auto' },
        threads: { type: 'string' },
        'context-size': { type: 'string' },
        'complete-context-size': { type: 'string' },
        'kv-cache-type': { type: 'string', default: DEFAULT_KV_CACHE_TYPE },
        'draft-model': { type: 'string' },
        priorities: { type: 'string', default: 'on' },
        mmap: { type: 'string', default: 'auto' },
        'chunk-interval-ms': { type: 'string', default: String(CHUNK_INTERVAL_MS) },
        family: { type: 'string' },
        'accept-terms': { type: 'string', multiple: true, default: [] },
        'allow-remote': { type: 'boolean', default: false },
        'exit-with-stdin': { type: 'boolean', default: false },
        'parent-pid': { type: 'string' },
        'queue-limit': { type: 'string', default: '8' },
      },
    }));
  } catch (e) {
    throw new ArgsError((e as Error).message);
  }
  if (!values.model) throw new ArgsError('--model FILE.gguf is required', 'model');
  const gpu = values.gpu as GpuChoice;
  if (!['auto', 'cuda', 'metal', 'vulkan', 'cpu'].includes(gpu))
    throw new ArgsError(`--gpu must be auto, cuda, metal, vulkan or cpu, got "${gpu}"`, 'gpu');
  const layersRaw = values['gpu-layers'];
  const gpuLayers: GpuLayersChoice =
    layersRaw === 'auto' || layersRaw === 'max' ? layersRaw : positiveInt('gpu-layers', layersRaw, 0)!;
  const family = values.family as ModelFamily | undefined;
  if (family !== undefined && !MODEL_FAMILIES.includes(family))
    throw new ArgsError(`--family must be one of ${MODEL_FAMILIES.join(', ')}, got "${family}"`, 'family');
  const kvCacheType = values['kv-cache-type'] as KvCacheType;
  if (!KV_CACHE_TYPES.includes(kvCacheType))
    throw new ArgsError(
      `--kv-cache-type must be one of ${KV_CACHE_TYPES.join(', ')}, got "${kvCacheType}"`,
      'kv-cache-type',
    );
  const priorities = values.priorities;
  if (priorities !== 'on' && priorities !== 'off')
    throw new ArgsError(`--priorities must be on or off, got "${priorities}"`, 'priorities');
  const mmap = values.mmap as BackendOptions['mmap'];
  if (!['auto', 'on', 'off'].includes(mmap))
    throw new ArgsError(`--mmap must be auto, on or off, got "${mmap}"`, 'mmap');
  const port = positiveInt('port', values.port, 0)!;
  if (port > 65535) throw new ArgsError(`--port must be at most 65535, got ${port}`, 'port');
  return {
    model: values.model,
    host: values.host,
    port,
    gpu,
    gpuLayers,
    threads: positiveInt('threads', values.threads),
    contextSize: positiveInt('context-size', values['context-size'], 64),
    completeContextSize: positiveInt('complete-context-size', values['complete-context-size'], 64),
    kvCacheType,
    draftModel: values['draft-model'],
    priorities: priorities === 'on',
    mmap,
    chunkIntervalMs: positiveInt('chunk-interval-ms', values['chunk-interval-ms'], 0)!,
    family,
    acceptTerms: values['accept-terms'] ?? [],
    allowRemote: values['allow-remote'] ?? false,
    exitWithStdin: values['exit-with-stdin'] ?? false,
    parentPid: positiveInt('parent-pid', values['parent-pid']),
    queueLimit: positiveInt('queue-limit', values['queue-limit'], 0)!,
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}
