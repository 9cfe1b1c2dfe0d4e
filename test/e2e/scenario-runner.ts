// What every UI scenario (test/e2e/*-scenario.ts, one process each) shares: a fresh workspace and
// fixture-model folder, the workbench opened on request, and at the end, pass or fail, a 'failed'
// screenshot when it failed, the workbench closed, the folders removed, the time taken, and the
// line scripts/test.sh counts: "[e2e:NAME] PASSED" (exit 0) or "[e2e:NAME] FAILED: message" (exit 1).
//   runScenario('status', async (s) => {
//     const ui = await s.open({ files: { 'hello.ts': '…' }, settings: { 'fude.model.path': … } });
//     await runCommand(ui.page, 'Fude: Show Status');
//   });
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeTinyModelDir, removeTinyModelDir } from '../fixtures/preset-files.js';
import { openWorkbench, type UiSession, type WorkbenchOptions } from './ui.js';

export interface ScenarioWorkbenchOptions extends Omit<WorkbenchOptions, 'name' | 'workspace'> {
  /** Files written into the workspace before it opens, by path relative to it. */
  files?: Record<string, string>;
}

export interface ScenarioContext {
  /** Prints "[e2e:NAME] line". */
  say: (line: string) => void;
  /** A fresh folder for fixture models (see test/fixtures/preset-files.ts). */
  readonly models: string;
  /** A fresh workspace folder; the workbench opens it. */
  readonly workspace: string;
  /** Opens the workspace in code-server + chromium, screenshots under test-output/e2e/NAME. Once per scenario. */
  open: (o?: ScenarioWorkbenchOptions) => Promise<UiSession>;
}

/** Runs the scenario and ends the process with its result. */
export function runScenario(name: string, body: (s: ScenarioContext) => Promise<void>): void {
  const tag = `[e2e:${name}]`;
  runWithCleanup(name, (line) => console.log(`${tag} ${line}`), body).then(
    () => {
      console.log(`${tag} PASSED`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(`${tag} FAILED: ${messageOf(e)}`);
      if (e instanceof Error && e.stack) console.error(e.stack);
      process.exit(1);
    },
  );
}

async function runWithCleanup(
  name: string,
  say: (line: string) => void,
  body: (s: ScenarioContext) => Promise<void>,
): Promise<void> {
  const started = Date.now();
  const models = makeTinyModelDir();
  const workspace = mkdtempSync(join(tmpdir(), `fude-e2e-${name}-`));
  let ui: UiSession | undefined;
  const open = async ({ files = {}, ...options }: ScenarioWorkbenchOptions = {}): Promise<UiSession> => {
    if (ui) throw new Error('the workbench is already open');
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(workspace, file)), { recursive: true });
      writeFileSync(join(workspace, file), text);
    }
    ui = await openWorkbench({ ...options, name, workspace });
    return ui;
  };

  let failed = false;
  let failure: unknown;
  try {
    await body({ say, models, workspace, open });
  } catch (e) {
    failed = true;
    failure = e;
    await ui?.shot('failed').catch(() => '');
  }
  say(`took ${Date.now() - started} ms${ui ? `; screenshots: ${ui.shots.dir}` : ''}`);
  try {
    await ui?.close();
  } catch (e) {
    // The scenario's own failure says more than one in closing that may follow from it.
    if (failed) say(`closing the workbench failed too: ${messageOf(e)}`);
    else [failed, failure] = [true, e];
  }
  removeTinyModelDir(models);
  rmSync(workspace, { recursive: true, force: true });
  if (failed) throw failure;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
