// The chat webview in jsdom: while the model reads a long prompt, the answer being written says how far it
// got instead of "Writing…", and goes back to "Writing…" once words come.
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { bundleWebviewScript } from '../webview/bundle-script.js';
import type { ExtensionMessage } from '../../../extension/chat/panel-messages.js';

describe('chat webview: reading progress (jsdom)', function () {
  this.timeout(60_000);
  let script: string;
  before(async () => {
    script = await bundleWebviewScript('chat');
  });

  it('shows how far the prompt was read until the first words, then Writing…', async () => {
    const strings = JSON.stringify({ writing: '<writing>', model: '<model>' });
    const dom = new JSDOM(
      `<!doctype html><html><body><script type="application/json" id="fude-strings">${strings}</script><div id="app"></div></body></html>`,
      { runScripts: 'outside-only', pretendToBeVisual: true },
    );
    const w = dom.window as unknown as { acquireVsCodeApi: () => unknown; eval(code: string): unknown };
    w.acquireVsCodeApi = () => ({ postMessage: () => undefined, getState: () => undefined, setState: () => undefined });
    w.eval(script);
    const send = (m: ExtensionMessage) => dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data: m }));
    const writing = () => dom.window.document.querySelector('.message.streaming .writing')?.textContent;
    const state = (text: string): ExtensionMessage => ({
      type: 'state',
      conversations: [{ id: 'c1', title: 'q', updatedAt: 1, messageCount: 1 }],
      currentConversationId: 'c1',
      messages: [{ role: 'user', text: 'q', attachments: [] }],
      busy: true,
      streaming: { conversationId: 'c1', text, model: null },
      termsLine: false,
      model: {
        name: 'm',
        gpu: null,
        server: null,
        tokensPerSecond: null,
        phase: 'generating',
        status: null,
        actions: [],
        isDemo: false,
      },
    });
    send(state(''));
    assert.equal(writing(), '<writing>');
    send({ type: 'progress', conversationId: 'c1', text: 'Reading 1,200 of 3,400 tokens, about 9 s left…' });
    assert.equal(writing(), 'Reading 1,200 of 3,400 tokens, about 9 s left…');
    send({ type: 'progress', conversationId: 'other', text: 'not this conversation' });
    assert.equal(writing(), 'Reading 1,200 of 3,400 tokens, about 9 s left…');
    send(state(''));
    assert.equal(writing(), 'Reading 1,200 of 3,400 tokens, about 9 s left…', 'a redraw keeps it');
    send({ type: 'delta', conversationId: 'c1', text: '答え' });
    assert.equal(writing(), '<writing>');
    send({ type: 'progress', conversationId: 'c1', text: 'late' });
    assert.equal(writing(), '<writing>', 'progress after the first words is ignored');
  });
});
