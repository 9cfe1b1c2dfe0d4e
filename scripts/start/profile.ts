// `npm start`'s lasting profile under the repository's .cache/: what it keeps, its options, its port, and
// the lines it prints. Pure except for the small file reads and writes named as such.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';

export interface ProfilePaths {
  /** code-server's profile: user data (settings), extensions, XDG folders. */
  readonly profile: string;
  /** The copy of samples/workspace/ that opens (edits there never touch the repository). */
  readonly workspace: string;
  /** What the next start reuses: the port. */
  readonly stateFile: string;
}

export function profilePaths(cacheDir: string): ProfilePaths {
  const profile = join(cacheDir, 'profile');
  return { profile, workspace: join(cacheDir, 'workspace'), stateFile: join(profile, 'start.json') };
}

export interface StartOptions {
  /** Start with a new profile (settings, extension state) on a new address. */
  readonly fresh: boolean;
  /** A port asked for with --port. */
  readonly port?: number;
}

export const START_USAGE = 'usage: npm start [-- --fresh] [-- --port N]';

export function parseStartArgs(argv: readonly string[]): StartOptions {
  let fresh = false;
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fresh') fresh = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      const value = a === '--port' ? argv[++i] : a.slice('--port='.length);
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1024 || n > 65535)
        throw new Error(`--port needs a number from 1024 to 65535, got "${value ?? ''}"`);
      port = n;
    } else throw new Error(`unknown option "${a}" (${START_USAGE})`);
  }
  return { fresh, port };
}

interface SavedState {
  port?: number;
}

export function readSavedPort(stateFile: string): number | undefined {
  if (!existsSync(stateFile)) return undefined;
  try {
    const port = (JSON.parse(readFileSync(stateFile, 'utf8')) as SavedState).port;
    return Number.isInteger(port) ? port : undefined;
  } catch {
    return undefined; // a damaged file only costs the remembered port
  }
}

export function savePort(paths: ProfilePaths, port: number): void {
  mkdirSync(paths.profile, { recursive: true });
  writeFileSync(paths.stateFile, JSON.stringify({ port } satisfies SavedState, null, 2) + '\n');
}

/**
 * The port to serve on: the one asked for, else the one the profile used last (the browser keeps the
 * editor's state per address, so the same port keeps it), else a new one.
 */
export function choosePort(o: { requested?: number; saved?: number; fresh: boolean }): {
  port?: number;
  reason: 'requested' | 'saved' | 'new';
} {
  if (o.requested !== undefined) return { port: o.requested, reason: 'requested' };
  if (!o.fresh && o.saved !== undefined) return { port: o.saved, reason: 'saved' };
  return { reason: 'new' };
}

/**
 * The model the profile's settings name (code-server's remote-machine settings win over the user's), or
 * undefined: then Fude uses its demo model. Unreadable files count as naming none.
 */
export function configuredModel(userDataDir: string): string | undefined {
  for (const file of [join(userDataDir, 'Machine', 'settings.json'), join(userDataDir, 'User', 'settings.json')]) {
    if (!existsSync(file)) continue;
    const settings = parseJsonc(readFileSync(file, 'utf8')) as Record<string, unknown> | undefined;
    const value = settings?.['fude.model.path'];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

/** What `npm start` prints once the editor serves: only what a user acts on. */
export function readyLines(o: { url: string; port: number; host: string; model?: string; kept: boolean }): string[] {
  return [
    `Fude is running in VS Code at ${o.url}`,
    `open it in a browser on this machine; from another machine: ssh -L ${o.port}:127.0.0.1:${o.port} ${o.host}, then the same address`,
    o.model
      ? `model: ${o.model} (fude.model.path)`
      : 'model: the demo model (its output is meaningless); choose a GGUF file with "Fude: Select Model File…"',
    o.kept
      ? 'settings, chosen model, chat history and accepted terms are kept for the next start (npm start -- --fresh starts clean)'
      : 'a new profile: settings, chosen model, chat history and accepted terms will be kept for the next start',
    'Ctrl-C stops it',
  ];
}
