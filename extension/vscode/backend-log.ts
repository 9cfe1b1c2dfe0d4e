import type * as vscode from 'vscode';

/** Forwards one backend stderr line to the log channel at its own level. */
export function logBackendLine(log: vscode.LogOutputChannel, line: string): void {
  const text = `[backend] ${line.replace(/^\S+Z \[\w+\] /, '')}`;
  if (/\[error\]|error\[/.test(line)) log.error(text);
  else if (/\[warn\]/.test(line)) log.warn(text);
  else if (/\[debug\]/.test(line)) log.debug(text);
  else log.info(text);
}
