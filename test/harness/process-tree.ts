// Finding and ending every process a harness run started. code-server forks file watchers,
// a pty host and extension hosts; killing only the parent leaves them running, and a
// process may even leave the group (terminals call setsid). So each run tags its processes
// with an environment marker, kills the process group, then sweeps anything still tagged.
import { readdir, readFile } from 'node:fs/promises';

export const RUN_MARKER_VAR = 'FUDE_HARNESS_RUN_ID';

/** Fields of /proc/PID/stat after the parenthesised command name (which may hold spaces). */
export function statFields(stat: string): { state: string; pgrp: number } {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: rest[0] ?? '', pgrp: Number(rest[2]) };
}

/**
 * Live (non-zombie) pids that belong to a run: in process group pgid, or carrying
 * RUN_MARKER_VAR=runId in their environment. Linux /proc; elsewhere returns [].
 */
export async function runPids(pgid: number | undefined, runId: string): Promise<number[]> {
  const needle = Buffer.from(`${RUN_MARKER_VAR}=${runId}\0`);
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const { state, pgrp } = statFields(await readFile(`/proc/${name}/stat`, 'utf8'));
      if (state === 'Z') continue; // Zombies are dead; a container's PID 1 may never reap them.
      if (pgrp === pgid || (await readFile(`/proc/${name}/environ`)).includes(needle)) found.push(Number(name));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return found;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is empty.
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * SIGTERM the group and the tagged stragglers, wait up to graceMs, then SIGKILL what is left.
 * Returns the pids still alive afterwards (empty when clean).
 */
export async function killRun(pgid: number | undefined, runId: string, graceMs = 3000): Promise<number[]> {
  const signalAll = async (signal: NodeJS.Signals) => {
    if (pgid !== undefined) signalGroup(pgid, signal);
    for (const pid of await runPids(pgid, runId)) signalPid(pid, signal);
  };
  await signalAll('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if ((await runPids(pgid, runId)).length === 0) return [];
    await sleep(100);
  }
  await signalAll('SIGKILL');
  await sleep(300);
  return runPids(pgid, runId);
}
