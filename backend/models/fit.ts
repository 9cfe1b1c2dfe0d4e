// Will this model fit this machine? Reads the GGUF header only (a local file, or a remote one with a few range
// requests through node-llama-cpp's readGgufFileInfo), estimates RAM/VRAM with the backend's own arithmetic
// (setup/resource-plan.ts) for a context size, GPU layers and the backend's number of sequences, and compares.
import { readGgufFileInfo, type GgufFileInfo, type Llama } from 'node-llama-cpp';
import type { FitReport } from '../../protocol/models.js';
import type { GpuLayersChoice } from '../cli-args.js';
import { completeContextOf, LANE_COUNT, type KvCacheType } from '../engine/lane-layout.js';
import { checkModelFile } from '../setup/model-file.js';
import { estimateResources, memoryState } from '../setup/resource-plan.js';
import { SetupError } from '../setup/setup-error.js';
import { firstLine, ModelsError } from './errors.js';
import { fitSummary, fitVerdict } from './fit-verdict.js';
import { GGUF_HEADER_BYTES, sniffGguf } from './gguf-sniff.js';
import { httpGet, readSome } from './http-get.js';
import { resolveSource } from './source-uri.js';

export interface FitOptions {
  /** A local path, a URL or an hf: URI. */
  target: string;
  contextSize?: number;
  gpuLayers?: GpuLayersChoice;
  completeContextSize?: number;
  kvCacheType?: KvCacheType;
  endpoint?: string;
  token?: string;
  signal?: AbortSignal;
}

const isRemote = (t: string) => /^(hf:|https?:\/\/)/i.test(t.trim());

/** The header of a remote GGUF, after a first small range request that classifies what is there. */
async function readRemoteInfo(opts: FitOptions): Promise<{ info: GgufFileInfo; fileBytes: number | null }> {
  const src = resolveSource(opts.target, opts.endpoint);
  const res = await httpGet(src.url, {
    headers: { range: `bytes=0-${GGUF_HEADER_BYTES - 1}` },
    token: opts.token,
    tokenOrigins: src.tokenOrigins,
    signal: opts.signal,
    idleTimeoutMs: 30_000,
  }).catch((e: unknown) => {
    throw e instanceof ModelsError ? e : new ModelsError('network', `Cannot reach ${src.url}: ${firstLine(e)}`);
  });
  if (res.status === 401 || res.status === 403) {
    res.body.resume();
    throw new ModelsError(
      'auth_required',
      `${src.url} needs a Hugging Face token (HTTP ${res.status}) before Fude can read its header.`,
    );
  }
  if (res.status === 404) {
    res.body.resume();
    throw new ModelsError('not_found', `${src.url} was not found (HTTP 404).`);
  }
  if (res.status === 429) {
    res.body.resume();
    throw new ModelsError('rate_limited', `${src.url}: the server limits requests (HTTP 429); try again in a moment.`);
  }
  if (res.status !== 206) {
    const body = await readSome(res.body, 64);
    if (res.status === 200) {
      const sniff = sniffGguf(Buffer.from(body, 'latin1'));
      if (!sniff.ok) throw new ModelsError('not_gguf', `${src.url} is ${sniff.what}, not a GGUF model.`);
      throw new ModelsError(
        'fit_failed',
        `${src.url}: the server does not support range requests, so its header cannot be read without downloading the whole file. Download it first, then check it.`,
      );
    }
    throw new ModelsError(res.status >= 500 ? 'server_error' : 'bad_input', `${src.url} answered HTTP ${res.status}.`);
  }
  const head = Buffer.from(await readSome(res.body, GGUF_HEADER_BYTES), 'latin1');
  const sniff = sniffGguf(head);
  if (!sniff.ok) throw new ModelsError('not_gguf', `${src.url} is ${sniff.what}, not a GGUF model.`);
  const total = Number(/\/(\d+)$/.exec(res.headers['content-range'] ?? '')?.[1] ?? res.linked.size ?? Number.NaN);
  // Read from where the probe ended up (a CDN after Hugging Face's redirect): the token stays with its origin.
  const sendToken = opts.token !== undefined && src.tokenOrigins.includes(new URL(res.url).origin);
  try {
    const info = await readGgufFileInfo(res.url, {
      sourceType: 'network',
      readTensorInfo: true,
      logWarnings: false,
      signal: opts.signal,
      fetchHeaders: sendToken ? { Authorization: `Bearer ${opts.token}` } : {},
      // null: never let node-llama-cpp pick a token up from HF_TOKEN or ~/.cache/huggingface by itself.
      tokens: { huggingFace: null as unknown as string },
      fetchRetryOptions: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    });
    return { info, fileBytes: Number.isSafeInteger(total) ? total : null };
  } catch (e) {
    if (opts.signal?.aborted) throw new ModelsError('cancelled', 'The fit check was cancelled.');
    throw new ModelsError('fit_failed', `Cannot read the GGUF header of ${src.url}: ${firstLine(e)}`);
  }
}

async function readLocalInfo(path: string): Promise<{ info: GgufFileInfo; fileBytes: number }> {
  try {
    const file = await checkModelFile(path);
    return { info: file.info, fileBytes: file.sizeBytes };
  } catch (e) {
    if (e instanceof SetupError)
      throw new ModelsError(e.code === 'model_missing' ? 'not_found' : 'not_gguf', e.message);
    throw new ModelsError('fit_failed', `Cannot read ${path}: ${firstLine(e)}`);
  }
}

function metaString(info: GgufFileInfo, key: 'name' | 'architecture'): string {
  const v = (info.metadata as { general?: Record<string, unknown> }).general?.[key];
  return typeof v === 'string' ? v : '';
}

export async function checkFit(llama: Llama, opts: FitOptions): Promise<FitReport> {
  const { info, fileBytes } = isRemote(opts.target) ? await readRemoteInfo(opts) : await readLocalInfo(opts.target);
  const sequences = LANE_COUNT;
  const gpuLayers = opts.gpuLayers ?? 'auto';
  const lanes = { completeContextSize: opts.completeContextSize, kvCacheType: opts.kvCacheType };
  let est;
  try {
    est = await estimateResources(llama, info, { gpuLayers, contextSize: opts.contextSize, ...lanes });
  } catch (e) {
    throw new ModelsError('fit_failed', `Cannot estimate the memory of ${opts.target}: ${firstLine(e)}`);
  }
  const mem = await memoryState(llama);
  const numbers = {
    gpu: llama.gpu,
    gpuLayers: est.gpuLayers,
    totalLayers: est.totalLayers,
    ramNeededBytes: est.ramNeededBytes,
    vramNeededBytes: est.vramNeededBytes,
    ramAvailableBytes: mem.ramAvailableBytes,
    vramFreeBytes: mem.vramFreeBytes,
    cpuOnlyRamNeededBytes: null as number | null,
  };
  const onGpu = llama.gpu !== false && est.gpuLayers > 0;
  if (onGpu && (est.vramNeededBytes > mem.vramFreeBytes || est.ramNeededBytes > mem.ramAvailableBytes)) {
    numbers.cpuOnlyRamNeededBytes = (
      await estimateResources(llama, info, { gpuLayers: 0, contextSize: est.contextSize, ...lanes })
    ).ramNeededBytes;
  }
  const verdict = fitVerdict(numbers);
  return {
    target: opts.target,
    verdict,
    summary: fitSummary(verdict, {
      ...numbers,
      contextSize: est.contextSize,
      sequences,
      completeContextSize: completeContextOf(est.layout),
      kvCacheType: est.layout.kvCacheType,
    }),
    name: metaString(info, 'name'),
    architecture: metaString(info, 'architecture'),
    fileBytes,
    ...numbers,
    contextSize: est.contextSize,
    trainContextSize: est.trainContextSize,
    sequences,
    parts: est.parts,
    completeContextSize: completeContextOf(est.layout),
    kvCacheType: est.layout.kvCacheType,
  };
}
