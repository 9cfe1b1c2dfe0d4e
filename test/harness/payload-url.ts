// Builds the workbench URL that turns a code-server window into an "Extension Development
// Host": code-server's CLI rejects --extensionDevelopmentPath, but the web workbench reads
// a `payload` query parameter (URL-encoded JSON list of [key, value] pairs).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkbenchUrlOptions {
  port: number;
  /** Absolute folder to open. */
  workspace: string;
  /** Absolute extension folder (holds package.json), or several (the first is the one under test); omitted = plain workbench. */
  extensionDevelopmentPath?: string | readonly string[];
  /** Absolute path of a tests index exporting run(); omitted = UI session, no suite. */
  extensionTestsPath?: string;
  host?: string;
}

/** `vscode-remote://HOST:PORT/abs/path`, with the path percent-encoded like a file URL. */
export function remoteUri(host: string, port: number, absPath: string): string {
  if (!path.isAbsolute(absPath)) throw new Error(`remoteUri needs an absolute path, got ${absPath}`);
  return `vscode-remote://${host}:${port}${pathToFileURL(absPath).pathname}`;
}

export function workbenchUrl(o: WorkbenchUrlOptions): string {
  const host = o.host ?? '127.0.0.1';
  if (!path.isAbsolute(o.workspace)) throw new Error(`workspace must be absolute, got ${o.workspace}`);
  const params = new URLSearchParams({ folder: o.workspace });
  const payload: Array<[string, string]> = [];
  // Several folders are written as repeated keys, as desktop VS Code takes several paths; code-server's web
  // workbench reads the payload into a Map and keeps only the last (so the harness preinstalls the others).
  const devPaths =
    typeof o.extensionDevelopmentPath === 'string' ? [o.extensionDevelopmentPath] : (o.extensionDevelopmentPath ?? []);
  for (const dir of devPaths) payload.push(['extensionDevelopmentPath', remoteUri(host, o.port, dir)]);
  if (o.extensionTestsPath) {
    if (devPaths.length === 0) throw new Error('extensionTestsPath needs extensionDevelopmentPath');
    payload.push(['extensionTestsPath', remoteUri(host, o.port, o.extensionTestsPath)]);
  }
  if (payload.length > 0) params.set('payload', JSON.stringify(payload));
  return `http://${host}:${o.port}/?${params.toString()}`;
}
