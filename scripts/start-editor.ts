// The "set up and run" command's last step: open a real VS Code with Fude loaded from this folder.
// Desktop VS Code when `code` is on the PATH (its own profile keeps Fude's state); otherwise code-server on
// a lasting profile under .cache/profile/ and a remembered port (scripts/start/profile.ts), so the chosen
// model, settings, chat history and accepted terms survive a restart. `npm start -- --fresh` starts clean.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from '../test/harness/code-server.js';
import { freePort } from '../test/harness/free-port.js';
import {
  choosePort,
  configuredModel,
  parseStartArgs,
  profilePaths,
  readSavedPort,
  readyLines,
  savePort,
  type StartOptions,
} from './start/profile.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const say = (l: string) => console.log(`[fude start] ${l}`);

function workspace(dir: string): string {
  // A copy, so trying things out never edits the repository's samples.
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    cpSync(join(root, 'samples', 'workspace'), dir, { recursive: true });
  }
  return dir;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

async function startCodeServerProfile(o: StartOptions): Promise<void> {
  const paths = profilePaths(join(root, '.cache'));
  if (o.fresh && existsSync(paths.profile)) {
    rmSync(paths.profile, { recursive: true, force: true });
    say('--fresh: removed the previous profile (.cache/profile/); the workspace files in .cache/workspace/ stay');
  }
  const kept = existsSync(join(paths.profile, 'user-data'));
  const chosen = choosePort({ requested: o.port, saved: readSavedPort(paths.stateFile), fresh: o.fresh });
  const port = chosen.port ?? (await freePort());
  if (await portInUse(port)) {
    throw new Error(
      `port ${port} is in use (another npm start?). Stop that, or run: npm start -- --port N ` +
        `(the browser keeps the editor's state per address, so another port starts with it empty)`,
    );
  }
  const ws = workspace(paths.workspace);
  const server = await startCodeServer({
    workspace: ws,
    profileDir: paths.profile,
    port,
    logFile: join(paths.profile, 'code-server.log'),
  });
  savePort(paths, port);
  const url = server.url({ extensionDevelopmentPath: root });
  console.log('');
  for (const line of readyLines({ url, port, host: hostname(), model: configuredModel(server.userDataDir), kept }))
    say(line);
  console.log('');
  const stop = async () => {
    say('stopping…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (process.env.FUDE_START_EXIT_AFTER_MS) setTimeout(() => void stop(), Number(process.env.FUDE_START_EXIT_AFTER_MS));
}

async function main(): Promise<void> {
  const o = parseStartArgs(process.argv.slice(2));
  const hasCode =
    process.env.FUDE_EDITOR !== 'code-server' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
  if (hasCode) {
    const ws = workspace(profilePaths(join(root, '.cache')).workspace);
    say(
      `opening desktop VS Code with Fude from ${root} on ${ws}${o.fresh ? ' (--fresh applies to the browser editor only: desktop VS Code keeps its own profile)' : ''}`,
    );
    spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, ws], {
      stdio: 'inherit',
      detached: true,
    }).unref();
    return;
  }
  await startCodeServerProfile(o);
}

main().catch((e: unknown) => {
  console.error(`[fude start] ERROR: ${(e as Error).message}`);
  process.exit(1);
});
