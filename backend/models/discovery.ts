// GGUF models already on this machine: the models folder, LM Studio's models folders and Ollama's store (GGUFs kept
// as sha256-named blobs, named by JSON manifests). Roots can be overridden (tests, unusual installs).
import { realpath, readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { sniffGgufFile } from './gguf-sniff.js';

export type ModelOrigin = 'models-folder' | 'lm-studio' | 'ollama';

export interface DiscoveredModel {
  path: string;
  /** What to show: the file name, LM Studio's publisher/repo/file, or Ollama's model:tag. */
  name: string;
  sizeBytes: number;
  origin: ModelOrigin;
}

export interface DiscoveryRoots {
  modelsDir?: string;
  lmStudio: string[];
  ollama: string[];
}

/** Where LM Studio and Ollama keep models by default (OLLAMA_MODELS moves Ollama's store). */
export function defaultRoots(
  modelsDir: string | undefined,
  home = homedir(),
  env: NodeJS.ProcessEnv = process.env,
): DiscoveryRoots {
  const ollama = env.OLLAMA_MODELS ? [env.OLLAMA_MODELS] : [join(home, '.ollama', 'models')];
  // The Linux service install keeps its store under the ollama user's home.
  if (!env.OLLAMA_MODELS && process.platform === 'linux') ollama.push('/usr/share/ollama/.ollama/models');
  return {
    modelsDir,
    lmStudio: [join(home, '.lmstudio', 'models'), join(home, '.cache', 'lm-studio', 'models')],
    ollama,
  };
}

const OLLAMA_MODEL_LAYER = 'application/vnd.ollama.image.model';
const MAX_DEPTH = 4;
const MAX_FILES = 2000;

/** .gguf files under dir, a few levels deep (LM Studio: publisher/repo/file.gguf). Vision projectors are not models. */
async function ggufFiles(dir: string, depth: number, out: string[]): Promise<void> {
  if (depth < 0 || out.length >= MAX_FILES) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (
      e.isDirectory() ||
      (e.isSymbolicLink() &&
        (await stat(p).then(
          (s) => s.isDirectory(),
          () => false,
        )))
    ) {
      await ggufFiles(p, depth - 1, out);
    } else if (e.name.toLowerCase().endsWith('.gguf') && !e.name.toLowerCase().startsWith('mmproj')) {
      out.push(p);
    }
  }
}

async function sizeOf(p: string): Promise<number | undefined> {
  const s = await stat(p).catch(() => undefined);
  return s?.isFile() ? s.size : undefined;
}

async function fromFolder(root: string, origin: ModelOrigin, depth: number): Promise<DiscoveredModel[]> {
  const files: string[] = [];
  await ggufFiles(root, depth, files);
  const out: DiscoveredModel[] = [];
  for (const p of files) {
    const size = await sizeOf(p);
    if (size === undefined) continue;
    out.push({
      path: p,
      name: origin === 'models-folder' ? basename(p) : relative(root, p).split(sep).join('/'),
      sizeBytes: size,
      origin,
    });
  }
  return out;
}

interface OllamaManifest {
  layers?: Array<{ mediaType?: string; digest?: string; size?: number }>;
}

/** Ollama: manifests/<host>/<namespace>/<model>/<tag> name blobs/sha256-<hex>. */
async function fromOllama(root: string): Promise<DiscoveredModel[]> {
  const manifestsRoot = join(root, 'manifests');
  const manifests: string[] = [];
  const walk = async (dir: string, depth: number) => {
    if (depth < 0) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, depth - 1);
      else if (e.isFile()) manifests.push(p);
    }
  };
  await walk(manifestsRoot, MAX_DEPTH);
  const out: DiscoveredModel[] = [];
  for (const m of manifests) {
    let manifest: OllamaManifest;
    try {
      manifest = JSON.parse(await readFile(m, 'utf8')) as OllamaManifest;
    } catch {
      continue;
    }
    const layer = manifest.layers?.find((l) => l.mediaType === OLLAMA_MODEL_LAYER && typeof l.digest === 'string');
    const hex = layer?.digest?.match(/^sha256[:-]([0-9a-f]{64})$/)?.[1];
    if (!hex) continue;
    // Newer Ollama names blobs sha256-<hex>; older builds used sha256:<hex> where the file system allows it.
    let blob: string | undefined;
    for (const name of [`sha256-${hex}`, `sha256:${hex}`]) {
      if ((await sizeOf(join(root, 'blobs', name))) !== undefined) {
        blob = join(root, 'blobs', name);
        break;
      }
    }
    if (
      !blob ||
      !(await sniffGgufFile(blob).then(
        (s) => s.ok,
        () => false,
      ))
    )
      continue;
    const [host, namespace, model, tag] = relative(manifestsRoot, m).split(sep);
    if (!model || !tag) continue;
    const name = `${host === 'registry.ollama.ai' ? '' : `${host}/`}${namespace === 'library' ? '' : `${namespace}/`}${model}:${tag}`;
    out.push({ path: blob, name, sizeBytes: (await sizeOf(blob)) ?? layer?.size ?? 0, origin: 'ollama' });
  }
  return out;
}

/** Every GGUF found, each file once (the first root that has it names it). */
export async function discoverModels(roots: DiscoveryRoots): Promise<DiscoveredModel[]> {
  const found: DiscoveredModel[] = [];
  if (roots.modelsDir) found.push(...(await fromFolder(roots.modelsDir, 'models-folder', 0)));
  for (const r of roots.lmStudio) found.push(...(await fromFolder(r, 'lm-studio', MAX_DEPTH)));
  for (const r of roots.ollama) found.push(...(await fromOllama(r)));
  const seen = new Set<string>();
  const out: DiscoveredModel[] = [];
  for (const m of found) {
    const real = await realpath(m.path).catch(() => m.path);
    if (seen.has(real)) continue;
    seen.add(real);
    out.push(m);
  }
  return out;
}
