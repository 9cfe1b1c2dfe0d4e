// The VS Code side of inline completion around the CompletionService: editor events (typing speed,
// recent files, where to warm the model's cache), the status bar item, settings, snooze timer and the
// log. One per window.
import * as vscode from 'vscode';
import type { Engine } from '../../engine/engine.js';
import type { ModelStatusView } from '../../engine/model-status.js';
import { systemClock } from '../clock.js';
import type { EngineCounters } from '../engine.js';
import { errorCode, type EngineCounts, type GenerationRecord } from '../engine-generate.js';
import type { PipelineCounters, PipelineOutcome } from '../pipeline.js';
import { PrefillScheduler, type CursorPlace } from '../prefill-scheduler.js';
import type { WithheldReason } from '../selected-item.js';
import { CompletionService, type ServiceOutcome } from '../service.js';
import { Snooze } from '../snooze.js';
import { describeWindow } from './details.js';
import { snapshotOf } from './provider.js';
import { readEnabled, readPipelineSettings } from './settings.js';
import { noticeFor } from '../../vscode/failure-notice.js';
import { CompletionStatusItem, describeCompletion, type Problem } from './status.js';

/** Read-only numbers for the in-editor tests and the benchmark. */
export interface CompletionStats {
  readonly engine: EngineCounters;
  readonly pipeline: PipelineCounters;
  readonly backend: EngineCounts;
  readonly lastMode: 'fim' | 'prefix' | undefined;
  readonly lastOutcome:
    { readonly text: string; readonly source: string; readonly end: string; readonly error?: string } | undefined;
  readonly lastRecord: GenerationRecord | undefined;
  readonly statusText: string;
  readonly statusTooltip: string;
  readonly prefill: PrefillScheduler['counts'];
  /** The last suggestion withheld and why (the suggestion list's selected item), if any since the last shown. */
  readonly withheld: WithheldReason | undefined;
  /** What was last given for the suggestion list's selected item: its text extended by the model. */
  readonly lastItemAnswer: string | undefined;
}

export interface CompletionControllerDeps {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  engine: Pick<Engine, 'complete' | 'prefill' | 'details'>;
  status: ModelStatusView;
  ensureReady: () => Promise<boolean>;
  termsAccepted: (termsId: string) => boolean;
}

const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

export class CompletionController implements vscode.Disposable {
  readonly service: CompletionService;
  readonly snooze: Snooze;
  private readonly item = new CompletionStatusItem('fude.completion.showMenu');
  private readonly disposables: vscode.Disposable[] = [];
  private problem: Problem | undefined;
  private lastOutcome: CompletionStats['lastOutcome'];
  private lastRecord: GenerationRecord | undefined;
  private snoozeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly toldPrefixOnly = new Set<string>();
  private readonly prefill: PrefillScheduler;
  private lastWithheld: WithheldReason | undefined;
  private lastItemAnswer: string | undefined;

  constructor(private readonly deps: CompletionControllerDeps) {
    this.snooze = new Snooze(deps.context.globalState);
    this.service = new CompletionService({
      status: deps.status,
      engine: deps.engine,
      ensureReady: deps.ensureReady,
      snooze: this.snooze,
      termsAccepted: deps.termsAccepted,
      enabled: readEnabled,
      settings: readPipelineSettings(),
      onRecord: (r) => this.onRecord(r),
      onModel: (s) => {
        this.problem = undefined;
        const m = s.model!;
        if (!m.fim && !this.toldPrefixOnly.has(m.source)) {
          this.toldPrefixOnly.add(m.source);
          deps.log.info(
            `completion: ${m.name} has no fill-in-the-middle tokens, so inline completion gives it only the text before the cursor and stops a suggestion where it would run into the text after it`,
          );
        }
      },
    });
    const pipeline = this.service.pipeline;
    this.prefill = new PrefillScheduler({
      clock: systemClock,
      warm: (reason, expectedPauseMs, signal) => {
        const editor = vscode.window.activeTextEditor;
        if (!editor || !this.accepts(editor.document)) return Promise.resolve({ kind: 'skipped', why: 'empty' });
        return this.service.warm(snapshotOf(editor.document, editor.selection.active), {
          reason,
          expectedPauseMs,
          signal,
          textOf: openText,
        });
      },
      log: (line) => deps.log.trace(line),
    });
    this.disposables.push(
      this.item,
      { dispose: () => this.prefill.dispose() },
      { dispose: deps.status.onDidChange(() => this.refresh()) },
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.onActiveEditor(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor && this.accepts(e.textEditor.document))
          this.prefill.moved(placeOf(e.textEditor));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => pipeline.recent.closed(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('fude')) return;
        this.service.updateSettings(readPipelineSettings());
        this.refresh();
      }),
    );
    // Files already open count as viewed (the active one last, so it is the most recent).
    for (const e of vscode.window.visibleTextEditors) if (e !== vscode.window.activeTextEditor) this.onActiveEditor(e);
    this.onActiveEditor(vscode.window.activeTextEditor);
    this.armSnoozeTimer();
  }

  accepts(document: vscode.TextDocument): boolean {
    return SCHEMES.has(document.uri.scheme);
  }

  /** Reports the service's outcome in the log and the status item. `forItem`: asked for the suggestion list's selected item. */
  report(result: ServiceOutcome, languageId: string, forItem = false): void {
    if (result.kind === 'done') this.reportOutcome(result.outcome, languageId, forItem);
    else this.refresh();
  }

  /** A suggestion was not shown, and why: the status says so until one is. */
  withheld(reason: WithheldReason, languageId: string): void {
    this.lastWithheld = reason;
    this.problem = { kind: 'withheld', reason };
    this.deps.log.trace(`completion (${languageId}): suggestion withheld: ${reason} (the suggestion list is open)`);
    this.refresh();
  }

  /** An answer extending the suggestion list's selected item was given to VS Code. */
  answeredItem(insertText: string): void {
    this.lastItemAnswer = insertText;
    this.lastWithheld = undefined;
  }

  /** The window, its budget and the speeds behind them, for Show Status (localized lines). */
  details(): string[] {
    return describeWindow(this.service.pipeline.report(), this.prefill.counts, this.prefill.expectedPauseMs());
  }

  stats(): CompletionStats {
    const { pipeline, generate } = this.service;
    return {
      engine: { ...pipeline.engine.counters },
      pipeline: { ...pipeline.counters },
      backend: { ...generate.counts },
      lastMode: generate.lastMode,
      lastOutcome: this.lastOutcome,
      lastRecord: this.lastRecord,
      statusText: this.item.lastText,
      statusTooltip: this.item.lastTooltip,
      prefill: { ...this.prefill.counts },
      withheld: this.lastWithheld,
      lastItemAnswer: this.lastItemAnswer,
    };
  }

  /** Recomputes the status bar item for the active editor. */
  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const state = this.deps.status.current;
    const latency = this.service.pipeline.engine.latency;
    this.item.show(
      describeCompletion({
        decision: this.service.gate(doc?.languageId, false),
        languageId: doc?.languageId,
        snoozedUntil: this.snooze.until(),
        problem: this.problem,
        verdict: latency.verdict(),
        latency: latency.stats(),
        backendFailure:
          state.failure === undefined ? undefined : noticeFor(state.failure, state.configuredName).message,
        fim: state.model?.fim,
      }),
    );
  }

  /** Called after snoozing or resuming, so the status follows and updates again when the snooze ends. */
  armSnoozeTimer(): void {
    if (this.snoozeTimer) clearTimeout(this.snoozeTimer);
    this.snoozeTimer = undefined;
    const until = this.snooze.until();
    if (until !== undefined)
      this.snoozeTimer = setTimeout(() => this.armSnoozeTimer(), Math.min(until - Date.now() + 50, 2 ** 31 - 1));
    // The palette offers Resume only while snoozed, Snooze only while not (package.json "when" clauses).
    void vscode.commands.executeCommand('setContext', 'fude.completion.snoozed', until !== undefined);
    this.refresh();
  }

  dispose(): void {
    if (this.snoozeTimer) clearTimeout(this.snoozeTimer);
    this.service.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private reportOutcome(outcome: PipelineOutcome, languageId: string, forItem: boolean): void {
    const item = forItem ? ' for the selected item of the suggestion list' : '';
    if (outcome.debounced) return;
    const log = this.deps.log;
    const error = outcome.error === undefined ? undefined : messageOf(outcome.error);
    this.lastOutcome = { text: outcome.text, source: outcome.source, end: outcome.end, error };
    const budget = this.service.pipeline.engine.budget;
    switch (outcome.end) {
      case 'cancelled':
        return;
      case 'timeout':
        this.problem = { kind: 'timeout', ms: budget.firstTextMs };
        void this.explainTimeout(languageId, budget.firstTextMs);
        break;
      case 'failed':
        this.problem = {
          kind: 'failed',
          code: errorCode(outcome.error) ?? 'internal',
          retryAfterMs: retryAfterOf(outcome.error),
        };
        log.error(
          `completion (${languageId}) failed${errorCode(outcome.error) ? ` [${errorCode(outcome.error)}]` : ''}: ${error}`,
        );
        break;
      default:
        // For the suggestion list's selected item, the provider says next whether it was shown or withheld.
        this.problem = undefined;
        if (outcome.text !== '') this.lastWithheld = undefined;
        log.trace(
          `completion (${languageId})${item}: ${outcome.source}, ended by ${outcome.stoppedBy ?? outcome.end}, ${Math.round(outcome.totalMs)} ms (debounce ${Math.round(outcome.waitedMs)} ms), ${outcome.text.length} chars`,
        );
    }
    this.refresh();
  }

  /**
   * No text came within the budget. When a chat or documentation prompt held the model, say so (it is
   * not this machine being too slow for completion), and keep that timeout out of the latency verdict.
   */
  private async explainTimeout(languageId: string, ms: number): Promise<void> {
    const lane = await this.service.contention();
    if (lane && this.problem?.kind === 'timeout') {
      this.problem = { kind: 'waiting', lane };
      this.service.pipeline.engine.latency.excuseLastTimeout();
      this.deps.log.info(
        `completion (${languageId}): no text within ${ms} ms: the model was busy with the ${lane === 'chat' ? 'chat' : 'documentation assistant'}`,
      );
    } else {
      this.deps.log.warn(
        `completion (${languageId}): no text within ${ms} ms (fude.completion.firstTextTimeoutMs); the model may be too slow for this machine`,
      );
    }
    this.refresh();
  }

  private onRecord(r: GenerationRecord): void {
    this.lastRecord = r;
    if (r.ok && r.usage) {
      const queued =
        r.queuedMs !== undefined && r.queuedMs >= 1 ? `, waited ${Math.round(r.queuedMs)} ms behind other work` : '';
      this.deps.log.trace(
        `completion backend: ${r.mode}, evaluated ${r.usage.evaluatedInputTokens} of ${r.usage.inputTokens} prompt tokens, ${r.usage.outputTokens} out, ${r.backendMs} ms in the backend${queued}, ${Math.round(r.roundTripMs)} ms round trip`,
      );
    }
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.accepts(e.document)) return;
    const file = {
      uri: e.document.uri.toString(),
      path: vscode.workspace.asRelativePath(e.document.uri, false),
      languageId: e.document.languageId,
    };
    this.service.pipeline.recent.edited(file, e.contentChanges[0].range.start.line, Date.now());
    const editor = vscode.window.activeTextEditor;
    if (e.document === editor?.document) {
      this.service.pipeline.recordKeystroke();
      this.prefill.edited({ uri: file.uri, line: e.contentChanges[0].range.start.line });
    }
  }

  private onActiveEditor(editor: vscode.TextEditor | undefined): void {
    if (editor && this.accepts(editor.document)) {
      const d = editor.document;
      this.service.pipeline.recent.viewed(
        { uri: d.uri.toString(), path: vscode.workspace.asRelativePath(d.uri, false), languageId: d.languageId },
        Date.now(),
      );
      if (editor === vscode.window.activeTextEditor) this.prefill.activated(placeOf(editor));
    }
    this.refresh();
  }
}

function placeOf(editor: vscode.TextEditor): CursorPlace {
  return { uri: editor.document.uri.toString(), line: editor.selection.active.line };
}

function openText(uri: string): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)?.getText();
}

function retryAfterOf(error: unknown): number | undefined {
  const ms = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof ms === 'number' ? ms : undefined;
}

/** A failure's message, or the thrown value itself when it is not an Error. */
function messageOf(e: unknown): string {
  return String((e as Error | undefined)?.message ?? e);
}
