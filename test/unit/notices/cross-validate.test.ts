import assert from 'node:assert/strict';
import { chooseThreshold, rates, stratifiedFolds } from '../../../extension/notices/cross-validate.js';
import type { NgramScore } from '../../../extension/notices/ngram-model.js';
import type { Example } from '../../../extension/notices/ngram-train.js';
import { classifyByRules } from '../../../extension/notices/rules.js';

const examples: Example[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ text: `harmful thing ${i}`, label: 'harm' as const })),
  ...Array.from({ length: 10 }, (_, i) => ({ text: `plain task ${i}`, label: 'none' as const })),
];

describe('cross-validation helpers', () => {
  it('stratified folds: every fold gets its share of each label, the same way every time', () => {
    const folds = stratifiedFolds(examples, 5);
    assert.deepEqual(folds, stratifiedFolds(examples, 5));
    for (let f = 0; f < 5; f++) {
      assert.equal(folds.filter((x, i) => x === f && examples[i].label === 'harm').length, 2);
      assert.equal(folds.filter((x, i) => x === f && examples[i].label === 'none').length, 2);
    }
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
});
