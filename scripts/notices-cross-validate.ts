/**
 * Prints a leave-one-batch-out estimate of how the detector generalises: the model is
 * trained without the batch and its threshold and veto chosen without it, the rules stay fixed
 * (extension/notices/grouped-cv.ts). Per batch, then pooled, then a last JSON line.
 *
 *   npx tsc -p . && node out/scripts/notices-cross-validate.js
 */
import { findRepoRoot } from '../backend/terms/generate-texts.js';
import { THRESHOLD_MAX_FPR, VETO_MAX_RECALL_LOSS, type Rates } from './notices/cross-validate.js';
import { groupedCrossValidate, prepare } from './notices/grouped-cv.js';
import { DEFAULT_TRAIN_OPTIONS } from './notices/ngram-train.js';
import { readTrainingSet } from './notices/training-set.js';

const { examples, groups } = readTrainingSet(findRepoRoot());
const start = Date.now();
const cv = groupedCrossValidate(prepare(examples, groups), DEFAULT_TRAIN_OPTIONS, THRESHOLD_MAX_FPR, VETO_MAX_RECALL_LOSS);
const pct = (x: number): string => (Number.isNaN(x) ? '    -' : (x * 100).toFixed(1).padStart(5));
const fmt = (r: Rates): string => `${pct(r.recall)} ${pct(r.falsePositiveRate)}`;
const round = (r: Rates): Rates => ({ recall: Math.round(r.recall * 10000) / 10000, falsePositiveRate: Math.round(r.falsePositiveRate * 10000) / 10000 });

console.log(`leave-one-batch-out over ${new Set(groups).size} batches, ${examples.length} examples (${((Date.now() - start) / 1000).toFixed(1)} s)`);
console.log(`${'batch'.padEnd(34)}    n  thr   veto   rules: rec  FPR   model: rec  FPR   both: rec  FPR`);
for (const g of cv.groups) {
  console.log(`${g.group.replace(/^test\/notices\//, '').padEnd(34)} ${String(g.n).padStart(4)} ${g.threshold.toFixed(3)} ${g.veto.toFixed(3)}  ${fmt(g.rulesOnly)}  ${fmt(g.modelOnly)}  ${fmt(g.combined)}`);
}
console.log(`${'pooled'.padEnd(34)} ${String(examples.length).padStart(4)}              ${fmt(cv.pooled.rulesOnly)}  ${fmt(cv.pooled.modelOnly)}  ${fmt(cv.pooled.combined)}`);
console.log(JSON.stringify({ n: examples.length, batches: cv.groups.length, rulesOnly: round(cv.pooled.rulesOnly), modelOnly: round(cv.pooled.modelOnly), combined: round(cv.pooled.combined) }));
