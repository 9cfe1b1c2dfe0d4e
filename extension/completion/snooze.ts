// Snoozing inline completion for a while: the end time is kept in VS Code's global state (so every
// window and a reload honour it) and forgotten once it has passed.

/** The part of VS Code's Memento used here, so tests can pass a Map-backed fake. */
export interface SnoozeStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

const KEY = 'fude.completion.snoozedUntil';

export class Snooze {
  constructor(
    private readonly storage: SnoozeStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** When the snooze ends (epoch ms), or undefined when not snoozed. */
  until(): number | undefined {
    const t = this.storage.get(KEY);
    return typeof t === 'number' && t > this.now() ? t : undefined;
  }

  get active(): boolean {
    return this.until() !== undefined;
  }

  async snooze(minutes: number): Promise<number> {
    if (!(minutes > 0)) throw new Error(`snooze minutes must be positive, got ${minutes}`);
    const until = this.now() + minutes * 60_000;
    await this.storage.update(KEY, until);
    return until;
  }

  async resume(): Promise<void> {
    await this.storage.update(KEY, undefined);
  }
}
