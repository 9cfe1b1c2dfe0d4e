// Checks a model file before anything reads it: present, a GGUF whose header holds what it claims (the bounded
// reader in gguf-header.ts), and not truncated. It imports nothing of node-llama-cpp, so the backend runs it
// before loading that library and refuses a crafted file within milliseconds of starting.
import { stat } from 'node:fs/promises';
import { openFileSource } from './byte-source.js';
import { formatBytes } from './format-bytes.js';
import { GgufFormatError, readGgufHeader, type GgufHeader } from './gguf-header.js';
import { SetupError } from './setup-error.js';

export interface CheckedHeaders {
  /** All parts together. */
  sizeBytes: number;
  /** The first (or only) part's header. */
  header: GgufHeader;
}

export async function checkModelHeaders(path: string): Promise<CheckedHeaders> {
  const parts = splitGgufParts(path);
  const checked: Array<{ sizeBytes: number; header: GgufHeader }> = [];
  for (const part of parts) checked.push(await checkOnePart(part, parts.length > 1 ? path : undefined));
  return { sizeBytes: checked.reduce((n, c) => n + c.sizeBytes, 0), header: checked[0].header };
}

async function checkOnePart(
  path: string,
  splitOf: string | undefined,
): Promise<{ sizeBytes: number; header: GgufHeader }> {
  const label = splitOf ? `${path} (a part of the split model ${splitOf})` : path;
  let sizeBytes: number;
  try {
    const s = await stat(path);
    if (!s.isFile())
      throw new SetupError('model_missing', `Model path is not a file: ${label}. Choose a .gguf file.`, { path });
    sizeBytes = s.size;
  } catch (e) {
    if (e instanceof SetupError) throw e;
    throw new SetupError(
      'model_missing',
      `Model file not found: ${label}. Check the path or choose another .gguf file.`,
      { path },
    );
  }
  let header: GgufHeader;
  const source = await openFileSource(path).catch((e: unknown) => {
    throw new SetupError(
      'model_missing',
      `Model file cannot be opened: ${label} (${firstLine(e)}). Check its permissions or choose another .gguf file.`,
      { path },
    );
  });
  try {
    header = await readGgufHeader(source);
  } catch (e) {
    if (!(e instanceof GgufFormatError)) throw e;
    if (e.notGguf)
      throw new SetupError(
        'model_invalid',
        `Not a GGUF model file: ${label} (${e.message}). Convert the model to GGUF or choose another file.`,
        { path },
      );
    throw new SetupError(
      'model_invalid',
      `Invalid GGUF header in ${label}: ${e.message} (at byte ${e.offset} of ${sizeBytes}). Refused before loading; download or convert the model again.`,
      { path },
    );
  } finally {
    await source.close();
  }
  if (sizeBytes < header.dataEnd) {
    throw new SetupError(
      'model_invalid',
      `Truncated GGUF file: ${label} is ${formatBytes(sizeBytes)} (${sizeBytes} bytes) but its tensors need at least ${header.dataEnd} bytes. The download was probably interrupted; download it again.`,
      { path },
    );
  }
  return { sizeBytes, header };
}

/**
 * The files of a split model ("name-00001-of-00003.gguf"), named the way node-llama-cpp finds them
 * (its resolveSplitGgufParts), so the check covers every file it will read; one file otherwise.
 */
export function splitGgufParts(path: string): string[] {
  const m = /-(\d{5})-of-(\d{5})\.gguf$/.exec(path);
  if (!m) return [path];
  const part = Number(m[1]);
  const parts = Number(m[2]);
  if (part === 0 || parts === 0 || part > parts) return [path];
  const stem = path.slice(0, path.length - m[0].length);
  return Array.from({ length: parts }, (_, i) => `${stem}-${String(i + 1).padStart(5, '0')}-of-${m[2]}.gguf`);
}

export function firstLine(e: unknown): string {
  return String((e as Error | undefined)?.message ?? e).split('\n')[0];
}
