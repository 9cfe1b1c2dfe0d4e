// Runs a tests index inside code-server's real Node extension host. The web workbench, opened
// with a payload naming the extension and the tests, calls the index's run() exactly like
// @vscode/test-electron does, and reports back to the page through two functions it looks
// for on window: codeAutomationLog(level, message) and codeAutomationExit(code, logs).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'node:util';
import { startCodeServer, type CodeServer } from './code-server.js';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './browser.js';
import { judge, type Verdict } from './suite-result.js';
import type { RunOptions } from './cli-args.js';

interface LogFile {
  relativePath: string;
  contents: string;
}

type Outcome = { kind: 'exit'; code: number } | { kind: 'timeout' } | { kind: 'crash'; why: string };

const say = (line: string) => console.log(`[run-vscode-tests] ${line}`);

/** Writes the workbench's log files (sent with the exit code) under outDir/logs. */
async function saveLogs(outDir: string, logs: unknown): Promise<void> {
  if (!Array.isArray(logs)) return;
  for (const entry of logs as LogFile[]) {
    if (typeof entry?.relativePath !== 'string' || typeof entry.contents !== 'string') continue;
    const target = path.resolve(outDir, 'logs', entry.relativePath);
    if (!target.startsWith(path.resolve(outDir, 'logs') + path.sep)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, entry.contents);
  }
}

function verdictOf(outcome: Outcome, lines: readonly string[], o: RunOptions): Verdict {
  if (outcome.kind === 'crash') return { exitCode: 1, message: `FAILED: ${outcome.why}` };
  return judge({
    exitCode: outcome.kind === 'exit' ? outcome.code : undefined,
    timedOut: outcome.kind === 'timeout',
    timeoutMs: o.timeoutMs,
    lines,
    allowEmpty: o.allowEmpty,
  });
}

async function screenshot(page: Page, outDir: string): Promise<void> {
  const file = path.join(outDir, 'failure.png');
  await page.screenshot({ path: file, timeout: 10_000 }).then(
    () => say(`screenshot of the workbench: ${file}`),
    (e: unknown) => say(`no screenshot: ${(e as Error).message}`),
  );
}

/** Lasting profiles for a run (default: fresh ones, removed afterwards). */
export interface Persist {
  /** code-server's profile folder (see startCodeServer's profileDir). */
  profileDir: string;
  port: number;
  /** The browser's profile, where the workbench keeps globalState and workspaceState. */
  browserProfileDir: string;
}

export async function runUnderCodeServer(o: RunOptions, persist?: Persist): Promise<Verdict> {
  await mkdir(o.outDir, { recursive: true });
  const t0 = Date.now();
  const lines: string[] = [];
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let verdict: Verdict;
  let timer: NodeJS.Timeout | undefined;
  let cleanupError: string | undefined;
  let firstLogAt: number | undefined;
  const stamp = process.env.FUDE_HARNESS_TIMESTAMPS === '1'; // Prefix log lines with ms since start.
  try {
    server = await startCodeServer({
      workspace: o.workspace,
      settings: o.settings,
      env: o.env,
      logFile: path.join(o.outDir, 'code-server.log'),
      log: say,
      profileDir: persist?.profileDir,
      port: persist?.port,
      preinstalled: o.alsoExtensionDirs,
    });
    const tServer = Date.now();
    browser = await launchChromium({ profileDir: persist?.browserProfileDir });
    const tBrowser = Date.now();
    const { page } = browser;

    let settle!: (x: Outcome) => void;
    const done = new Promise<Outcome>((resolve) => {
      settle = resolve;
    });
    timer = setTimeout(() => settle({ kind: 'timeout' }), Math.max(1, o.timeoutMs - (Date.now() - t0)));
    let saving: Promise<void> = Promise.resolve();

    // The workbench passes [format, ...args] as the extension host's console call made them
    // (mocha's reporter logs '%d passing (%s)'), so format them the way Node's console would.
    await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
      if (firstLogAt === undefined) firstLogAt = Date.now();
      const text = Array.isArray(message) ? format(...(message as unknown[])) : String(message);
      for (const line of text.split(/\r?\n/)) {
        lines.push(line);
        console.log(stamp ? `+${Date.now() - t0}ms ${line}` : line);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown, logs: unknown) => {
      saving = saveLogs(o.outDir, logs).catch((e: unknown) => say(`could not save logs: ${String(e)}`));
      if (stamp) say(`+${Date.now() - t0}ms codeAutomationExit(${String(code)})`);
      settle({ kind: 'exit', code: typeof code === 'number' ? code : Number(code) });
    });
    page.on('crash', () => settle({ kind: 'crash', why: 'the page crashed' }));
    page.on('close', () => settle({ kind: 'crash', why: 'the page closed' }));
    page.on('pageerror', (err) => say(`page error: ${err.message}`));

    const url = server.url({ extensionDevelopmentPath: o.extensionDir, extensionTestsPath: o.tests });
    say(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: o.timeoutMs });
    const outcome = await done;
    await saving;
    const tSuite = Date.now();
    const sinceFirstLog = firstLogAt === undefined ? '-' : `${tSuite - firstLogAt}`;
    say(
      `timings (ms): code-server up ${tServer - t0}, chromium up ${tBrowser - tServer}, ` +
        `workbench to first log ${firstLogAt === undefined ? '-' : firstLogAt - tBrowser}, first log to result ${sinceFirstLog}`,
    );
    verdict = verdictOf(outcome, lines, o);
    if (verdict.exitCode !== 0) await screenshot(page, o.outDir);
  } catch (e) {
    verdict = { exitCode: 1, message: `FAILED: ${(e as Error).message}` };
    if (browser) await screenshot(browser.page, o.outDir);
  } finally {
    if (timer) clearTimeout(timer);
    await browser?.close();
    await server?.stop().catch((e: unknown) => {
      cleanupError = (e as Error).message;
    });
  }
  if (cleanupError) return { exitCode: 1, message: `${verdict.message}; and FAILED to clean up: ${cleanupError}` };
  return verdict;
}
