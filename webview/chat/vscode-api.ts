/** The webview's only way out: typed messages to the extension (which validates them again). */
import type { ExtensionMessage, WebviewMessage } from "../../extension/chat/panel-messages.js";

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function onMessage(listener: (message: ExtensionMessage) => void): void {
  window.addEventListener("message", (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data === "object" && data !== null && typeof (data as { type?: unknown }).type === "string") {
      listener(data as ExtensionMessage);
    }
  });
}

export interface SavedState {
  draft?: string;
}

export function savedState(): SavedState {
  const state = api.getState();
  return typeof state === "object" && state !== null ? (state as SavedState) : {};
}

export function saveState(state: SavedState): void {
  api.setState(state);
}
