// The typing session the realistic completion benchmark replays: open a ~1,600-line TypeScript file
// (completion-core.ts.txt), type at three places far apart, jump far back and type again, with the
// pauses a person makes (reading after opening or jumping, between keys, at the end of a statement, an
// idle pause in the middle). Seeded, so every run types the same keys with the same gaps.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SESSION_FILE = fileURLToPath(
  new URL('../../../../test/bench/sessions/completion-core.ts.txt', import.meta.url),
);

export interface Place {
  /** How the cursor gets there: the file opens on it, or a far jump (Ctrl+G). */
  readonly arrive: 'open' | 'jump';
  /** The line after which a new line is typed (its exact text, found in the file). */
  readonly after: string;
  /** Lines typed there, one after the other (without the indentation, which Enter gives). */
  readonly lines: readonly string[];
  /** Idle pause after the first line (the editor is idle: the whole window is prefilled). */
  readonly idleAfterFirstMs?: number;
}

export const PAUSES = {
  /** Reading after the file opened, before the first key. */
  afterOpenMs: 3000,
  /** Looking at the new place after a jump, before the first key. */
  afterJumpMs: 1500,
  /** Between keys: 60 to 200 ms (about 75 words a minute). */
  keyMinMs: 60,
  keyMaxMs: 200,
  /** At the end of a statement, before the next line: 0.8 to 1.6 s. */
  statementMinMs: 800,
  statementMaxMs: 1600,
} as const;

export const PLACES: readonly Place[] = [
  {
    arrive: 'open',
    after: '  const meter = meterFor(input.budget);',
    lines: [
      "const lineCount = text.split('\\n').length;",
      "if (lineCount === 0) return { prefix: '', suffix: '', start: 0, end: 0, cursor: 0 };",
    ],
    idleAfterFirstMs: 8000,
  },
  {
    arrive: 'jump',
    after: '    this.counters.requests++;',
    lines: ['const key = `${request.document}:${request.prefix.length}`;'],
  },
  { arrive: 'jump', after: '    this.raw += delta;', lines: ['if (delta.length === 0) return false;'] },
  {
    arrive: 'jump',
    after: '    const gap = this.typicalGap();',
    lines: ['if (gap !== undefined && gap > this.o.pauseMs) return this.o.maxMs;'],
  },
];

/** The first characters of a line typed before the person waits for a suggestion: up to the second space. */
export function firstBurst(line: string): string {
  const first = line.indexOf(' ');
  const second = first === -1 ? -1 : line.indexOf(' ', first + 1);
  return second === -1 ? line : line.slice(0, second + 1);
}

export function sessionText(): string {
  return readFileSync(SESSION_FILE, 'utf8');
}

/** Seeded, so every run of the benchmark types the same session. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
