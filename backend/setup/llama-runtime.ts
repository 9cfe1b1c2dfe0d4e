// Picks the llama.cpp binary: the GPU asked for, or CPU with a warning when it is not there.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { getLlama, LlamaLogLevel, type Llama } from 'node-llama-cpp';
import type { GpuKind } from '../../protocol/messages.js';
import type { GpuChoice } from '../cli-args.js';
import type { Logger } from '../log.js';
import { SetupError } from './setup-error.js';

export interface Runtime {
  llama: Llama;
  gpu: GpuKind;
  warnings: string[];
}

function llamaOptions(gpu: 'auto' | false | 'cuda' | 'metal' | 'vulkan', threads: number, log: Logger) {
  return {
    gpu,
    // Never compile llama.cpp on the user's machine: that needs a toolchain and the network.
    build: 'never' as const,
    maxThreads: threads,
    logLevel: LlamaLogLevel.warn,
    logger: (level: LlamaLogLevel, message: string) => log.debug(`llama.cpp[${level}] ${message.trimEnd()}`),
  };
}

export async function acquireRuntime(choice: GpuChoice, threads: number, log: Logger): Promise<Runtime> {
  const warnings: string[] = [];
  if (choice === 'auto' || choice === 'cpu') {
    try {
      const llama = await getLlama(llamaOptions(choice === 'cpu' ? false : 'auto', threads, log));
      return { llama, gpu: llama.gpu, warnings };
    } catch (e) {
      throw new SetupError(
        'no_gpu_binary',
        `No usable llama.cpp binary for this machine (${process.platform}-${process.arch}): ${(e as Error).message.split('\n')[0]}. Reinstall Fude's backend dependencies.`,
      );
    }
  }
  let why: string;
  try {
    const llama = await getLlama(llamaOptions(choice, threads, log));
    if (llama.gpu === choice) return { llama, gpu: llama.gpu, warnings };
    // node-llama-cpp may hand back another binary instead of failing (Metal asked for on Linux gives the CPU one).
    why = `node-llama-cpp chose ${llama.gpu || 'the CPU'}`;
    await llama.dispose();
  } catch (e) {
    why = describe(e);
  }
  {
    const warning = `GPU "${choice}" is not available here (${why}); running on the CPU instead.`;
    log.warn(warning);
    warnings.push(warning);
    try {
      const llama = await getLlama(llamaOptions(false, threads, log));
      return { llama, gpu: false, warnings };
    } catch (e2) {
      throw new SetupError(
        'no_gpu_binary',
        `No usable llama.cpp binary for this machine, not even for the CPU: ${(e2 as Error).message.split('\n')[0]}`,
      );
    }
  }
}

function describe(e: unknown): string {
  const err = e as Error;
  return (err?.message || err?.name || String(e)).split('\n')[0];
}

/** Physical cores: hyper-threads slow llama.cpp down rather than up. */
export function physicalCores(): number {
  const logical = Math.max(1, cpus().length);
  if (process.platform !== 'linux') return logical;
  try {
    const cores = new Set<string>();
    let physical = '';
    for (const line of readFileSync('/proc/cpuinfo', 'utf8').split('\n')) {
      const [k, v] = line.split(':').map((s) => s?.trim());
      if (k === 'physical id') physical = v ?? '';
      if (k === 'core id') cores.add(`${physical}:${v}`);
    }
    return cores.size > 0 ? Math.min(cores.size, logical) : logical;
  } catch {
    return logical;
  }
}
