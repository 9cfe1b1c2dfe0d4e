// Which other files the user recently edited or looked at, and the part of each worth showing the
// model: the lines around the last edit (or the top of a file only viewed). The editor adapter
// records events; texts are read only when a prompt is built, from what is still open.
import {
  chooseContextSnippets,
  formatContextSnippets,
  type ContextCandidate,
  type TextBudget,
} from './prompt-window.js';

export interface FileRef {
  readonly uri: string;
  /** Workspace-relative path, as shown to the model. */
  readonly path: string;
  readonly languageId: string;
}

interface Entry extends FileRef {
  lastUsedAt: number;
  /** Line of the last edit; undefined for a file only viewed. */
  focusLine: number | undefined;
}

export interface RecentFilesOptions {
  /** Files remembered. */
  readonly capacity?: number;
  /** Lines taken around the focus line. */
  readonly linesAround?: number;
  /** Snippets at most in one prompt. */
  readonly maxSnippets?: number;
}

/** Lines [from, to) of `text` around `focus` (or from the top), `around` on each side. */
export function linesAround(text: string, focus: number | undefined, around: number): string {
  const lines = text.split('\n');
  const centre = Math.min(Math.max(0, focus ?? 0), Math.max(0, lines.length - 1));
  const from = focus === undefined ? 0 : Math.max(0, centre - around);
  const to = Math.min(lines.length, from + 2 * around + 1);
  return lines.slice(from, to).join('\n');
}

export class RecentFiles {
  private readonly entries = new Map<string, Entry>();
  private readonly capacity: number;
  private readonly around: number;
  private readonly maxSnippets: number;

  constructor(options: RecentFilesOptions = {}) {
    this.capacity = options.capacity ?? 20;
    this.around = options.linesAround ?? 30;
    this.maxSnippets = options.maxSnippets ?? 3;
  }

  /** The user edited `file` at `line`. */
  edited(file: FileRef, line: number, at: number): void {
    this.touch(file, at).focusLine = line;
  }

  /** The user opened or switched to `file`; an earlier edit position is kept. */
  viewed(file: FileRef, at: number): void {
    this.touch(file, at);
  }

  closed(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Other files of `current`'s language as commented snippets within `budget`, most recent first.
   * `textOf` returns a file's text, or undefined when it is no longer available.
   */
  contextFor(current: FileRef, textOf: (uri: string) => string | undefined, budget: TextBudget): string {
    const limit = 'chars' in budget ? budget.chars : budget.tokens;
    if (limit <= 0) return '';
    const candidates: ContextCandidate[] = [];
    for (const e of this.entries.values()) {
      if (e.uri === current.uri || e.languageId !== current.languageId) continue;
      const text = textOf(e.uri);
      if (text === undefined) continue;
      candidates.push({
        path: e.path,
        languageId: e.languageId,
        lastUsedAt: e.lastUsedAt,
        text: linesAround(text.replace(/\r\n/g, '\n'), e.focusLine, this.around),
      });
    }
    const chosen = chooseContextSnippets(
      candidates,
      { path: current.path, languageId: current.languageId },
      this.maxSnippets,
    );
    return formatContextSnippets(chosen, current.languageId, budget);
  }

  private touch(file: FileRef, at: number): Entry {
    const old = this.entries.get(file.uri);
    this.entries.delete(file.uri);
    const entry: Entry = { ...file, lastUsedAt: at, focusLine: old?.focusLine };
    this.entries.set(file.uri, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }
}
