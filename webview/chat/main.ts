/** The chat webview's entry (bundled to media/dist/chat.js as an IIFE, the toolkit inside). */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeLink,
  vsCodeProgressRing,
  vsCodeTextArea,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';
import { ChatApp } from './app.js';
import { readStrings } from './strings.js';

provideVSCodeDesignSystem().register(
  vsCodeButton(),
  vsCodeLink(),
  vsCodeProgressRing(),
  vsCodeTextArea(),
  vsCodeTextField(),
);

const root = document.getElementById('app');
if (root) new ChatApp(root, readStrings(document));
