// Synchronous clean-ups that must run even when this process is interrupted (Ctrl-C, CI
// cancelling a job) or exits without stopping what it started: code-server is detached and
// would outlive us, and temp folders would pile up.
const cleanups = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const fn of [...cleanups]) {
    try {
      fn();
    } catch {
      /* best effort on the way out */
    }
  }
  cleanups.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      console.error(`[harness] ${signal}: stopping code-server and chromium`);
      runAll();
      process.exit(code);
    });
  }
}

/** Registers fn to run synchronously on exit or on a terminating signal; returns its remover. */
export function onExitCleanup(fn: () => void): () => void {
  install();
  cleanups.add(fn);
  return () => {
    cleanups.delete(fn);
  };
}
