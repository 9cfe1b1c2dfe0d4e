/**
 * The examples the n-gram model learns from, which batch each came from, and a digest
 * of them, so a test can tell when the committed weights were trained on data that has
 * since changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelled } from './evaluate.js';
import type { Example } from './ngram-train.js';

/**
 * Relative to the repository root. Each file (and each batch of labelled.jsonl) was
 * written independently, most of them blind to the detector of the day; each heldout-N
 * was a blind check until its one measurement consumed it (README.md).
 */
export const TRAINING_FILES = [
  'test/notices/labelled.jsonl',
  'test/notices/heldout.jsonl',
  'test/notices/heldout-2.jsonl',
  'test/notices/train-a.jsonl',
  'test/notices/train-b.jsonl',
  'test/notices/heldout-3.jsonl',
  'test/notices/train-c.jsonl',
  'test/notices/train-d.jsonl',
  'test/notices/heldout-4.jsonl',
  'test/notices/train-e.jsonl',
  'test/notices/train-f.jsonl',
  'test/notices/heldout-5.jsonl',
  'test/notices/train-g.jsonl',
  'test/notices/heldout-6.jsonl',
  'test/notices/train-h.jsonl',
] as const;

/**
 * labelled.jsonl grew by appending batches written one at a time (see its git log):
 * their sizes, in order, so that grouped cross-validation can hold out one batch.
 * Lines past the last batch form one more group.
 */
const BATCH_SIZES: Partial<Record<string, readonly number[]>> = {
  'test/notices/labelled.jsonl': [271, 100, 100, 160, 100, 110, 100, 100, 80],
};

export interface TrainingSet {
  examples: Example[];
  /** Per example, the batch it was written in ("test/notices/labelled.jsonl#3", or the file): the unit of grouped cross-validation. */
  groups: string[];
  /** sha256 over the files' contents, in TRAINING_FILES order. */
  sha256: string;
}

/** The group of each of n examples of a file: its batch by position, or the file itself. */
export function batchGroups(
  file: string,
  n: number,
  sizes: readonly number[] | undefined = BATCH_SIZES[file],
): string[] {
  if (!sizes) return new Array<string>(n).fill(file);
  const out: string[] = [];
  sizes.forEach((size, b) => {
    for (let i = 0; i < size && out.length < n; i++) out.push(`${file}#${b + 1}`);
  });
  while (out.length < n) out.push(`${file}#${sizes.length + 1}`);
  return out;
}

export function readTrainingSet(root: string): TrainingSet {
  const hash = createHash('sha256');
  const examples: Example[] = [];
  const groups: string[] = [];
  for (const file of TRAINING_FILES) {
    const content = readFileSync(join(root, file), 'utf8');
    hash.update(content);
    const rows = parseLabelled(content);
    for (const r of rows) examples.push({ text: r.text, label: r.label });
    groups.push(...batchGroups(file, rows.length));
  }
  return { examples, groups, sha256: hash.digest('hex') };
}
