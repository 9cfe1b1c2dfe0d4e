// Leaves no orphan behind: exit when the parent goes away or stdin closes, and shut down cleanly on signals.
import type { Logger } from './log.js';

const PARENT_POLL_MS = 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function watchForOrphaning(opts: {
  parentPid: number;
  exitWithStdin: boolean;
  log: Logger;
  onOrphaned(reason: string): void;
}): void {
  const startPpid = process.ppid;
  const timer = setInterval(() => {
    // Re-parenting (ppid changes) also means the starter died.
    if (!alive(opts.parentPid) || (opts.parentPid === startPpid && process.ppid !== startPpid)) {
      clearInterval(timer);
      opts.onOrphaned(`parent process ${opts.parentPid} is gone`);
    }
  }, PARENT_POLL_MS);
  timer.unref();
  if (opts.exitWithStdin) {
    process.stdin.on('end', () => opts.onOrphaned('stdin closed'));
    process.stdin.on('close', () => opts.onOrphaned('stdin closed'));
    process.stdin.on('error', () => opts.onOrphaned('stdin failed'));
    process.stdin.resume();
  }
}

export function onTerminationSignals(handler: (signal: string) => void): void {
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(s, () => handler(s));
}
