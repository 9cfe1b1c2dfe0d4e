// Where the harness finds things, computed from this file's location so nothing
// machine-specific lands in the repo. Compiled to out/test/harness/, three levels below the root.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot: string = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

function codeServerDir(env: NodeJS.ProcessEnv): string {
  return env.FUDE_CODE_SERVER_DIR ?? path.join(repoRoot, '.cache', 'code-server');
}

/** code-server's Node entry point as installed by scripts/install-code-server.sh. */
export function codeServerEntry(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(codeServerDir(env), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The Node that runs code-server: the one scripts/install-code-server.sh installed beside it (code-server
 *  declares its own Node major, which may not be the machine's). */
export function codeServerNode(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(codeServerDir(env), 'node', 'node_modules', '.bin', 'node');
}

/** Debian's chromium; FUDE_CHROMIUM overrides it. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  return env.FUDE_CHROMIUM ?? '/usr/bin/chromium';
}
