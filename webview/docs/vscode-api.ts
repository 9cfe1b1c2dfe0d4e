/** The panel's only way out: typed messages to the extension, which validates them again. */
import type { ExtensionMessage, WebviewMessage } from "../../extension/docs/panel-messages.js";

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function onMessage(listener: (message: ExtensionMessage) => void): void {
  window.addEventListener("message", (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data === "object" && data !== null && typeof (data as { type?: unknown }).type === "string") listener(data as ExtensionMessage);
  });
}
