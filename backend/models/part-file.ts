// The files beside a download in progress: `<name>.part` (the bytes so far), `<name>.part.json` (where they come
// from, so a later process can resume them) and `<name>.part.lock` (one downloader per file, across processes).
// Nothing is ever written under the model's own name until it is verified.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { ModelsError } from './errors.js';

export interface PartMeta {
  version: 1;
  /** What the user asked for (URL or hf: URI) and the URL it resolved to. */
  source: string;
  url: string;
  expectedSha256?: string;
  expectedSize?: number;
  /** The validator the server gave for these bytes (ETag or Last-Modified), sent back as If-Range. */
  validator?: string;
  catalogId?: string;
  startedAt: string;
}

export const partPath = (target: string): string => `${target}.part`;
export const metaPath = (target: string): string => `${target}.part.json`;
const lockPath = (target: string): string => `${target}.part.lock`;

export async function readPartMeta(target: string): Promise<PartMeta | undefined> {
  try {
    const v = JSON.parse(await readFile(metaPath(target), 'utf8')) as PartMeta;
    return v && v.version === 1 && typeof v.url === 'string' && typeof v.source === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside the part, then renamed over the old one, so a crash never leaves half a JSON file. */
export async function writePartMeta(target: string, meta: PartMeta): Promise<void> {
  const tmp = `${metaPath(target)}.tmp`;
  await writeFile(tmp, JSON.stringify(meta, null, 2));
  await rename(tmp, metaPath(target));
}

export async function partSize(target: string): Promise<number> {
  try {
    return (await stat(partPath(target))).size;
  } catch {
    return 0;
  }
}

export async function removePart(target: string): Promise<void> {
  await rm(partPath(target), { force: true });
  await rm(metaPath(target), { force: true });
}

/** SHA-256 of the first `length` bytes of a file (all of it when omitted), fed into a hash the caller continues. */
export async function hashFilePrefix(path: string, length?: number, onBytes?: (n: number) => void): Promise<Hash> {
  const hash = createHash('sha256');
  if (length === 0) return hash;
  const stream = createReadStream(path, length === undefined ? {} : { start: 0, end: length - 1 });
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    onBytes?.((chunk as Buffer).length);
  }
  return hash;
}

export async function sha256File(path: string, onBytes?: (n: number) => void): Promise<string> {
  return (await hashFilePrefix(path, undefined, onBytes)).digest('hex');
}

const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the per-file lock; a lock left by a process that is gone is taken over. Returns the release function. */
export async function lockDownload(target: string): Promise<() => Promise<void>> {
  const busy = () =>
    new ModelsError(
      'busy',
      `${target} is already being downloaded (by this or another Fude window or fude-models). Wait for it or cancel it there.`,
    );
  // Reserved before the first await, so two downloads in this process cannot both get past here.
  if (heldHere.has(target)) throw busy();
  heldHere.add(target);
  const path = lockPath(target);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fh = await open(path, 'wx');
        await fh.writeFile(String(process.pid));
        await fh.close();
        return async () => {
          heldHere.delete(target);
          await rm(path, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new ModelsError('io', `Cannot create ${path}: ${(e as Error).message}`);
        const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
        if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw busy();
        await rm(path, { force: true }); // stale: its process is gone (or it is ours, left by a crash before)
      }
    }
    throw busy();
  } catch (e) {
    heldHere.delete(target);
    throw e;
  }
}
