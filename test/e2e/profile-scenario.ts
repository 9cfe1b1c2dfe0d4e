// `npm start`'s lasting profile: two starts of code-server on one profile folder and one port, with one
// browser profile (the workbench keeps globalState in the browser, per address). The first start writes a
// setting, the model choice and a terms acceptance from inside the extension host (test/profile/index.ts);
// the second must find them. Prints "[e2e:profile] PASSED" or "FAILED: why", like the other scenarios.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUnderCodeServer } from '../harness/code-server-host.js';
import { freePort } from '../harness/free-port.js';
import { repoRoot } from '../harness/repo-paths.js';
import { profilePaths } from '../../scripts/start/profile.js';

const say = (line: string) => console.log(`[e2e:profile] ${line}`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fude-e2e-profile-'));
  const started = Date.now();
  try {
    const paths = profilePaths(join(dir, 'cache'));
    cpSync(join(repoRoot, 'samples', 'workspace'), paths.workspace, { recursive: true });
    const persist = { profileDir: paths.profile, port: await freePort(), browserProfileDir: join(dir, 'browser') };
    for (const phase of ['write', 'check']) {
      const verdict = await runUnderCodeServer(
        {
          extensionDir: repoRoot,
          alsoExtensionDirs: [],
          tests: join(repoRoot, 'dist', 'test', 'profile', 'index.cjs'),
          workspace: paths.workspace,
          settings: {},
          timeoutMs: 180_000,
          outDir: join(repoRoot, 'test-output', 'e2e', 'profile', phase),
          env: { FUDE_PROFILE_PHASE: phase },
          allowEmpty: true,
        },
        persist,
      );
      say(`${phase}: ${verdict.message}`);
      if (verdict.exitCode !== 0) throw new Error(`the ${phase} start failed (${verdict.message})`);
    }
    say(`took ${Date.now() - started} ms`);
    say('PASSED');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  say(`FAILED: ${(e as Error).message}`);
  process.exitCode = 1;
});
