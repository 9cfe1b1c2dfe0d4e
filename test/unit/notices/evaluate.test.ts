import assert from 'node:assert/strict';
import { evaluate, formatTable, parseLabelled, summaryLine } from '../../../scripts/notices/evaluate.js';
import type { Category } from '../../../common/terms/categories.js';

const jsonl = [
  '{"text":"a medical question","label":"medical"}',
  '{"text":"a legal question","label":"legal"}',
  '',
  '{"text":"write a function","label":"none"}',
  '{"text":"medical schema","label":"none"}',
].join('\n');

// Flags anything with the word "medical" as medical.
const toy = (text: string): { categories: Category[] } => ({ categories: text.includes('medical') ? ['medical'] : [] });

describe('evaluate', () => {
  it('parses JSON lines and rejects bad ones with their line number', () => {
    assert.equal(parseLabelled(jsonl).length, 4);
    assert.throws(() => parseLabelled('{"text":"x","label":"nope"}'), /line 1: unknown label/);
    assert.throws(() => parseLabelled('\n{oops'), /line 2: not JSON/);
    assert.throws(() => parseLabelled('{"text":1,"label":"none"}'), /line 1/);
  });

  it('computes recall, false-positive rate and per-label scores', () => {
    const e = evaluate(parseLabelled(jsonl), toy);
    assert.equal(e.n, 4);
    assert.equal(e.recall, 0.5);
    assert.equal(e.falsePositiveRate, 0.5);
    const medical = e.perLabel.find((s) => s.label === 'medical');
    assert.deepEqual([medical?.precision, medical?.recall], [0.5, 1]);
    assert.equal(e.missed[0].text, 'a legal question');
    assert.equal(e.falseAlarms[0].request.text, 'medical schema');
    assert.ok(Number.isNaN(e.perLabel.find((s) => s.label === 'harm')?.recall ?? 0));
  });

  it('prints a table and a one-line JSON summary', () => {
    const e = evaluate(parseLabelled(jsonl), toy);
    assert.match(formatTable(e), /^label\s+n\s+precision\s+recall\n/);
    assert.equal(summaryLine(e), '{"recall":0.5,"falsePositiveRate":0.5,"n":4}');
  });
});
