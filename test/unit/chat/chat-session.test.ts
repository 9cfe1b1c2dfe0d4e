import assert from 'node:assert/strict';
import type { SendKind } from '../../../extension/chat/before-send.js';
import { ChatSession, CURRENT_KEY } from '../../../extension/chat/chat-session.js';
import { HistoryStore } from '../../../extension/chat/history-store.js';
import { ask, fakeModel, harness, lastState, MemoryStore } from './session-fakes.js';
import { MemoryDisk } from './memory-disk.js';

const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  assert.ok(cond(), what);
};

describe('chat session: panel messages to answers', () => {
  it('answers a question: streams deltas, saves both turns, titles the conversation, ends idle', async () => {
    const h = harness({ script: { chunks: ['こんにちは', '。私は', 'モデルです。'] } });
    await h.session.receive({ type: 'ready' });
    assert.equal(lastState(h).busy, false);
    await ask(h, 'この関数は何をしますか？');
    assert.equal(
      h
        .of('delta')
        .map((d) => d.text)
        .join(''),
      'こんにちは。私はモデルです。',
    );
    assert.deepEqual(
      h.of('done').map((d) => d.stopReason),
      ['finished'],
    );
    const state = lastState(h);
    assert.equal(state.busy, false);
    assert.equal(state.streaming, null);
    assert.equal(state.termsLine, true);
    assert.deepEqual(
      state.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'この関数は何をしますか？'],
        ['assistant', 'こんにちは。私はモデルです。'],
      ],
    );
    assert.deepEqual(
      state.conversations.map((c) => c.title),
      ['この関数は何をしますか？'],
    );
    assert.ok((state.model.tokensPerSecond ?? 0) > 0, 'the speed of the last answer is in the header');
    // The prompt: system, then the question; the person's sampling settings travel with it.
    const request = h.client.requests[0];
    assert.deepEqual(
      request.messages.map((m) => m.role),
      ['system', 'user'],
    );
    assert.equal(request.messages[1].content, 'この関数は何をしますか？');
    assert.equal(request.temperature, 0.5);
  });

  it('labels each answer with the model that wrote it, kept in the history, also while it streams', async () => {
    const h = harness({ script: { chunks: ['一つ目'] } });
    await ask(h, '最初の質問');
    fakeModel.name = 'fake-model-b';
    fakeModel.key = 'b';
    h.client.script = { chunks: ['二つ目'] };
    const before = h.of('state').length;
    await h.session.receive({ type: 'send', text: '次の質問', attachments: [] });
    const streaming = h
      .of('state')
      .slice(before)
      .map((s) => s.streaming)
      .find((s) => s !== null);
    assert.equal(streaming?.model, 'fake-model-b', 'the answer being written names its model');
    await h.session.idle();
    const answers = lastState(h).messages.filter((m) => m.role === 'assistant');
    assert.deepEqual(
      answers.map((m) => [m.text, m.model]),
      [
        ['一つ目', 'fake-model-a'],
        ['二つ目', 'fake-model-b'],
      ],
    );
    const stored = new HistoryStore(h.disk).get(lastState(h).currentConversationId!)!;
    assert.deepEqual(
      stored.messages.filter((m) => m.role === 'assistant').map((m) => m.model),
      ['fake-model-a', 'fake-model-b'],
    );
  });

  it("clears the last answer's speed from the header when another model takes over", async () => {
    const h = harness();
    await ask(h, '質問');
    assert.ok((lastState(h).model.tokensPerSecond ?? 0) > 0);
    fakeModel.key = 'b';
    h.session.refresh();
    assert.equal(lastState(h).model.tokensPerSecond, null, 'no speed of the previous model');
  });

  it('validates what the webview sends and ignores what does not pass', async () => {
    const h = harness();
    for (const bad of [
      null,
      { type: 'send', text: '  ', attachments: [] },
      { type: 'runCommand', command: 'x' },
      { type: 'openLink', url: 'javascript:alert(1)' },
    ]) {
      await h.session.receive(bad);
    }
    assert.equal(h.client.requests.length, 0);
    assert.deepEqual(h.editor.calls, []);
    assert.equal(h.logs.length, 4);
    assert.match(h.logs[3], /openLink\.url must be an http, https or mailto URL/);
  });

  it("Stop ends the answer: the backend's signal is aborted, the partial answer is kept", async () => {
    const h = harness({ script: { chunks: ['ループ'], loop: true } });
    await h.session.receive({ type: 'send', text: '止まらない', attachments: [] });
    await until(() => (h.session.snapshot().streamingText ?? '').length >= 30, 'it streams');
    await h.session.receive({ type: 'stop' });
    await h.session.idle();
    assert.equal(h.client.signals[0].aborted, true);
    assert.deepEqual(
      h.of('done').map((d) => d.stopReason),
      ['stopped'],
    );
    const saved = lastState(h).messages[1].text;
    assert.match(saved, /^(ループ)+$/);
    assert.equal(
      h
        .of('delta')
        .map((d) => d.text)
        .join(''),
      saved,
      'every delta was posted before done',
    );
    assert.equal(lastState(h).busy, false);
  });

  it('answers one question at a time: a second send while busy is refused and given back', async () => {
    const h = harness({ script: { chunks: ['ループ'], loop: true } });
    await h.session.receive({ type: 'send', text: '一つ目', attachments: [] });
    await until(() => h.session.snapshot().streamingText !== null, 'the first answer streams');
    await h.session.receive({ type: 'send', text: '二つ目', attachments: [] });
    assert.equal(h.client.requests.length, 1);
    assert.equal(h.of('error').at(-1)?.message, 'busy');
    assert.deepEqual(
      h.of('draft').map((d) => d.text),
      ['二つ目'],
    );
    h.session.stop();
    await h.session.idle();
  });

  it('calls beforeSend before anything reaches the backend; false sends nothing and keeps the text', async () => {
    const seen: Array<[string, SendKind, string | null]> = [];
    let allow = false;
    const h = harness({
      beforeSend: async (outgoing, kind, context) => {
        seen.push([outgoing.question, kind, context.conversationId]);
        return allow;
      },
    });
    h.session.attach({ kind: 'file', name: 'a.ts', language: 'typescript', text: 'x\n' });
    await ask(h, '法律について教えて', ['att-1']);
    assert.equal(h.client.requests.length, 0);
    assert.deepEqual(h.history.list(), [], 'no conversation was created');
    assert.deepEqual(
      h.of('draft').map((d) => d.text),
      ['法律について教えて'],
    );
    assert.equal(h.session.snapshot().attachments.length, 1, 'the attachments stay for the next try');
    allow = true;
    await ask(h, '質問', ['att-1']);
    const id = lastState(h).currentConversationId;
    await h.session.receive({ type: 'regenerate', conversationId: id! });
    await h.session.idle();
    await h.session.receive({ type: 'editAndResend', conversationId: id!, messageIndex: 0, text: '言い直し' });
    await h.session.idle();
    assert.deepEqual(
      seen.map(([text, kind]) => [text, kind]),
      [
        ['法律について教えて', 'question'],
        ['質問', 'question'],
        ['質問', 'regenerate'],
        ['言い直し', 'edit'],
      ],
    );
    assert.deepEqual(
      seen.map(([, , conversation]) => conversation),
      [null, null, id, id],
    );
  });

  it('lets beforeSend ask inside the panel and waits for the choice', async () => {
    const h = harness({
      beforeSend: async (_text, _kind, { panel }) =>
        (await panel.ask('医療の助言に当たる可能性があります。', [
          { id: 'continue', label: '続ける' },
          { id: 'cancel', label: 'やめる' },
        ])) === 'continue',
    });
    const sending = h.session.receive({ type: 'send', text: '薬の量は？', attachments: [] });
    await until(() => h.of('notice').length === 1, 'the notice is shown');
    const notice = h.of('notice')[0];
    assert.deepEqual(
      notice.choices.map((c) => c.id),
      ['continue', 'cancel'],
    );
    await h.session.receive({ type: 'noticeChoice', noticeId: notice.id, choice: 'continue' });
    await sending;
    await h.session.idle();
    assert.equal(h.client.requests.length, 1);
  });

  it('Stop while the hook waits on a panel notice sends nothing', async () => {
    const h = harness({
      beforeSend: async (_text, _kind, { panel }) =>
        (await panel.ask('確認', [{ id: 'continue', label: '続ける' }])) === 'continue',
    });
    const sending = h.session.receive({ type: 'send', text: '質問', attachments: [] });
    await until(() => h.of('notice').length === 1, 'the notice is shown');
    assert.equal(lastState(h).busy, true, 'the panel shows Stop while it waits');
    await h.session.receive({ type: 'stop' });
    await sending;
    assert.equal(h.client.requests.length, 0);
    assert.deepEqual(
      h.of('draft').map((d) => d.text),
      ['質問'],
    );
    assert.equal(lastState(h).busy, false);
  });

  it('says so when the backend cannot start, and creates nothing', async () => {
    const h = harness({ noClient: true });
    await ask(h, 'こんにちは');
    assert.equal(h.of('error')[0].message, 'not ready');
    assert.deepEqual(
      h.of('draft').map((d) => d.text),
      ['こんにちは'],
    );
    assert.deepEqual(h.history.list(), []);
  });

  it('regenerates the last answer in place', async () => {
    const h = harness({ script: { chunks: ['最初の答え'] } });
    await ask(h, '質問');
    h.client.script = { chunks: ['別の答え'] };
    await h.session.receive({ type: 'regenerate', conversationId: lastState(h).currentConversationId! });
    await h.session.idle();
    assert.deepEqual(
      lastState(h).messages.map((m) => m.text),
      ['質問', '別の答え'],
    );
    assert.deepEqual(
      h.client.requests[1].messages.map((m) => m.content),
      h.client.requests[0].messages.map((m) => m.content),
      'the same prompt again',
    );
  });

  it('edits an earlier question: later turns go, its attachments stay', async () => {
    const h = harness({ script: { chunks: ['答え'] } });
    h.session.attach({
      kind: 'selection',
      name: 'src/a.ts',
      language: 'typescript',
      text: 'const a = 1;',
      startLine: 3,
    });
    await ask(h, '一つ目', ['att-1']);
    await ask(h, '二つ目');
    const id = lastState(h).currentConversationId!;
    await h.session.receive({ type: 'editAndResend', conversationId: id, messageIndex: 0, text: '一つ目(直した)' });
    await h.session.idle();
    const state = lastState(h);
    assert.deepEqual(
      state.messages.map((m) => m.text),
      ['一つ目(直した)', '答え'],
    );
    assert.deepEqual(state.messages[0].attachments, ['src/a.ts:3']);
    assert.match(
      h.client.requests[2].messages.at(-1)!.content,
      /選択範囲: src\/a\.ts \(3〜3行目\)\n```typescript\nconst a = 1;\n```\n\n一つ目\(直した\)$/,
    );
    // Editing an answer's index is refused.
    await h.session.receive({ type: 'editAndResend', conversationId: id, messageIndex: 1, text: 'x' });
    assert.equal(h.client.requests.length, 3);
  });

  it('shows how far the model has read a long prompt before the first words, then writes', async () => {
    const h = harness({
      script: {
        chunks: ['答え'],
        progress: [
          [512, 3400],
          [1024, 3400],
          [1536, 3400],
        ],
      },
    });
    await ask(h, '長い質問');
    const progress = h.of('progress');
    assert.equal(progress.length, 3);
    assert.equal(progress[0].text, 'reading 512/3400', 'no time left before a speed is seen');
    assert.match(progress[2].text, /^reading 1536\/3400(, \d+ s left)?$/);
    assert.ok(progress.every((p) => p.conversationId === lastState(h).currentConversationId));
    assert.deepEqual(
      h.of('done').map((d) => d.stopReason),
      ['finished'],
    );
  });

  it('asks for token prediction from the input when the question rewrites the attached code, not otherwise', async () => {
    const h = harness({ script: { chunks: ['答え'] } });
    h.session.attach({
      kind: 'selection',
      name: 'src/a.ts',
      language: 'typescript',
      text: 'const a = 1;',
      startLine: 3,
    });
    await ask(h, 'この関数をリファクタリングしてください', ['att-1']);
    h.session.attach({
      kind: 'selection',
      name: 'src/a.ts',
      language: 'typescript',
      text: 'const a = 1;',
      startLine: 3,
    });
    await ask(h, 'この関数は何をしますか？', ['att-2']);
    await ask(h, 'Refactor it');
    assert.deepEqual(
      h.client.requests.map((r) => r.predictFrom),
      ['input', undefined, undefined],
    );
  });

  it('sends attachments with the question, then clears the chips', async () => {
    const h = harness();
    h.editor.nextFile = { kind: 'file', name: 'src/util.py', language: 'python', text: 'def f():\n    return 1\n' };
    await h.session.receive({ type: 'attachActiveFile' });
    h.session.attach({
      kind: 'selection',
      name: 'src/util.py',
      language: 'python',
      text: '    return 1',
      startLine: 2,
    });
    assert.deepEqual(
      h
        .of('attachments')
        .at(-1)
        ?.items.map((a) => [a.id, a.kind, a.name, a.lines]),
      [
        ['att-1', 'file', 'src/util.py', null],
        ['att-2', 'selection', 'src/util.py', { start: 2, end: 2 }],
      ],
    );
    await ask(h, '説明して', ['att-1', 'att-2']);
    const prompt = h.client.requests[0].messages.at(-1)!.content;
    assert.equal(
      prompt,
      'ファイル: src/util.py\n```python\ndef f():\n    return 1\n```\n\n選択範囲: src/util.py (2〜2行目)\n```python\n    return 1\n```\n\n説明して',
    );
    assert.deepEqual(h.of('attachments').at(-1)?.items, []);
    assert.deepEqual(lastState(h).messages[0].attachments, ['src/util.py', 'src/util.py:2']);
  });

  it('removes an attachment chip', async () => {
    const h = harness();
    h.session.attach({ kind: 'file', name: 'a.ts', language: 'typescript', text: 'a' });
    await h.session.receive({ type: 'removeAttachment', attachmentId: 'att-1' });
    assert.deepEqual(h.of('attachments').at(-1)?.items, []);
  });

  it('trims to the context and says what it left out; refuses a question that cannot fit', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `line ${i + 1}`).join('\n');
    const h = harness({ contextSize: 512 });
    h.session.attach({ kind: 'file', name: 'big.txt', language: 'plaintext', text: long });
    await ask(h, '要約して', ['att-1']);
    assert.equal(h.client.requests.length, 1);
    const notes = h.of('contextNotes').at(-1)!.leftOut;
    assert.equal(notes.length, 1);
    assert.match(notes[0], /^file big\.txt trimmed to lines 1-\d+$/);
    assert.ok(
      h.client.exactCount(h.client.requests[0].messages) <= 512 - 128,
      'the prompt leaves the answer its share',
    );

    await ask(h, 'あ'.repeat(1000));
    assert.equal(h.client.requests.length, 1, 'not sent');
    assert.match(h.of('error').at(-1)!.message, /^too long \d+\/384$/);
  });

  it('keeps a partial answer when the backend fails, and offers Regenerate', async () => {
    const h = harness({
      script: { chunks: ['途中'], error: { code: 'backend_gone', message: 'the backend closed the connection' } },
    });
    await ask(h, '質問');
    const error = h.of('error').at(-1)!;
    assert.equal(
      error.message,
      'failed backend_gone',
      "the panel words the code; the engine's English stays in the log",
    );
    assert.ok(
      h.logs.some((l) => l.includes('the backend closed the connection')),
      "the engine's message is logged",
    );
    assert.deepEqual(error.action, { id: 'regenerate', label: 'Regenerate' });
    assert.equal(lastState(h).messages[1].text, '途中');
    assert.equal(lastState(h).messages[1].cut, true, 'the partial answer is marked as cut');
    h.client.script = { chunks: ['完全な答え'] };
    await h.session.receive({ type: 'noticeChoice', noticeId: error.id, choice: 'regenerate' });
    await h.session.idle();
    assert.deepEqual(
      lastState(h).messages.map((m) => m.text),
      ['質問', '完全な答え'],
    );
    assert.equal(lastState(h).messages[1].cut, undefined);
  });

  it('keeps a stream cut mid-answer marked as cut in the history, across a reload', async () => {
    const store = new MemoryStore();
    const disk = new MemoryDisk();
    const h = harness({
      store,
      disk,
      script: {
        chunks: ['半分', 'まで'],
        error: { code: 'cut', message: 'the answer from https://gpu:8000 was cut off' },
      },
    });
    await ask(h, '質問');
    assert.equal(h.of('error').at(-1)!.message, 'failed cut');
    await h.history.flush();
    const again = harness({ store, disk });
    await again.session.receive({ type: 'ready' });
    const messages = lastState(again).messages;
    assert.deepEqual(
      messages.map((m) => [m.text, m.cut ?? false]),
      [
        ['質問', false],
        ['半分まで', true],
      ],
    );
  });

  it('says when to try again after a rate limit, keeping the question', async () => {
    const h = harness({
      script: {
        chunks: [],
        error: { code: 'rate_limited', message: 'https://gpu:8000 is busy (429)', retryAfterMs: 7000 },
      },
    });
    await ask(h, '質問');
    assert.equal(h.of('error').at(-1)!.message, 'failed rate_limited (retry after 7000 ms)');
    assert.deepEqual(
      lastState(h).messages.map((m) => m.text),
      ['質問'],
    );
  });

  it('says when the answer hit the length limit', async () => {
    const h = harness({ script: { chunks: ['長い'], stopReason: 'maxTokens' } });
    await ask(h, '質問');
    assert.deepEqual(
      h.of('done').map((d) => d.stopReason),
      ['maxTokens'],
    );
    assert.equal(h.of('error').at(-1)?.message, 'cut short');
  });

  it('new chat, select, rename, delete; the open conversation is remembered for the next window', async () => {
    const store = new MemoryStore();
    const h = harness({ store });
    await ask(h, '一つ目の会話');
    const first = lastState(h).currentConversationId!;
    await h.session.receive({ type: 'newChat' });
    assert.equal(lastState(h).currentConversationId, null);
    await ask(h, '二つ目の会話');
    const second = lastState(h).currentConversationId!;
    assert.notEqual(first, second);
    await h.session.receive({ type: 'renameConversation', conversationId: first, title: '名前を変えた' });
    await h.session.receive({ type: 'selectConversation', conversationId: first });
    assert.equal(store.get(CURRENT_KEY), first);
    assert.deepEqual(
      lastState(h)
        .conversations.map((c) => c.title)
        .sort(),
      ['二つ目の会話', '名前を変えた'].sort(),
    );

    await h.history.flush();
    const next = new ChatSession({ ...h.deps, history: new HistoryStore(h.disk) });
    assert.equal(next.snapshot().currentConversationId, first);

    await h.session.receive({ type: 'deleteConversation', conversationId: first });
    assert.equal(lastState(h).currentConversationId, null);
    assert.deepEqual(
      lastState(h).conversations.map((c) => c.id),
      [second],
    );
    assert.equal(store.get(CURRENT_KEY), undefined);
  });

  it('hands code, links, terms and header buttons to the editor side', async () => {
    const h = harness();
    await h.session.receive({ type: 'copyCode', code: 'a', language: 'ts' });
    await h.session.receive({ type: 'insertCode', code: 'b', language: 'ts' });
    await h.session.receive({ type: 'diffCode', code: 'c', language: 'python' });
    await h.session.receive({ type: 'openLink', url: 'https://example.com/x' });
    await h.session.receive({ type: 'showTerms' });
    await h.session.receive({ type: 'noticeChoice', noticeId: 'header', choice: 'a0' });
    assert.deepEqual(h.editor.calls, [
      ['copy', 'a'],
      ['insert', 'b'],
      ['diff', 'c', 'python'],
      ['openLink', 'https://example.com/x'],
      ['showTerms'],
    ]);
    assert.deepEqual(h.headerActions, ['a0']);
  });

  it('sends the state to every open panel and stops when they are gone', async () => {
    const h = harness();
    const second: unknown[] = [];
    const detach = h.session.attachView((m) => second.push(m));
    h.session.refresh();
    assert.equal(second.length, 1);
    detach();
    h.session.refresh();
    assert.equal(second.length, 1);
  });
});

describe("chat session: the history's caps", () => {
  const fiveMb = (tag: string) =>
    `// ${tag}\n${'const value = computeSomething(input);\n'.repeat(130_000)}`.slice(0, 5_000_000);

  // Issue 13: "one with three 5 MB selections reaches 15 MB against a 2 MB cap while every other conversation is dropped".
  it('three 5 MB selections: each cut to the attachment limit with a note, nothing else evicted, the cap holds', async () => {
    const h = harness({ limits: { maxConversationBytes: 2_000_000, maxTotalBytes: 4_000_000 } });
    for (let i = 0; i < 3; i++) {
      await h.session.receive({ type: 'newChat' });
      await ask(h, `他の会話 ${i}`);
    }
    await h.session.receive({ type: 'newChat' });
    for (let i = 0; i < 3; i++) {
      h.session.attach({
        kind: 'selection',
        name: `big${i}.ts`,
        language: 'typescript',
        text: fiveMb(String(i)),
        startLine: 1,
      });
      await ask(h, `選択 ${i + 1} について`, [h.of('attachments').at(-1)!.items[0].id]);
    }
    await h.history.flush();
    const id = h.session.snapshot().currentConversationId!;
    const stored = h.history.get(id)!.messages.filter((m) => m.role === 'user');
    assert.equal(stored.length, 3);
    assert.ok(
      stored.every((m) => m.attachments![0].text.length <= 400_000 && m.attachments![0].totalChars === 5_000_000),
    );
    assert.ok(h.history.conversationBytes(id) <= 2_000_000, `${h.history.conversationBytes(id)} bytes`);
    assert.ok(h.disk.stored <= 4_000_000, `${h.disk.stored} bytes on disk`);
    assert.equal(h.history.list().length, 4, 'no other conversation went');
    assert.deepEqual(
      h.of('note').map((n) => n.message),
      [0, 1, 2].map((i) => `cut big${i}.ts 399988/5000000 chars, 10257/128206 lines`),
    );
  });

  it('refuses a question that would take its conversation over the cap, before sending, keeping the chips', async () => {
    const h = harness({ limits: { maxConversationBytes: 1_000_000 } });
    const attachThenAsk = async (i: number) => {
      h.session.attach({ kind: 'file', name: `f${i}.ts`, language: 'typescript', text: fiveMb(`f${i}`) });
      await ask(
        h,
        `ファイル ${i}`,
        h
          .of('attachments')
          .at(-1)!
          .items.map((a) => a.id),
      );
    };
    await attachThenAsk(1);
    await attachThenAsk(2);
    const requests = h.client.requests.length;
    await attachThenAsk(3);
    assert.equal(h.client.requests.length, requests, 'nothing was sent');
    assert.match(h.of('error').at(-1)!.message, /^history full \d+\/1000000$/);
    assert.equal(h.of('draft').at(-1)!.text, 'ファイル 3');
    assert.equal(h.of('attachments').at(-1)!.items.length, 1, 'the chip stays for the person to remove');
    assert.equal(h.history.get(h.session.snapshot().currentConversationId!)!.messages.length, 4);
  });

  it('names the conversations it removes to stay within the total cap, in the panel', async () => {
    const h = harness({ limits: { maxConversations: 2 } });
    for (const text of ['一つ目', '二つ目', '三つ目']) {
      await h.session.receive({ type: 'newChat' });
      await ask(h, text);
    }
    assert.deepEqual(
      h.of('note').map((n) => [n.conversationId, n.message]),
      [[null, 'evicted 一つ目']],
    );
  });
});

describe('chat session: the header', () => {
  it("sends only the header when the model's phase changes, not the conversation again", async () => {
    const h = harness();
    await ask(h, '質問');
    const before = h.posted.length;
    h.session.refreshHeader();
    assert.deepEqual(
      h.posted.slice(before).map((m) => m.type),
      ['header'],
    );
  });
});
