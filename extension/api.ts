// What the extension exports. Other extensions get a read-only view of the model's status; they never
// get the backend's token or a way to accept terms of use. The in-editor tests (VS Code's test mode
// only) get the parts activation built.
import type { ChatSession } from './chat/chat-session.js';
import type { CompletionController } from './completion/vscode/controller.js';
import type { EngineSwitch } from './engine/engine-switch.js';
import type { ModelsApi } from './models/models-feature.js';
import type { ModelState, ModelStatus } from './engine/model-status.js';
import type { TermsAcceptanceStore } from './terms/acceptance-store.js';
import type { ApiKeyStore } from './vscode/remote-settings.js';
import type { OpenGate } from './terms/gate-panel.js';
import type * as vscode from 'vscode';

export interface FudeApi {
  /** The model in use now: phase, name, context size, terms id, engine. */
  status(): ModelState;
  onDidChangeStatus(listener: (state: ModelState) => void): { dispose(): void };
  /** The status bar item's text. */
  statusText(): string;
}

export interface FudeTestHooks extends FudeApi {
  testing: {
    /** The engine the features hold (forwards to the local or the remote engine, per fude.engine.kind). */
    engine: EngineSwitch;
    status: ModelStatus;
    terms: TermsAcceptanceStore;
    chat: ChatSession;
    completion: CompletionController;
    models: ModelsApi;
    termsGate(): OpenGate | undefined;
    docsPanel(): vscode.WebviewPanel | undefined;
    isDemoModel(): boolean;
    backendPid(): number | undefined;
    /** The remote engine's API keys in SecretStorage (the tests give it the backend's token as a key). */
    apiKeys: ApiKeyStore;
  };
}
