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
  // VS Code 1.104+ opens its own Chat view in the secondary side bar of every new window.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
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
  return writeSettingsFile(path.join(userDataDir, 'User'), settings);
}

/**
 * Writes USER_DATA/Machine/settings.json: code-server's remote-machine settings. code-server's window is
 * always a remote one, and settings of scope machine / machine-overridable (fude.model.path,
 * fude.backend.nodePath) belong to the remote machine: on VS Code 1.117 a fude.model.path only in the
 * user file was not used (the terms scenario got the demo model), one here was.
 */
export async function writeMachineSettings(userDataDir: string, settings: Settings): Promise<string> {
  return writeSettingsFile(path.join(userDataDir, 'Machine'), settings);
}

async function writeSettingsFile(dir: string, settings: Settings): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  await writeFile(file, JSON.stringify(settings, null, 2) + '\n');
  return file;
}
