// The model catalog: real public GGUF sources for the families Fude is for (catalog.json, with how each was verified
// in README.md beside it), plus entries the user adds in the `fude.models.catalog` setting. Validated here, so a
// bad user entry is reported and skipped, never half-used.
import builtIn from './catalog.json' with { type: 'json' };
import { hfResolveUrl, resolveSource } from './source-uri.js';

export type CatalogTerms =
  | { kind: 'open'; license: string }
  | { kind: 'terms'; termsId: string }
  /** A user entry without terms information: the model's own card decides. */
  | { kind: 'model-card' };

export interface CatalogDownload {
  /** Hugging Face repository, file and revision, or a direct URL / hf: URI (user entries). */
  repo?: string;
  file?: string;
  revision?: string;
  url?: string;
  sha256?: string;
  /** Exact size in bytes, when known. */
  sizeBytes?: number;
  /** As shown on the source's page (decimal units), for display and the free-disk and memory estimates. */
  sizeShown?: string;
  approxSizeBytes?: number;
  approxSizeNote?: string;
}

export interface CatalogMemory {
  contextSize: number;
  sequences: number;
  /** The completion lane's context and the KV-cache type the numbers are for (engine/lane-layout.ts). */
  completeContextSize?: number;
  kvCacheType?: string;
  weightsBytes: number;
  contextBytes: number;
  ramBytes: number;
}

export interface CatalogEntry {
  id: string;
  name: string;
  family: 'llm-jp-3' | 'fugaku-llm' | 'generic';
  /** Key into the architecture shapes used to compute `memory` (scripts/catalog-memory.ts). */
  shape?: string;
  quantization: string | null;
  publisher?: string;
  description?: { en: string; ja: string };
  /** null: there is no file to download (see howToUse). */
  download: CatalogDownload | null;
  howToUse?: {
    weightsRepo: string;
    estimatedSizes: Record<string, string>;
    estimatedWeightsBytes?: number;
    remote: { en: string; ja: string };
    convert: { en: string; ja: string; commands: string[] };
  };
  terms: CatalogTerms;
  memory?: CatalogMemory;
  verifiedFrom: string[];
  origin: 'builtin' | 'user';
}

export interface LoadedCatalog {
  entries: CatalogEntry[];
  /** One line per user entry that was skipped, saying why. */
  problems: string[];
}

const ID = /^[a-z0-9][a-z0-9._-]{0,80}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const FAMILIES = ['llm-jp-3', 'fugaku-llm', 'generic'] as const;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The built-in entries, checked once: a broken catalog.json is a bug, so this throws. */
export function builtInCatalog(): CatalogEntry[] {
  const data = builtIn as unknown as { version: number; entries: Array<Omit<CatalogEntry, 'origin'>> };
  if (data.version !== 1 || !Array.isArray(data.entries)) throw new Error('catalog.json: unknown version');
  const seen = new Set<string>();
  return data.entries.map((e) => {
    if (!ID.test(e.id) || seen.has(e.id)) throw new Error(`catalog.json: bad or repeated id "${e.id}"`);
    seen.add(e.id);
    const d = e.download;
    if (d !== null && (!d.repo || !d.file || (d.sha256 !== undefined && !SHA256.test(d.sha256))))
      throw new Error(`catalog.json: entry ${e.id} has an incomplete download`);
    if (d === null && !e.howToUse)
      throw new Error(`catalog.json: entry ${e.id} has neither a download nor how to use it`);
    return { ...e, origin: 'builtin' as const };
  });
}

/**
 * A user entry from settings: `{ id, name, url (https or hf:), sha256?, sizeBytes?, quantization?, family?,
 * license? | termsId? }`. Returns the entry or why it was skipped.
 */
export function parseUserEntry(v: unknown, knownTermsIds: readonly string[]): CatalogEntry | string {
  if (!isObj(v)) return 'an entry is not an object';
  const id = v.id;
  if (typeof id !== 'string' || !ID.test(id))
    return `entry ${JSON.stringify(id)}: "id" must be lower-case letters, digits, ".", "_" or "-"`;
  const where = `entry "${id}"`;
  if (typeof v.name !== 'string' || v.name.trim() === '') return `${where}: "name" is required`;
  if (typeof v.url !== 'string')
    return `${where}: "url" (an https:// link to a .gguf file or hf:owner/repo/file.gguf) is required`;
  try {
    const src = resolveSource(v.url);
    if (!src.fileName.toLowerCase().endsWith('.gguf')) return `${where}: "url" must name a .gguf file`;
  } catch (e) {
    return `${where}: ${(e as Error).message}`;
  }
  if (v.sha256 !== undefined && (typeof v.sha256 !== 'string' || !SHA256.test(v.sha256.toLowerCase())))
    return `${where}: "sha256" must be 64 hexadecimal digits`;
  if (
    v.sizeBytes !== undefined &&
    (typeof v.sizeBytes !== 'number' || !Number.isSafeInteger(v.sizeBytes) || v.sizeBytes <= 0)
  )
    return `${where}: "sizeBytes" must be a positive whole number`;
  if (v.quantization !== undefined && typeof v.quantization !== 'string')
    return `${where}: "quantization" must be a string`;
  const family = v.family ?? 'generic';
  if (!FAMILIES.includes(family as (typeof FAMILIES)[number]))
    return `${where}: "family" must be one of ${FAMILIES.join(', ')}`;
  let terms: CatalogTerms = { kind: 'model-card' };
  if (v.termsId !== undefined) {
    if (typeof v.termsId !== 'string' || !knownTermsIds.includes(v.termsId))
      return `${where}: "termsId" must be one of ${knownTermsIds.join(', ')}`;
    terms = { kind: 'terms', termsId: v.termsId };
  } else if (v.license !== undefined) {
    if (typeof v.license !== 'string' || v.license.trim() === '') return `${where}: "license" must be a string`;
    terms = { kind: 'open', license: v.license };
  }
  return {
    id,
    name: v.name.trim(),
    family: family as CatalogEntry['family'],
    quantization: typeof v.quantization === 'string' ? v.quantization : null,
    download: {
      url: v.url,
      sha256: typeof v.sha256 === 'string' ? v.sha256.toLowerCase() : undefined,
      sizeBytes: typeof v.sizeBytes === 'number' ? v.sizeBytes : undefined,
      approxSizeBytes: typeof v.sizeBytes === 'number' ? v.sizeBytes : undefined,
    },
    terms,
    verifiedFrom: [],
    origin: 'user',
  };
}

/** The user's entries first (they added them to use them), then the built-in ones; ids must be unique. */
export function loadCatalog(userEntries: unknown, knownTermsIds: readonly string[]): LoadedCatalog {
  const entries: CatalogEntry[] = [];
  const problems: string[] = [];
  const builtins = builtInCatalog();
  const ids = new Set(builtins.map((e) => e.id));
  if (userEntries !== undefined && userEntries !== null && !Array.isArray(userEntries))
    problems.push('the setting must be a list of entries');
  for (const raw of Array.isArray(userEntries) ? userEntries : []) {
    const e = parseUserEntry(raw, knownTermsIds);
    if (typeof e === 'string') problems.push(e);
    else if (ids.has(e.id)) problems.push(`entry "${e.id}": that id is already in the catalog`);
    else {
      ids.add(e.id);
      entries.push(e);
    }
  }
  return { entries: [...entries, ...builtins], problems };
}

/** What to hand the downloader: a URL or hf: URI resolved against the endpoint, and the checks to make. */
export function downloadSource(
  entry: CatalogEntry,
  endpoint?: string,
): { source: string; url: string; fileName: string; sha256?: string; sizeBytes?: number } | undefined {
  const d = entry.download;
  if (!d) return undefined;
  if (d.url) {
    const r = resolveSource(d.url, endpoint);
    return { source: d.url, url: r.url, fileName: r.fileName, sha256: d.sha256, sizeBytes: d.sizeBytes };
  }
  const source = `hf:${d.repo}/${d.file}${d.revision && d.revision !== 'main' ? `#${d.revision}` : ''}`;
  return {
    source,
    url: hfResolveUrl(endpoint ?? 'https://huggingface.co', d.repo!, d.file!, d.revision ?? 'main'),
    fileName: d.file!.split('/').pop()!,
    sha256: d.sha256,
    sizeBytes: d.sizeBytes,
  };
}

/** Best known size for display and estimates. */
export function entrySizeBytes(entry: CatalogEntry): number | undefined {
  return entry.download?.sizeBytes ?? entry.download?.approxSizeBytes ?? entry.howToUse?.estimatedWeightsBytes;
}
