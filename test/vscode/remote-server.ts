// A real OpenAI-compatible server for the in-editor suite: Fude's own backend started by the test (not by the
// extension) on a generated model, with a token the test chooses, as another machine's backend would run.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { readBackendEvents } from '../../protocol/backend-events.js';

export interface RemoteServer {
  /** e.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  origin: string;
  token: string;
  proc: ChildProcess;
  stderr: string[];
  stop(): Promise<void>;
}

export async function startRemoteServer(
  extensionPath: string,
  model: string,
  args: string[] = [],
): Promise<RemoteServer> {
  const token = `remote-test-token-${process.pid}-${Date.now()}`;
  // In a desktop VS Code the extension host is Electron: run it as plain Node, as the extension does.
  const proc = spawn(
    process.execPath,
    [join(extensionPath, 'out/backend/main.js'), '--model', model, '--gpu', 'cpu', '--threads', '1', ...args],
    {
      env: { ...process.env, FUDE_BACKEND_TOKEN: token, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  proc.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(...d.split('\n').filter(Boolean)));
  const exited = once(proc, 'exit');
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the test's backend did not start in 120 s: ${stderr.slice(-5).join(' | ')}`)),
      120_000,
    );
    readBackendEvents(proc.stdout, (ev) => {
      if (ev.event === 'ready') {
        clearTimeout(timer);
        resolve(ev.port);
      } else if (ev.event === 'setup_error') {
        clearTimeout(timer);
        reject(new Error(`the test's backend refused to start: ${ev.code} ${ev.message}`));
      }
    });
    void exited.then(() => reject(new Error(`the test's backend exited: ${stderr.slice(-5).join(' | ')}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    token,
    proc,
    stderr,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}
