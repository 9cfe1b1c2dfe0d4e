// "Reading 1,200 of 3,400 tokens, about 9 s left…": what the chat and the documentation panel show
// while the model reads a long prompt, before its first words.
import * as vscode from 'vscode';
import type { ReadingView } from '../engine/reading-progress.js';

export function readingText(v: ReadingView): string {
  const n = (x: number) => x.toLocaleString(vscode.env.language);
  return v.secondsLeft === undefined
    ? vscode.l10n.t('Reading {0} of {1} tokens…', n(v.evaluatedTokens), n(v.totalTokens))
    : vscode.l10n.t(
        'Reading {0} of {1} tokens, about {2} s left…',
        n(v.evaluatedTokens),
        n(v.totalTokens),
        v.secondsLeft,
      );
}
