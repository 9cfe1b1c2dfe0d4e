/**
 * Prints a leave-one-batch-out estimate of how the detector generalises: the model is
 * trained without the batch and every parameter (threshold, veto, confident levels) is
 * chosen without it; the rules stay fixed (scripts/notices/grouped-cv.ts). Per batch,
 * then pooled (any notice, and confident notices only: the modal in confirm mode), per
 * category, then a last JSON line.
 *
 *   npx tsc -p . && node out/scripts/notices-cross-validate.js [--errors BATCH]
 *
 * --errors BATCH lists the batch's misses and false alarms (BATCH: part of its name, e.g. train-c).
 * --options JSON overrides training options (e.g. '{"l2":0.005}'), to compare settings on the estimate.
 * --dump FILE writes every example's batch, label and verdict as JSON, to study the errors without rerunning.
 */
import { writeFileSync } from 'node:fs';
import { findRepoRoot } from './terms-generate-texts.js';
import type { Rates } from './notices/cross-validate.js';
import { perCategory } from './notices/evaluate.js';
import { groupedCrossValidate, prepare } from './notices/grouped-cv.js';
import { DEFAULT_TRAIN_OPTIONS } from './notices/ngram-train.js';
import { readTrainingSet } from './notices/training-set.js';

const argv = process.argv.slice(2);
const errorsOf = argv.includes('--errors') ? argv[argv.indexOf('--errors') + 1] : undefined;
const options = {
  ...DEFAULT_TRAIN_OPTIONS,
  ...(argv.includes('--options')
    ? (JSON.parse(argv[argv.indexOf('--options') + 1]) as Partial<typeof DEFAULT_TRAIN_OPTIONS>)
    : {}),
};
const { examples, groups } = readTrainingSet(findRepoRoot());
const start = Date.now();
const prepared = prepare(examples, groups);
const cv = groupedCrossValidate(prepared, options);
const pct = (x: number): string => (Number.isNaN(x) ? '    -' : (x * 100).toFixed(1).padStart(5));
const fmt = (r: Rates): string => `${pct(r.recall)} ${pct(r.falsePositiveRate)}`;
const round = (r: Rates): Rates => ({
  recall: Math.round(r.recall * 10000) / 10000,
  falsePositiveRate: Math.round(r.falsePositiveRate * 10000) / 10000,
});
const f3 = (x: number): string => x.toFixed(3);

console.log(
  `leave-one-batch-out over ${new Set(groups).size} batches, ${examples.length} examples (${((Date.now() - start) / 1000).toFixed(1)} s), options ${JSON.stringify(options)}`,
);
console.log(
  `${'batch'.padEnd(26)}    n  thr   unbkd veto  conf:rule model  rules: rec  FPR   model: rec  FPR   any: rec  FPR   confident: rec  FPR`,
);
for (const g of cv.groups) {
  const p = g.params;
  console.log(
    `${g.group.replace(/^test\/notices\//, '').padEnd(26)} ${String(g.n).padStart(4)} ${f3(p.threshold)} ${f3(p.confident.unbacked ?? p.threshold)} ${f3(p.veto)}  ${f3(p.confident.rule)} ${f3(p.confident.model)}   ${fmt(g.rulesOnly)}  ${fmt(g.modelOnly)}  ${fmt(g.combined)}     ${fmt(g.confident)}`,
  );
}
console.log(
  `${'pooled'.padEnd(26)} ${String(examples.length).padStart(4)}                                     ${fmt(cv.pooled.rulesOnly)}  ${fmt(cv.pooled.modelOnly)}  ${fmt(cv.pooled.combined)}     ${fmt(cv.pooled.confident)}`,
);
const categories = perCategory(
  examples,
  cv.verdicts.map((v) => v.categories),
);
console.log(
  `per category (any notice): ${categories.map((c) => `${c.label} P ${pct(c.precision)} R ${pct(c.recall)}`).join(' | ')}`,
);
if (errorsOf) {
  const mine = examples.map((_, i) => i).filter((i) => groups[i].includes(errorsOf));
  const cats = perCategory(
    mine.map((i) => examples[i]),
    mine.map((i) => cv.verdicts[i].categories),
  );
  console.log(
    `per category in ${errorsOf}* (any notice): ${cats.map((c) => `${c.label} P ${pct(c.precision)} R ${pct(c.recall)}`).join(' | ')}`,
  );
  examples.forEach((e, i) => {
    if (!groups[i].includes(errorsOf)) return;
    const v = cv.verdicts[i];
    const line = (tag: string): void =>
      console.log(
        `${tag} [${e.label}] ${v.categories.join(',')} ${v.grade ?? ''}: ${e.text.replace(/\n/g, ' ')}\n      ${v.reasons.map((r) => `${r.category}/${r.rule}/${r.grade}: ${r.cues.map((c) => `${c.cue}=${JSON.stringify(c.match)}`).join(', ')}`).join(' | ')}`,
      );
    if (e.label !== 'none' && v.categories.length === 0) line('MISSED ');
    else if (e.label === 'none' && v.categories.length > 0) line(v.grade === 'confident' ? 'MODAL  ' : 'NOTE   ');
  });
}
if (argv.includes('--dump')) {
  const rows = examples.map((e, i) => ({ group: groups[i], label: e.label, text: e.text, verdict: cv.verdicts[i] }));
  writeFileSync(argv[argv.indexOf('--dump') + 1], JSON.stringify(rows));
}
console.log(
  JSON.stringify({
    n: examples.length,
    batches: cv.groups.length,
    rulesOnly: round(cv.pooled.rulesOnly),
    modelOnly: round(cv.pooled.modelOnly),
    combined: round(cv.pooled.combined),
    confident: round(cv.pooled.confident),
  }),
);
