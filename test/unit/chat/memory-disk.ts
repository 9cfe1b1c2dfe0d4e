/** An in-memory HistoryDisk that counts the bytes each write hands over, and can fail the next write. */
import type { HistoryDisk } from '../../../extension/chat/history-disk.js';

export class MemoryDisk implements HistoryDisk {
  readonly files = new Map<string, string>();
  /** Bytes handed to write and append so far. */
  written = 0;
  failNext = false;

  read(name: string): string | undefined {
    return this.files.get(name);
  }
  async write(name: string, text: string): Promise<void> {
    this.check();
    this.written += Buffer.byteLength(text);
    this.files.set(name, text);
  }
  async append(name: string, text: string): Promise<void> {
    this.check();
    this.written += Buffer.byteLength(text);
    this.files.set(name, (this.files.get(name) ?? '') + text);
  }
  async remove(name: string): Promise<void> {
    this.files.delete(name);
  }
  async list(folder: string): Promise<string[]> {
    return [...this.files.keys()]
      .filter((name) => name.startsWith(`${folder}/`))
      .map((name) => name.slice(folder.length + 1));
  }
  /** Bytes of every file, as the disk holds them. */
  get stored(): number {
    let total = 0;
    for (const text of this.files.values()) total += Buffer.byteLength(text);
    return total;
  }
  private check(): void {
    if (!this.failNext) return;
    this.failNext = false;
    throw new Error('disk full');
  }
}
