// The "set up and run" command's last step: open a real VS Code with Fude loaded from this folder.
// Desktop VS Code when `code` is on the PATH; otherwise code-server, served on a printed local address.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from '../test/harness/code-server.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const say = (l: string) => console.log(`[fude start] ${l}`);

function workspace(): string {
  // A copy, so trying things out never edits the repository's samples.
  const ws = join(root, '.cache', 'workspace');
  if (!existsSync(ws)) {
    mkdirSync(ws, { recursive: true });
    cpSync(join(root, 'samples', 'workspace'), ws, { recursive: true });
  }
  return ws;
}

async function main(): Promise<void> {
  const ws = workspace();
  const hasCode = process.env.FUDE_EDITOR !== 'code-server' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
  if (hasCode) {
    say(`opening desktop VS Code with Fude from ${root} on ${ws}`);
    spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, ws], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  say('no `code` on the PATH: starting code-server (VS Code in the browser)');
  const server = await startCodeServer({ workspace: ws, keepRunDir: true, log: say });
  const url = server.url({ extensionDevelopmentPath: root });
  say('');
  say('Fude is running in VS Code at this address (open it in a browser on this machine):');
  console.log(`\n    ${url}\n`);
  say(`short address without the extension loaded: ${server.baseUrl}  |  code-server log: ${server.logFile}`);
  say('the demo model is used until you choose a GGUF file (status bar "Fude" > Select Model File). Ctrl-C stops everything.');
  const stop = async () => {
    say('stopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (process.env.FUDE_START_EXIT_AFTER_MS) setTimeout(() => void stop(), Number(process.env.FUDE_START_EXIT_AFTER_MS));
}

main().catch((e: Error) => {
  console.error(`[fude start] ERROR: ${e.message}`);
  process.exit(1);
});
