// The realistic completion benchmark (not a test): a person's typing session (sessions/typing-session.ts)
// replayed through the real CompletionService, its pipeline and prefill scheduler, the real LocalEngine
// (supervisor, WebSocket client) and the real fude-backend on a real-size GGUF, with the pauses a person
// makes. Also the backend's decode speed against raw node-llama-cpp on the same file, chat while a prefill
// runs, a completion while a chat reads a long prompt, and the backend's peak memory.
//   npm run bench:completion -- --model FILE.gguf [--threads N] [--runs N] [--context-size N] [--out FILE.json] [--no-prefill]
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Timings } from '../../protocol/messages.js';
import { systemClock } from '../../extension/completion/clock.js';
import {
  DEFAULT_PIPELINE_SETTINGS,
  type DocumentSnapshot,
  type PipelineOutcome,
} from '../../extension/completion/pipeline.js';
import { PrefillScheduler } from '../../extension/completion/prefill-scheduler.js';
import { CompletionService, type ServiceOutcome } from '../../extension/completion/service.js';
import type { Snooze } from '../../extension/completion/snooze.js';
import type { CompleteCall, Engine } from '../../extension/engine/engine.js';
import { EngineError } from '../../extension/engine/engine-error.js';
import { launchSpec } from '../../extension/engine/local/launch.js';
import { LocalEngine } from '../../extension/engine/local/local-engine.js';
import { ModelStatus } from '../../extension/engine/model-status.js';
import { TextStream } from '../../extension/engine/text-stream.js';
import { openRawDecoder } from './raw-decode.js';
import { ms, summaryTable } from './summary-table.js';
import { firstBurst, PAUSES, PLACES, seeded, sessionText, SESSION_FILE } from './sessions/typing-session.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Decode-speed runs per side, and tokens per run. */
const DECODE_RUNS = 3;
const DECODE_TOKENS = 64;

export interface RealisticOptions {
  readonly model: string;
  readonly threads: number;
  readonly runs: number;
  readonly contextSize: number;
  readonly out: string;
  readonly prefill: boolean;
  /** A fixed debounce instead of the adaptive one (an experiment: what the pause detection costs and saves). */
  readonly debounceMs?: number;
}

/** Nearest-rank percentile. */
function pct(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
}
const r1 = (x: number) => Math.round(x * 10) / 10;
const dist = (xs: readonly number[]) => ({ p50: nullable(pct(xs, 50)), p95: nullable(pct(xs, 95)), n: xs.length });
const nullable = (x: number | null) => (x === null ? null : r1(x));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const median = (xs: readonly number[]) => pct(xs, 50);

function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
}

/** One `complete` as the bench saw it: when it was sent, when its first text came, the backend's timings. */
interface Sent {
  readonly at: number;
  firstTextAt?: number;
  /** When the stream ended, or the pipeline stopped reading it (its budget, a filter, a newer keystroke). */
  endedAt?: number;
  timings?: Timings;
  evaluated?: number;
  input?: number;
}

/** The engine as the service sees it, with each complete timed (the chunks pass through untouched). */
function timedEngine(engine: Engine, log: Sent[]): Pick<Engine, 'complete' | 'prefill' | 'details'> {
  return {
    complete(call: CompleteCall, signal?: AbortSignal) {
      const sent: Sent = { at: performance.now() };
      log.push(sent);
      signal?.addEventListener(
        'abort',
        () => {
          sent.endedAt ??= performance.now();
        },
        { once: true },
      );
      const inner = engine.complete(call, signal);
      const outer = new TextStream(inner.id);
      void (async () => {
        try {
          for await (const t of inner) {
            sent.firstTextAt ??= performance.now();
            outer.push(t);
          }
          const done = await inner.done;
          sent.endedAt ??= performance.now();
          sent.timings = done.timings;
          sent.evaluated = done.usage.evaluatedInputTokens;
          sent.input = done.usage.inputTokens;
          outer.finish(done);
        } catch (e) {
          sent.endedAt ??= performance.now();
          outer.fail(e instanceof EngineError ? e : new EngineError('internal', String(e)));
        }
      })();
      return outer;
    },
    prefill: (call, signal) => engine.prefill(call, signal),
    details: () => engine.details(),
  };
}

interface Measured {
  readonly kind: 'firstSuggestion' | 'afterJump' | 'afterIdle' | 'extendByOne';
  readonly ms: number;
  readonly shown: boolean;
  readonly end: string;
  readonly source: string;
  readonly evaluated?: number;
  readonly input?: number;
  /** The pipeline's own time: see the definition of pipelineOverheadMs. */
  readonly overheadMs?: number;
  /** The debounce's part of `ms` (the wait for the typing to pause). */
  readonly debounceMs?: number;
  /** Characters shown first. */
  readonly shownChars: number;
  /** When a suggestion shown early grew: last key to the longer text, and its length. */
  grownMs?: number;
  grownChars?: number;
}

export async function realisticBench(o: RealisticOptions): Promise<void> {
  const began = performance.now();
  const loadAtStart = loadavg();
  console.log(
    `realistic completion benchmark: ${basename(o.model)}, ${o.threads} thread(s), context ${o.contextSize}, ${o.runs} run(s); load average ${loadAtStart.map(r1).join(' ')} on ${cpus().length} cores`,
  );
  const status = new ModelStatus({ engine: 'local', isDemo: false, configuredName: basename(o.model) });
  const engine = new LocalEngine({
    status,
    launch: () =>
      launchSpec(
        {
          modelPath: o.model,
          family: 'auto',
          gpu: 'cpu',
          gpuLayers: 'auto',
          contextSize: o.contextSize,
          threads: o.threads,
          acceptedTerms: [],
        },
        {
          extensionPath: REPO,
          execPath: process.execPath,
          isElectron: false,
          nodePath: '',
          hostPid: process.pid,
          env: process.env,
        },
        randomBytes(24).toString('base64url'),
      ),
    onStderr: (line) => {
      if (/error|warn/i.test(line)) console.error(`  backend: ${line}`);
    },
    supervisor: { startTimeoutMs: 600_000 },
  });
  const loadStarted = performance.now();
  await engine.start();
  const loadMs = performance.now() - loadStarted;
  const pid = engine.pid;
  console.log(`  backend ready in ${r1(loadMs / 1000)} s (pid ${pid})`);

  const sentLog: Sent[] = [];
  const service = new CompletionService({
    status,
    engine: timedEngine(engine, sentLog),
    ensureReady: async () => {
      await engine.start();
      return true;
    },
    snooze: { until: () => undefined } as unknown as Snooze,
    termsAccepted: () => true,
    enabled: () => ({ enabled: true, enabledGlobally: true }),
    settings: DEFAULT_PIPELINE_SETTINGS,
    ...(o.debounceMs === undefined
      ? {}
      : { debounce: { minMs: o.debounceMs, maxMs: o.debounceMs, initialMs: o.debounceMs } }),
  });
  const pipeline = service.pipeline;
  // The backend's own speeds come with the ready status; wait for them as the editor would have them.
  for (let i = 0; i < 50 && !pipeline.speed.current; i++) await sleep(100);
  const speedAtLoad = pipeline.speed.current;

  let current: DocumentSnapshot | undefined;
  const prefillLog: string[] = [];
  const scheduler = new PrefillScheduler({
    clock: systemClock,
    warm: (reason, expectedPauseMs, signal) =>
      current
        ? service.warm(current, { reason, expectedPauseMs, signal })
        : Promise.resolve({ kind: 'skipped', why: 'empty' }),
    log: (line) => prefillLog.push(line),
  });

  const measured: Measured[] = [];
  const outcomes: PipelineOutcome[] = [];
  let keystrokes = 0;
  const random = seeded(14);
  const gap = () => Math.round(PAUSES.keyMinMs + random() * (PAUSES.keyMaxMs - PAUSES.keyMinMs));
  const statementPause = () =>
    Math.round(PAUSES.statementMinMs + random() * (PAUSES.statementMaxMs - PAUSES.statementMinMs));
  let previous: AbortController | undefined;
  const lineOf = (d: DocumentSnapshot) => d.text.slice(0, d.offset).split('\n').length - 1;

  /** One keystroke as VS Code delivers it: the edit, then a new request that cancels the one before. */
  const key = (s: string): { at: number; result: Promise<ServiceOutcome> } => {
    const d = current!;
    current = { ...d, text: d.text.slice(0, d.offset) + s + d.text.slice(d.offset), offset: d.offset + s.length };
    keystrokes++;
    pipeline.recordKeystroke();
    if (o.prefill) scheduler.edited({ uri: current.uri, line: lineOf(current) });
    previous?.abort();
    previous = new AbortController();
    const at = performance.now();
    const result = service.provide(current, { manual: false, signal: previous.signal });
    void result.then((r) => {
      if (r.kind === 'done') outcomes.push(r.outcome);
    });
    return { at, result };
  };

  /** Waits for the suggestion of the last key, as a person who stops typing does. */
  const awaitShown = async (
    kind: Measured['kind'],
    k: { at: number; result: Promise<ServiceOutcome> },
  ): Promise<string> => {
    const sentBefore = sentLog.length;
    const r = await k.result;
    const resolvedAt = performance.now();
    const ms = resolvedAt - k.at;
    if (r.kind !== 'done') {
      measured.push({ kind, ms, shown: false, end: r.kind, source: '-', shownChars: 0 });
      return '';
    }
    const out = r.outcome;
    // The request this key sent (if it sent one): the last one sent after the key.
    const sent =
      out.source === 'model'
        ? (sentLog
            .slice(sentBefore)
            .filter((s) => s.at >= k.at)
            .at(-1) ?? sentLog.filter((s) => s.at >= k.at).at(-1))
        : undefined;
    // The pipeline's own time: the provide call less the debounce and less the time the engine's stream was read
    // (window, cache, filters, scheduling in this process; the socket and the backend are in the stream's time). A
    // suggestion shown early stops the reading at the answer while the stream goes on.
    const readUntil = Math.min(sent?.endedAt ?? Infinity, resolvedAt);
    const overheadMs = sent ? ms - out.waitedMs - (readUntil - sent.at) : undefined;
    const m: Measured = {
      kind,
      ms,
      shown: out.text !== '',
      end: out.end,
      source: out.source,
      evaluated: sent?.evaluated,
      input: sent?.input,
      overheadMs,
      debounceMs: out.waitedMs,
      shownChars: out.text.length,
    };
    measured.push(m);
    // The person goes on typing meanwhile; a longer text that comes before the next key is recorded.
    void out.grown?.then((text) => {
      if (text === undefined) return;
      m.grownMs = performance.now() - k.at;
      m.grownChars = text.length;
    });
    return out.text;
  };

  const sessionStarted = performance.now();
  const sentAtStart = service.generate.counts.sent;
  const engineAtStart = { ...pipeline.engine.counters };
  const base = sessionText();
  for (let run = 0; run < o.runs; run++) {
    // Each run opens the file under its own name: nothing of it is in the completion cache.
    current = {
      uri: `file:///bench/run${run}/completion-core.ts`,
      path: 'completion-core.ts',
      languageId: 'typescript',
      text: base,
      offset: 0,
      indentUnit: '  ',
      tabSize: 2,
    };
    for (const place of PLACES) {
      const anchor: number = current.text.indexOf(`\n${place.after}\n`);
      if (anchor === -1) throw new Error(`session: no line ${JSON.stringify(place.after)} in ${SESSION_FILE}`);
      current = { ...current, offset: anchor + 1 + place.after.length };
      const where = { uri: current.uri, line: lineOf(current) };
      if (o.prefill) {
        if (place.arrive === 'open') scheduler.activated(where);
        else scheduler.moved(where);
      }
      await sleep(place.arrive === 'open' ? PAUSES.afterOpenMs : PAUSES.afterJumpMs);
      const indent = /^\s*/.exec(place.after)![0];
      for (const [i, line] of place.lines.entries()) {
        key(`\n${indent}`); // End, Enter: VS Code indents the new line
        const burst = firstBurst(line);
        let last = key(burst[0]);
        for (const ch of burst.slice(1)) {
          await sleep(gap());
          last = key(ch);
        }
        const first: Measured['kind'] = i > 0 ? 'afterIdle' : place.arrive === 'open' ? 'firstSuggestion' : 'afterJump';
        const shown = await awaitShown(first, last);
        let rest = line.slice(burst.length);
        if (rest !== '') {
          // One more character: the model is asked again unless it is the start of what is shown.
          await sleep(gap());
          const one = key(rest[0]);
          rest = rest.slice(1);
          if (shown === '' || !shown.startsWith(line[burst.length])) await awaitShown('extendByOne', one);
        }
        for (const [j, ch] of Array.from(rest).entries()) {
          await sleep(j > 0 && rest[j - 1] === ';' ? statementPause() : gap());
          key(ch);
        }
        await sleep(statementPause());
        if (i === 0 && place.idleAfterFirstMs) await sleep(place.idleAfterFirstMs);
      }
    }
    console.log(`  run ${run + 1}/${o.runs} done (${r1((performance.now() - sessionStarted) / 1000)} s so far)`);
  }
  previous?.abort();
  await sleep(100);
  const sessionMs = performance.now() - sessionStarted;
  const backendRequests = service.generate.counts.sent - sentAtStart;
  const cacheHits = pipeline.engine.counters.cacheHits - engineAtStart.cacheHits;
  scheduler.dispose();

  // ---- chat and completion together ----
  const chatTimes = await chatWithCompletion(engine, base);

  // ---- decode speed: the backend and raw node-llama-cpp on the same file and prompt, runs alternating ----
  // Alternating, so load from elsewhere on the machine hits both alike; the raw model is loaded in this process
  // (the backend idles meanwhile). The file's first lines (about 400 tokens of LLM-jp-3; under the completion lane's
  // size even for a byte-level vocabulary), evaluated once per side and reused.
  const decodePrompt = base.slice(0, base.indexOf('\n', 1200));
  const backendDecode: number[] = [];
  const rawDecode: number[] = [];
  const raw = await openRawDecoder(o.model, { threads: o.threads, contextSize: o.contextSize });
  try {
    for (let i = 0; i < DECODE_RUNS; i++) {
      const prompt = `${decodePrompt}\n// run ${i}\n`;
      const s = engine.complete({ prefix: prompt, maxTokens: DECODE_TOKENS });
      await s.text();
      const d = await s.done;
      // From the timings (first token to the end), as the raw rate is measured.
      if (d.usage.outputTokens > 8)
        backendDecode.push(((d.usage.outputTokens - 1) / (d.timings.totalMs - d.timings.firstTokenMs)) * 1000);
      const r = await raw.decode(DECODE_TOKENS, prompt, { keepCache: true });
      if (r.tokens > 8) rawDecode.push(r.decodeTokensPerSecond);
    }
  } finally {
    await raw.close();
  }
  const peak = peakRssMb(pid);
  const windowReport = pipeline.report();
  service.dispose();
  await engine.dispose();
  const decodeRatioToRaw =
    backendDecode.length && rawDecode.length
      ? Math.round((median(backendDecode)! / median(rawDecode)!) * 1000) / 1000
      : null;

  const of = (k: Measured['kind']) => measured.filter((m) => m.kind === k);
  const firstSuggestionMs = dist(of('firstSuggestion').map((m) => m.ms));
  const afterJumpMs = dist(of('afterJump').map((m) => m.ms));
  const extendByOneMs = dist(
    of('extendByOne')
      .filter((m) => m.source === 'model')
      .map((m) => m.ms),
  );
  const pipelineOverheadMs = dist(measured.flatMap((m) => (m.overheadMs === undefined ? [] : [m.overheadMs])));
  const loadAtEnd = loadavg();
  const result = {
    firstSuggestionMs,
    afterJumpMs,
    extendByOneMs,
    pipelineOverheadMs,
    backendRequests,
    keystrokes,
    cacheHitRate: keystrokes === 0 ? 0 : Math.round((cacheHits / keystrokes) * 1000) / 1000,
    decodeRatioToRaw,
    peakRssMb: peak,
    chatWithCompletion: chatTimes,
    details: {
      definitions: {
        firstSuggestionMs:
          'the file opens on the first place; after a 3 s pause the person types the first words of a line and waits: last key to the suggestion (or to the empty answer), debounce included',
        afterJumpMs: 'the same after a far jump (Ctrl+G, 400+ lines away) and a 1.5 s pause',
        afterIdleMs: 'the same for the next line after an 8 s idle pause (the whole window prefilled)',
        extendByOneMs:
          'one more character after that, not the start of the suggestion: last key to the new suggestion, the model asked again (only its tail evaluated)',
        pipelineOverheadMs:
          'for those requests: the provide call less the debounce and less the time the engine stream was open (from the call until it ended or the pipeline stopped reading it): the window, cache, filters and scheduling in the extension process',
        backendRequests: 'complete requests sent during the sessions (prefills not counted)',
        keystrokes: 'edits typed during the sessions (Enter included)',
        cacheHitRate: 'keystrokes answered from the completion cache / keystrokes',
        decodeRatioToRaw:
          'median decode tokens/s of the backend (64-token completions, its own timings) over raw node-llama-cpp (LlamaCompletion, greedy, node-llama-cpp defaults) on the same file, prompt, threads and context size, runs alternating in this run',
        peakRssMb: "the backend process's peak resident memory (VmHWM) at the end of the run",
      },
      afterIdleMs: dist(of('afterIdle').map((m) => m.ms)),
      // The same less the debounce (the pause detection before a request is sent), model answers only.
      withoutDebounceMs: Object.fromEntries(
        (['firstSuggestion', 'afterJump', 'afterIdle', 'extendByOne'] as const).map((k) => [
          k,
          dist(
            of(k)
              .filter((m) => m.source === 'model')
              .map((m) => m.ms - (m.debounceMs ?? 0)),
          ),
        ]),
      ),
      debounceMs: dist(measured.filter((m) => m.source === 'model').map((m) => m.debounceMs ?? 0)),
      // A suggestion shown early (a short one as soon as it is written) grows while the model writes on.
      shownChars: dist(measured.filter((m) => m.shown).map((m) => m.shownChars)),
      grown: `${measured.filter((m) => m.grownMs !== undefined).length}/${measured.filter((m) => m.shown).length}`,
      grownMs: dist(measured.flatMap((m) => (m.grownMs === undefined ? [] : [m.grownMs]))),
      grownChars: dist(measured.flatMap((m) => (m.grownChars === undefined ? [] : [m.grownChars]))),
      shown: Object.fromEntries(
        (['firstSuggestion', 'afterJump', 'afterIdle', 'extendByOne'] as const).map((k) => [
          k,
          `${of(k).filter((m) => m.shown).length}/${of(k).length}`,
        ]),
      ),
      ends: Object.fromEntries(
        (['firstSuggestion', 'afterJump', 'afterIdle', 'extendByOne'] as const).map((k) => [
          k,
          of(k).map((m) => m.end),
        ]),
      ),
      evaluatedInputTokens: Object.fromEntries(
        (['firstSuggestion', 'afterJump', 'afterIdle', 'extendByOne'] as const).map((k) => [
          k,
          of(k).map((m) => (m.evaluated === undefined ? null : `${m.evaluated}/${m.input}`)),
        ]),
      ),
      samples: measured.map((m) => ({
        kind: m.kind,
        ms: r1(m.ms),
        end: m.end,
        source: m.source,
        shownChars: m.shownChars,
        ...(m.grownMs === undefined ? {} : { grownMs: r1(m.grownMs), grownChars: m.grownChars }),
      })),
      sessionSeconds: r1(sessionMs / 1000),
      requestOutcomes: countBy(outcomes.filter((x) => !x.debounced).map((x) => x.end)),
      debounced: pipeline.counters.debounced,
      windows: { kept: pipeline.window.kept, fresh: pipeline.window.fresh },
      window: windowReport,
      speedAtLoad,
      prefill: o.prefill ? { ...scheduler.counts, log: prefillLog } : 'off (--no-prefill)',
      backendDecodeTokensPerSecond: backendDecode.map(r1),
      rawDecodeTokensPerSecond: rawDecode.map(r1),
      backendLoadSeconds: r1(loadMs / 1000),
      pauses: PAUSES,
    },
    targets: {
      firstSuggestionP50AtMost1500: (firstSuggestionMs.p50 ?? Infinity) <= 1500,
      afterJumpP50AtMost1000: (afterJumpMs.p50 ?? Infinity) <= 1000,
      extendByOneP50AtMostAThirdOfFirst: (extendByOneMs.p50 ?? Infinity) <= (firstSuggestionMs.p50 ?? 0) / 3,
      pipelineOverheadP50Under5: (pipelineOverheadMs.p50 ?? Infinity) < 5,
      decodeRatioAtLeast097: (decodeRatioToRaw ?? 0) >= 0.97,
      peakRssAtMost3500: (peak ?? Infinity) <= 3500,
    },
    settings: {
      model: o.model,
      threads: o.threads,
      runs: o.runs,
      contextSize: o.contextSize,
      prefill: o.prefill,
      debounce: o.debounceMs === undefined ? 'adaptive' : `fixed at ${o.debounceMs} ms (--debounce-ms)`,
      pipeline: { ...pipeline.currentSettings },
    },
    machine: {
      cpuModel: cpus()[0]?.model ?? 'unknown',
      logicalCores: cpus().length,
      memoryGb: r1(totalmem() / 2 ** 30),
      loadAverageAtStart: loadAtStart.map(r1),
      loadAverageAtEnd: loadAtEnd.map(r1),
      node: process.version,
    },
    date: new Date().toISOString(),
    wallSeconds: r1((performance.now() - began) / 1000),
  };
  const n = (d: { n: number }) => ` (n ${d.n})`;
  console.log(
    summaryTable(
      `summary: ${basename(o.model)}, ${o.threads} thread(s), ${o.runs} run(s); load average ${loadAtStart.map(r1).join(' ')} at the start, ${loadAtEnd.map(r1).join(' ')} at the end`,
      [
        {
          name: `firstSuggestionMs${n(firstSuggestionMs)}`,
          value: ms(firstSuggestionMs.p50),
          p95: ms(firstSuggestionMs.p95),
          target: '<= 1500 ms',
          met: result.targets.firstSuggestionP50AtMost1500,
        },
        {
          name: `afterJumpMs${n(afterJumpMs)}`,
          value: ms(afterJumpMs.p50),
          p95: ms(afterJumpMs.p95),
          target: '<= 1000 ms',
          met: result.targets.afterJumpP50AtMost1000,
        },
        {
          name: `afterIdleMs${n(result.details.afterIdleMs)}`,
          value: ms(result.details.afterIdleMs.p50),
          p95: ms(result.details.afterIdleMs.p95),
        },
        {
          name: `extendByOneMs${n(extendByOneMs)}`,
          value: ms(extendByOneMs.p50),
          p95: ms(extendByOneMs.p95),
          target: '<= first / 3',
          met: result.targets.extendByOneP50AtMostAThirdOfFirst,
        },
        {
          name: `pipelineOverheadMs${n(pipelineOverheadMs)}`,
          value: ms(pipelineOverheadMs.p50),
          p95: ms(pipelineOverheadMs.p95),
          target: '< 5 ms',
          met: result.targets.pipelineOverheadP50Under5,
        },
        {
          name: `  of which the debounce${n(result.details.debounceMs)}`,
          value: ms(result.details.debounceMs.p50),
          p95: ms(result.details.debounceMs.p95),
        },
        {
          name: `shown first: chars${n(result.details.shownChars)}`,
          value: String(result.details.shownChars.p50),
          p95: String(result.details.shownChars.p95),
        },
        {
          name: `grew (${result.details.grown}): last key to longer text`,
          value: ms(result.details.grownMs.p50),
          p95: ms(result.details.grownMs.p95),
        },
        {
          name: `  longer text: chars${n(result.details.grownChars)}`,
          value: String(result.details.grownChars.p50),
          p95: String(result.details.grownChars.p95),
        },
        { name: 'keystrokes / backendRequests', value: `${keystrokes} / ${backendRequests}` },
        { name: 'cacheHitRate', value: String(result.cacheHitRate) },
        {
          name: 'decode tokens/s: backend / raw',
          value: `${r1(median(backendDecode) ?? NaN)} / ${r1(median(rawDecode) ?? NaN)}`,
        },
        {
          name: 'decodeRatioToRaw',
          value: String(decodeRatioToRaw ?? '-'),
          target: '>= 0.97',
          met: result.targets.decodeRatioAtLeast097,
        },
        { name: 'peakRssMb', value: String(peak ?? '-'), target: '<= 3500', met: result.targets.peakRssAtMost3500 },
        {
          name: 'chat first token: alone / during a prefill',
          value: `${chatTimes.chatFirstTokenAloneMs} / ${chatTimes.chatFirstTokenDuringPrefillMs} ms`,
        },
        {
          name: 'completion: alone / while a chat reads',
          value: `${chatTimes.completionAloneMs} / ${chatTimes.completionDuringChatReadMs} ms`,
        },
      ],
    ),
  );
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${o.out} (${result.wallSeconds} s)`);
}

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

/**
 * Chat and completion on one model: chat's time to first token alone and while a completion prefill
 * of a whole window runs, and a completion's time while a chat reads a long prompt (and alone).
 */
async function chatWithCompletion(engine: Engine, text: string) {
  const question = (n: number) => [
    {
      role: 'user' as const,
      content: `質問 ${n}: この関数は何をしますか?\n\`\`\`ts\n${text.slice(20_000, 21_500)}\n\`\`\``,
    },
  ];
  const firstToken = async (n: number) => {
    const t0 = performance.now();
    const s = engine.chat({ messages: question(n), lane: 'chat', maxTokens: 4, temperature: 0 });
    for await (const chunk of s) {
      if (chunk !== '') break;
    }
    const ms = performance.now() - t0;
    await s.done.catch(() => undefined);
    return Math.round(ms);
  };
  const chatFirstTokenAloneMs = await firstToken(1);
  const prefillAbort = new AbortController();
  const prefill = engine.prefill({ prefix: text.slice(40_000, 44_000) }, prefillAbort.signal).catch(() => undefined);
  await sleep(200);
  const chatFirstTokenDuringPrefillMs = await firstToken(2);
  prefillAbort.abort();
  await prefill;
  const completion = async (at: number) => {
    const t0 = performance.now();
    const s = engine.complete({ prefix: text.slice(at - 1500, at), maxTokens: 4 });
    await s.text().catch(() => undefined);
    return Math.round(performance.now() - t0);
  };
  // Two places near the end of the file (about 1,500 characters of prefix each, nothing of them cached).
  const completionAloneMs = await completion(Math.floor(text.length * 0.9));
  const longChat = engine.chat({
    messages: [{ role: 'user', content: `要約してください:\n${text.slice(0, 12_000)}` }],
    lane: 'chat',
    maxTokens: 2,
    temperature: 0,
  });
  const reading = longChat.text().catch(() => undefined);
  await sleep(500);
  const completionDuringChatReadMs = await completion(Math.floor(text.length * 0.95));
  await reading;
  return { chatFirstTokenAloneMs, chatFirstTokenDuringPrefillMs, completionAloneMs, completionDuringChatReadMs };
}
