// Free space where the models go, asked before a download starts (fs.statfs: Node 18.15+).
import { statfs } from 'node:fs/promises';

/** Bytes an unprivileged user can still write in the file system holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/** Room kept free beyond the file itself: filling a disk to the last byte breaks everything else on it. */
export const DISK_MARGIN_BYTES = 256 * 1024 * 1024;
