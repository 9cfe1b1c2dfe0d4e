// Downloads one GGUF into the models folder: resumable (Range requests from `<name>.part`, after a dropped
// connection, a cancel or a restart of the process), checked (free disk first, GGUF magic on the first bytes,
// size and SHA-256 computed while writing) and only then renamed to its name. Editor-neutral: plain Node.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelsLine } from '../../protocol/models.js';
import { firstLine, ModelsError } from './errors.js';
import type { OpenSink } from './file-sink.js';
import { lockDownload, sha256File } from './part-file.js';
import { resolveSource, safeFileName } from './source-uri.js';
import { Transfer } from './transfer.js';

export type DownloadEvent = Extract<ModelsLine, { event: 'start' | 'progress' | 'notice' | 'verifying' }>;

export interface DownloadOptions {
  /** A URL or hf:owner/repo/file.gguf[#revision]. */
  source: string;
  /** The models folder. */
  dir: string;
  /** Save under this name instead of the source's file name. */
  fileName?: string;
  /** Hugging Face endpoint or mirror for hf: URIs (default https://huggingface.co). */
  endpoint?: string;
  /** Hugging Face token: sent to the endpoint's origin only; never logged or written anywhere. */
  token?: string;
  /** From the catalog or the user; otherwise taken from the server's X-Linked-Etag / X-Linked-Size. */
  expectedSha256?: string;
  expectedSize?: number;
  catalogId?: string;
  signal?: AbortSignal;
  onEvent?: (e: DownloadEvent) => void;
  /** Failed attempts in a row (without a byte of progress) before giving up. Default 5. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** The longest Retry-After honoured by waiting; longer ones fail with the time to come back. Default 120 s. */
  maxRetryAfterMs?: number;
  idleTimeoutMs?: number;
  progressIntervalMs?: number;
  openSink?: OpenSink;
  freeBytes?: (dir: string) => Promise<number>;
}

export interface DownloadResult {
  path: string;
  sizeBytes: number;
  sha256: string;
  /** What the SHA-256 was checked against: the catalog or caller, the server's metadata, or nothing published. */
  checkedAgainst: 'given' | 'server' | 'none';
  /** True when the file was there already (verified) and nothing was downloaded. */
  alreadyPresent: boolean;
  url: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function normaliseSha(sha: string | undefined): string | undefined {
  if (sha === undefined || sha === '') return undefined;
  const s = sha.trim().toLowerCase();
  if (!SHA256_HEX.test(s)) throw new ModelsError('bad_input', `"${sha}" is not a SHA-256 (64 hexadecimal digits).`);
  return s;
}

export async function downloadModel(opts: DownloadOptions): Promise<DownloadResult> {
  const resolved = resolveSource(opts.source, opts.endpoint);
  const fileName = safeFileName(opts.fileName ?? resolved.fileName);
  if (!fileName.toLowerCase().endsWith('.gguf')) {
    throw new ModelsError(
      'bad_input',
      `"${fileName}" is not a .gguf file. Fude downloads GGUF models only; pick the .gguf file of the repository.`,
    );
  }
  const givenSha = normaliseSha(opts.expectedSha256);
  if (opts.expectedSize !== undefined && (!Number.isSafeInteger(opts.expectedSize) || opts.expectedSize <= 0)) {
    throw new ModelsError(
      'bad_input',
      `The expected size must be a positive number of bytes, got ${opts.expectedSize}.`,
    );
  }
  try {
    await mkdir(opts.dir, { recursive: true });
  } catch (e) {
    throw new ModelsError('io', `Cannot create the models folder ${opts.dir}: ${firstLine(e)}`);
  }
  const target = join(opts.dir, fileName);
  const emit = (e: DownloadEvent) => opts.onEvent?.(e);
  const release = await lockDownload(target);
  try {
    const present = await stat(target).then(
      (s) => s.size,
      () => undefined,
    );
    if (present !== undefined)
      return await alreadyPresent(target, present, givenSha, opts.expectedSize, resolved.url, emit);
    return await new Transfer({
      opts,
      target,
      url: resolved.url,
      tokenOrigins: resolved.tokenOrigins,
      givenSha,
      emit,
    }).run();
  } finally {
    await release();
  }
}

async function alreadyPresent(
  target: string,
  size: number,
  sha: string | undefined,
  expectedSize: number | undefined,
  url: string,
  emit: (e: DownloadEvent) => void,
): Promise<DownloadResult> {
  emit({ event: 'verifying', path: target });
  const digest = await sha256File(target);
  if ((sha && digest !== sha) || (expectedSize !== undefined && size !== expectedSize)) {
    throw new ModelsError(
      'bad_input',
      `${target} already exists and is a different file (SHA-256 ${digest}). Delete it or save the download under another name.`,
    );
  }
  emit({
    event: 'notice',
    kind: 'already_present',
    message: `${target} is already here${sha ? ' and its SHA-256 matches' : ''}; nothing to download.`,
  });
  return {
    path: target,
    sizeBytes: size,
    sha256: digest,
    checkedAgainst: sha ? 'given' : 'none',
    alreadyPresent: true,
    url,
  };
}
