// Headless Debian chromium driven by playwright-core (never `npx playwright install`: it
// downloads from Microsoft). A fresh profile per launch so no state leaks between runs.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromiumExecutable } from './repo-paths.js';
import { onExitCleanup } from './exit-cleanup.js';

export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Offline machine: fail every outside host name at once instead of waiting on DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * `profileDir`: a lasting browser profile (kept on close), like a user's browser that keeps each site's storage.
 * `locale`: the browser's language (navigator.language, Accept-Language), e.g. 'ja-JP' for a Japanese user's browser.
 */
export async function launchChromium(
  opts: { viewport?: { width: number; height: number }; profileDir?: string; locale?: string } = {},
): Promise<Browser> {
  const executablePath = chromiumExecutable();
  if (!existsSync(executablePath)) {
    throw new Error(
      `chromium not found at ${executablePath}: run scripts/install-code-server.sh (or set FUDE_CHROMIUM)`,
    );
  }
  const lasting = opts.profileDir !== undefined;
  const profile = lasting ? path.resolve(opts.profileDir!) : await mkdtemp(path.join(os.tmpdir(), 'fude-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...chromiumArgs],
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    ...(opts.locale ? { locale: opts.locale } : {}),
    // Chromium writes crash reports and dconf data under the home directory otherwise.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(profile, 'xdg-config'),
      XDG_CACHE_HOME: path.join(profile, 'xdg-cache'),
    },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Playwright kills chromium itself on exit; the profile folder is ours to remove.
  const removeExitCleanup = onExitCleanup(() => {
    if (!lasting) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  });
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      if (!lasting) await rm(profile, { recursive: true, force: true });
      removeExitCleanup();
    },
  };
}
