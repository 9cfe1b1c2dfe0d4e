import assert from 'node:assert/strict';
import { chooseThreshold, chooseVeto, rates } from '../../../scripts/notices/cross-validate.js';
import type { NgramScore } from '../../../extension/notices/ngram-model.js';
import type { Example } from '../../../scripts/notices/ngram-train.js';
import { classifyByRules } from '../../../extension/notices/rules.js';
import { batchGroups } from '../../../scripts/notices/training-set.js';

const examples: Example[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ text: `harmful thing ${i}`, label: 'harm' as const })),
  ...Array.from({ length: 10 }, (_, i) => ({ text: `plain task ${i}`, label: 'none' as const })),
];

describe('cross-validation helpers', () => {
  it('batchGroups: one group per batch by position, the rest in one more, a whole file when it has no batches', () => {
    assert.deepEqual(batchGroups('f', 6, [2, 3]), ['f#1', 'f#1', 'f#2', 'f#2', 'f#2', 'f#3']);
    assert.deepEqual(batchGroups('f', 2, [2, 3]), ['f#1', 'f#1']);
    assert.deepEqual(batchGroups('g', 2, undefined), ['g', 'g']);
  });

  it('rates: recall over advice requests, false-positive rate over none', () => {
    const flagged = examples.map((e, i) => (e.label === 'harm' ? i % 2 === 0 : i === 10));
    assert.deepEqual(rates(examples, flagged), { recall: 0.5, falsePositiveRate: 0.1 });
  });

  it('chooseThreshold takes the lowest threshold within the false-positive budget', () => {
    const rules = examples.map((e) => classifyByRules(e.text));
    // Positives score 0.6..0.95; one none scores 0.9, the rest 0.1.
    const scores: NgramScore[] = examples.map((e, i) => ({
      probs: [],
      pFlag: e.label === 'harm' ? 0.6 + i * 0.035 : i === 10 ? 0.9 : 0.1,
      best: 'harm',
      top: [],
    }));
    assert.equal(chooseThreshold(examples, rules, scores, 0), 0.915);
    assert.equal(chooseThreshold(examples, rules, scores, 0.1), 0.6);
    // With no budget and a none scored above every positive, the model is never used.
    scores[11] = { ...scores[11], pFlag: 0.99 };
    assert.equal(chooseThreshold(examples, rules, scores, 0), 1.01);
  });

  it('chooseVeto takes the highest veto that costs the rules at most the budget of prohibited requests', () => {
    const texts = Array.from({ length: 10 }, (_, i) => ({
      text: `is it legal to record my neighbour ${i}?`,
      label: 'legal' as const,
    }));
    const rules = texts.map((e) => classifyByRules(e.text));
    assert.ok(
      rules.every((r) => r.categories.length > 0),
      'the rules flag every example',
    );
    const scores: NgramScore[] = texts.map((_, i) => ({ probs: [], pFlag: (i + 1) / 20, best: 'legal', top: [] }));
    // Scores 0.05..0.5; a budget of 2 of 10 lets the veto sit at the third lowest score.
    assert.equal(chooseVeto(texts, rules, scores, 0.2), 0.15);
    assert.equal(chooseVeto(texts, rules, scores, 0), 0.05);
    // Never above 0.5, even with budget to spare.
    assert.equal(chooseVeto(texts, rules, scores, 1), 0.5);
  });
});
