// The `fude.engine.*` settings and the remote engine's API key. The settings that pick the server or its trust
// (kind, base URL, model, CA file) are machine-scoped in the manifest, so no workspace can point Fude's requests
// (and the key) at another server. The key lives in VS Code's SecretStorage only, one per server origin, so a key
// set for one server is never sent to another; it is never written to settings or logs.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { EngineKind } from '../engine/engine.js';
import { displayUrl, REMOTE_DEFAULTS, RemoteSettingsError, type RemoteConfig } from '../engine/openai/remote-engine.js';
import { boundedNumber } from './setting-bounds.js';

const SECTION = 'fude.engine';

/** Settings whose change means the remote engine must check its server again. */
export const REMOTE_KEYS = [
  'fude.engine.baseUrl',
  'fude.engine.model',
  'fude.engine.caFile',
  'fude.engine.contextSize',
  'fude.engine.connectTimeoutMs',
  'fude.engine.firstTokenTimeoutMs',
  'fude.engine.idleTimeoutMs',
];

export function engineKind(): EngineKind {
  return vscode.workspace.getConfiguration(SECTION).get<string>('kind', 'local') === 'openai' ? 'openai' : 'local';
}

/** What the surfaces show before the server answers: its origin and the model id set. */
export function remoteSummary(): { server: string | undefined; model: string } {
  const c = vscode.workspace.getConfiguration(SECTION);
  return { server: originOf(c.get<string>('baseUrl', '')), model: (c.get<string>('model') ?? '').trim() };
}

/** The SecretStorage key of the API key for a server. */
export function apiKeySecret(origin: string): string {
  return `fude.engine.apiKey:${origin}`;
}

function originOf(baseUrl: string | undefined): string | undefined {
  try {
    const u = new URL((baseUrl ?? '').trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The number set for `fude.engine.<key>`, within its bounds (setting-bounds.ts); `fallback` when it is not a number. */
const num = (c: vscode.WorkspaceConfiguration, key: string, fallback: number): number =>
  boundedNumber(`${SECTION}.${key}`, c.get<unknown>(key), fallback);

function expandHome(p: string): string {
  return p === '~' ? homedir() : p.startsWith('~/') ? join(homedir(), p.slice(2)) : p;
}

/** Everything the remote engine needs for one check of its server, read now. */
export async function readRemoteConfig(secrets: vscode.SecretStorage): Promise<RemoteConfig> {
  const c = vscode.workspace.getConfiguration(SECTION);
  const baseUrl = (c.get<string>('baseUrl') ?? '').trim();
  if (baseUrl === '')
    throw new RemoteSettingsError(
      'fude.engine.baseUrl',
      "fude.engine.baseUrl is empty: set it to the server's API base, for example https://gpu-node-1:8000/v1",
    );
  const origin = originOf(baseUrl);
  if (!origin)
    throw new RemoteSettingsError(
      'fude.engine.baseUrl',
      `fude.engine.baseUrl "${displayUrl(baseUrl)}" is not an http:// or https:// URL; expected something like https://gpu-node-1:8000/v1`,
    );
  const url = new URL(baseUrl);
  if (url.username || url.password) {
    throw new RemoteSettingsError(
      'fude.engine.baseUrl',
      'fude.engine.baseUrl holds a user name or password; remove it and set the key with "Fude: Set API Key for Remote Engine" (stored in VS Code\'s secret storage)',
    );
  }
  const caFile = (c.get<string>('caFile') ?? '').trim();
  let caPem: string | undefined;
  if (caFile !== '') {
    const path = expandHome(caFile);
    try {
      caPem = await readFile(path, 'utf8');
    } catch (e) {
      throw new RemoteSettingsError(
        'fude.engine.caFile',
        `the CA file ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    if (!caPem.includes('-----BEGIN CERTIFICATE-----'))
      throw new RemoteSettingsError(
        'fude.engine.caFile',
        `the CA file ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
      );
  }
  const apiKey = (await secrets.get(apiKeySecret(origin))) || undefined;
  return {
    baseUrl,
    model: (c.get<string>('model') ?? '').trim(),
    apiKey,
    verifyTls: true,
    ...(caPem ? { caPem } : {}),
    contextSize: num(c, 'contextSize', REMOTE_DEFAULTS.contextSize),
    connectTimeoutMs: num(c, 'connectTimeoutMs', REMOTE_DEFAULTS.connectTimeoutMs),
    firstTokenTimeoutMs: num(c, 'firstTokenTimeoutMs', REMOTE_DEFAULTS.firstTokenTimeoutMs),
    idleTimeoutMs: num(c, 'idleTimeoutMs', REMOTE_DEFAULTS.idleTimeoutMs),
  };
}

/** The API keys in SecretStorage, one per server origin. */
export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  set(origin: string, key: string): Thenable<void> {
    return this.secrets.store(apiKeySecret(origin), key);
  }

  clear(origin: string): Thenable<void> {
    return this.secrets.delete(apiKeySecret(origin));
  }

  has(origin: string): Thenable<boolean> {
    return this.secrets.get(apiKeySecret(origin)).then((k) => Boolean(k));
  }
}

/**
 * "Fude: Set API Key for Remote Engine" and "Fude: Clear API Key for Remote Engine": the key for the server
 * `fude.engine.baseUrl` names, typed into a password box; `changed` runs after, to check the server again.
 */
export function registerApiKeyCommands(
  keys: ApiKeyStore,
  changed: () => Promise<void>,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const serverOrSay = (): string | undefined => {
    const { server } = remoteSummary();
    if (!server) {
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t(
            'Fude: set fude.engine.baseUrl to the remote server first (for example https://gpu-node-1:8000/v1); the key is stored for that server.',
          ),
          vscode.l10n.t('Open Remote Engine Settings'),
        )
        .then((pick) => {
          if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', 'fude.engine');
        });
    }
    return server;
  };
  return [
    vscode.commands.registerCommand('fude.engine.setApiKey', async () => {
      const server = serverOrSay();
      if (!server) return;
      const key = await vscode.window.showInputBox({
        title: vscode.l10n.t('Fude: API key for {0}', server),
        prompt: vscode.l10n.t(
          'The key is kept in VS Code\'s secret storage, for this server only, and sent as "Authorization: Bearer …".',
        ),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) =>
          v.trim() === ''
            ? vscode.l10n.t('Enter the key, or press Escape to cancel.')
            : /\s/.test(v.trim())
              ? vscode.l10n.t('An API key has no spaces.')
              : undefined,
      });
      if (key === undefined) return;
      await keys.set(server, key.trim());
      log.info(`remote engine: API key set for ${server}`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Fude: the API key for {0} is saved in the secret storage.', server),
      );
      await changed();
    }),
    vscode.commands.registerCommand('fude.engine.clearApiKey', async () => {
      const server = serverOrSay();
      if (!server) return;
      await keys.clear(server);
      log.info(`remote engine: API key cleared for ${server}`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Fude: the API key for {0} was removed from the secret storage.', server),
      );
      await changed();
    }),
  ];
}
