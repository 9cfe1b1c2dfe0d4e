/**
 * Where the chat history lives: files in the workspace's storage folder (VS Code's `storageUri`), not
 * `workspaceState`. An extension's Memento hands its WHOLE state to VS Code on every update, so a
 * Memento-backed history re-serializes every conversation per message; files let one message be one
 * appended line. The folder is the user's only (0700, files 0600): conversations hold their code.
 */
import { appendFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The few operations the history needs; `name` is a relative path the store made ("index.json", "c/ID.jsonl"). */
export interface HistoryDisk {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  read(name: string): string | undefined;
  /** Replaces the file as a whole (atomically where the platform allows). */
  write(name: string, text: string): Promise<void>;
  append(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
  /** File names in a folder ("c", "blobs"); empty when it does not exist. */
  list(folder: string): Promise<string[]>;
}

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export class NodeHistoryDisk implements HistoryDisk {
  private readonly made = new Set<string>();
  private temp = 0;

  constructor(private readonly root: string) {}

  read(name: string): string | undefined {
    try {
      return readFileSync(join(this.root, name), 'utf8');
    } catch {
      return undefined;
    }
  }

  async write(name: string, text: string): Promise<void> {
    const path = join(this.root, name);
    await this.folderOf(name);
    const temp = `${path}.${process.pid}.${this.temp++}.tmp`;
    await writeFile(temp, text, { encoding: 'utf8', mode: PRIVATE_FILE });
    await rename(temp, path);
  }

  async append(name: string, text: string): Promise<void> {
    await this.folderOf(name);
    await appendFile(join(this.root, name), text, { encoding: 'utf8', mode: PRIVATE_FILE });
  }

  async remove(name: string): Promise<void> {
    await rm(join(this.root, name), { force: true });
  }

  async list(folder: string): Promise<string[]> {
    try {
      return await readdir(join(this.root, folder));
    } catch {
      return [];
    }
  }

  private async folderOf(name: string): Promise<void> {
    const parts = name.split('/').slice(0, -1);
    const folder = join(this.root, ...parts);
    if (this.made.has(folder)) return;
    await mkdir(folder, { recursive: true, mode: PRIVATE_DIR });
    this.made.add(folder);
  }
}
