/** The chat page's channel to the extension. */
import type { ExtensionMessage, WebviewMessage } from '../../extension/chat/panel-messages.js';
import { openChannel } from '../shared/channel.js';

const channel = openChannel<WebviewMessage, ExtensionMessage>();

export const post = channel.post;
export const onMessage = channel.onMessage;

export interface SavedState {
  draft?: string;
}

export function savedState(): SavedState {
  const state = channel.getState();
  return typeof state === 'object' && state !== null ? state : {};
}

export function saveState(state: SavedState): void {
  channel.setState(state);
}
