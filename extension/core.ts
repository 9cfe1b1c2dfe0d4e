// What every feature (chat, completion, documentation, terms) gets from the extension core. Features take
// this, never the extension's internals, so each stays a module of its own.
import type * as vscode from 'vscode';
import type { BackendService } from './backend/backend-service.js';
import type { BackendClient } from './client/backend-client.js';
import type { TermsAcceptanceStore } from './terms/acceptance-store.js';
import type { ResolvedModel } from './vscode/settings.js';

export interface FudeCore {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  service: BackendService;
  terms: TermsAcceptanceStore;
  /** The model the settings name now (or the demo model), and whether it is the demo. */
  model(): ResolvedModel;
  /**
   * Starts the backend if needed, with a progress notification, and returns a connected client.
   * On failure it has already shown the actionable message and returns undefined.
   */
  ensureReady(): Promise<BackendClient | undefined>;
}
