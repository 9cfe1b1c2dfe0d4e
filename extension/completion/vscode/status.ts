// The completion status bar item: on, off (globally or for the language), snoozed, or why
// completion is not working (timeouts, failures, terms, the backend). A click opens the menu.
import * as vscode from 'vscode';
import { answerFailureText } from '../../vscode/failure-notice.js';
import type { GateDecision } from '../gate.js';
import type { LatencyStats, LatencyVerdict } from '../latency.js';
import type { WithheldReason } from '../selected-item.js';

/** The last request's trouble, kept until a request succeeds. */
export type Problem =
  | { readonly kind: 'timeout'; readonly ms: number }
  /** The engine's error code; its message went to the log. */
  | { readonly kind: 'failed'; readonly code: string; readonly retryAfterMs?: number }
  /** No text in time because a chat or documentation prompt held the model. */
  | { readonly kind: 'waiting'; readonly lane: 'chat' | 'docs' }
  /** The model answered, but the suggestion was not shown (the suggestion list's selected item). */
  | { readonly kind: 'withheld'; readonly reason: WithheldReason };

function withheldWhy(reason: WithheldReason): string {
  switch (reason) {
    case 'nothing-after-item':
      return vscode.l10n.t(
        'The last suggestion was withheld: the model had nothing to add to the item selected in the suggestion list, and VS Code shows an inline suggestion there only when it extends that item.',
      );
    case 'not-extending-item':
      return vscode.l10n.t(
        'The last suggestion was withheld: it did not extend the item selected in the suggestion list, so VS Code would have hidden it.',
      );
    case 'item-not-usable':
      return vscode.l10n.t(
        'The last suggestion was withheld: the item selected in the suggestion list replaces text on another line, which an inline suggestion cannot extend.',
      );
  }
}

export interface StatusInput {
  readonly decision: GateDecision | undefined;
  readonly languageId: string | undefined;
  readonly snoozedUntil: number | undefined;
  readonly problem: Problem | undefined;
  readonly verdict: LatencyVerdict;
  readonly latency: LatencyStats;
  readonly backendFailure: string | undefined;
  readonly fim: boolean | undefined;
}

export interface CompletionStatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly error: boolean;
  readonly warning: boolean;
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
}

function offView(i: StatusInput, reason: Extract<GateDecision, { kind: 'off' }>['reason']): CompletionStatusView {
  const lang = i.languageId ?? '';
  const quiet = (text: string, tooltip: string) => ({ text, tooltip, error: false, warning: false });
  switch (reason) {
    case 'disabled':
      return quiet(
        `$(circle-slash) ${vscode.l10n.t('Completion: off')}`,
        vscode.l10n.t(
          'Inline completion is turned off. Click to turn it on, or use "Fude: Trigger Inline Completion" once.',
        ),
      );
    case 'language-disabled':
      return quiet(
        `$(circle-slash) ${vscode.l10n.t('Completion: off for {0}', lang)}`,
        vscode.l10n.t('Inline completion is turned off for {0}. Click for options.', lang),
      );
    case 'snoozed':
      return quiet(
        `$(clock) ${vscode.l10n.t('Completion: snoozed until {0}', clock(i.snoozedUntil ?? Date.now()))}`,
        vscode.l10n.t('Inline completion is snoozed. Click to resume it now.'),
      );
    case 'demo':
      // Waiting for a model is not an error: no slash icon beside the Fude item.
      return quiet(
        `$(circle-large-outline) ${vscode.l10n.t('Completion: off (demo model)')}`,
        vscode.l10n.t(
          'Inline completion needs a model: the demo model\'s output is meaningless. Choose a GGUF model with "Fude: Select Model File…".',
        ),
      );
    case 'terms':
      return {
        text: `$(lock) ${vscode.l10n.t('Completion: terms not accepted')}`,
        tooltip: vscode.l10n.t(
          'The loaded model\'s terms of use are not accepted, so inline completion does not use it. Run "Fude: Show Terms of Use".',
        ),
        error: false,
        warning: true,
      };
    case 'backend-failed':
      return {
        text: `$(error) ${vscode.l10n.t('Completion: backend failed')}`,
        tooltip:
          i.backendFailure ?? vscode.l10n.t('The backend is not running. The log has the details (Fude: Show Log).'),
        error: true,
        warning: false,
      };
    case 'backend-stopped':
      return quiet(
        `$(circle-slash) ${vscode.l10n.t('Completion: backend stopped')}`,
        vscode.l10n.t('The backend was stopped. Start it again with "Fude: Start Backend" or trigger a completion.'),
      );
    case 'backend-restarting':
      return {
        text: `$(sync) ${vscode.l10n.t('Completion: waiting for the backend')}`,
        tooltip: vscode.l10n.t('The backend is restarting.'),
        error: false,
        warning: true,
      };
  }
}

export function describeCompletion(i: StatusInput): CompletionStatusView {
  if (i.decision?.kind === 'off') return offView(i, i.decision.reason);
  const p50 =
    i.latency.p50 === undefined ? '' : ` ${vscode.l10n.t('Median latency {0} ms.', Math.round(i.latency.p50))}`;
  if (i.problem?.kind === 'failed') {
    return {
      text: `$(error) ${vscode.l10n.t('Completion: failed')}`,
      tooltip: answerFailureText(i.problem.code, i.problem.retryAfterMs),
      error: true,
      warning: false,
    };
  }
  if (i.problem?.kind === 'waiting') {
    const text =
      i.problem.lane === 'chat'
        ? vscode.l10n.t('Completion: waiting for the chat')
        : vscode.l10n.t('Completion: waiting for the documentation assistant');
    return {
      text: `$(watch) ${text}`,
      tooltip:
        vscode.l10n.t(
          'The model is busy reading a long prompt for the chat or the documentation assistant, so the last suggestion did not come in time. Completion goes on by itself once it is done; nothing is wrong with this machine.',
        ) + p50,
      error: false,
      warning: false,
    };
  }
  if (i.problem?.kind === 'timeout' || i.verdict === 'too-slow') {
    const ms = i.problem?.kind === 'timeout' ? i.problem.ms : Math.round(i.latency.p95 ?? 0);
    return {
      text: `$(warning) ${vscode.l10n.t('Completion: timed out')}`,
      tooltip:
        vscode.l10n.t(
          'No suggestion came within {0} ms ({1} of the last {2} requests timed out). The model may be too slow for this machine: try a smaller model, fewer `fude.completion.maxTokens` or a longer `fude.completion.firstTextTimeoutMs`. Details are in the log.',
          ms,
          i.latency.timeouts,
          i.latency.count,
        ) + p50,
      error: false,
      warning: true,
    };
  }
  if (i.problem?.kind === 'withheld') {
    return {
      text: `$(eye-closed) ${vscode.l10n.t('Completion: withheld')}`,
      tooltip: withheldWhy(i.problem.reason) + p50,
      error: false,
      warning: false,
    };
  }
  const mode =
    i.fim === false
      ? ` ${vscode.l10n.t('This model has no fill-in-the-middle tokens: it sees only the text before the cursor, and suggestions stop where they would run into the text after it.')}`
      : '';
  if (i.verdict === 'slow') {
    return {
      text: `$(sparkle) ${vscode.l10n.t('Completion: slow')}`,
      tooltip: vscode.l10n.t('Inline completion is on, but suggestions are slow on this machine.') + p50 + mode,
      error: false,
      warning: true,
    };
  }
  return {
    text: `$(sparkle) ${vscode.l10n.t('Completion')}`,
    tooltip: vscode.l10n.t('Inline completion is on. Click for options.') + p50 + mode,
    error: false,
    warning: false,
  };
}

export class CompletionStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  lastText = '';
  lastTooltip = '';

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem('fude.completion', vscode.StatusBarAlignment.Right, 99);
    this.item.name = vscode.l10n.t('Fude Completion');
    this.item.command = command;
    this.item.show();
  }

  show(view: CompletionStatusView): void {
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.error
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : view.warning
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    this.lastText = view.text;
    this.lastTooltip = view.tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
