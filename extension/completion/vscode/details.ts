// Show Status's lines about inline completion: the speeds the window is sized by, the window at a new
// place and where the cache holds its start, the first-text budget, the last request, and the prefills.
import * as vscode from 'vscode';
import type { WindowReport } from '../pipeline.js';
import type { PrefillScheduler } from '../prefill-scheduler.js';
import type { SpeedSource } from '../speed.js';
import type { WindowLimit } from '../window-sizer.js';

function source(s: SpeedSource): string {
  switch (s) {
    case 'backend-calibration':
      return vscode.l10n.t('measured by the backend while loading');
    case 'backend-requests':
      return vscode.l10n.t('measured by the backend over recent requests');
    case 'measured-here':
      return vscode.l10n.t('measured from recent requests');
    case 'after-timeout':
      return vscode.l10n.t('lowered after a request timed out');
  }
}

function limit(l: WindowLimit): string {
  switch (l) {
    case 'setting':
      return vscode.l10n.t('the window setting (fude.completion.promptTokens)');
    case 'target':
      return vscode.l10n.t('the first-suggestion target (fude.completion.firstSuggestionTargetMs)');
    case 'budget':
      return vscode.l10n.t('the first-text budget (fude.completion.firstTextTimeoutMs)');
    case 'unknown-speed':
      return vscode.l10n.t('nothing yet: the speed is not measured');
  }
}

const n = (x: number) => Math.round(x).toLocaleString(vscode.env.language);

export function describeWindow(r: WindowReport, prefill: PrefillScheduler['counts'], pauseMs: number): string[] {
  const lines: string[] = [];
  if (r.speed) {
    lines.push(
      vscode.l10n.t(
        'Completion speed: reads {0} prompt tokens/s, writes {1} tokens/s ({2})',
        n(r.speed.promptTokensPerSecond),
        n(r.speed.decodeTokensPerSecond),
        source(r.speed.source),
      ),
    );
    lines.push(
      vscode.l10n.t(
        "Completion window: at a new place about {0} tokens, so the first suggestion can come within {1} ms (limited by {2}); it grows up to {3} tokens while the model's cache holds its start",
        n(r.plan.affordableTokens),
        n(r.targetMs),
        limit(r.plan.limitedBy),
        n(r.fullTokens),
      ),
    );
    lines.push(
      vscode.l10n.t(
        'Completion budget: first text within {0} ms, which covers reading about {1} tokens',
        n(r.firstTextMs),
        n(r.plan.budgetTokens),
      ),
    );
  } else {
    lines.push(
      vscode.l10n.t(
        "Completion window: {0} tokens (fude.completion.promptTokens); it is sized by the model's speed once that is measured",
        n(r.fullTokens),
      ),
    );
  }
  if (r.last) {
    const expected =
      r.last.expectedFirstTextMs === undefined
        ? ''
        : vscode.l10n.t(', first text expected in about {0} ms', n(r.last.expectedFirstTextMs));
    lines.push(
      vscode.l10n.t(
        'Last completion: prompt of about {0} tokens, about {1} of them read anew{2}',
        n(r.last.tokens),
        n(r.last.uncachedTokens),
        expected,
      ),
    );
  }
  if (r.lastUsage) {
    lines.push(
      vscode.l10n.t(
        'Last generation: {0} prompt tokens, {1} evaluated (the rest came from the cache)',
        n(r.lastUsage.inputTokens),
        n(r.lastUsage.evaluatedInputTokens),
      ),
    );
  }
  lines.push(
    vscode.l10n.t(
      'Cache warming: {0} prefills done, {1} superseded by typing, {2} stopped as too long; usual pause before typing {3} s',
      n(prefill.done),
      n(prefill.superseded),
      n(prefill.timedOut),
      (pauseMs / 1000).toFixed(1),
    ),
  );
  return lines;
}
