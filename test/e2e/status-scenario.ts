// Drives the real UI: open a workspace in code-server with Fude loaded, run "Fude: Show Status" from the
// palette, watch the status bar reach ready, then kill the window's extension host and check that the
// backend does not outlive it. Screenshots go to test-output/e2e/status/.
import { execFileSync } from 'node:child_process';
import { writePresetModel } from '../fixtures/preset-files.js';
import { runScenario } from './scenario-runner.js';
import { runCommand, statusBarText } from './ui.js';

/** Running processes. Zombies are left out: an orphan that exited waits for whatever adopted it to reap it. */
function processes(): Array<{ pid: number; ppid: number; args: string }> {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((l) => l.trim().split(/\s+/))
    .filter(([, , stat]) => !stat.startsWith('Z'))
    .map(([pid, ppid, , ...rest]) => ({ pid: Number(pid), ppid: Number(ppid), args: rest.join(' ') }));
}

async function until<T>(f: () => T | undefined, ms: number, what: string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

runScenario('status', async ({ say, models, open }) => {
  const modelPath = writePresetModel(models, 'llm-jp-3-1.8b').path;
  const ui = await open({
    files: { 'hello.ts': 'export const greeting = "こんにちは";\n' },
    explorerFile: 'hello.ts',
    settings: { 'fude.model.path': modelPath, 'fude.backend.threads': 1 },
  });
  await ui.shot('workbench-open');
  await runCommand(ui.page, 'Fude: Show Status');
  const text = await statusBarText(ui.page, /llm-jp-3-1\.8b-instruct · CPU/, { timeoutMs: 60_000 });
  say(`status bar: ${text}`);
  await ui.shot('status-ready');

  const backend = await until(
    () => processes().find((p) => p.args.includes('out/backend/main.js') && p.args.includes(modelPath)),
    10_000,
    'backend process',
  );
  say(`backend pid ${backend.pid}, started by extension host pid ${backend.ppid}`);
  process.kill(backend.ppid, 'SIGKILL');
  const t0 = Date.now();
  await until(
    () => !processes().some((p) => p.pid === backend.pid),
    5_000,
    'backend exits after its extension host is killed',
  );
  say(`backend exited ${Date.now() - t0} ms after the extension host was killed`);
  await ui.shot('after-extension-host-killed');
});
