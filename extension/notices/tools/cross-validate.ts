/**
 * Prints a nested k-fold estimate of how the detector generalises (rules fixed,
 * model and threshold re-fitted per fold), as text and a last JSON line.
 *
 *   npx tsc -p . && node out/extension/notices/tools/cross-validate.js [--k 5]
 */
import { findRepoRoot } from '../../../backend/terms/generate-texts.js';
import { crossValidate, THRESHOLD_MAX_FPR, type Rates } from '../cross-validate.js';
import { DEFAULT_TRAIN_OPTIONS } from '../ngram-train.js';
import { readTrainingSet } from '../training-set.js';

const kArg = process.argv.indexOf('--k');
const k = kArg > 0 ? Number(process.argv[kArg + 1]) : 5;
const { examples } = readTrainingSet(findRepoRoot());
const start = Date.now();
const cv = crossValidate(examples, k, DEFAULT_TRAIN_OPTIONS, THRESHOLD_MAX_FPR);
const fmt = (r: Rates): string => `recall ${r.recall.toFixed(4)}  FPR ${r.falsePositiveRate.toFixed(4)}`;
console.log(`${k}-fold nested cross-validation on ${examples.length} examples (${((Date.now() - start) / 1000).toFixed(1)} s)`);
console.log(`thresholds per fold: ${cv.thresholds.join(' ')}`);
console.log(`rules only (in-sample, optimistic): ${fmt(cv.rulesOnly)}`);
console.log(`model only (out-of-fold):           ${fmt(cv.modelOnly)}`);
console.log(`rules + model (model out-of-fold):  ${fmt(cv.combined)}`);
console.log(JSON.stringify({ k, n: examples.length, modelOnly: cv.modelOnly, combined: cv.combined }));
