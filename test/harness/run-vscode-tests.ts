// CLI: runs Fude's in-editor mocha suite in a real VS Code and exits with the suite's code.
//   node out/test/harness/run-vscode-tests.js --extension-dir . --tests dist/test/vscode/index.cjs \
//        --workspace DIR [--settings JSON] [--timeout-ms N] [--out DIR] [--env K=V ...]
// Variables in this process's environment (e.g. FUDE_TEST_FIXTURES_DIR) reach the extension host.
import { existsSync } from 'node:fs';
import { parseArgs } from './cli-args.js';
import { chooseHost } from './host-choice.js';
import { runUnderCodeServer } from './code-server-host.js';
import { runUnderElectron } from './electron-host.js';

const say = (line: string) => console.log(`[run-vscode-tests] ${line}`);

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2), process.cwd());
  for (const [what, p] of [
    ['extension dir', o.extensionDir],
    ['tests index', o.tests],
    ['workspace', o.workspace],
  ]) {
    if (!existsSync(p)) throw new Error(`${what} not found: ${p}`);
  }
  const host = chooseHost(process.env);
  say(`host: ${host.kind} (${host.reason})`);
  say(
    `extension ${o.extensionDir}, tests ${o.tests}, workspace ${o.workspace}, timeout ${o.timeoutMs} ms, out ${o.outDir}`,
  );
  const started = Date.now();
  const verdict = host.kind === 'electron' ? await runUnderElectron(o, host.executable) : await runUnderCodeServer(o);
  say(`${verdict.message} in ${Date.now() - started} ms; exit ${verdict.exitCode}`);
  // A signal-killed VS Code reports a negative code; the shell would see 254 or so.
  return verdict.exitCode >= 0 && verdict.exitCode <= 255 ? verdict.exitCode : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[run-vscode-tests] ERROR: ${(e as Error).message}`);
    process.exit(2);
  },
);
