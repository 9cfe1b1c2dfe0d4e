// Reads a model file's metadata with node-llama-cpp, once the bounded header check (model-header-check.ts) has
// passed: node-llama-cpp never parses a byte of a file that check refused.
import { readGgufFileInfo, type GgufFileInfo } from 'node-llama-cpp';
import type { GgufHeader } from './gguf-header.js';
import { checkModelHeaders, firstLine, type CheckedHeaders } from './model-header-check.js';
import { SetupError } from './setup-error.js';

export interface ModelFile {
  path: string;
  sizeBytes: number;
  /** The first (or only) part's header as the bounded reader saw it. */
  header: GgufHeader;
  info: GgufFileInfo;
}

/** Checks the headers (if the caller has not already) and reads the metadata with node-llama-cpp. */
export async function checkModelFile(path: string, checked?: CheckedHeaders): Promise<ModelFile> {
  const headers = checked ?? (await checkModelHeaders(path));
  // Only now does node-llama-cpp read the headers (all parts of a split model, as llama.cpp will).
  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false });
  } catch (e) {
    throw new SetupError(
      'model_invalid',
      `Corrupt or truncated GGUF file: ${path} (${headers.sizeBytes} bytes; ${firstLine(e)}). Download or convert it again.`,
      { path },
    );
  }
  return { path, sizeBytes: headers.sizeBytes, header: headers.header, info };
}
