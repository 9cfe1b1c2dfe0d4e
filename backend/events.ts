// The backend's stdout: typed JSON event lines (protocol/backend-events.ts) and nothing else.
import type { BackendEvent } from '../protocol/backend-events.js';

export function emitEvent(event: BackendEvent): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** At most one progress event per step of this size, so a slow disk does not flood the pipe. */
export function progressThrottle(step: number, emit: (progress: number) => void): (progress: number) => void {
  let last = -1;
  return (progress) => {
    if (progress < 1 && progress - last < step) return;
    last = progress;
    emit(Math.round(progress * 1000) / 1000);
  };
}
