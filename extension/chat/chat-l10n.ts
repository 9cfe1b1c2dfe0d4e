// Every sentence of the chat, localized through vscode.l10n (the webview gets its strings from here too).
import * as vscode from 'vscode';
import { formatBytes } from '../../backend/setup/format-bytes.js';
import type { AttachmentCut } from './attachment-cap.js';
import type { LeftOut } from './context-budget.js';
import type { SessionTexts } from './session-types.js';
import { readingText } from '../vscode/reading-text.js';
import { answerFailureText } from '../vscode/failure-notice.js';

export function sessionTexts(): SessionTexts {
  return {
    reading: readingText,
    untitled: vscode.l10n.t('New chat'),
    busy: vscode.l10n.t('An answer is still being written. Stop it first, or wait for it to finish.'),
    notReady: vscode.l10n.t(
      'The model is not running, so the question was not sent. See the message above for how to fix it.',
    ),
    nothingToRegenerate: vscode.l10n.t('There is no question to answer again in this conversation.'),
    regenerate: vscode.l10n.t('Regenerate'),
    tooLong: (tokens, limit) =>
      vscode.l10n.t(
        "The question is too long for the model's context ({0} tokens; at most {1} fit). Shorten it, remove attachments, or set a larger context size (fude.backend.contextSize).",
        tokens,
        limit,
      ),
    leftOut: describeLeftOut,
    failed: answerFailureText,
    cutShort: vscode.l10n.t('The answer reached the length limit (fude.sampling.maxTokens) and was cut short.'),
    historyFull: (bytes, limit) =>
      vscode.l10n.t(
        'The question was not sent: with it and room for its answer, this conversation would take {0}, and the chat history keeps at most {1} per conversation. Start a new chat, or attach less (a selection instead of a whole file).',
        formatBytes(bytes),
        formatBytes(limit),
      ),
    attachmentCut: describeCut,
    evicted: (titles) =>
      vscode.l10n.t(
        "To stay within the chat history's size limit, Fude removed the least recently used conversations: {0}.",
        titles.map((t) => `"${t}"`).join(', '),
      ),
    answerCut: vscode.l10n.t(
      "This answer is too long to keep whole in the conversation's history; the saved copy ends with […].",
    ),
  };
}

function describeCut(cut: AttachmentCut): string {
  const chars = (n: number) => n.toLocaleString('en-US');
  if (cut.totalLines <= 1) {
    return vscode.l10n.t(
      '{0} is one line of {1} characters; only its first {2} characters were attached (at most {2} per attachment).',
      cut.name,
      chars(cut.totalChars),
      chars(cut.keptChars),
    );
  }
  return cut.kind === 'selection'
    ? vscode.l10n.t(
        'The selection in {0} has {1} characters; only its first {2} lines ({3} characters) were attached.',
        cut.name,
        chars(cut.totalChars),
        cut.keptLines,
        chars(cut.keptChars),
      )
    : vscode.l10n.t(
        '{0} has {1} characters; only its first {2} of {3} lines ({4} characters) were attached.',
        cut.name,
        chars(cut.totalChars),
        cut.keptLines,
        cut.totalLines,
        chars(cut.keptChars),
      );
}

function describeLeftOut(item: LeftOut): string {
  switch (item.kind) {
    case 'turns':
      return item.from === item.to
        ? vscode.l10n.t('the oldest exchange of this conversation (exchange {0})', item.from)
        : vscode.l10n.t('older exchanges of this conversation ({0} to {1})', item.from, item.to);
    case 'trimmed':
      return item.attachment === 'file'
        ? vscode.l10n.t('{0}: only lines {1} to {2} were sent', item.name, item.start, item.end)
        : vscode.l10n.t('the selection in {0}: only lines {1} to {2} were sent', item.name, item.start, item.end);
    case 'dropped':
      return item.attachment === 'file'
        ? vscode.l10n.t('{0}: the file was left out', item.name)
        : vscode.l10n.t('the selection in {0} was left out', item.name);
    case 'excerpt':
      if (item.declaration === null) {
        return item.outlineLines > 0
          ? vscode.l10n.t(
              '{0}: lines {1} to {2} around the cursor were sent, with an outline of the rest ({3} lines: imports and declarations); the other {4} of its {5} lines were left out',
              item.name,
              item.start,
              item.end,
              item.outlineLines,
              item.omitted,
              item.totalLines,
            )
          : vscode.l10n.t(
              '{0}: lines {1} to {2} around the cursor were sent; the other {3} of its {4} lines were left out',
              item.name,
              item.start,
              item.end,
              item.omitted,
              item.totalLines,
            );
      }
      return item.outlineLines > 0
        ? vscode.l10n.t(
            '{0}: lines {1} to {2} around the cursor (in {3}) were sent, with an outline of the rest ({4} lines: imports and declarations); the other {5} of its {6} lines were left out',
            item.name,
            item.start,
            item.end,
            item.declaration,
            item.outlineLines,
            item.omitted,
            item.totalLines,
          )
        : vscode.l10n.t(
            '{0}: lines {1} to {2} around the cursor (in {3}) were sent; the other {4} of its {5} lines were left out',
            item.name,
            item.start,
            item.end,
            item.declaration,
            item.omitted,
            item.totalLines,
          );
    case 'questionTooLong':
      return vscode.l10n.t('the question itself is too long ({0} of {1} tokens)', item.tokens, item.budget);
  }
}

/** The webview's strings, sent in its HTML; the webview never builds a sentence of its own. */
export function webviewStrings(): Record<string, string> {
  return {
    newChat: vscode.l10n.t('New chat'),
    history: vscode.l10n.t('History'),
    historyTitle: vscode.l10n.t('Conversations in this workspace'),
    noConversations: vscode.l10n.t('No conversations yet.'),
    rename: vscode.l10n.t('Rename'),
    renameSave: vscode.l10n.t('Save'),
    delete: vscode.l10n.t('Delete'),
    deleteConfirm: vscode.l10n.t('Delete? Click again'),
    send: vscode.l10n.t('Send'),
    stop: vscode.l10n.t('Stop'),
    inputPlaceholder: vscode.l10n.t('Ask about your code (Enter to send, Shift+Enter for a new line)'),
    inputLabel: vscode.l10n.t('Question'),
    attachActiveFile: vscode.l10n.t('Attach active file'),
    attachOpenFile: vscode.l10n.t('Attach open file…'),
    removeAttachment: vscode.l10n.t('Remove {0}'),
    selection: vscode.l10n.t('selection'),
    copy: vscode.l10n.t('Copy'),
    copyTitle: vscode.l10n.t('Copy the code'),
    insert: vscode.l10n.t('Insert'),
    insertTitle: vscode.l10n.t('Insert at the cursor (replaces the selection)'),
    diff: vscode.l10n.t('Diff'),
    diffTitle: vscode.l10n.t('Open as a diff against the selection, to review and apply'),
    regenerate: vscode.l10n.t('Regenerate'),
    edit: vscode.l10n.t('Edit'),
    resend: vscode.l10n.t('Resend'),
    cancel: vscode.l10n.t('Cancel'),
    you: vscode.l10n.t('You'),
    model: vscode.l10n.t('Model'),
    writing: vscode.l10n.t('Writing…'),
    cutMark: vscode.l10n.t('Cut off: this answer ended early, and this is what arrived.'),
    stopped: vscode.l10n.t('Stopped.'),
    tokensPerSecond: vscode.l10n.t('{0} tokens/s'),
    cpu: vscode.l10n.t('CPU'),
    remoteEngine: vscode.l10n.t('Remote engine: the server and its latency when last checked'),
    noModel: vscode.l10n.t('No model loaded'),
    demoBanner: vscode.l10n.t('Demo model: its answers are meaningless. Choose a real GGUF model to get real answers.'),
    chooseModel: vscode.l10n.t('Choose Model'),
    termsLine: vscode.l10n.t('Outputs may be inaccurate; check them before use. Prohibited uses apply.'),
    termsLink: vscode.l10n.t('Terms of use'),
    leftOutTitle: vscode.l10n.t("Left out to fit the model's context:"),
    empty: vscode.l10n.t(
      'Ask a question about your code. Select code and run "Fude: Ask about Selection", or attach files below.',
    ),
    linkTitle: vscode.l10n.t('{0} (opens after you confirm)'),
    dismiss: vscode.l10n.t('Dismiss'),
  };
}
