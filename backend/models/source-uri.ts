// Where a model comes from: `hf:owner/repo/path/file.gguf[#revision]` (node-llama-cpp's form) or an http(s) URL,
// resolved against the Hugging Face endpoint (a mirror for corporate networks). Pure, so tests call it directly.
import { ModelsError } from './errors.js';

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

export interface ResolvedSource {
  /** The URL to download from. */
  url: string;
  /** The file name to save under (the last path segment). */
  fileName: string;
  /** For Hugging Face sources: owner/repo, path in the repo, and revision. */
  hf?: { repo: string; path: string; revision: string };
  /** The origins (scheme://host:port) that may receive the Hugging Face token: the endpoint only. */
  tokenOrigins: string[];
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Checks and normalises the endpoint setting: an http(s) URL without query or fragment; no trailing slash. */
export function normaliseEndpoint(endpoint: string | undefined): string {
  const raw = (endpoint ?? '').trim() || DEFAULT_HF_ENDPOINT;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ModelsError(
      'bad_input',
      `The Hugging Face endpoint "${raw}" is not a URL. Use e.g. ${DEFAULT_HF_ENDPOINT} or your mirror's address.`,
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new ModelsError('bad_input', `The Hugging Face endpoint must be an http(s) URL, got "${raw}".`);
  if (u.username || u.password)
    throw new ModelsError(
      'bad_input',
      'The Hugging Face endpoint must not contain a user name or password; Fude sends the token as a header.',
    );
  if (u.search || u.hash)
    throw new ModelsError('bad_input', `The Hugging Face endpoint must not have a query or fragment, got "${raw}".`);
  return u.href.replace(/\/+$/, '');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `https://huggingface.co/owner/repo/resolve/<revision>/<path>` under the given endpoint. */
export function hfResolveUrl(endpoint: string, repo: string, path: string, revision = 'main'): string {
  return `${normaliseEndpoint(endpoint)}/${encodePath(repo)}/resolve/${encodeURIComponent(revision)}/${encodePath(path)}`;
}

function parseHfUri(uri: string, endpoint: string): ResolvedSource {
  const body = uri.replace(/^hf:(\/\/)?/, '');
  const [pathPart, revision = 'main', ...extra] = body.split('#');
  const parts = pathPart.split('/').filter((p) => p !== '');
  const usage = `Use hf:owner/repo/file.gguf (optionally #revision), e.g. hf:alfredplpl/llm-jp-3-1.8b-instruct-gguf/llm-jp-3-1.8b-instruct-Q4_K_M.gguf.`;
  if (extra.length > 0 || parts.length < 3 || revision === '')
    throw new ModelsError('bad_input', `"${uri}" is not a Hugging Face file URI. ${usage}`);
  if (!parts.every((p) => SEGMENT.test(p)) || !/^[A-Za-z0-9._-]+$/.test(revision)) {
    throw new ModelsError(
      'bad_input',
      `"${uri}" has characters a Hugging Face repository or file name cannot have. ${usage}`,
    );
  }
  const repo = `${parts[0]}/${parts[1]}`;
  const path = parts.slice(2).join('/');
  const base = normaliseEndpoint(endpoint);
  return {
    url: hfResolveUrl(base, repo, path, revision),
    fileName: parts[parts.length - 1],
    hf: { repo, path, revision },
    tokenOrigins: [new URL(base).origin],
  };
}

/**
 * Resolves what a user or the catalog names. Hugging Face page URLs (`/blob/`) become download URLs (`/resolve/`).
 * The token may go to the endpoint's origin only (and huggingface.co itself when the URL names it).
 */
export function resolveSource(uriOrUrl: string, endpoint = DEFAULT_HF_ENDPOINT): ResolvedSource {
  const s = uriOrUrl.trim();
  if (/^hf:/i.test(s)) return parseHfUri(s, endpoint);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new ModelsError(
      'bad_input',
      `"${s}" is neither a URL nor an hf: URI. Give an https:// link to a .gguf file or hf:owner/repo/file.gguf.`,
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new ModelsError('bad_input', `Only http(s) downloads are supported, got "${u.protocol}".`);
  if (u.username || u.password)
    throw new ModelsError(
      'bad_input',
      'Put no user name or password in the URL; for Hugging Face give the token through HF_TOKEN or the editor.',
    );
  const endpointOrigin = new URL(normaliseEndpoint(endpoint)).origin;
  const hfHosts = new Set(['huggingface.co', 'hf.co', new URL(endpointOrigin).host]);
  const segments = u.pathname.split('/');
  // /owner/repo/blob/rev/path -> /owner/repo/resolve/rev/path: the page of a file is not the file.
  if (hfHosts.has(u.host) && segments[3] === 'blob') {
    segments[3] = 'resolve';
    u.pathname = segments.join('/');
  }
  const fileName = decodeURIComponent(segments[segments.length - 1] ?? '');
  if (fileName === '') throw new ModelsError('bad_input', `"${s}" does not end in a file name.`);
  const tokenOrigins = hfHosts.has(u.host) ? [u.origin] : [];
  let hf: ResolvedSource['hf'];
  if (hfHosts.has(u.host) && segments[3] === 'resolve' && segments.length > 5) {
    hf = {
      repo: `${segments[1]}/${segments[2]}`,
      revision: decodeURIComponent(segments[4]),
      path: segments.slice(5).map(decodeURIComponent).join('/'),
    };
  }
  return { url: u.href, fileName, hf, tokenOrigins };
}

/** A file name that is safe to create in the models folder (no separators, no leading dot). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are among what a file name must not contain
  if (base === '' || base.startsWith('.') || /[\u0000-\u001f<>:"|?*]/.test(base)) {
    throw new ModelsError('bad_input', `"${name}" cannot be used as a file name in the models folder.`);
  }
  return base;
}
