import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { BackendState } from '../../extension/backend/backend-state.js';
import type { FudeApi } from '../../extension/extension.js';

export async function fudeApi(): Promise<FudeApi> {
  const ext = vscode.extensions.getExtension<FudeApi>('fude.fude');
  if (!ext) throw new Error('the Fude extension is not loaded');
  return ext.activate();
}

export function waitForState(api: FudeApi, pred: (s: BackendState) => boolean, ms = 60_000): Promise<BackendState> {
  const sup = api.service.supervisor;
  return new Promise((resolve, reject) => {
    if (pred(sup.current)) return resolve(sup.current);
    const timer = setTimeout(() => {
      off();
      reject(new Error(`backend state did not arrive within ${ms} ms; it is ${JSON.stringify(sup.current)}`));
    }, ms);
    const off = sup.onState((s) => {
      if (!pred(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

export async function setFude(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('fude').update(key, value, vscode.ConfigurationTarget.Global);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Backend processes this extension host started (its children running this extension's backend). */
export function backendPids(extensionPath: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out.split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, ppid, ...args]) => Number(ppid) === process.pid && args.join(' ').includes(`${extensionPath}/out/backend/main.js`))
    .map(([pid]) => Number(pid));
}

export async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
