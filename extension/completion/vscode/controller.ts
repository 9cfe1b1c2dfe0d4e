// Wires inline completion to the extension core: the gate (settings, snooze, backend, terms), the
// pipeline over the backend client, editor events (typing speed, recent files), the status bar and
// the log. One per window.
import * as vscode from 'vscode';
import type { BackendState } from '../../backend/backend-state.js';
import type { FudeCore } from '../../core.js';
import { BackendGenerate, errorCode, isCancellationError, type BackendCounts, type GenerationRecord } from '../backend-generate.js';
import type { EngineCounters } from '../engine.js';
import { decideGate, type BackendView, type GateDecision } from '../gate.js';
import { CompletionPipeline, type DocumentSnapshot, type PipelineCounters, type PipelineOutcome } from '../pipeline.js';
import { Snooze } from '../snooze.js';
import { TokenCalibration } from '../token-calibration.js';
import { readEnabled, readPipelineSettings } from './settings.js';
import { CompletionStatusItem, describeCompletion, type Problem } from './status.js';

/** Read-only numbers for the in-editor tests (exported through the extension's API). */
export interface CompletionStats {
  readonly engine: EngineCounters;
  readonly pipeline: PipelineCounters;
  readonly backend: BackendCounts;
  readonly lastMode: 'fim' | 'prefix' | undefined;
  readonly lastOutcome: { readonly text: string; readonly source: string; readonly end: string; readonly error?: string } | undefined;
  readonly lastRecord: GenerationRecord | undefined;
  readonly statusText: string;
  readonly statusTooltip: string;
}

const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

export class CompletionController implements vscode.Disposable {
  readonly backend: BackendGenerate;
  readonly pipeline: CompletionPipeline;
  readonly snooze: Snooze;
  private readonly status = new CompletionStatusItem('fude.completion.showMenu');
  private readonly disposables: vscode.Disposable[] = [];
  private problem: Problem | undefined;
  private lastOutcome: CompletionStats['lastOutcome'];
  private lastRecord: GenerationRecord | undefined;
  private stoppedByUser = false;
  private everStarted = false;
  private readyKey: string | undefined;
  private starting: Promise<boolean> | undefined;
  private snoozeTimer: ReturnType<typeof setTimeout> | undefined;
  private toldPrefixOnly = new Set<string>();

  constructor(private readonly core: FudeCore) {
    const client = core.service.client;
    // One calibration: the backend adapter feeds it from usage, the pipeline sizes prompts with it.
    const calibration = new TokenCalibration();
    this.backend = new BackendGenerate(() => (client.connected ? client : undefined), {
      calibration,
      onRecord: (r) => this.onRecord(r),
    });
    this.pipeline = new CompletionPipeline({ generate: this.backend.generate, settings: readPipelineSettings(), calibration, isCancellation: isCancellationError });
    this.snooze = new Snooze(core.context.globalState);
    const supervisor = core.service.supervisor;
    this.disposables.push(
      this.status,
      { dispose: supervisor.onState((s) => this.onBackendState(s)) },
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.onActiveEditor(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.pipeline.recent.closed(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('fude')) return;
        this.pipeline.updateSettings(readPipelineSettings());
        this.refresh();
      }),
    );
    // Files already open count as viewed (the active one last, so it is the most recent).
    for (const e of vscode.window.visibleTextEditors) if (e !== vscode.window.activeTextEditor) this.onActiveEditor(e);
    this.onActiveEditor(vscode.window.activeTextEditor);
    this.armSnoozeTimer();
  }

  gate(document: vscode.TextDocument | undefined, manual: boolean): GateDecision {
    const s = this.core.service.supervisor.current;
    const backend: BackendView = s.kind === 'ready'
      ? { kind: 'ready', model: s.ready.model, connected: this.core.service.client.connected }
      : s.kind === 'failed' ? { kind: 'failed', termsRefused: s.failure.code === 'terms_not_accepted' } : { kind: s.kind };
    const { enabled, enabledGlobally } = readEnabled(document?.languageId);
    return decideGate({
      manual, enabled, enabledGlobally, backend,
      snoozedUntil: this.snooze.until(),
      now: Date.now(),
      termsAccepted: (id) => this.core.terms.current(id) !== undefined,
      demoModel: this.core.model().isDemo,
      stoppedByUser: this.stoppedByUser,
    });
  }

  accepts(document: vscode.TextDocument): boolean {
    return SCHEMES.has(document.uri.scheme);
  }

  /** Starts the backend once for all the requests waiting on it; failures are shown by the core once. */
  startBackend(): Promise<boolean> {
    this.starting ??= this.core.ensureReady().then((client) => client !== undefined).finally(() => {
      this.starting = undefined;
      this.refresh();
    });
    return this.starting;
  }

  waitForBackend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const d = this.gate(vscode.window.activeTextEditor?.document, true);
        if (d.kind === 'wait' && !signal.aborted) return;
        clearInterval(timer);
        signal.removeEventListener('abort', check);
        resolve();
      };
      const timer = setInterval(check, 100);
      signal.addEventListener('abort', check);
      check();
    });
  }

  async provide(snapshot: DocumentSnapshot, manual: boolean, contextSize: number, signal: AbortSignal): Promise<PipelineOutcome> {
    const outcome = await this.pipeline.provide(snapshot, {
      manual, signal, contextSize,
      textOf: (uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText(),
    });
    this.report(outcome, snapshot.languageId);
    return outcome;
  }

  /** The gate said no: the status bar says why. */
  blocked(): void {
    this.refresh();
  }

  stats(): CompletionStats {
    return {
      engine: { ...this.pipeline.engine.counters },
      pipeline: { ...this.pipeline.counters },
      backend: { ...this.backend.counts },
      lastMode: this.backend.lastMode,
      lastOutcome: this.lastOutcome,
      lastRecord: this.lastRecord,
      statusText: this.status.lastText,
      statusTooltip: this.status.lastTooltip,
    };
  }

  /** Recomputes the status bar item for the active editor. */
  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const decision = this.gate(doc, false);
    const s = this.core.service.supervisor.current;
    this.status.show(describeCompletion({
      decision,
      languageId: doc?.languageId,
      snoozedUntil: this.snooze.until(),
      problem: this.problem,
      verdict: this.pipeline.engine.latency.verdict(),
      latency: this.pipeline.engine.latency.stats(),
      backendFailure: s.kind === 'failed' ? s.failure.message : undefined,
      fim: s.kind === 'ready' ? s.ready.model.fim : undefined,
    }));
  }

  /** Called after snoozing or resuming, so the status follows and updates again when the snooze ends. */
  armSnoozeTimer(): void {
    if (this.snoozeTimer) clearTimeout(this.snoozeTimer);
    this.snoozeTimer = undefined;
    const until = this.snooze.until();
    if (until !== undefined) this.snoozeTimer = setTimeout(() => this.armSnoozeTimer(), Math.min(until - Date.now() + 50, 2 ** 31 - 1));
    this.refresh();
  }

  dispose(): void {
    if (this.snoozeTimer) clearTimeout(this.snoozeTimer);
    this.pipeline.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private report(outcome: PipelineOutcome, languageId: string): void {
    if (outcome.debounced) return;
    const log = this.core.log;
    const error = outcome.error === undefined ? undefined : String((outcome.error as Error)?.message ?? outcome.error);
    this.lastOutcome = { text: outcome.text, source: outcome.source, end: outcome.end, error };
    const budget = this.pipeline.engine.budget;
    switch (outcome.end) {
      case 'cancelled':
        return;
      case 'timeout':
        this.problem = { kind: 'timeout', ms: budget.firstTextMs };
        log.warn(`completion (${languageId}): no text within ${budget.firstTextMs} ms (fude.completion.firstTextTimeoutMs); the model may be too slow for this machine`);
        break;
      case 'failed':
        this.problem = { kind: 'failed', message: error ?? '?' };
        log.error(`completion (${languageId}) failed${errorCode(outcome.error) ? ` [${errorCode(outcome.error)}]` : ''}: ${error}`);
        break;
      default:
        this.problem = undefined;
        log.trace(`completion (${languageId}): ${outcome.source}, ended by ${outcome.stoppedBy ?? outcome.end}, ${Math.round(outcome.totalMs)} ms (debounce ${Math.round(outcome.waitedMs)} ms), ${outcome.text.length} chars`);
    }
    this.refresh();
  }

  private onRecord(r: GenerationRecord): void {
    this.lastRecord = r;
    if (r.ok && r.usage) {
      this.core.log.trace(`completion backend: ${r.mode}, evaluated ${r.usage.evaluatedInputTokens} of ${r.usage.inputTokens} prompt tokens, ${r.usage.outputTokens} out, ${r.backendMs} ms in the backend, ${Math.round(r.roundTripMs)} ms round trip`);
    }
  }

  private onBackendState(s: BackendState): void {
    // Once the backend ran, 'stopped' means someone stopped it: typing must not start it again.
    if (s.kind === 'stopped') this.stoppedByUser = this.everStarted;
    else if (s.kind === 'starting' || s.kind === 'loading' || s.kind === 'ready') {
      this.stoppedByUser = false;
      this.everStarted = true;
    }
    if (s.kind === 'ready') {
      const key = `${s.ready.pid}:${s.ready.model.path}`;
      if (key !== this.readyKey) {
        // Another process or model: its KV cache is empty and old suggestions came from another model.
        this.pipeline.reset();
        this.problem = undefined;
      }
      this.readyKey = key;
      if (!s.ready.model.fim && !this.toldPrefixOnly.has(s.ready.model.path)) {
        this.toldPrefixOnly.add(s.ready.model.path);
        this.core.log.info(`completion: ${s.ready.model.name} has no fill-in-the-middle tokens, so inline completion gives it only the text before the cursor and stops a suggestion where it would run into the text after it`);
      }
    }
    this.refresh();
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.accepts(e.document)) return;
    const file = { uri: e.document.uri.toString(), path: vscode.workspace.asRelativePath(e.document.uri, false), languageId: e.document.languageId };
    this.pipeline.recent.edited(file, e.contentChanges[0].range.start.line, Date.now());
    if (e.document === vscode.window.activeTextEditor?.document) this.pipeline.recordKeystroke();
  }

  private onActiveEditor(editor: vscode.TextEditor | undefined): void {
    if (editor && this.accepts(editor.document)) {
      const d = editor.document;
      this.pipeline.recent.viewed({ uri: d.uri.toString(), path: vscode.workspace.asRelativePath(d.uri, false), languageId: d.languageId }, Date.now());
    }
    this.refresh();
  }
}
