// How many of input lookup's predicted tokens to evaluate with the next decoding step. The best length depends on the
// hardware and on the text: on a GPU a batch of 11 costs about one step, so predicting long pays even when little is
// kept; on a 2-core CPU a batch of 4 costs about 1.3 steps but a batch of 11 three to four (`npm run bench:lookup-ceiling`),
// so a long prediction pays only inside a run of copied code. A fixed length is right for one of them at most; this
// measures both while it decodes and picks, step by step, the length that writes the most tokens per millisecond:
//
//   expected tokens written with L predicted = 1 + a1 + a1·a2 + ... + a1·...·aL
//   (aj: the share of predictions at position j the model kept when it kept those before j)
//   divided by the measured time of a batch of L + 1.
//
// The shares are counted apart after a step whose predictions were all kept (inside a copied run, where the next ones
// usually are too) and after one that lost some (where the answer and the prompt part). The choice only decides what
// is evaluated together; the tokens written are the model's own either way.

/** Step times are smoothed with this weight for the newest: the machine's load changes. */
const COST_WEIGHT = 0.25;
/** A batch size is measured this many times before its time is trusted. */
const CALIBRATION_STEPS = 2;
/** Every this many steps a length other than the best is tried, so the times stay current. */
const REFRESH_EVERY = 24;
/** The first position's share starts here (predictions of copied text are good); a later position's starts at the
 * share of the one before it, so a position never tried is not thought worse than those that were. */
const FIRST_SHARE = 0.75;
/** ...as if this many predictions had been seen. */
const PRIOR_WEIGHT = 2;
/** Counts fade by this much per step, so a region of the answer (code, then comments) weighs more than the start. */
const FADE = 0.97;

/** Two calibration times this far apart mean one of them was a spike. */
const SPIKE_RATIO = 2;

/**
 * A batch size's time from its calibration steps: their mean, unless one is a spike (the machine's other work, a
 * collection), which would keep a good length from being chosen until its refresh; then the faster. Not always the
 * faster: the chosen length's time then follows typical steps, and lengths not chosen would look cheap beside it.
 */
function calibrated(earlier: number, now: number): number {
  return Math.max(earlier, now) > SPIKE_RATIO * Math.min(earlier, now) ? Math.min(earlier, now) : (earlier + now) / 2;
}

export interface LookupStep {
  /** Tokens evaluated together: the pending token and the predicted ones. */
  readonly batch: number;
  /** Milliseconds the evaluation took. */
  readonly ms: number;
  /** Predicted tokens evaluated. */
  readonly predicted: number;
  /** Of those, the ones the model wrote too (the first ones, up to the first it did not). */
  readonly accepted: number;
}

export interface LengthChoice {
  readonly length: number;
  /** Why: the measured best, a batch size measured for the first time, or a refresh of one measured before. */
  readonly why: 'best' | 'calibrate' | 'refresh';
}

interface Shares {
  tried: number[];
  kept: number[];
}

export class LookupLengthPolicy {
  /** Smoothed milliseconds by batch size (index = size); undefined until measured. */
  private readonly costMs: (number | undefined)[];
  private readonly measuredTimes: number[];
  private readonly shares: { inRun: Shares; afterMiss: Shares };
  private inRun = false;
  private steps = 0;

  /** @param max the longest prediction (input lookup's predictionLength.max). */
  constructor(readonly max: number) {
    this.costMs = Array.from({ length: max + 2 }, () => undefined);
    this.measuredTimes = Array.from({ length: max + 2 }, () => 0);
    const fresh = (): Shares => ({
      tried: new Array<number>(max + 1).fill(0),
      kept: new Array<number>(max + 1).fill(0),
    });
    this.shares = { inRun: fresh(), afterMiss: fresh() };
  }

  /** The length to evaluate when the lookup offers `available` predicted tokens. */
  choose(available: number): LengthChoice {
    const most = Math.min(available, this.max);
    if (most <= 0) return { length: 0, why: 'best' };
    // Each batch size the offer allows is measured before the times are compared (a handful of steps per model).
    for (let length = most; length >= 1; length--)
      if (this.measuredTimes[length + 1] < CALIBRATION_STEPS) return { length, why: 'calibrate' };
    const best = this.best(most);
    if (this.steps > 0 && this.steps % REFRESH_EVERY === 0) {
      // A neighbour of the best, alternately shorter and longer, so a change in the machine's load is noticed.
      const other = (this.steps / REFRESH_EVERY) % 2 === 0 ? best + 1 : best - 1;
      if (other >= 0 && other <= most) return { length: other, why: 'refresh' };
    }
    return { length: best, why: 'best' };
  }

  /** Records a step: its time (for its batch size) and how many of its predictions were kept. */
  observe(step: LookupStep): void {
    this.steps++;
    if (step.ms > 0 && step.batch >= 1 && step.batch <= this.max + 1) {
      const old = this.costMs[step.batch];
      this.costMs[step.batch] =
        old === undefined
          ? step.ms
          : this.measuredTimes[step.batch] < CALIBRATION_STEPS
            ? calibrated(old, step.ms)
            : old + COST_WEIGHT * (step.ms - old);
      this.measuredTimes[step.batch]++;
    }
    if (step.predicted === 0) return;
    const s = this.inRun ? this.shares.inRun : this.shares.afterMiss;
    for (let j = 1; j <= this.max; j++) {
      s.tried[j] *= FADE;
      s.kept[j] *= FADE;
    }
    // Position j was put to the model only if every prediction before it was kept.
    for (let j = 1; j <= Math.min(step.accepted + 1, step.predicted); j++) {
      s.tried[j]++;
      if (j <= step.accepted) s.kept[j]++;
    }
    this.inRun = step.accepted === step.predicted;
  }

  /** The expected tokens written per millisecond with `length` predicted (for tests and the log). */
  rate(length: number): number {
    const cost = this.cost(length + 1);
    return cost === undefined ? 0 : this.expectedWritten(length) / cost;
  }

  private best(most: number): number {
    let best = 0;
    let bestRate = this.rate(0);
    for (let length = 1; length <= most; length++) {
      const r = this.rate(length);
      if (r > bestRate) [best, bestRate] = [length, r];
    }
    return best;
  }

  private expectedWritten(length: number): number {
    const s = this.inRun ? this.shares.inRun : this.shares.afterMiss;
    let all = 1;
    let written = 1;
    let share = FIRST_SHARE;
    for (let j = 1; j <= length; j++) {
      share = (s.kept[j] + PRIOR_WEIGHT * share) / (s.tried[j] + PRIOR_WEIGHT);
      all *= share;
      written += all;
    }
    return written;
  }

  /** A batch's time: measured, or between the nearest measured sizes (a batch never costs less than a smaller one). */
  private cost(batch: number): number | undefined {
    const known = this.costMs[batch];
    if (known !== undefined) return known;
    let below: number | undefined;
    for (let b = batch - 1; b >= 1 && below === undefined; b--) if (this.costMs[b] !== undefined) below = b;
    let above: number | undefined;
    for (let b = batch + 1; b < this.costMs.length && above === undefined; b++)
      if (this.costMs[b] !== undefined) above = b;
    if (below !== undefined && above !== undefined) {
      const lo = this.costMs[below]!;
      const hi = this.costMs[above]!;
      return lo + ((hi - lo) * (batch - below)) / (above - below);
    }
    return below !== undefined ? this.costMs[below] : undefined;
  }
}
