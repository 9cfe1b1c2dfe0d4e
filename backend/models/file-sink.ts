// The default place the downloaded bytes go: positioned writes into the part file, which is first cut back to
// the bytes already hashed (anything after them is from an interrupted write and is written again).
import { open, type FileHandle } from 'node:fs/promises';
import { formatBytes } from '../setup/format-bytes.js';
import { firstLine, ModelsError } from './errors.js';

/** Where the bytes go; injectable so tests can fill the disk. */
export interface Sink {
  write(chunk: Buffer): Promise<void>;
  /** Flushes to disk (before the rename makes the file a model). */
  sync(): Promise<void>;
  close(): Promise<void>;
}
export type OpenSink = (path: string, startAt: number) => Promise<Sink>;

/** Default sink: positioned writes into the part file, cut back to what was hashed. */
export const fileSink: OpenSink = async (path, startAt) => {
  let fh: FileHandle;
  try {
    fh = await open(path, startAt > 0 ? 'r+' : 'w');
    await fh.truncate(startAt);
  } catch (e) {
    throw new ModelsError('io', `Cannot write ${path}: ${firstLine(e)}`);
  }
  let pos = startAt;
  return {
    async write(chunk) {
      let done = 0;
      while (done < chunk.length) {
        const { bytesWritten } = await fh.write(chunk, done, chunk.length - done, pos + done);
        done += bytesWritten;
      }
      pos += chunk.length;
    },
    sync: () => fh.sync(),
    close: () => fh.close(),
  };
};

/** A write failure as the user should read it: a full disk is said so, with what was kept. */
export function writeError(e: unknown, target: string, part: string, bytes: number): ModelsError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const partial = { path: part, bytes };
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ModelsError(
      'disk_full',
      `The disk filled up while downloading ${target} (${formatBytes(bytes)} kept in ${partial.path}). Free some space and download again: it resumes from there.`,
      partial,
    );
  }
  return new ModelsError('io', `Writing ${partial.path} failed: ${firstLine(e)}`, partial);
}
