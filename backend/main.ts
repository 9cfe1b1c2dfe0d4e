// fude-backend: load one GGUF model and serve it over an authenticated WebSocket on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import type { LoadingEvent } from '../protocol/backend-events.js';
import { EXIT_BAD_SETUP, EXIT_FAILURE, EXIT_OK, TOKEN_ENV, type ReadyLine } from '../protocol/messages.js';
import { formatSetupError } from '../protocol/setup-error.js';
import { ArgsError, isLoopbackHost, parseBackendArgs, USAGE, type BackendOptions } from './cli-args.js';
import { emitEvent, progressThrottle } from './events.js';
import type { DraftModel, ModelHost } from './engine/model-host.js';
import { onTerminationSignals, watchForOrphaning } from './lifecycle.js';
import { stderrLogger } from './log.js';
import { identifyModel, modelFacts } from './profiles/family.js';
import { requiredTerms } from './profiles/terms-gate.js';
import type { RequestRegistry } from './server/request-registry.js';
import type { RunningServer } from './server/ws-server.js';
import { checkModelHeaders } from './setup/model-header-check.js';
import { SetupError } from './setup/setup-error.js';

const SHUTDOWN_GRACE_MS = 10_000;

/** stdout carries the typed event lines and nothing else; a library that logs with console.log must not break that. */
function keepStdoutForEvents(): void {
  const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

async function main(): Promise<void> {
  keepStdoutForEvents();
  const log = stderrLogger();
  let opts: BackendOptions;
  try {
    opts = parseBackendArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ArgsError)
      exitBadSetup(new SetupError('bad_arguments', `${e.message}\n${USAGE}`, e.option ? { option: e.option } : {}));
    throw e;
  }
  if (!isLoopbackHost(opts.host)) {
    if (!opts.allowRemote)
      exitBadSetup(
        new SetupError(
          'bad_arguments',
          `--host ${opts.host} is not a loopback address; the backend listens on 127.0.0.1 only unless you also pass --allow-remote`,
          { option: 'host' },
        ),
      );
    log.warn(`listening on ${opts.host}: other machines can reach this backend (the token is still required)`);
  }

  const state: { host?: ModelHost; server?: RunningServer; registry?: RequestRegistry; stopping: boolean } = {
    stopping: false,
  };
  const shutdown = async (why: string, code: number) => {
    if (state.stopping) return;
    state.stopping = true;
    log.info(`shutting down: ${why}`);
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(EXIT_FAILURE);
    }, SHUTDOWN_GRACE_MS).unref();
    // Order matters: a disposed model under a running generation kills the process.
    await state.registry?.abortAll(new Error(`the backend is shutting down (${why})`));
    await state.server?.close();
    await state.host?.dispose();
    process.exit(code);
  };
  onTerminationSignals((s) => void shutdown(s, EXIT_OK));
  watchForOrphaning({
    parentPid: opts.parentPid ?? process.ppid,
    exitWithStdin: opts.exitWithStdin,
    log,
    onOrphaned: (why) => void shutdown(why, EXIT_OK),
  });

  const loadStarted = performance.now();
  // The bounded header check comes before node-llama-cpp is even loaded: a crafted file is refused at once.
  const headers = await checkModelHeaders(opts.model);
  const {
    acquireRuntime,
    checkModelFile,
    describeLayout,
    estimateDraft,
    loadModelHost,
    physicalCores,
    planResources,
    RequestRegistry,
    startServer,
  } = await import('./runtime-parts.js');
  const file = await checkModelFile(opts.model, headers);
  const facts = modelFacts(file.info.metadata, file.path);
  const identity = identifyModel(facts, opts.family);
  const terms = requiredTerms(facts, identity, opts.acceptTerms);
  const loading = (stage: LoadingEvent['stage'], progress?: number) =>
    emitEvent({
      event: 'loading',
      stage,
      model: { name: identity.name, family: identity.family, path: file.path, termsId: terms.termsId },
      ...(progress === undefined ? {} : { progress }),
    });
  loading('runtime');
  const threads = opts.threads ?? physicalCores();
  const runtime = await acquireRuntime(opts.gpu, threads, log);
  const plan = await planResources(runtime.llama, file, {
    gpuLayers: opts.gpuLayers,
    contextSize: opts.contextSize,
    completeContextSize: opts.completeContextSize,
    kvCacheType: opts.kvCacheType,
  });
  for (const w of plan.warnings) log.warn(w);
  let draft: DraftModel | undefined;
  if (opts.draftModel) {
    const draftFile = await checkModelFile(opts.draftModel);
    draft = {
      file: draftFile,
      parts: await estimateDraft(runtime.llama, draftFile.info, {
        gpuLayers: plan.gpuLayers,
        contextSize: plan.contextSize,
        sequences: 2,
        layout: plan.layout,
      }),
    };
  }
  log.info(
    `loading ${identity.name} (${identity.family}) from ${file.path}: gpu ${runtime.gpu || 'none'}, ${plan.gpuLayers}/${plan.totalLayers} layers offloaded, ${describeLayout(plan.layout)}, ${threads} threads${draft ? `, draft model ${draft.file.path}` : ''}`,
  );
  loading('model', 0);
  const host = await loadModelHost({
    llama: runtime.llama,
    gpu: runtime.gpu,
    file,
    plan,
    identity,
    termsId: terms.termsId,
    queueLimit: opts.queueLimit,
    log,
    draft,
    mmap: opts.mmap,
    priorities: opts.priorities,
    onModelProgress: progressThrottle(0.05, (p) => loading('model', p)),
    onContext: () => loading('context'),
  });
  state.host = host;
  if (state.stopping) return;
  const envToken = process.env[TOKEN_ENV];
  const token = envToken && envToken.length > 0 ? envToken : randomBytes(32).toString('base64url');
  state.registry = new RequestRegistry(host);
  state.server = await startServer({
    host: opts.host,
    port: opts.port,
    token,
    registry: state.registry,
    log,
    chunkIntervalMs: opts.chunkIntervalMs,
  });

  const ready: ReadyLine = {
    event: 'ready',
    port: state.server.port,
    host: opts.host,
    pid: process.pid,
    model: host.info,
    threads,
    loadMs: Math.round(performance.now() - loadStarted),
    throughput: host.throughput.current(),
    warnings: [...runtime.warnings, ...plan.warnings],
    ...(envToken ? {} : { token }),
  };
  emitEvent(ready);
  const t = host.throughput.current();
  log.info(
    `ready on ${opts.host}:${state.server.port} (chat format ${host.chatFormat.name}, tokens by ${host.promptTokenizer.text.name}${host.promptTokenizer.exact ? ', exact' : ''}; calibrated at ${t.promptTokensPerSecond} prompt / ${t.decodeTokensPerSecond} decode tokens/s)`,
  );
}

function exitBadSetup(e: SetupError): never {
  emitEvent({ event: 'setup_error', code: e.code, message: e.message.split('\n')[0], params: e.params });
  process.stderr.write(`${formatSetupError(e.code, e.message)}\n`);
  process.exit(EXIT_BAD_SETUP);
}

main().catch((e: unknown) => {
  if (e instanceof SetupError) exitBadSetup(e);
  process.stderr.write(`fude-backend: unexpected failure: ${String((e as Error | undefined)?.stack ?? e)}\n`);
  process.exit(EXIT_FAILURE);
});
