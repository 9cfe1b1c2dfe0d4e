// How much memory a process holds (resident set), for Show Status: each VS Code window runs its own backend,
// so the person should see what one costs. Linux reads /proc; macOS asks ps; elsewhere it is unknown.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export async function residentBytes(
  pid: number,
  platform: NodeJS.Platform = process.platform,
): Promise<number | undefined> {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    if (platform === 'linux') {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
      return kb === undefined ? undefined : Number(kb) * 1024;
    }
    if (platform === 'darwin') {
      const out = await new Promise<string>((resolve, reject) =>
        execFile('ps', ['-o', 'rss=', '-p', String(pid)], { timeout: 2000 }, (e, stdout) =>
          e ? reject(new Error(`ps failed: ${e.message}`, { cause: e })) : resolve(stdout),
        ),
      );
      const kb = Number(out.trim());
      return Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
