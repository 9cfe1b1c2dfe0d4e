// Every sentence a language-model request can end with, in the display language. They reach whoever asked:
// VS Code's chat shows them, another extension gets them as the error's message.
import * as vscode from 'vscode';
import type { SamplingFields } from '../../protocol/messages.js';
import { answerFailureText, noticeFor } from '../vscode/failure-notice.js';
import type { LmTexts } from './refusal.js';

function optionRange(field: keyof SamplingFields): string {
  switch (field) {
    case 'temperature':
      return vscode.l10n.t('a number from 0 to 2');
    case 'topP':
      return vscode.l10n.t('a number from 0 to 1');
    case 'repeatPenalty':
      return vscode.l10n.t('a number from 0 to 3');
    case 'maxTokens':
      return vscode.l10n.t('a whole number of 1 or more');
    case 'topK':
    case 'seed':
      return vscode.l10n.t('a whole number of 0 or more');
  }
}

export function lmTexts(): LmTexts {
  return {
    termsNotAccepted: (model, terms) =>
      vscode.l10n.t(
        'Fude did not send this request: {0} may be used only after you accept {1}. Run "Fude: Show Terms of Use" to read and accept them.',
        model,
        terms,
      ),
    startFailed: (failure, model) => noticeFor(failure, model).message,
    notReady: vscode.l10n.t(
      'Fude did not send this request: the model is not running. Start it from the status bar (Fude) and try again.',
    ),
    declined: vscode.l10n.t(
      'Fude did not send this request: you chose Cancel at the notice about the uses its terms prohibit.',
    ),
    blocked: vscode.l10n.t(
      'Fude did not send this request: it looks like a use the model\'s terms prohibit, and fude.notices.mode is "block".',
    ),
    failed: (code, retryAfterMs) =>
      code === 'context_overflow'
        ? vscode.l10n.t(
            "The request does not fit the model's context. Send fewer or shorter messages, or set a larger context size (fude.backend.contextSize).",
          )
        : answerFailureText(code, retryAfterMs),
    badMessages: (problem) => {
      switch (problem.kind) {
        case 'no_question':
          return vscode.l10n.t('Fude did not send this request: it has no user message at its end to answer.');
        case 'image':
          return vscode.l10n.t(
            "Fude did not send this request: Fude's models read text only, and it holds {0} input.",
            problem.mimeType,
          );
        case 'role':
          return vscode.l10n.t(
            'Fude did not send this request: it holds a message of a role Fude does not know ({0}).',
            problem.role,
          );
      }
    },
    badOption: (option, field) =>
      vscode.l10n.t('Fude did not send this request: the model option "{0}" must be {1}.', option, optionRange(field)),
    toolsRequired: vscode.l10n.t(
      "Fude did not send this request: it requires a tool call, and Fude's models call no tools.",
    ),
    notFound: (id, current) =>
      vscode.l10n.t(
        'The model {0} is no longer offered by Fude (its model is now {1}). Select the model again.',
        id,
        current,
      ),
  };
}
