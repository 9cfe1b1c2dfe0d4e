/**
 * A webview page's only way out: typed messages to the extension (which validates them again), messages from
 * it, and the state VS Code keeps while the page is hidden. acquireVsCodeApi may be called once per page, so
 * each page makes one channel.
 */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Channel<Out, In> {
  post: (message: Out) => void;
  /** Calls the listener for every message shaped like { type: string }; the extension is the only sender. */
  onMessage: (listener: (message: In) => void) => void;
  getState(): unknown;
  setState(state: unknown): void;
}

export function openChannel<Out, In>(api: VsCodeApi = acquireVsCodeApi()): Channel<Out, In> {
  return {
    post: (message) => api.postMessage(message),
    onMessage: (listener) =>
      window.addEventListener('message', (event: MessageEvent) => {
        const data: unknown = event.data;
        if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string')
          listener(data as In);
      }),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}
