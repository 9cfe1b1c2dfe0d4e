// Recent completions, so the same position (or one the user reached by typing the start of a
// suggestion) is served without asking the model again.

export interface CacheKey {
  /** Which document (its URI); versions change on every keystroke, so they are not part of it. */
  readonly document: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface CacheHit {
  /** What to show now: the cached suggestion with the typed characters taken off. */
  readonly text: string;
  /** What the user typed since the suggestion was stored ('' for the same position). */
  readonly typed: string;
}

export interface CompletionCacheOptions {
  readonly capacity?: number;
  /** Characters of prefix / suffix next to the cursor that identify a position. */
  readonly prefixTailChars?: number;
  readonly suffixHeadChars?: number;
  /** How far back a type-ahead lookup walks. */
  readonly maxTypeAhead?: number;
}

export class CompletionCache {
  private readonly entries = new Map<string, string>();
  private readonly capacity: number;
  private readonly prefixTail: number;
  private readonly suffixHead: number;
  private readonly maxTypeAhead: number;

  constructor(options: CompletionCacheOptions = {}) {
    this.capacity = options.capacity ?? 100;
    this.prefixTail = options.prefixTailChars ?? 500;
    this.suffixHead = options.suffixHeadChars ?? 200;
    this.maxTypeAhead = options.maxTypeAhead ?? 64;
  }

  get size(): number {
    return this.entries.size;
  }

  private keyOf(document: string, prefix: string, suffix: string): string {
    // JSON keeps the three parts apart whatever characters they hold.
    return JSON.stringify([document, prefix.slice(-this.prefixTail), suffix.slice(0, this.suffixHead)]);
  }

  /** Stores a shown suggestion; empty ones are not worth a slot. */
  set(key: CacheKey, suggestion: string): void {
    if (suggestion === '') return;
    const k = this.keyOf(key.document, key.prefix, key.suffix);
    this.entries.delete(k);
    this.entries.set(k, suggestion);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /**
   * The suggestion for this position, or for an earlier position from which the user typed the
   * start of its suggestion (type-ahead). Walks back one character at a time, nearest first.
   */
  get(key: CacheKey): CacheHit | undefined {
    const most = Math.min(this.maxTypeAhead, key.prefix.length);
    for (let k = 0; k <= most; k++) {
      const earlier = key.prefix.slice(0, key.prefix.length - k);
      const cacheKey = this.keyOf(key.document, earlier, key.suffix);
      const stored = this.entries.get(cacheKey);
      if (stored === undefined) continue;
      const typed = key.prefix.slice(earlier.length);
      if (!stored.startsWith(typed) || stored.length === typed.length) continue;
      // Touch the entry so suggestions in use stay.
      this.entries.delete(cacheKey);
      this.entries.set(cacheKey, stored);
      return { text: stored.slice(typed.length), typed };
    }
    return undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}
