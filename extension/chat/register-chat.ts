// The chat feature: the view in Fude's activity-bar container, the editor-tab panel, the commands,
// and the session that joins them to the backend. The terms notice flow plugs in via `beforeSend`.
import * as vscode from 'vscode';
import type { FudeCore } from '../core.js';
import { samplingOverrides } from '../vscode/settings.js';
import { allowEverything, type BeforeSend } from './before-send.js';
import { sessionTexts } from './chat-l10n.js';
import { ChatSession } from './chat-session.js';
import { CHAT_PANEL_TYPE, CHAT_VIEW_ID, ChatPanels, ChatViewProvider } from './chat-webview.js';
import { VscodeEditorBridge } from './editor-bridge.js';
import { EditorTracker, fileAttachment, selectionAttachment } from './editor-context.js';
import { HistoryStore } from './history-store.js';
import { HeaderModel } from './model-header.js';
import { PROPOSAL_SCHEME, ProposalDiffs } from './proposal-diff.js';

export interface ChatOptions {
  /** Called before every question reaches the backend; resolve false to send nothing. Default: allow. */
  beforeSend?: BeforeSend;
}

export function registerChat(core: FudeCore, options: ChatOptions = {}): vscode.Disposable[] {
  const { context, service, log } = core;
  const header = new HeaderModel(core);
  const editors = new EditorTracker();
  const proposals = new ProposalDiffs();
  const texts = sessionTexts();
  const session = new ChatSession({
    history: new HistoryStore(context.workspaceState, { untitled: texts.untitled }),
    memory: context.workspaceState,
    ensureClient: () => core.ensureReady(),
    contextSize: () => header.contextSize(),
    sampling: samplingOverrides,
    beforeSend: options.beforeSend ?? allowEverything,
    editor: new VscodeEditorBridge(editors, proposals),
    texts,
    header: (tokensPerSecond) => header.header(tokensPerSecond),
    termsLine: () => header.termsLine(),
    runHeaderAction: (choice) => header.run(choice),
    log: (line) => log.info(line),
  });
  const panels = new ChatPanels(context.extensionUri, session, log);

  // Requests start and end often (inline completion): only tell the panels when the header changed.
  let lastHeader = '';
  const refreshHeader = () => {
    const now = JSON.stringify([header.header(null), header.termsLine()]);
    if (now === lastHeader) return;
    lastHeader = now;
    session.refresh();
  };

  const showChat = async () => {
    await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
    session.broadcast({ type: 'focusInput' });
  };

  return [
    editors,
    proposals,
    panels,
    { dispose: () => session.dispose() },
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, new ChatViewProvider(context.extensionUri, session, log), {
      webviewOptions: { retainContextWhenHidden: true },
    }),
    vscode.window.registerWebviewPanelSerializer(CHAT_PANEL_TYPE, panels),
    { dispose: service.supervisor.onState(refreshHeader) },
    { dispose: service.client.onInFlight(refreshHeader) },
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
      session.attach(selectionAttachment(editor) ?? fileAttachment(editor.document));
      await showChat();
    }),
    vscode.commands.registerCommand('fude.chat.attachActiveFile', () => session.receive({ type: 'attachActiveFile' })),
    vscode.commands.registerCommand('fude.chat.attachOpenFile', () => session.receive({ type: 'attachOpenFile' })),
    vscode.commands.registerCommand('fude.chat.applyProposal', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target?.scheme === PROPOSAL_SCHEME) await proposals.apply(target);
    }),
    // For the in-editor tests: what the panel would show, and a way to act as the panel does.
    // The messages go through the same validation as the webview's, so they grant nothing more.
    vscode.commands.registerCommand('fude.chat._inspect', () => session.snapshot()),
    vscode.commands.registerCommand('fude.chat._receive', (message: unknown) => session.receive(message)),
    vscode.commands.registerCommand('fude.chat._idle', () => session.idle()),
  ];
}
