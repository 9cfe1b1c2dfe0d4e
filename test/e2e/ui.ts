// Playwright helpers for UI scenarios against a real VS Code workbench (code-server from npm +
// headless Debian chromium), with the extension under development loaded through the payload
// URL (no tests path). Typical use:
//   const ui = await openWorkbench({ name: 'chat', workspace, settings: { 'fude.x': 1 } });
//   try { await runCommand(ui.page, 'Fude: Focus on Chat View'); await ui.shot('chat-open'); }
//   finally { await ui.close(); }
// The scenarios in this folder open it through runScenario (scenario-runner.ts), which also closes it.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../harness/code-server.js';
import { launchChromium, type Browser } from '../harness/browser.js';
import { repoRoot } from '../harness/repo-paths.js';
import type { Settings } from '../harness/user-settings.js';

const say = (line: string) => console.log(`[ui] ${line}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Numbered screenshots (01-label.png, 02-...) in one folder, printed when created. */
export class Screenshots {
  private count = 0;
  private constructor(readonly dir: string) {}

  /** Empties dir (old shots would mislead) and prints where the new ones go. */
  static async create(dir: string): Promise<Screenshots> {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    say(`screenshots: ${dir}`);
    return new Screenshots(dir);
  }

  async take(page: Page, label: string): Promise<string> {
    this.count += 1;
    const safe = label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'shot';
    const file = path.join(this.dir, `${String(this.count).padStart(2, '0')}-${safe}.png`);
    await page.screenshot({ path: file });
    return file;
  }
}

export interface WorkbenchOptions {
  /** Names the screenshot folder test-output/e2e/NAME unless shotsDir is given. */
  name: string;
  workspace: string;
  /** Extension under development (folder with package.json); default: the repo root. */
  extensionDir?: string;
  settings?: Settings;
  /** Environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  shotsDir?: string;
  /** Passed to waitForWorkbench. */
  explorerFile?: string | false;
  timeoutMs?: number;
  /**
   * VS Code's display language, e.g. 'ja' (code-server --locale with the harness's language pack; the browser's
   * language follows). Extensions' strings show in it; VS Code's own stay English (see displayLanguagePack).
   */
  locale?: string;
}

export interface UiSession {
  server: CodeServer;
  browser: Browser;
  page: Page;
  shots: Screenshots;
  /** Numbered screenshot of the page. */
  shot(label: string): Promise<string>;
  /** Closes chromium and stops code-server (throws if processes survive). */
  close(): Promise<void>;
}

/** Starts code-server + chromium, opens the workspace as an Extension Development Host, waits until ready. */
export async function openWorkbench(o: WorkbenchOptions): Promise<UiSession> {
  const shots = await Screenshots.create(o.shotsDir ?? path.join(repoRoot, 'test-output', 'e2e', o.name));
  const started = Date.now();
  const server = await startCodeServer({
    workspace: o.workspace,
    settings: o.settings,
    env: o.env,
    locale: o.locale,
    logFile: path.join(shots.dir, 'code-server.log'),
    keepRunDir: process.env.FUDE_KEEP_RUN_DIR === '1',
    log: say,
  });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium(o.locale ? { locale: o.locale } : {});
    const page = browser.page;
    page.on('pageerror', (err) => say(`page error: ${err.message}`));
    await page.goto(server.url({ extensionDevelopmentPath: path.resolve(o.extensionDir ?? repoRoot) }));
    await waitForWorkbench(page, { explorerFile: o.explorerFile, timeoutMs: o.timeoutMs });
    say(`workbench ready in ${Date.now() - started} ms`);
    const b = browser;
    return {
      server,
      browser: b,
      page,
      shots,
      shot: (label) => shots.take(page, label),
      close: async () => {
        await b.close();
        await server.stop();
      },
    };
  } catch (e) {
    if (browser) await shots.take(browser.page, 'open-workbench-failed').catch(() => '');
    await browser?.close();
    await server.stop().catch(() => {});
    throw e;
  }
}

/**
 * Waits for the workbench: its frame, the Extension Development Host title (the payload was
 * taken), and the explorer showing a file (a given name, any file by default, or skip with false).
 */
export async function waitForWorkbench(
  page: Page,
  o: { explorerFile?: string | false; timeoutMs?: number } = {},
): Promise<void> {
  const timeout = o.timeoutMs ?? 60_000;
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  await page.waitForFunction(() => document.title.includes('Extension Development Host'), undefined, { timeout });
  if (o.explorerFile === false) return;
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  const row = o.explorerFile ? rows.filter({ hasText: o.explorerFile }) : rows;
  await row.first().waitFor({ state: 'visible', timeout });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs a command from the palette by its title as shown there ("Category: Title"). The palette
 * takes its list when it opens, and on a fresh window the extension may not have registered
 * yet, so it closes and reopens the palette until the command appears.
 */
export async function runCommand(
  page: Page,
  title: string,
  o: { timeoutMs?: number; opensInput?: boolean } = {},
): Promise<void> {
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  const widget = page.locator('.quick-input-widget');
  const exact = new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`);
  const row = widget
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await widget.waitFor({ state: 'visible', timeout: 5_000 });
    await page.keyboard.type(title);
    const found = await row
      .first()
      .waitFor({ state: 'visible', timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    // The palette closes when something else takes focus (a webview that just reloaded, on a busy
    // machine): then the row cannot be clicked and the palette is opened again.
    const clicked =
      found &&
      (await row
        .first()
        .click({ timeout: 3_000 })
        .then(
          () => true,
          () => false,
        ));
    if (clicked) {
      // A command that asks for input (a file dialog) keeps the widget open with its own question.
      if (!o.opensInput) await widget.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    }
    say(
      `"${title}" ${found ? 'could not be clicked (the palette lost focus)' : 'not in the palette yet'} (try ${attempt}); reopening it`,
    );
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    if (Date.now() > deadline) throw new Error(`command "${title}" not in the palette after ${attempt} tries`);
    await sleep(500);
  }
}

/** The status bar item whose text or aria-label matches (an item's id ends with its entry id, e.g. fude.status). */
export function statusBarItem(page: Page, match: string | RegExp): Locator {
  const items = page.locator('#workbench\\.parts\\.statusbar .statusbar-item');
  return items.filter({ hasText: match }).or(items.filter({ has: page.getByLabel(match) }));
}

/** A status bar item by its entry id (VS Code prefixes the extension id: "publisher.name.ENTRY"). */
export function statusBarItemById(page: Page, entryId: string): Locator {
  return page.locator(`#workbench\\.parts\\.statusbar .statusbar-item[id$="${entryId.replace(/"/g, '\\"')}"]`);
}

/** Visible text of the first matching status bar item, waiting for it to appear. */
export async function statusBarText(
  page: Page,
  match: string | RegExp,
  o: { timeoutMs?: number } = {},
): Promise<string> {
  const item = statusBarItem(page, match).first();
  await item.waitFor({ state: 'visible', timeout: o.timeoutMs ?? 15_000 });
  return (await item.innerText()).trim();
}

/** A webview's content: it sits two frames deep, `iframe.webview` then `#active-frame`. */
export function webviewFrame(page: Page, o: { index?: number } = {}): FrameLocator {
  return page
    .locator('iframe.webview')
    .nth(o.index ?? 0)
    .contentFrame()
    .locator('#active-frame')
    .contentFrame();
}

/**
 * The text of the first text editor in the editor area, read from its rendered lines (only the lines on
 * screen, so for small files): lines in on-screen order, no-break spaces back to spaces.
 */
export async function editorText(page: Page): Promise<string> {
  const lines = page
    .locator('#workbench\\.parts\\.editor .editor-instance .monaco-editor .view-lines')
    .first()
    .locator('.view-line');
  const rows = await lines.evaluateAll((els) =>
    els.map((e) => ({ top: parseFloat((e as HTMLElement).style.top || '0'), text: (e as HTMLElement).innerText })),
  );
  return rows
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text.replace(/\u00a0/g, ' ').replace(/\n$/, ''))
    .join('\n');
}
