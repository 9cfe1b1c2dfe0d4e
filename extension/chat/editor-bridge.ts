// What the panel's buttons do in the editor: copy, insert at the cursor, open as a diff, open a link
// after asking, attach files, show the terms.
import * as vscode from 'vscode';
import type { Attachment } from './attachments.js';
import { EditorTracker, fileAtCursor, fileAttachment, isUserDocument, openTabUris } from './editor-context.js';
import type { ProposalDiffs } from './proposal-diff.js';
import { openAfterConfirming } from '../vscode/confirmed-link.js';
import { vscodeLinkPrompt } from '../vscode/link-prompt.js';
import type { EditorBridge } from './session-types.js';

export class VscodeEditorBridge implements EditorBridge {
  constructor(
    private readonly editors: EditorTracker,
    private readonly proposals: ProposalDiffs,
  ) {}

  async copy(code: string): Promise<void> {
    await vscode.env.clipboard.writeText(code);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Fude: code copied'), 2000);
  }

  async insert(code: string): Promise<void> {
    const editor = this.editorOrSay();
    if (editor === undefined) return;
    const ok = await editor.edit((builder) => {
      for (const selection of editor.selections) builder.replace(selection, code);
    });
    if (ok)
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }

  async diff(code: string): Promise<void> {
    const editor = this.editorOrSay();
    if (editor === undefined) return;
    const uri = await this.proposals.open(editor, code);
    const apply = vscode.l10n.t('Apply');
    // Not awaited: the notification may stay open; the diff's title bar has Apply too.
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Review the proposed change on the right. Apply it to {0}?',
          vscode.workspace.asRelativePath(editor.document.uri, false),
        ),
        apply,
      )
      .then((picked) => (picked === apply ? this.proposals.apply(uri) : undefined));
  }

  async openLink(url: string): Promise<void> {
    await openAfterConfirming(
      url,
      vscodeLinkPrompt(vscode.l10n.t("Open a link from the model's answer?"), (link) =>
        vscode.l10n.t('{0}\n\nModels can write links to wrong or harmful sites. Open it only if you trust it.', link),
      ),
    );
  }

  async activeFile(): Promise<Attachment | undefined> {
    const editor = this.editors.current();
    if (editor === undefined) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a file in the editor first; the chat attaches the active file.'),
      );
      return undefined;
    }
    return fileAtCursor(editor);
  }

  async pickOpenFile(): Promise<Attachment | undefined> {
    const items = openTabUris().map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No files are open in the editor.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder: vscode.l10n.t('Attach an open file to the chat'),
    });
    if (picked === undefined) return undefined;
    const document = await vscode.workspace.openTextDocument(picked.uri);
    return isUserDocument(document) ? fileAttachment(document) : undefined;
  }

  async showTerms(): Promise<void> {
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes('fude.showTerms')) await vscode.commands.executeCommand('fude.showTerms');
    else
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The terms of use viewer is not available in this version of Fude.'),
      );
  }

  private editorOrSay(): vscode.TextEditor | undefined {
    const editor = this.editors.current();
    if (editor === undefined)
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a file in the editor and place the cursor where the code should go.'),
      );
    return editor;
  }
}
