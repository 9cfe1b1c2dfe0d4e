/**
 * The examples the n-gram model learns from, and a digest of them, so a test can tell
 * when the committed weights were trained on data that has since changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelled } from './evaluate.js';
import type { Example } from './ngram-train.js';

/** Relative to the repository root. heldout-2.jsonl stays out: it is the blind check. */
export const TRAINING_FILES = ['test/notices/labelled.jsonl', 'test/notices/heldout.jsonl'] as const;

export interface TrainingSet {
  examples: Example[];
  /** sha256 over the files' contents, in TRAINING_FILES order. */
  sha256: string;
}

export function readTrainingSet(root: string): TrainingSet {
  const hash = createHash('sha256');
  const examples: Example[] = [];
  for (const file of TRAINING_FILES) {
    const content = readFileSync(join(root, file), 'utf8');
    hash.update(content);
    for (const r of parseLabelled(content)) examples.push({ text: r.text, label: r.label });
  }
  return { examples, sha256: hash.digest('hex') };
}
