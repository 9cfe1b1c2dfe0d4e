// Puts a doc comment into the document as one edit (so one Undo removes it), re-finding the declaration
// if the document changed since the comment was planned.
import * as vscode from 'vscode';
import { placeComment, commentEdit } from './placement.js';
import type { DocTarget } from './doc-target.js';

export type InsertOutcome = 'inserted' | 'replaced' | 'lost';

/** The declaration line now: the same line if nothing changed, else the nearest line with the same text. */
function currentDeclLine(
  document: vscode.TextDocument,
  comment: NonNullable<DocTarget['comment']>,
  declText: string,
): number | undefined {
  if (document.version === comment.version) return comment.declLine;
  for (let d = 0; d < document.lineCount; d++) {
    for (const i of [comment.declLine - d, comment.declLine + d]) {
      if (i >= 0 && i < document.lineCount && document.lineAt(i).text === declText) return i;
    }
  }
  return undefined;
}

export async function insertComment(
  target: DocTarget,
  declText: string,
  commentText: string,
  replace: boolean,
): Promise<InsertOutcome> {
  const { document, comment } = target;
  if (!comment || document.isClosed) return 'lost';
  const declLine = currentDeclLine(document, comment, declText);
  if (declLine === undefined) return 'lost';
  const lines = document.getText().split(/\r?\n/);
  const placement = placeComment(lines, declLine, comment.style);
  const newLines = commentText.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const edit = commentEdit(placement, newLines, replace);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const start = new vscode.Position(edit.startLine, 0);
  let range: vscode.Range;
  let text = newLines.join(eol) + eol;
  if (edit.endLine < edit.startLine) {
    range = new vscode.Range(start, start);
    // Inserting after the last line (a Python signature at the end of the file).
    if (edit.startLine >= document.lineCount) {
      const end = document.lineAt(document.lineCount - 1).range.end;
      range = new vscode.Range(end, end);
      text = eol + newLines.join(eol);
    }
  } else if (edit.endLine + 1 < document.lineCount) {
    range = new vscode.Range(start, new vscode.Position(edit.endLine + 1, 0));
  } else {
    range = new vscode.Range(start, document.lineAt(edit.endLine).range.end);
    text = newLines.join(eol);
  }
  const we = new vscode.WorkspaceEdit();
  we.replace(document.uri, range, text);
  if (!(await vscode.workspace.applyEdit(we))) return 'lost';
  return replace && placement.existing ? 'replaced' : 'inserted';
}
