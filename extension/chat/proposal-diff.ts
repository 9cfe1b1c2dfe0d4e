// "Open as diff": the file as it is against the file with the selection replaced by the code block,
// shown in VS Code's diff editor; "Apply" writes the change if the selected text is still there.
import { basename } from 'node:path';
import * as vscode from 'vscode';

export const PROPOSAL_SCHEME = 'fude-proposal';

interface Proposal {
  target: vscode.Uri;
  range: vscode.Range;
  /** The text that was in `range`, to refuse applying after the file changed there. */
  original: string;
  code: string;
  content: string;
}

export class ProposalDiffs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private next = 1;
  private readonly proposals = new Map<string, Proposal>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.proposals.get(uri.toString())?.content ?? '';
  }

  /** Opens the diff of `editor`'s file against the file with its selection (or cursor) replaced by `code`. */
  async open(editor: vscode.TextEditor, code: string): Promise<vscode.Uri> {
    const { document, selection } = editor;
    const range = new vscode.Range(selection.start, selection.end);
    const text = document.getText();
    const content = text.slice(0, document.offsetAt(range.start)) + code + text.slice(document.offsetAt(range.end));
    const name = basename(document.uri.path) || 'untitled';
    // The file name is kept last so the diff editor picks the same language.
    const uri = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/proposal-${this.next++}/${name}` });
    this.proposals.set(uri.toString(), {
      target: document.uri,
      range,
      original: document.getText(range),
      code,
      content,
    });
    const title = vscode.l10n.t('{0} ↔ proposed change (Fude)', name);
    await vscode.commands.executeCommand('vscode.diff', document.uri, uri, title, { preview: true });
    return uri;
  }

  /** Writes the proposal into its file; false (with a message) when the file changed under it. */
  async apply(uri: vscode.Uri): Promise<boolean> {
    const proposal = this.proposals.get(uri.toString());
    if (proposal === undefined) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('This proposed change is no longer available. Open it again from the chat.'),
      );
      return false;
    }
    const document = await vscode.workspace.openTextDocument(proposal.target);
    if (document.getText(proposal.range) !== proposal.original) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} changed where the code was selected; the proposal was not applied. Select the code again and reopen the diff.',
          basename(proposal.target.path),
        ),
      );
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(proposal.target, proposal.range, proposal.code);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    this.proposals.delete(uri.toString());
    await closeDiffTabs(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return true;
  }

  dispose(): void {
    this.registration.dispose();
    this.proposals.clear();
  }
}

async function closeDiffTabs(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === uri.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}
