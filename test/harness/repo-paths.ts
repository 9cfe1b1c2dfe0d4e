// Where the harness finds things, computed from this file's location so nothing
// machine-specific lands in the repo. Compiled to out/test/harness/, three levels below the root.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot: string = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** code-server's Node entry point as installed by scripts/install-code-server.sh. */
export function codeServerEntry(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.FUDE_CODE_SERVER_DIR ?? path.join(repoRoot, '.cache', 'code-server');
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Debian's chromium; FUDE_CHROMIUM overrides it. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  return env.FUDE_CHROMIUM ?? '/usr/bin/chromium';
}
