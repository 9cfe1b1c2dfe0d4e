// Starts code-server (a current VS Code from npm, on its own Node) for one workspace in a process group of its
// own, with every directory it writes under a run folder, and stops all of it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { codeServerEntry, codeServerNode, repoRoot } from './repo-paths.js';
import { freePort } from './free-port.js';
import { killRun, RUN_MARKER_VAR } from './process-tree.js';
import { onExitCleanup } from './exit-cleanup.js';
import { mergeSettings, writeMachineSettings, writeUserSettings, type Settings } from './user-settings.js';
import { workbenchUrl } from './payload-url.js';

export interface CodeServerOptions {
  /** Folder to open (made absolute). */
  workspace: string;
  /** Extra user settings, e.g. { 'fude.backend.port': 0 }; they win over the base ones. */
  settings?: Settings;
  /** Extra environment for code-server, which its extension host inherits. */
  env?: Record<string, string>;
  /** Where code-server's own stdout/stderr go; default: the run folder. */
  logFile?: string;
  /** Keep the run folder (user data, logs) after stop(). */
  keepRunDir?: boolean;
  /**
   * A lasting profile folder instead of a fresh run folder: user data, extensions and XDG folders live
   * there and survive stop(); user settings already there are kept (only missing base settings are not
   * added: the file is the user's). With it, also pass a fixed `port`: the workbench keeps extensions'
   * globalState and workspaceState in the browser, per address.
   */
  profileDir?: string;
  /** A fixed port (default: a free one). */
  port?: number;
  /**
   * Extension folders put into the extensions folder before code-server starts, as if installed (code-server
   * lists them in extensions.json when it first scans the folder). The way to load a second extension beside the
   * one under development: the web workbench reads the URL's payload into a Map, so of several
   * `extensionDevelopmentPath` entries only the last is kept.
   */
  preinstalled?: string[];
  /**
   * VS Code's display language (code-server --locale), e.g. 'ja': extensions then get it as vscode.env.language and
   * show their package.nls.<lang>.json and l10n bundles. See displayLanguagePack for what VS Code's own UI shows.
   */
  locale?: string;
  startTimeoutMs?: number;
  /** Called with one line per harness event (default: nothing). */
  log?: (line: string) => void;
}

export interface CodeServer {
  port: number;
  baseUrl: string;
  runDir: string;
  userDataDir: string;
  logFile: string;
  /** The workbench URL; with an extension folder it becomes an Extension Development Host. */
  url(extra?: { extensionDevelopmentPath?: string | readonly string[]; extensionTestsPath?: string }): string;
  /** Ends the whole process tree; throws if anything survives. Safe to call twice. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * A display language needs a language pack installed: VS Code resolves the locale to one (else it falls back to
 * English, for extensions too) and takes the language from it. The Microsoft packs come from the Marketplace, which
 * this machine cannot reach, so the harness installs test/fixtures/<lang>-display-language: a pack with no
 * translations of VS Code's own strings (they stay English) that makes the language selectable.
 */
export function displayLanguagePack(locale: string): string {
  const dir = path.join(repoRoot, 'test', 'fixtures', `${locale.split('-')[0]}-display-language`);
  if (!existsSync(path.join(dir, 'package.json')))
    throw new Error(`no display-language pack for "${locale}" (expected ${dir})`);
  return dir;
}

/**
 * Records the installed pack in USER_DATA/languagepacks.json as VS Code's language-pack service does after
 * installing one from the UI (code-server's CLI install and start-up do not write it; the page's locale is read from it).
 */
export async function registerLanguagePack(
  userData: string,
  extensionsDir: string,
  locale: string,
  pack: string,
): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(pack, 'package.json'), 'utf8')) as PackManifest;
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = path.join(extensionsDir, `${id}-${manifest.version}`);
  const entries: Record<string, unknown> = {};
  for (const l of manifest.contributes.localizations) {
    entries[l.languageId] = {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(l.translations.map((t) => [t.id, path.join(installed, t.path)])),
      label: l.localizedLanguageName,
    };
  }
  if (!(locale.split('-')[0] in entries)) throw new Error(`${pack} has no localization for "${locale}"`);
  await writeFile(path.join(userData, 'languagepacks.json'), JSON.stringify(entries));
}

interface PackManifest {
  publisher: string;
  name: string;
  version: string;
  contributes: {
    localizations: Array<{
      languageId: string;
      localizedLanguageName: string;
      translations: Array<{ id: string; path: string }>;
    }>;
  };
}

export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const log = o.log ?? (() => {});
  const entry = codeServerEntry();
  const node = codeServerNode();
  if (!existsSync(entry) || !existsSync(node)) {
    throw new Error(
      `code-server is not installed (${existsSync(entry) ? node : entry} missing): run scripts/install-code-server.sh`,
    );
  }
  const workspace = path.resolve(o.workspace);
  if (!existsSync(workspace)) throw new Error(`workspace folder does not exist: ${workspace}`);

  const lasting = o.profileDir !== undefined;
  const runDir = lasting ? path.resolve(o.profileDir!) : await mkdtemp(path.join(os.tmpdir(), 'fude-code-server-'));
  const keepRunDir = lasting || o.keepRunDir === true;
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    config: path.join(runDir, 'xdg-config'),
    data: path.join(runDir, 'xdg-data'),
    cache: path.join(runDir, 'xdg-cache'),
  };
  for (const d of Object.values(dirs)) await mkdir(d, { recursive: true });
  const languagePack = o.locale && !o.locale.startsWith('en') ? displayLanguagePack(o.locale) : undefined;
  for (const folder of [...(o.preinstalled ?? []), ...(languagePack ? [languagePack] : [])]) {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
    };
    cpSync(folder, path.join(dirs.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), {
      recursive: true,
    });
  }
  if (languagePack) await registerLanguagePack(dirs.userData, dirs.extensions, o.locale!, languagePack);
  const userSettings = path.join(dirs.userData, 'User', 'settings.json');
  if (!lasting || !existsSync(userSettings)) {
    await writeUserSettings(dirs.userData, mergeSettings(o.settings));
    await writeMachineSettings(dirs.userData, o.settings ?? {});
  }

  const runId = randomUUID();
  const logFile = o.logFile ?? path.join(runDir, 'code-server.log');
  await mkdir(path.dirname(logFile), { recursive: true });
  const port = o.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    ...(o.locale ? ['--locale', o.locale] : []),
    workspace,
  ];
  const env: NodeJS.ProcessEnv = {
    // No extension gallery: the machine is offline, and gallery look-ups (open-vsx.org by
    // default) only add failed requests before the extension host starts. Callers may override.
    EXTENSIONS_GALLERY: '{}',
    ...process.env,
    ...o.env,
    [RUN_MARKER_VAR]: runId,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
  };
  // A password in the environment would switch auth back on.
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.PORT; // code-server lets $PORT override the port of --bind-addr.
  // detached: the child calls setsid(), so it leads a new process group we can kill as one.
  const child: ChildProcess = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(logFile);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `code ${code} signal ${signal}`;
  });
  const pgid = child.pid;
  // If we are interrupted before stop(), kill the detached group and drop the run folder.
  const removeExitCleanup = onExitCleanup(() => {
    if (pgid !== undefined) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    if (!keepRunDir) rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  });
  log(`code-server pid ${pgid} on ${baseUrl} (run folder ${runDir}, log ${logFile})`);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const left = await killRun(pgid, runId);
    removeExitCleanup();
    out.end();
    if (!keepRunDir) await rm(runDir, { recursive: true, force: true });
    if (left.length > 0) throw new Error(`code-server processes survived SIGKILL: ${left.join(', ')}`);
    log(`code-server stopped, no processes left`);
  };

  const started = Date.now();
  const timeoutMs = o.startTimeoutMs ?? 30_000;
  while (!(await healthy(baseUrl))) {
    if (exited !== undefined || Date.now() - started > timeoutMs) {
      await stop().catch(() => {});
      const why = exited !== undefined ? `exited early (${exited})` : `no /healthz answer in ${timeoutMs} ms`;
      throw new Error(`code-server ${why}; see ${logFile}`);
    }
    await sleep(150);
  }
  log(`code-server healthy after ${Date.now() - started} ms`);

  return {
    port,
    baseUrl,
    runDir,
    userDataDir: dirs.userData,
    logFile,
    url: (extra = {}) => workbenchUrl({ port, workspace, ...extra }),
    stop,
  };
}
