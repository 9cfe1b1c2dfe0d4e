// User settings written before code-server starts, so the first window is already quiet:
// no welcome page, no trust prompt, no telemetry, no extension updates.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type Settings = Record<string, unknown>;

export const baseSettings: Readonly<Settings> = Object.freeze({
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // Test workspaces often sit inside the repo; git would ask to open the parent repository.
  'git.openRepositoryInParentFolders': 'never',
});

/** Caller's settings win over the base ones. */
export function mergeSettings(extra: Settings = {}): Settings {
  return { ...baseSettings, ...extra };
}

/** Parses the CLI's --settings JSON; must be an object. */
export function parseSettingsJson(text: string): Settings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`--settings is not valid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('--settings must be a JSON object, e.g. {"fude.backend.port": 0}');
  }
  return value as Settings;
}

/** Writes USER_DATA/User/settings.json (where VS Code and code-server read user settings). */
export async function writeUserSettings(userDataDir: string, settings: Settings): Promise<string> {
  const dir = path.join(userDataDir, 'User');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  await writeFile(file, JSON.stringify(settings, null, 2) + '\n');
  return file;
}
