// What a failed request to an engine says to the person, in their language, whichever feature sent it (chat,
// documentation, inline completion): the remote engine's failures each with what to do, the rest left to the
// feature (undefined). `message` is the engine's English detail, already free of any key.
import * as vscode from 'vscode';

export function requestFailureText(code: string, message: string, retryAfterMs?: number): string | undefined {
  switch (code) {
    case 'unreachable':
      return vscode.l10n.t('The remote server could not be reached ({0}). Check that it runs and that fude.engine.baseUrl is right.', message);
    case 'tls':
      return vscode.l10n.t('The secure connection to the remote server failed ({0}). A server with its own certificate authority needs that CA in fude.engine.caFile.', message);
    case 'unauthorized':
      return vscode.l10n.t('The remote server refused the API key ({0}). Set the key with "Fude: Set API Key for Remote Engine".', message);
    case 'unknown_model':
      return vscode.l10n.t('The remote server does not serve this model ({0}). Check fude.engine.model.', message);
    case 'rate_limited':
      return retryAfterMs !== undefined
        ? vscode.l10n.t('The remote server is busy ({0}). Try again in {1} s.', message, Math.max(1, Math.ceil(retryAfterMs / 1000)))
        : vscode.l10n.t('The remote server is busy ({0}). Try again in a moment.', message);
    case 'cut':
      return vscode.l10n.t('The answer was cut off: the connection to the server ended mid-answer ({0}).', message);
    case 'timeout':
      return vscode.l10n.t('The remote server was too slow ({0}). It may be overloaded; the waits are fude.engine.firstTokenTimeoutMs and fude.engine.idleTimeoutMs.', message);
    case 'engine_changed':
      return vscode.l10n.t('The engine was switched while this request ran ({0}).', message);
    default:
      return undefined;
  }
}
