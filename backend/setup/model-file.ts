// Checks a model file before anything is loaded: present, a GGUF, and not truncated.
import { open, stat } from 'node:fs/promises';
import { readGgufFileInfo, type GgufFileInfo } from 'node-llama-cpp';
import { formatBytes } from './format-bytes.js';
import { SetupError } from './setup-error.js';

export interface ModelFile {
  path: string;
  sizeBytes: number;
  info: GgufFileInfo;
}

const GGUF_MAGIC = 'GGUF';
const GGML_BLOCK: Record<number, [blockElems: number, blockBytes: number]> = {
  0: [1, 4], 1: [1, 2], 2: [32, 18], 3: [32, 20], 6: [32, 22], 7: [32, 24], 8: [32, 34], 9: [32, 36],
  10: [256, 84], 11: [256, 110], 12: [256, 144], 13: [256, 176], 14: [256, 210], 15: [256, 292],
  24: [1, 1], 25: [1, 2], 26: [1, 4], 27: [1, 8], 28: [1, 8], 30: [1, 2],
};

export async function checkModelFile(path: string): Promise<ModelFile> {
  let sizeBytes: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new SetupError('model_missing', `Model path is not a file: ${path}. Choose a .gguf file.`, { path });
    sizeBytes = s.size;
  } catch (e) {
    if (e instanceof SetupError) throw e;
    throw new SetupError('model_missing', `Model file not found: ${path}. Check the path or choose another .gguf file.`, { path });
  }
  const magic = await readMagic(path);
  if (magic !== GGUF_MAGIC) {
    throw new SetupError('model_invalid', `Not a GGUF model file: ${path} (it starts with ${JSON.stringify(magic)}, expected "GGUF"). Convert the model to GGUF or choose another file.`, { path });
  }
  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false });
  } catch (e) {
    throw new SetupError('model_invalid', `Corrupt or truncated GGUF file: ${path} (${sizeBytes} bytes; ${firstLine(e)}). Download or convert it again.`, { path });
  }
  const needed = expectedMinimumSize(info);
  if (needed !== undefined && sizeBytes < needed) {
    throw new SetupError('model_invalid', `Truncated GGUF file: ${path} is ${formatBytes(sizeBytes)} (${sizeBytes} bytes) but its tensors need at least ${needed} bytes. The download was probably interrupted; download it again.`, { path });
  }
  return { path, sizeBytes, info };
}

async function readMagic(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead).toString('latin1');
  } finally {
    await fh.close();
  }
}

/** The end of the last tensor's data: a lower bound for the file size (single-file GGUFs only). */
function expectedMinimumSize(info: GgufFileInfo): number | undefined {
  const tensors = info.tensorInfo;
  const dataStart = info.infoEndOffset;
  if (!tensors || tensors.length === 0 || info.splicedParts > 1 || dataStart === undefined) return undefined;
  let end = 0;
  for (const t of tensors) {
    const block = GGML_BLOCK[t.ggmlType as number];
    if (!block) return undefined; // an unusual type: leave the size check to llama.cpp
    const elems = t.dimensions.reduce<number>((a, d) => a * Number(d), 1);
    end = Math.max(end, Number(t.offset) + Math.ceil(elems / block[0]) * block[1]);
  }
  return dataStart + end;
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}
