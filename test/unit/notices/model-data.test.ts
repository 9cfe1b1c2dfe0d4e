import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '../../../scripts/terms-generate-texts.js';
import { committedModel } from '../../../extension/notices/detector.js';
import { MODEL_LABELS } from '../../../scripts/notices/ngram-train.js';
import {
  MODEL_CONFIDENT,
  MODEL_THRESHOLD,
  MODEL_TRAINED_ON,
  MODEL_VETO,
} from '../../../extension/notices/ngram-model-data.js';
import { readTrainingSet, TRAINING_FILES } from '../../../scripts/notices/training-set.js';

const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

describe('committed model (ngram-model-data.ts)', () => {
  it('was trained on the current training files (else run scripts/notices-train.js)', () => {
    const set = readTrainingSet(root);
    assert.deepEqual([...MODEL_TRAINED_ON.files], [...TRAINING_FILES]);
    assert.equal(
      MODEL_TRAINED_ON.sha256,
      set.sha256,
      'training data changed since the weights were generated: npx tsc -p . && node out/scripts/notices-train.js',
    );
    assert.equal(MODEL_TRAINED_ON.examples, set.examples.length);
  });

  it('parses, has every label, and a threshold that means something', () => {
    const model = committedModel();
    assert.deepEqual(model.labels, MODEL_LABELS);
    assert.ok(model.weights.size > 1000);
    assert.ok(MODEL_THRESHOLD >= 0.5 && MODEL_THRESHOLD <= 1.01);
    assert.ok(MODEL_VETO >= 0 && MODEL_VETO <= 0.5);
    // A rule's hit is confident from a level between the veto and 0.9; the model's own flags from at least the threshold.
    assert.ok(MODEL_CONFIDENT.rule >= MODEL_VETO && MODEL_CONFIDENT.rule <= 0.9);
    assert.ok(MODEL_CONFIDENT.model >= MODEL_THRESHOLD && MODEL_CONFIDENT.unbacked >= MODEL_THRESHOLD);
  });
});
