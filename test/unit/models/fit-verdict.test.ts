import assert from 'node:assert/strict';
import { fitSummary, fitVerdict, type FitNumbers } from '../../../backend/models/fit-verdict.js';

const GiB = 1024 ** 3;
const base: FitNumbers = {
  gpu: 'cuda',
  gpuLayers: 40,
  totalLayers: 40,
  ramNeededBytes: 2 * GiB,
  vramNeededBytes: 10 * GiB,
  ramAvailableBytes: 16 * GiB,
  vramFreeBytes: 12 * GiB,
  cpuOnlyRamNeededBytes: null,
};

describe('fitVerdict', () => {
  it('fits when the GPU plan fits in VRAM and RAM', () => {
    assert.equal(fitVerdict(base), 'fits');
    assert.match(
      fitSummary('fits', { ...base, contextSize: 4096, sequences: 3 }),
      /^fits: 40\/40 layers on the GPU \(cuda\), VRAM 10\.0 GiB of 12\.0 GiB free, RAM 2\.0 GiB of 16\.0 GiB available; context 4096 × 3 sequences$/,
    );
  });
  it('is CPU only without a GPU, or when only a CPU plan fits', () => {
    assert.equal(fitVerdict({ ...base, gpu: false, gpuLayers: 0, vramNeededBytes: 0, vramFreeBytes: 0 }), 'cpu_only');
    const tooBigForGpu = { ...base, vramNeededBytes: 20 * GiB, cpuOnlyRamNeededBytes: 11 * GiB };
    assert.equal(fitVerdict(tooBigForGpu), 'cpu_only');
    assert.match(
      fitSummary('cpu_only', { ...tooBigForGpu, contextSize: 4096, sequences: 3 }),
      /GPU plan needs VRAM 20\.0 GiB but 12\.0 GiB is free; without the GPU it needs RAM 11\.0 GiB of 16\.0 GiB/,
    );
  });
  it('does not fit when even the CPU plan needs more RAM than there is', () => {
    const n = { ...base, gpu: false as const, gpuLayers: 0, ramNeededBytes: 20 * GiB };
    assert.equal(fitVerdict(n), 'does_not_fit');
    assert.match(
      fitSummary('does_not_fit', { ...n, contextSize: 4096, sequences: 3 }),
      /needs RAM 20\.0 GiB but 16\.0 GiB is available .*smaller context size/,
    );
    assert.equal(fitVerdict({ ...base, vramNeededBytes: 20 * GiB, cpuOnlyRamNeededBytes: 30 * GiB }), 'does_not_fit');
  });
});
