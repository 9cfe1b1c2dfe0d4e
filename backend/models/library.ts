// The models folder: its GGUF files (and downloads in progress), with where each came from, its SHA-256 and when it
// was last used, kept in a small JSON index beside the files (`.fude-models.json`). Files put there by hand are
// listed too, without a source.
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { firstLine, ModelsError } from './errors.js';
import { metaPath, partPath, readPartMeta } from './part-file.js';

export const INDEX_FILE = '.fude-models.json';

export interface IndexEntry {
  source?: string;
  url?: string;
  sha256?: string;
  sizeBytes?: number;
  catalogId?: string;
  downloadedAt?: string;
  lastUsedAt?: string;
}

interface IndexFile {
  version: 1;
  models: Record<string, IndexEntry>;
}

export interface ListedModel {
  path: string;
  fileName: string;
  sizeBytes: number;
  /** True for a download in progress or interrupted (`<name>.part`); path is then the model's final path. */
  partial: boolean;
  source: string | null;
  sha256: string | null;
  catalogId: string | null;
  downloadedAt: string | null;
  lastUsedAt: string | null;
  /** For a partial download: the expected full size when known. */
  expectedSizeBytes: number | null;
}

async function readIndex(dir: string): Promise<IndexFile> {
  try {
    const v = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')) as IndexFile;
    if (v && v.version === 1 && typeof v.models === 'object' && v.models !== null) return v;
  } catch {
    // missing or unreadable: start a new one (the files themselves are the truth)
  }
  return { version: 1, models: {} };
}

async function writeIndex(dir: string, index: IndexFile): Promise<void> {
  const path = join(dir, INDEX_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(index, null, 2)}\n`);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new ModelsError('io', `Cannot update ${path}: ${firstLine(e)}`);
  }
}

async function updateEntry(
  dir: string,
  fileName: string,
  change: (e: IndexEntry) => IndexEntry | undefined,
): Promise<void> {
  const index = await readIndex(dir);
  const next = change({ ...index.models[fileName] });
  if (next === undefined) delete index.models[fileName];
  else index.models[fileName] = next;
  await writeIndex(dir, index);
}

export async function recordDownload(
  path: string,
  facts: { source: string; url: string; sha256: string; sizeBytes: number; catalogId?: string },
): Promise<void> {
  await updateEntry(dirname(path), basename(path), (e) => ({ ...e, ...facts, downloadedAt: new Date().toISOString() }));
}

/** Notes that a model in a models folder was chosen or loaded (files elsewhere are left alone). */
export async function markUsed(path: string, modelsDir: string, when = new Date()): Promise<void> {
  if (resolve(dirname(path)) !== resolve(modelsDir)) return;
  await updateEntry(modelsDir, basename(path), (e) => ({ ...e, lastUsedAt: when.toISOString() }));
}

export async function listModels(dir: string): Promise<ListedModel[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ModelsError('io', `Cannot read the models folder ${dir}: ${firstLine(e)}`);
  }
  const index = await readIndex(dir);
  const out: ListedModel[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const isModel = lower.endsWith('.gguf');
    const isPart = lower.endsWith('.gguf.part');
    if (!isModel && !isPart) continue;
    const file = join(dir, name);
    const s = await stat(file).catch(() => undefined);
    if (!s?.isFile()) continue;
    const fileName = isPart ? name.slice(0, -'.part'.length) : name;
    const entry = index.models[fileName] ?? {};
    const meta = isPart ? await readPartMeta(join(dir, fileName)) : undefined;
    out.push({
      path: join(dir, fileName),
      fileName,
      sizeBytes: s.size,
      partial: isPart,
      source: meta?.source ?? entry.source ?? null,
      sha256: isPart ? null : (entry.sha256 ?? null),
      catalogId: meta?.catalogId ?? entry.catalogId ?? null,
      downloadedAt: isPart ? null : (entry.downloadedAt ?? null),
      lastUsedAt: isPart ? null : (entry.lastUsedAt ?? null),
      expectedSizeBytes: meta?.expectedSize ?? null,
    });
  }
  return out.sort(
    (a, b) =>
      (b.lastUsedAt ?? b.downloadedAt ?? '').localeCompare(a.lastUsedAt ?? a.downloadedAt ?? '') ||
      a.fileName.localeCompare(b.fileName),
  );
}

/** Deletes a model (or an unfinished download of it) and its index entry. Only .gguf files are ever deleted. */
export async function removeModel(path: string): Promise<{ removed: string[] }> {
  const target = path.toLowerCase().endsWith('.gguf.part') ? path.slice(0, -'.part'.length) : path;
  if (!target.toLowerCase().endsWith('.gguf'))
    throw new ModelsError('bad_input', `Only .gguf models can be removed this way, not ${path}.`);
  const removed: string[] = [];
  for (const f of [target, partPath(target), metaPath(target)]) {
    const exists = await stat(f).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    try {
      await rm(f);
      removed.push(f);
    } catch (e) {
      throw new ModelsError('io', `Cannot delete ${f}: ${firstLine(e)}`);
    }
  }
  if (removed.length === 0) throw new ModelsError('not_found', `${path} does not exist.`);
  const dir = dirname(target);
  const index = await readIndex(dir);
  if (index.models[basename(target)]) {
    delete index.models[basename(target)];
    await writeIndex(dir, index);
  }
  return { removed };
}
