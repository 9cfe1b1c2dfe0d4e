// The chat feature: the view in Fude's activity-bar container, the editor-tab panel, the commands,
// and the session that joins them to the engine. The request guard decides before every send.
import * as vscode from 'vscode';
import type { Engine } from '../engine/engine.js';
import type { ModelStatusView } from '../engine/model-status.js';
import { samplingOverrides } from '../vscode/settings.js';
import type { BeforeSend } from './before-send.js';
import { sessionTexts } from './chat-l10n.js';
import { ChatSession } from './chat-session.js';
import { CHAT_PANEL_TYPE, CHAT_VIEW_ID, ChatPanels, ChatViewProvider } from './chat-webview.js';
import { VscodeEditorBridge } from './editor-bridge.js';
import { EditorTracker, fileAtCursor, selectionAttachment } from './editor-context.js';
import { NodeHistoryDisk } from './history-disk.js';
import { migrateV1History } from './history-migrate.js';
import { HistoryStore } from './history-store.js';
import { HeaderModel } from './model-header.js';
import { PROPOSAL_SCHEME, ProposalDiffs } from './proposal-diff.js';

export interface ChatDeps {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  engine: Engine;
  status: ModelStatusView;
  /** Starts the model if needed, showing progress and failures; false when it cannot start. */
  ensureReady: () => Promise<boolean>;
  /** The request guard: terms and prohibited-use notices over the question and its attachments. */
  beforeSend: BeforeSend;
  /** Whether the configured model (not loaded yet) is one whose terms call for the line under the input. */
  termsExpected: () => boolean;
}

export function registerChat(deps: ChatDeps): { disposables: vscode.Disposable[]; session: ChatSession } {
  const { context, log, engine, status } = deps;
  const header = new HeaderModel(status, deps.termsExpected);
  const editors = new EditorTracker();
  const proposals = new ProposalDiffs();
  const texts = sessionTexts();
  // Per workspace (a window without a folder keeps its chats with the user's global storage).
  const folder = vscode.Uri.joinPath(
    context.storageUri ?? vscode.Uri.joinPath(context.globalStorageUri, 'no-workspace'),
    'chat-history',
  );
  const history = new HistoryStore(new NodeHistoryDisk(folder.fsPath), { untitled: texts.untitled });
  // Before the session: it looks up the conversation that was open, which may still be in the old place.
  const migrated = migrateV1History(context.workspaceState, history);
  const session = new ChatSession({
    history,
    memory: context.workspaceState,
    engine,
    ensureReady: deps.ensureReady,
    contextSize: () => header.contextSize(),
    sampling: samplingOverrides,
    beforeSend: deps.beforeSend,
    editor: new VscodeEditorBridge(editors, proposals),
    texts,
    header: (tokensPerSecond) => header.header(tokensPerSecond),
    answeringModel: () => header.answeringModel(),
    modelKey: () => header.modelKey(),
    termsLine: () => header.termsLine(),
    runHeaderAction: (choice) => header.run(choice),
    log: (line) => log.info(line),
  });
  const panels = new ChatPanels(context.extensionUri, session, log);
  void migrated
    .then(async ({ moved, skipped }) => {
      if (moved + skipped > 0)
        log.info(
          `chat: moved ${moved} conversations from workspaceState into ${folder.fsPath}${skipped > 0 ? ` (${skipped} unreadable or too big)` : ''}`,
        );
      await history.tidy();
      session.refresh();
    })
    .catch((e: unknown) => log.error(`chat: the history could not be moved or tidied: ${String(e)}`));

  // Requests start and end often (inline completion): only tell the panels when the header changed, and
  // then only the header (the conversation is not sent, parsed or drawn again).
  let lastHeader = '';
  const refreshHeader = () => {
    const now = JSON.stringify([header.header(null), header.termsLine()]);
    if (now === lastHeader) return;
    lastHeader = now;
    session.refreshHeader();
  };

  const showChat = async () => {
    await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
    session.broadcast({ type: 'focusInput' });
  };

  const disposables = [
    editors,
    proposals,
    panels,
    { dispose: () => session.dispose() },
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, new ChatViewProvider(context.extensionUri, session, log), {
      webviewOptions: { retainContextWhenHidden: true },
    }),
    vscode.window.registerWebviewPanelSerializer(CHAT_PANEL_TYPE, panels),
    { dispose: status.onDidChange(refreshHeader) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('fude')) refreshHeader();
    }),
    vscode.commands.registerCommand('fude.chat.focus', showChat),
    vscode.commands.registerCommand('fude.chat.open', () => panels.open()),
    vscode.commands.registerCommand('fude.chat.new', async () => {
      await session.receive({ type: 'newChat' });
      await showChat();
    }),
    vscode.commands.registerCommand('fude.chat.history', async () => {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
      session.broadcast({ type: 'showHistory' });
    }),
    vscode.commands.registerCommand('fude.chat.askAboutSelection', async () => {
      const editor = editors.current();
      if (editor === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select code in an editor first, then ask about it.'));
        return;
      }
      // No selection: the whole file is what the person is looking at.
      session.attach(selectionAttachment(editor) ?? (await fileAtCursor(editor)));
      await showChat();
    }),
    vscode.commands.registerCommand('fude.chat.attachActiveFile', () => session.receive({ type: 'attachActiveFile' })),
    vscode.commands.registerCommand('fude.chat.attachOpenFile', () => session.receive({ type: 'attachOpenFile' })),
    vscode.commands.registerCommand('fude.chat.applyProposal', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target?.scheme === PROPOSAL_SCHEME) await proposals.apply(target);
    }),
  ];
  return { disposables, session };
}
