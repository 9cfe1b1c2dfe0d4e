import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { FudeTestHooks } from '../../extension/api.js';
import type { ModelState } from '../../extension/engine/model-status.js';

/** The parts of the running extension the tests use (the extension hands them out in VS Code's test mode only). */
export type TestApi = FudeTestHooks['testing'] & { statusText(): string; state(): ModelState };

export async function fudeApi(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<FudeTestHooks>('fude.fude');
  if (!ext) throw new Error('the Fude extension is not loaded');
  const exported = await ext.activate();
  if (!exported.testing)
    throw new Error('the extension did not hand out its test hooks: is VS Code running it in test mode?');
  return { ...exported.testing, statusText: () => exported.statusText(), state: () => exported.status() };
}

export function waitForState(api: TestApi, pred: (s: ModelState) => boolean, ms = 60_000): Promise<ModelState> {
  const status = api.status;
  return new Promise((resolve, reject) => {
    if (pred(status.current)) return resolve(status.current);
    const timer = setTimeout(() => {
      off();
      reject(new Error(`model state did not arrive within ${ms} ms; it is ${JSON.stringify(status.current)}`));
    }, ms);
    const off = status.onDidChange((s) => {
      if (!pred(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

/**
 * Sets a Fude setting and waits until this extension host has it. `update` can resolve before the change reaches the
 * extension host, so a request sent right after it could still see the old value (a timeout test once got a full
 * answer that way). The change event fires when the host takes the new value, so once `inspect` shows it, Fude's
 * own listeners have run.
 */
export async function setFude(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('fude').update(key, value, vscode.ConfigurationTarget.Global);
  const arrived = () =>
    JSON.stringify(vscode.workspace.getConfiguration('fude').inspect(key)?.globalValue) === JSON.stringify(value);
  const deadline = Date.now() + 5_000;
  while (!arrived()) {
    if (Date.now() > deadline) throw new Error(`the setting fude.${key} did not reach the extension host in 5 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
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
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(
      ([, ppid, ...args]) =>
        Number(ppid) === process.pid && args.join(' ').includes(`${extensionPath}/out/backend/main.js`),
    )
    .map(([pid]) => Number(pid));
}

export async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
