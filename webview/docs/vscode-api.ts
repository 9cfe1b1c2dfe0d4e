/** The documentation page's channel to the extension. */
import type { ExtensionMessage, WebviewMessage } from '../../extension/docs/panel-messages.js';
import { openChannel } from '../shared/channel.js';

const channel = openChannel<WebviewMessage, ExtensionMessage>();

export const post = channel.post;
export const onMessage = channel.onMessage;
