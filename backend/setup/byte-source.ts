// Where a model file's bytes come from, reduced to the one call a header check needs. A local file is one
// source; an HTTP server answering range requests can be another, so a remote file is checked the same way
// before anything downloads it whole.
import { open } from 'node:fs/promises';

export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** `length` bytes from `offset`, fewer only where the source ends. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ClosableByteSource extends ByteSource {
  close(): Promise<void>;
}

export async function openFileSource(path: string): Promise<ClosableByteSource> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    return {
      size,
      async read(offset, length) {
        const n = Math.max(0, Math.min(length, size - offset));
        const buf = new Uint8Array(n);
        let done = 0;
        while (done < n) {
          const { bytesRead } = await fh.read(buf, done, n - done, offset + done);
          if (bytesRead === 0) break; // the file shrank under us: the reader sees fewer bytes and says so
          done += bytesRead;
        }
        return done === n ? buf : buf.subarray(0, done);
      },
      close: () => fh.close(),
    };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}
