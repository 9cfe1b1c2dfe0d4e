// Runs the real fude-backend once and measures it from outside: wall time, exit, and peak resident memory.
// Peak memory comes from the process itself at exit (process.resourceUsage().maxRSS, through a preloaded
// hook, so the backend needs no test code) and, on Linux, from /proc/PID/status VmHWM polled while it runs,
// which also covers a process that is killed or dies of an out-of-memory.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { BACKEND_MAIN, TEST_TOKEN } from './harness.js';

export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** Peak resident set size in MiB, the larger of both sources; NaN when neither answered. */
  peakMiB: number;
  stderr: string[];
  timedOut: boolean;
}

const RSS_MARK = 'fude-test-max-rss-kib ';
const EXIT_HOOK = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\n${RSS_MARK}"+process.resourceUsage().maxRSS+"\\n"))`;
const POLL_MS = 20;

function vmHwmKiB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export async function measureBackend(args: string[], limitMs: number): Promise<Measured> {
  const started = performance.now();
  const proc = spawn(
    process.execPath,
    ['--import', EXIT_HOOK, BACKEND_MAIN, '--gpu', 'cpu', '--threads', '1', ...args],
    {
      env: { ...process.env, FUDE_BACKEND_TOKEN: TEST_TOKEN },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let text = '';
  proc.stderr.setEncoding('utf8').on('data', (d: string) => {
    text += d.slice(0, 1_000_000);
  });
  let peakKiB = 0;
  const poll = setInterval(() => {
    peakKiB = Math.max(peakKiB, vmHwmKiB(proc.pid!) ?? 0);
  }, POLL_MS);
  let timedOut = false;
  const killer = setTimeout(() => {
    timedOut = true;
    proc.kill('SIGKILL');
  }, limitMs);
  const [code, signal] = (await once(proc, 'exit')) as [number | null, NodeJS.Signals | null];
  const ms = performance.now() - started;
  clearInterval(poll);
  clearTimeout(killer);
  if (proc.stderr.readableLength > 0 || !proc.stderr.readableEnded)
    await once(proc.stderr, 'end').catch(() => undefined);
  const lines = text.split('\n').filter(Boolean);
  const reported = lines.find((l) => l.startsWith(RSS_MARK));
  if (reported) peakKiB = Math.max(peakKiB, Number(reported.slice(RSS_MARK.length)));
  return {
    code,
    signal,
    ms,
    timedOut,
    peakMiB: peakKiB > 0 ? peakKiB / 1024 : Number.NaN,
    stderr: lines.filter((l) => !l.startsWith(RSS_MARK)),
  };
}
