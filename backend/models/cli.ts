// fude-models: the model manager from a terminal (servers, scripts) and for the extension, which runs `fit --json`
// as a child process because its bundle cannot load node-llama-cpp. One JSON object a line with --json; progress
// on a terminal otherwise. Exit codes: 0 done, 2 refused or bad input, 1 failed (may pass), 130 interrupted.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exitCodeFor, type ModelsLine } from '../../protocol/models.js';
import { listTerms } from '../../common/terms/index.js';
import { formatBytes } from '../setup/format-bytes.js';
import { downloadSource, loadCatalog } from './catalog.js';
import { defaultRoots, discoverModels } from './discovery.js';
import { downloadModel } from './downloader.js';
import { firstLine, isModelsError, ModelsError } from './errors.js';
import { sniffGgufFile } from './gguf-sniff.js';
import { listModels, recordDownload, removeModel } from './library.js';
import { sha256File } from './part-file.js';
import { formatDuration } from './speed.js';

export const USAGE = `Usage: fude-models <command> [options]
  pull <url|hf:owner/repo/file.gguf[#rev]|catalog-id> --dir DIR [--sha256 HEX] [--name FILE.gguf] [--json]
                      download a GGUF into DIR: resumes DIR/FILE.gguf.part, checks size and SHA-256
  list --dir DIR [--json]              the models in DIR (size, source, last use; unfinished downloads)
  verify FILE [--sha256 HEX] [--json]  check that FILE is a GGUF and print (or compare) its SHA-256
  rm FILE [--json]                     delete a model (and any unfinished download of it) from its folder
  fit <file|url|hf:…>... [--context-size N] [--gpu-layers auto|max|N] [--gpu auto|cpu|cuda|metal|vulkan] [--json]
                      will it fit this machine? reads the GGUF header only (range requests for URLs)
  catalog [--json]                     the built-in catalog
  discover [--dir DIR] [--json]        GGUF files in DIR, LM Studio's and Ollama's model folders
Options: --endpoint URL  Hugging Face endpoint or mirror for hf: URIs (default $HF_ENDPOINT or https://huggingface.co)
Environment: HF_TOKEN  a Hugging Face token for gated repositories (sent to the endpoint only, never printed)
Exit codes: 0 done, 2 refused or bad input (checksum, not a GGUF, token needed, not found), 1 failed (network,
disk full; a partial download stays as FILE.gguf.part and the next pull resumes it), 130 interrupted.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

class Output {
  private lastProgressLen = 0;

  constructor(
    private readonly io: Io,
    private readonly json: boolean,
  ) {}

  line(l: ModelsLine): void {
    if (this.json) this.io.out(`${JSON.stringify(l)}\n`);
    else this.human(l);
  }

  private clearProgress(): void {
    if (this.lastProgressLen > 0) {
      this.io.err(`\r${' '.repeat(this.lastProgressLen)}\r`);
      this.lastProgressLen = 0;
    }
  }

  private human(l: ModelsLine): void {
    switch (l.event) {
      case 'progress': {
        if (!this.io.isTty) return;
        const pct = l.totalBytes ? `${((100 * l.receivedBytes) / l.totalBytes).toFixed(1).padStart(5)}% ` : '';
        const text = `${pct}${formatBytes(l.receivedBytes)}${l.totalBytes ? ` / ${formatBytes(l.totalBytes)}` : ''}${l.bytesPerSecond > 0 ? `  ${formatBytes(l.bytesPerSecond)}/s` : ''}${l.etaSeconds !== null ? `  ${formatDuration(l.etaSeconds)} left` : ''}`;
        this.io.err(`\r${text.padEnd(this.lastProgressLen)}`);
        this.lastProgressLen = text.length;
        return;
      }
      case 'start':
        this.clearProgress();
        this.io.err(
          `${l.resumedFromBytes > 0 ? 'resuming' : 'downloading'} ${l.url}\n  -> ${l.target}${l.totalBytes !== null ? ` (${formatBytes(l.totalBytes)})` : ''}${l.resumedFromBytes > 0 ? ` from ${formatBytes(l.resumedFromBytes)}` : ''}\n`,
        );
        return;
      case 'notice':
        this.clearProgress();
        this.io.err(`${l.message}\n`);
        return;
      case 'verifying':
        this.clearProgress();
        this.io.err(`verifying ${l.path}…\n`);
        return;
      case 'done':
        this.clearProgress();
        this.io.out(`${l.path}\n  ${formatBytes(l.sizeBytes)}, SHA-256 ${l.sha256}\n`);
        return;
      case 'verified':
        this.io.out(`${l.path}: a GGUF file, ${formatBytes(l.sizeBytes)}, SHA-256 ${l.sha256}\n`);
        return;
      case 'removed':
        this.io.out(`removed ${l.path}\n`);
        return;
      case 'model':
        this.io.out(
          `${l.partial ? '[unfinished] ' : ''}${l.path}  ${formatBytes(l.sizeBytes)}  ${l.source ?? '(added by hand)'}  last used ${l.lastUsedAt ?? 'never'}\n`,
        );
        return;
      case 'fit':
        this.io.out(`${l.report.target}: ${l.report.summary}\n`);
        // The plan part by part (weights, each lane's KV cache, compute buffers), as Show Status lists it.
        if (l.report.parts?.length)
          this.io.out(`  memory: ${l.report.parts.map((p) => `${p.part} ${formatBytes(p.bytes)}`).join(', ')}\n`);
        return;
      case 'error':
        this.clearProgress();
        this.io.err(`fude-models: error[${l.code}]: ${l.target ? `${l.target}: ` : ''}${l.message}\n`);
        return;
    }
  }

  raw(text: string): void {
    this.io.out(text);
  }
}

function errorLine(e: unknown, target?: string): Extract<ModelsLine, { event: 'error' }> {
  const err = isModelsError(e) ? e : new ModelsError('io', firstLine(e));
  return {
    event: 'error',
    code: err.code,
    message: err.message,
    target,
    partialPath: err.partial?.path,
    partialBytes: err.partial?.bytes,
  };
}

function gpuLayersOption(v: string | undefined): 'auto' | 'max' | number {
  if (v === undefined || v === 'auto') return 'auto';
  if (v === 'max') return 'max';
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new ModelsError('bad_input', `--gpu-layers must be auto, max or a whole number, got "${v}"`);
  return n;
}

function positiveIntOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new ModelsError('bad_input', `--${name} must be a whole number of at least 1, got "${v}"`);
  return n;
}

const GPUS = ['auto', 'cpu', 'cuda', 'metal', 'vulkan'] as const;

export async function runCli(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: 'string' },
        sha256: { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean', default: false },
        endpoint: { type: 'string' },
        'context-size': { type: 'string' },
        'gpu-layers': { type: 'string' },
        gpu: { type: 'string' },
        retries: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`fude-models: error[bad_input]: ${firstLine(e)}\n${USAGE}\n`);
    return 2;
  }
  const { values: o, positionals } = parsed;
  const [command, ...args] = positionals;
  const out = new Output(io, o.json);
  if (o.help || command === undefined || command === 'help') {
    io.out(`${USAGE}\n`);
    return command === undefined && !o.help ? 2 : 0;
  }
  const endpoint = o.endpoint ?? io.env.HF_ENDPOINT;
  const token = io.env.HF_TOKEN?.trim() || undefined;
  const fail = (e: unknown, target?: string): number => {
    const l = errorLine(e, target);
    out.line(l);
    return exitCodeFor(l.code);
  };
  const needDir = (): string => {
    if (!o.dir) throw new ModelsError('bad_input', `${command} needs --dir DIR (the models folder).`);
    return resolve(o.dir);
  };
  const one = (what: string): string => {
    if (args.length !== 1) throw new ModelsError('bad_input', `${command} takes exactly one ${what}.`);
    return args[0];
  };

  try {
    switch (command) {
      case 'pull': {
        const dir = needDir();
        const what = one('URL, hf: URI or catalog id');
        const catalog = loadCatalog(
          undefined,
          listTerms().map((t) => t.id),
        );
        const entry = catalog.entries.find((e) => e.id === what);
        if (entry && !entry.download) {
          throw new ModelsError(
            'bad_input',
            `${entry.name} has no GGUF to download. ${entry.howToUse?.remote.en ?? ''} ${entry.howToUse ? `Or convert it yourself:\n  ${entry.howToUse.convert.commands.join('\n  ')}` : ''}`,
          );
        }
        const src = entry ? downloadSource(entry, endpoint) : undefined;
        const source = src?.source ?? what;
        const result = await downloadModel({
          source,
          dir,
          endpoint,
          token,
          signal,
          fileName: o.name,
          expectedSha256: o.sha256 ?? src?.sha256,
          expectedSize: src?.sizeBytes,
          catalogId: entry?.id,
          retries: positiveIntOption('retries', o.retries),
          onEvent: (e) => out.line(e),
        });
        if (!result.alreadyPresent)
          await recordDownload(result.path, {
            source,
            url: result.url,
            sha256: result.sha256,
            sizeBytes: result.sizeBytes,
            catalogId: entry?.id,
          });
        if (result.checkedAgainst === 'none' && !o.json)
          io.err('note: no SHA-256 was published for this file; the one printed was computed here.\n');
        out.line({ event: 'done', path: result.path, sizeBytes: result.sizeBytes, sha256: result.sha256 });
        return 0;
      }
      case 'list': {
        for (const m of await listModels(needDir())) {
          out.line({
            event: 'model',
            path: m.path,
            sizeBytes: m.sizeBytes,
            source: m.source,
            sha256: m.sha256,
            downloadedAt: m.downloadedAt,
            lastUsedAt: m.lastUsedAt,
            partial: m.partial,
          });
        }
        return 0;
      }
      case 'verify': {
        const file = resolve(one('file'));
        const s = await stat(file).catch(() => undefined);
        if (!s?.isFile()) throw new ModelsError('not_found', `${file} does not exist.`);
        const sniff = await sniffGgufFile(file);
        if (!sniff.ok) throw new ModelsError('not_gguf', `${file} is ${sniff.what}, not a GGUF model.`);
        const digest = await sha256File(file);
        const want = o.sha256?.trim().toLowerCase();
        if (want && digest !== want)
          throw new ModelsError('checksum_mismatch', `${file} has SHA-256 ${digest}, not ${want}.`);
        out.line({ event: 'verified', path: file, sizeBytes: s.size, sha256: digest });
        return 0;
      }
      case 'rm': {
        const { removed } = await removeModel(resolve(one('file')));
        for (const p of removed) out.line({ event: 'removed', path: p });
        return 0;
      }
      case 'catalog': {
        const { entries } = loadCatalog(
          undefined,
          listTerms().map((t) => t.id),
        );
        if (o.json) out.raw(`${JSON.stringify({ entries })}\n`);
        else {
          for (const e of entries) {
            const size = e.download?.sizeShown ?? (e.download ? '?' : 'no download');
            out.raw(
              `${e.id}\n  ${e.name}${e.quantization ? ` ${e.quantization}` : ''}, ${size}${e.memory ? `, needs about ${formatBytes(e.memory.ramBytes)} of RAM at context ${e.memory.contextSize} × ${e.memory.sequences}` : ''}; ${e.terms.kind === 'open' ? e.terms.license : e.terms.kind === 'terms' ? `terms: ${e.terms.termsId}` : 'see the model card'}\n`,
            );
          }
        }
        return 0;
      }
      case 'discover': {
        const found = await discoverModels(defaultRoots(o.dir ? resolve(o.dir) : undefined));
        if (o.json) out.raw(`${JSON.stringify({ models: found })}\n`);
        else for (const m of found) out.raw(`${m.origin}\t${formatBytes(m.sizeBytes)}\t${m.name}\t${m.path}\n`);
        return 0;
      }
      case 'fit':
        return await fitCommand(args, o, out, { endpoint, token, signal, fail });
      default:
        throw new ModelsError('bad_input', `unknown command "${command}".\n${USAGE}`);
    }
  } catch (e) {
    return fail(e);
  }
}

async function fitCommand(
  targets: string[],
  o: { 'context-size'?: string; 'gpu-layers'?: string; gpu?: string },
  out: Output,
  c: { endpoint?: string; token?: string; signal?: AbortSignal; fail: (e: unknown, target?: string) => number },
): Promise<number> {
  if (targets.length === 0) throw new ModelsError('bad_input', 'fit needs at least one file, URL or hf: URI.');
  const gpu = (o.gpu ?? 'auto') as (typeof GPUS)[number];
  if (!GPUS.includes(gpu)) throw new ModelsError('bad_input', `--gpu must be one of ${GPUS.join(', ')}`);
  const contextSize = positiveIntOption('context-size', o['context-size']);
  const gpuLayers = gpuLayersOption(o['gpu-layers']);
  // Loaded only here: node-llama-cpp takes a moment and the other commands never need it.
  const [{ acquireRuntime }, { checkFit }] = await Promise.all([
    import('../setup/llama-runtime.js'),
    import('./fit.js'),
  ]);
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  let runtime;
  try {
    runtime = await acquireRuntime(gpu, 1, quiet);
  } catch (e) {
    throw new ModelsError('fit_failed', firstLine(e));
  }
  let code = 0;
  try {
    for (const target of targets) {
      try {
        const report = await checkFit(runtime.llama, {
          target: /^(hf:|https?:)/i.test(target) ? target : resolve(target),
          contextSize,
          gpuLayers,
          endpoint: c.endpoint,
          token: c.token,
          signal: c.signal,
        });
        out.line({ event: 'fit', report: { ...report, target } });
      } catch (e) {
        code = Math.max(code, c.fail(e, target));
      }
    }
  } finally {
    await runtime.llama.dispose();
  }
  return code;
}

/** The process entry: signals, streams, exit code. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupted = 0;
  const onSignal = () => {
    interrupted++;
    if (interrupted > 1) process.exit(130);
    controller.abort(new ModelsError('cancelled', 'interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await runCli(
    process.argv.slice(2),
    {
      out: (s) => process.stdout.write(s),
      err: (s) => process.stderr.write(s),
      isTty: process.stderr.isTTY ?? false, // undefined, not false, when stderr is a pipe
      env: process.env,
    },
    controller.signal,
  );
  process.exitCode = code;
}
