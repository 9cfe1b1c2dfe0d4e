// The verdict from the numbers: pure, so the rule is tested directly and the extension can explain it.
//   fits          it runs with the chosen GPU layers (at least one on a GPU), RAM and VRAM enough
//   cpu_only      it runs, but on the CPU alone: there is no GPU, or the GPU plan does not fit and a CPU plan does
//   does_not_fit  not enough RAM even with nothing on the GPU
import type { FitVerdictKind } from '../../protocol/models.js';
import { formatBytes } from '../setup/format-bytes.js';

export interface FitNumbers {
  gpu: string | false;
  gpuLayers: number;
  totalLayers: number;
  ramNeededBytes: number;
  vramNeededBytes: number;
  ramAvailableBytes: number;
  vramFreeBytes: number;
  /** RAM of the same model with no GPU layers (asked for only when the GPU plan does not fit). */
  cpuOnlyRamNeededBytes: number | null;
}

export function fitVerdict(n: FitNumbers): FitVerdictKind {
  const ramOk = n.ramNeededBytes <= n.ramAvailableBytes;
  const onGpu = n.gpu !== false && n.gpuLayers > 0;
  const vramOk = !onGpu || n.vramNeededBytes <= n.vramFreeBytes;
  if (ramOk && vramOk) return onGpu ? 'fits' : 'cpu_only';
  if (onGpu && n.cpuOnlyRamNeededBytes !== null && n.cpuOnlyRamNeededBytes <= n.ramAvailableBytes) return 'cpu_only';
  return 'does_not_fit';
}

/** An English line with the numbers (the CLI prints it; the extension writes its own, translated). */
export function fitSummary(
  verdict: FitVerdictKind,
  n: FitNumbers & { contextSize: number; sequences: number; completeContextSize?: number; kvCacheType?: string },
): string {
  const lanes =
    n.completeContextSize !== undefined && n.completeContextSize < n.contextSize
      ? `context ${n.contextSize} × ${n.sequences - 1} sequences + ${n.completeContextSize} for completion`
      : `context ${n.contextSize} × ${n.sequences} sequences`;
  const ctx = n.kvCacheType ? `${lanes}, KV cache ${n.kvCacheType}` : lanes;
  const ram = `RAM ${formatBytes(n.ramNeededBytes)} of ${formatBytes(n.ramAvailableBytes)} available`;
  switch (verdict) {
    case 'fits':
      return `fits: ${n.gpuLayers}/${n.totalLayers} layers on the GPU (${n.gpu}), VRAM ${formatBytes(n.vramNeededBytes)} of ${formatBytes(n.vramFreeBytes)} free, ${ram}; ${ctx}`;
    case 'cpu_only':
      if (n.gpu === false) return `fits on the CPU only (no GPU found): ${ram}; ${ctx}`;
      return `fits on the CPU only: the GPU plan needs VRAM ${formatBytes(n.vramNeededBytes)} but ${formatBytes(n.vramFreeBytes)} is free; without the GPU it needs RAM ${formatBytes(n.cpuOnlyRamNeededBytes ?? n.ramNeededBytes)} of ${formatBytes(n.ramAvailableBytes)} available; ${ctx}`;
    case 'does_not_fit':
      return `does not fit: needs RAM ${formatBytes(Math.min(n.ramNeededBytes, n.cpuOnlyRamNeededBytes ?? Number.POSITIVE_INFINITY))} but ${formatBytes(n.ramAvailableBytes)} is available (free RAM + swap); ${ctx}. Try a smaller context size or a smaller quantization.`;
  }
}
