// The chat webview's script in jsdom, with the real webview UI toolkit: what a state or header message
// redraws, and the answer being written, painted frame by frame.
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { bundleWebviewScript } from '../webview/bundle-script.js';
import type { ExtensionMessage, ModelHeader } from '../../../extension/chat/panel-messages.js';

type State = Extract<ExtensionMessage, { type: 'state' }>;

describe('chat: panel webview (jsdom)', function () {
  this.timeout(60_000);
  let script: string;
  before(async () => {
    script = await bundleWebviewScript('chat');
  });

  function load() {
    const dom = new JSDOM(
      '<!doctype html><html><body><div id="app"></div><script id="fude-strings" type="application/json">{}</script></body></html>',
      { runScripts: 'outside-only', pretendToBeVisual: true },
    );
    const w = dom.window as unknown as { acquireVsCodeApi: () => unknown; eval(code: string): unknown };
    w.acquireVsCodeApi = () => ({ postMessage: () => undefined, getState: () => undefined, setState: () => undefined });
    w.eval(script);
    const send = (m: ExtensionMessage) => dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data: m }));
    const frame = () => new Promise<void>((resolve) => dom.window.requestAnimationFrame(() => resolve()));
    return { dom, doc: dom.window.document, send, frame };
  }

  const model = (phase: ModelHeader['phase']): ModelHeader => ({
    name: 'm',
    gpu: null,
    server: null,
    tokensPerSecond: null,
    phase,
    status: null,
    actions: [],
    isDemo: false,
  });
  const state = (o: Partial<State> = {}): State => ({
    type: 'state',
    conversations: [{ id: 'c1', title: 't', updatedAt: 1, messageCount: 2 }],
    currentConversationId: 'c1',
    messages: [
      { role: 'user', text: '質問', attachments: [] },
      { role: 'assistant', text: '## 答え\n\n```ts\nconst a = 1;\n```', attachments: [] },
    ],
    model: model('ready'),
    busy: false,
    streaming: null,
    termsLine: false,
    ...o,
  });

  // Issue 13: "re-renders the whole conversation when completion starts or ends".
  it("redraws only the header when the model's phase changes, by a header or a state message", () => {
    const { doc, send } = load();
    send(state());
    const answer = doc.querySelector('.message.assistant');
    assert.ok(answer?.querySelector('.fude-code'), 'the answer was drawn');
    send({ type: 'header', model: model('generating'), termsLine: false });
    send(state({ model: model('ready') }));
    assert.equal(doc.querySelector('.message.assistant'), answer, 'the same element: not drawn again');
    send(state({ messages: [...state().messages, { role: 'user', text: '次', attachments: [] }] }));
    assert.notEqual(doc.querySelector('.message.assistant'), answer, 'a changed conversation is drawn');
  });

  it("draws again when only an answer's model label or cut mark changed", () => {
    const { doc, send } = load();
    const answered = (o: { model?: string; cut?: boolean }) =>
      state({
        messages: [
          { role: 'user', text: '質問', attachments: [] },
          { role: 'assistant', text: '答え', attachments: [], ...o },
        ],
      });
    send(answered({ model: 'model-a' }));
    assert.equal(doc.querySelector('.message.assistant .model-label')?.textContent, 'model-a');
    send(answered({ model: 'model-b' }));
    assert.equal(doc.querySelector('.message.assistant .model-label')?.textContent, 'model-b');
    send(answered({ model: 'model-b', cut: true }));
    assert.ok(doc.querySelector('.message.assistant.cut .cut-mark'), 'the cut mark is shown');
  });

  it('paints the answer being written frame by frame, keeping the blocks already final', async () => {
    const { doc, send, frame } = load();
    send(
      state({
        messages: [{ role: 'user', text: '質問', attachments: [] }],
        busy: true,
        streaming: { conversationId: 'c1', text: '', model: 'm' },
      }),
    );
    send({ type: 'delta', conversationId: 'c1', text: '# 見出し\n\n一つ目の段落\n\n' });
    await frame();
    const heading = doc.querySelector('.streaming h1');
    assert.equal(heading?.textContent, '見出し');
    send({ type: 'delta', conversationId: 'c1', text: '```ts\nconst x = 1;\n```\n\n続き' });
    send({ type: 'header', model: model('generating'), termsLine: false });
    await frame();
    assert.equal(doc.querySelector('.streaming h1'), heading, 'the final heading was not drawn again');
    assert.equal(doc.querySelector('.streaming .fude-code code')?.textContent, 'const x = 1;\n');
    assert.equal(
      doc.querySelectorAll('.streaming .fude-code [data-code-action]').length,
      3,
      'a finished code block has its buttons',
    );
    assert.match(doc.querySelector('.streaming')!.textContent ?? '', /続き/);
  });
});
