import assert from 'node:assert/strict';
import { LookupLengthPolicy } from '../../../../backend/engine/lookup-length.js';

const MAX = 10;

/**
 * Decodes `steps` steps of an answer through the policy: `offered` predicted tokens each step, a batch of b costing
 * `cost(b)` ms, and `keep(length)` of the evaluated predictions kept. Returns the lengths chosen after calibration.
 */
function run(
  policy: LookupLengthPolicy,
  o: {
    steps: number;
    cost: (batch: number) => number;
    keep: (length: number, step: number) => number;
    offered?: number;
  },
): number[] {
  const chosen: number[] = [];
  for (let i = 0; i < o.steps; i++) {
    const c = policy.choose(o.offered ?? MAX);
    if (c.why === 'best') chosen.push(c.length);
    const accepted = Math.min(c.length, o.keep(c.length, i));
    policy.observe({ batch: c.length + 1, ms: o.cost(c.length + 1), predicted: c.length, accepted });
  }
  return chosen;
}

const mostCommon = (xs: readonly number[]) => {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
};

describe('LookupLengthPolicy', () => {
  it('measures each batch size the offer allows before it compares them', () => {
    const p = new LookupLengthPolicy(MAX);
    const first = Array.from({ length: 2 * MAX }, () => {
      const c = p.choose(MAX);
      p.observe({ batch: c.length + 1, ms: 100, predicted: c.length, accepted: c.length });
      return c;
    });
    assert.ok(first.every((c) => c.why === 'calibrate'));
    assert.deepEqual(
      [...new Set(first.map((c) => c.length))].sort((a, b) => a - b),
      Array.from({ length: MAX }, (_, i) => i + 1),
    );
    assert.equal(p.choose(MAX).why, 'best');
  });

  it('predicts as far as offered where a batch costs about one step (a GPU) and copies are kept', () => {
    const p = new LookupLengthPolicy(MAX);
    const chosen = run(p, { steps: 200, cost: (b) => 100 + b, keep: (l) => l });
    assert.equal(mostCommon(chosen), MAX);
  });

  it('stops predicting where every token of a batch costs a step (nothing to save)', () => {
    const p = new LookupLengthPolicy(MAX);
    const chosen = run(p, { steps: 200, cost: (b) => 100 * b, keep: (l, i) => (i % 2 ? l : 0) });
    assert.equal(mostCommon(chosen), 0);
  });

  it('on a CPU-like cost curve (small batches cheap, large ones dear) picks a short length', () => {
    // Measured on the 1.8B-layer copy fixture, 2 threads (bench:lookup-ceiling): 2: 1.05, 4: 1.36, 11: 2.97 steps.
    const steps = [0, 100, 105, 135, 136, 180, 218, 210, 204, 240, 270, 297];
    const p = new LookupLengthPolicy(MAX);
    // Copied runs of 3 tokens between changed words: 3 kept, then a miss.
    const chosen = run(p, { steps: 400, cost: (b) => steps[b], keep: (l) => Math.min(l, 3) });
    const length = mostCommon(chosen);
    assert.ok(length >= 2 && length <= 4, `chose ${length}: ${chosen.slice(-20).join(',')}`);
  });

  it('after a miss, predicts less when misses are followed by misses', () => {
    const p = new LookupLengthPolicy(MAX);
    const cost = (b: number) => 100 + 40 * (b - 1);
    // Inside a run every prediction is kept; after a miss the next one misses too, except every fifth.
    let inRun = false;
    const lengths = { inRun: [] as number[], afterMiss: [] as number[] };
    for (let i = 0; i < 400; i++) {
      const c = p.choose(MAX);
      const accepted: number = inRun || i % 5 === 0 ? c.length : 0;
      if (c.why === 'best') (inRun ? lengths.inRun : lengths.afterMiss).push(c.length);
      p.observe({ batch: c.length + 1, ms: cost(c.length + 1), predicted: c.length, accepted });
      inRun = c.length > 0 && accepted === c.length ? i % 7 !== 0 : false;
    }
    assert.equal(mostCommon(lengths.inRun), MAX);
    assert.ok(mostCommon(lengths.afterMiss) < MAX / 2, `after a miss: ${lengths.afterMiss.slice(-20).join(',')}`);
  });

  it('never chooses more than the lookup offers, and 0 when it offers nothing', () => {
    const p = new LookupLengthPolicy(MAX);
    run(p, { steps: 100, cost: (b) => 100 + b, keep: (l) => l });
    assert.deepEqual(p.choose(0), { length: 0, why: 'best' });
    for (let i = 0; i < 50; i++) assert.ok(p.choose(3).length <= 3);
  });

  it('tries a neighbour of the best now and then, so the times stay current', () => {
    const p = new LookupLengthPolicy(MAX);
    const whys: string[] = [];
    for (let i = 0; i < 200; i++) {
      const c = p.choose(MAX);
      whys.push(c.why);
      p.observe({ batch: c.length + 1, ms: 100 * (c.length + 1), predicted: c.length, accepted: 0 });
    }
    const refreshes = whys.filter((w) => w === 'refresh').length;
    assert.ok(refreshes >= 3 && refreshes <= 200 / 24 + 1, `${refreshes} refreshes`);
  });

  it('follows a change in the cost of a batch (another lane got busy, then idle)', () => {
    const p = new LookupLengthPolicy(MAX);
    run(p, { steps: 150, cost: (b) => 100 + b, keep: (l) => l });
    assert.equal(p.choose(MAX).length, MAX);
    // Now large batches cost a step per token: the policy shortens.
    const chosen = run(p, { steps: 300, cost: (b) => 100 * b, keep: (l) => Math.min(l, 2) });
    assert.ok(mostCommon(chosen.slice(-50)) <= 2, chosen.slice(-20).join(','));
  });

  it('one slow step while calibrating (the machine busy for a moment) does not keep the best length from being chosen', () => {
    const p = new LookupLengthPolicy(MAX);
    let first = true;
    const chosen = run(p, {
      steps: 60,
      // A GPU-like curve, but the first batch of 11 took ten times as long.
      cost: (b) => {
        if (b === MAX + 1 && first) {
          first = false;
          return 1000;
        }
        return 100 + b;
      },
      keep: (l) => l,
    });
    assert.equal(mostCommon(chosen), MAX, chosen.join(','));
  });
});
