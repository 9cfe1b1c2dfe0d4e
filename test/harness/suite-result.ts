// Decides whether a suite run passed. An exit code of 0 alone is not enough: a tests index
// that never ran mocha (or found no test files) also "succeeds", so success also needs a
// mocha summary with at least one passing test, unless the caller allows an empty suite.

export interface SuiteReport {
  /** Exit code the suite reported; undefined when it never reported. */
  exitCode: number | undefined;
  timedOut: boolean;
  timeoutMs?: number;
  /** Everything the suite logged, one entry per line. */
  lines: readonly string[];
  allowEmpty?: boolean;
}

export interface Verdict {
  exitCode: number;
  message: string;
}

// eslint-disable-next-line no-control-regex -- ESC starts the colour codes it strips
const ansi = /\u001b\[[0-9;]*m/g;

export function mochaSummary(lines: readonly string[]): { passing?: number; failing?: number; pending?: number } {
  const summary: { passing?: number; failing?: number; pending?: number } = {};
  for (const raw of lines) {
    const line = raw.replace(ansi, '');
    for (const key of ['passing', 'failing', 'pending'] as const) {
      const m = new RegExp(`^\\s*(\\d+) ${key}\\b`).exec(line);
      if (m) summary[key] = Number(m[1]);
    }
  }
  return summary;
}

export function judge(r: SuiteReport): Verdict {
  if (r.timedOut) {
    return { exitCode: 1, message: `TIMEOUT: the suite did not report a result within ${r.timeoutMs ?? '?'} ms` };
  }
  if (r.exitCode === undefined) {
    return { exitCode: 1, message: 'FAILED: the suite never reported a result (tests index not run?)' };
  }
  const s = mochaSummary(r.lines);
  const counts = `passing ${s.passing ?? '-'}, failing ${s.failing ?? '-'}, pending ${s.pending ?? '-'}`;
  if (r.exitCode !== 0) return { exitCode: r.exitCode, message: `FAILED: suite exit code ${r.exitCode} (${counts})` };
  if ((s.failing ?? 0) > 0)
    return { exitCode: 1, message: `FAILED: exit code 0 but mocha reported failures (${counts})` };
  if (!r.allowEmpty && !((s.passing ?? 0) > 0)) {
    return {
      exitCode: 1,
      message: `FAILED: exit code 0 but no mocha "N passing" line with N > 0: did any test run? (${counts}; --allow-empty accepts this)`,
    };
  }
  return { exitCode: 0, message: `PASSED (${counts})` };
}
