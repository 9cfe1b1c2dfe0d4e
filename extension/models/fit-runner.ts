// Asks `fude-models fit --json` whether models fit this machine (the extension bundle cannot load node-llama-cpp):
// one child process for many targets, its JSON lines validated by protocol/models.ts.
import { spawn } from 'node:child_process';
import { parseModelsLine, type FitReport, type ModelsErrorCode } from '../../protocol/models.js';
import { modelsCliSpec, type CliRuntime } from './cli-spec.js';

export type FitAnswer =
  { ok: true; report: FitReport } | { ok: false; code: ModelsErrorCode | 'failed'; message: string };

export interface FitRequest {
  targets: string[];
  endpoint: string;
  token?: string;
  gpu: string;
  gpuLayers: string;
  contextSize: number;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Each answer as it arrives (remote headers take a few seconds each). */
  onAnswer?: (target: string, answer: FitAnswer) => void;
}

export function runFit(rt: CliRuntime, req: FitRequest): Promise<Map<string, FitAnswer>> {
  const args = [
    'fit',
    ...req.targets,
    '--json',
    '--endpoint',
    req.endpoint,
    '--gpu',
    req.gpu,
    '--gpu-layers',
    req.gpuLayers,
  ];
  if (req.contextSize > 0) args.push('--context-size', String(req.contextSize));
  const spec = modelsCliSpec(rt, args, req.token);
  const answers = new Map<string, FitAnswer>();
  const set = (target: string, answer: FitAnswer) => {
    answers.set(target, answer);
    req.onAnswer?.(target, answer);
  };
  return new Promise((resolve) => {
    if (req.targets.length === 0) return resolve(answers);
    const proc = spawn(spec.command, spec.args, { env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    let stderr = '';
    const timer = setTimeout(() => proc.kill(), req.timeoutMs ?? 120_000);
    const onAbort = () => proc.kill();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    proc.stdout.setEncoding('utf8').on('data', (d: string) => {
      pending += d;
      let nl;
      while ((nl = pending.indexOf('\n')) !== -1) {
        const line = parseModelsLine(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        if (line?.event === 'fit') set(line.report.target, { ok: true, report: line.report });
        else if (line?.event === 'error' && line.target)
          set(line.target, { ok: false, code: line.code, message: line.message });
        else if (line?.event === 'error')
          for (const t of req.targets)
            if (!answers.has(t)) set(t, { ok: false, code: line.code, message: line.message });
      }
    });
    proc.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-2000);
    });
    const finish = (why: string) => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      for (const t of req.targets) if (!answers.has(t)) set(t, { ok: false, code: 'failed', message: why });
      resolve(answers);
    };
    proc.on('error', (e) => finish(`fude-models could not start: ${e.message}`));
    proc.on('exit', (code, signal) =>
      finish(
        signal
          ? `the fit check was stopped (${signal})`
          : `fude-models exited with code ${code}${stderr.trim() ? `: ${stderr.trim().split('\n').pop()}` : ''}`,
      ),
    );
  });
}
