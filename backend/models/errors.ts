// One error type for the model manager: a stable code (protocol/models.ts) and a message a person can act on.
import type { ModelsErrorCode } from '../../protocol/models.js';

export class ModelsError extends Error {
  constructor(
    readonly code: ModelsErrorCode,
    message: string,
    /** A partial download kept for the next attempt, when there is one. */
    readonly partial?: { path: string; bytes: number },
  ) {
    super(message);
  }
}

export function isModelsError(e: unknown): e is ModelsError {
  return e instanceof ModelsError;
}

/** The first line of any thrown value, for messages (never a stack). */
export function firstLine(e: unknown): string {
  return String((e as Error | undefined)?.message ?? e).split('\n')[0];
}
