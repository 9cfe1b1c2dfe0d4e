import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeHistoryDisk } from '../../../extension/chat/history-disk.js';
import { migrateV1History, V1_INDEX_KEY, v1ConversationKey } from '../../../extension/chat/history-migrate.js';
import { blobFile, INDEX_FILE, logFile } from '../../../extension/chat/history-records.js';
import {
  CUT_MARK,
  HistoryFullError,
  HistoryStore,
  type Evicted,
  type HistoryOptions,
} from '../../../extension/chat/history-store.js';
import { MemoryDisk } from './memory-disk.js';
import { MemoryStore } from './session-fakes.js';

function setup(options: HistoryOptions = {}, disk = new MemoryDisk()) {
  let clock = 1000;
  let ids = 0;
  const history = new HistoryStore(disk, { now: () => clock++, newId: () => `c${++ids}`, ...options });
  const evicted: Evicted[][] = [];
  history.onEvict((e) => evicted.push(e));
  return { disk, history, evicted };
}

const selection = (text: string, name = 'a.ts') => ({
  kind: 'selection' as const,
  name,
  language: 'typescript',
  text,
  startLine: 1,
});

describe('chat history store', () => {
  it('creates an untitled conversation and titles it from the first question', async () => {
    const { history } = setup();
    const created = await history.create();
    assert.deepEqual(history.list(), [
      { id: 'c1', title: '新しいチャット', updatedAt: created.updatedAt, messageCount: 0 },
    ]);
    await history.append('c1', { role: 'user', text: '  TypeScript の型エラーを\n直したい  ' });
    await history.updateLastAssistant('c1', 'まず');
    await history.append('c1', { role: 'user', text: '二つ目の質問' });
    assert.equal(history.get('c1')?.title, 'TypeScript の型エラーを 直したい');
  });

  it('updates the answer being written in place, or adds it', async () => {
    const { history } = setup();
    await history.create();
    await history.append('c1', { role: 'user', text: '質問' });
    await history.updateLastAssistant('c1', '途中');
    await history.updateLastAssistant('c1', '途中まで書いた答え');
    assert.deepEqual(
      history.get('c1')?.messages.map((m) => [m.role, m.text]),
      [
        ['user', '質問'],
        ['assistant', '途中まで書いた答え'],
      ],
    );
  });

  it('keeps attachments with a question', async () => {
    const { history } = setup();
    await history.create();
    const attachments = [{ kind: 'selection' as const, name: 'a.ts', language: 'typescript', text: 'x', startLine: 3 }];
    await history.append('c1', { role: 'user', text: '説明して', attachments });
    assert.deepEqual(history.get('c1')?.messages[0].attachments, attachments);
  });

  it("keeps a file's cursor and outline and an answer's model and cut mark across a restart (regenerate cuts it the same way), and drops malformed ones", async () => {
    const { history, disk } = setup();
    await history.create();
    const file = {
      kind: 'file' as const,
      name: 'a.ts',
      language: 'typescript',
      text: "import x from 'x';\nfunction f() {\n  return 1;\n}",
      cursor: { line: 3, declaration: { start: 2, end: 4, name: 'f' } },
      outline: [
        { line: 1, kind: 'import' as const },
        { line: 2, kind: 'signature' as const },
      ],
    };
    await history.append('c1', { role: 'user', text: '説明して', attachments: [file] });
    await history.updateLastAssistant('c1', '答え', { model: 'llm-jp-3-1.8b-instruct', cut: true });
    const reopened = new HistoryStore(disk);
    assert.deepEqual(reopened.get('c1')?.messages[0].attachments, [file]);
    assert.deepEqual(reopened.get('c1')?.messages[1], {
      role: 'assistant',
      text: '答え',
      createdAt: reopened.get('c1')!.messages[1].createdAt,
      model: 'llm-jp-3-1.8b-instruct',
      cut: true,
    });
    // Answered again in full: the mark goes, the model stays.
    await history.updateLastAssistant('c1', '答えの全文');
    assert.deepEqual(new HistoryStore(disk).get('c1')?.messages[1].cut, undefined);
    assert.equal(new HistoryStore(disk).get('c1')?.messages[1].model, 'llm-jp-3-1.8b-instruct');

    const log = disk.files.get(logFile('c1'))!.split('\n');
    const first = JSON.parse(log[0]) as { attachments: Array<Record<string, unknown>> };
    first.attachments = [
      {
        ...first.attachments[0],
        cursor: { line: -1 },
        outline: [
          { line: 2, kind: 'body' },
          { line: 0, kind: 'import' },
        ],
      },
    ];
    disk.files.set(logFile('c1'), [JSON.stringify(first), ...log.slice(1)].join('\n'));
    const { cursor, outline, ...plain } = file;
    assert.deepEqual(new HistoryStore(disk).get('c1')?.messages[0].attachments, [plain]);
  });

  it('lists the most recently used first', async () => {
    const { history } = setup();
    await history.create();
    await history.create();
    await history.create();
    assert.deepEqual(
      history.list().map((c) => c.id),
      ['c3', 'c2', 'c1'],
    );
    await history.append('c1', { role: 'user', text: '戻ってきた' });
    assert.deepEqual(
      history.list().map((c) => c.id),
      ['c1', 'c3', 'c2'],
    );
  });

  it('renames without reordering, and keeps a typed title when the first question comes later', async () => {
    const { history } = setup();
    await history.create();
    await history.create();
    await history.rename('c1', '  設計\nメモ ');
    assert.deepEqual(
      history.list().map((c) => [c.id, c.title]),
      [
        ['c2', '新しいチャット'],
        ['c1', '設計 メモ'],
      ],
    );
    await history.append('c1', { role: 'user', text: '最初の質問' });
    assert.equal(history.get('c1')?.title, '設計 メモ');
    await history.rename('c1', '   ');
    assert.equal(history.get('c1')?.title, '設計 メモ');
  });

  it('truncates for regenerate and edit-and-resend, also after a restart', async () => {
    const { history, disk } = setup();
    await history.create();
    for (const text of ['q1', 'a1', 'q2', 'a2'])
      await history.append('c1', { role: text.startsWith('q') ? 'user' : 'assistant', text });
    await history.truncate('c1', 2);
    assert.deepEqual(
      history.get('c1')?.messages.map((m) => m.text),
      ['q1', 'a1'],
    );
    await history.append('c1', { role: 'user', text: "q2'" });
    assert.deepEqual(
      new HistoryStore(disk).get('c1')?.messages.map((m) => m.text),
      ['q1', 'a1', "q2'"],
    );
  });

  it('deletes a conversation, its log and the attachment texts nothing else refers to', async () => {
    const { history, disk } = setup();
    await history.create();
    await history.append('c1', {
      role: 'user',
      text: 'q',
      attachments: [selection('only here'), selection('shared', 'b.ts')],
    });
    await history.create();
    await history.append('c2', { role: 'user', text: 'q', attachments: [selection('shared', 'b.ts')] });
    assert.equal(await history.delete('c1'), true);
    assert.equal(await history.delete('c1'), false);
    assert.deepEqual(
      history.list().map((c) => c.id),
      ['c2'],
    );
    assert.equal(disk.files.has(logFile('c1')), false);
    assert.deepEqual([...disk.files.keys()].filter((k) => k.startsWith('blobs/')).length, 1);
    assert.equal(history.get('c1'), undefined);
    assert.equal(new HistoryStore(disk).get('c2')?.messages[0].attachments?.[0].text, 'shared');
  });

  it('answers undefined for unknown conversations', async () => {
    const { history } = setup();
    assert.equal(await history.append('nope', { role: 'user', text: 'x' }), undefined);
    assert.equal(await history.updateLastAssistant('nope', 'x'), undefined);
    assert.equal(await history.rename('nope', 'x'), undefined);
  });

  it('survives a restart', async () => {
    const { history, disk } = setup();
    await history.create();
    await history.append('c1', { role: 'user', text: '保存される?', attachments: [selection('const a = 1;')] });
    await history.updateLastAssistant('c1', 'はい');
    await history.create();
    await history.rename('c2', '二つ目');
    const reopened = new HistoryStore(disk);
    assert.deepEqual(reopened.list(), history.list());
    assert.deepEqual(reopened.get('c1'), history.get('c1'));
    assert.deepEqual(reopened.get('c2'), history.get('c2'));
  });

  it('hands out copies, so callers cannot change what is stored', async () => {
    const { history } = setup();
    const created = await history.create();
    created.messages.push({ role: 'user', text: 'sneaky', createdAt: 0 });
    const got = history.get('c1');
    got?.messages.push({ role: 'user', text: 'sneaky', createdAt: 0 });
    assert.equal(history.get('c1')?.messages.length, 0);
  });

  it('evicts the least recently used over the count cap, files included, and says which', async () => {
    const { history, disk, evicted } = setup({ maxConversations: 3 });
    for (let i = 0; i < 5; i++) {
      const { id } = await history.create();
      await history.append(id, { role: 'user', text: `質問 ${i}` });
    }
    assert.deepEqual(
      history.list().map((c) => c.id),
      ['c5', 'c4', 'c3'],
    );
    assert.equal(disk.files.has(logFile('c1')), false);
    assert.equal(disk.files.has(logFile('c2')), false);
    assert.deepEqual(
      evicted.flat().map((e) => e.title),
      ['質問 0', '質問 1'],
    );
  });

  it('evicts others over the total cap and says which; never the conversation being written', async () => {
    const { history, evicted } = setup({ maxTotalBytes: 6000, maxConversationBytes: 5000 });
    await history.create();
    await history.append('c1', { role: 'user', text: '古い'.repeat(600) });
    await history.create();
    await history.append('c2', { role: 'user', text: '新しい'.repeat(300) });
    assert.deepEqual(
      history.list().map((c) => c.id),
      ['c2'],
    );
    assert.deepEqual(
      evicted.map((e) => e.map(({ id }) => id)),
      [['c1']],
    );
    assert.ok(evicted[0][0].title.startsWith('古い'));
    await history.append('c2', { role: 'assistant', text: '長い答え'.repeat(150) });
    assert.deepEqual(
      history.list().map((c) => c.id),
      ['c2'],
    );
    assert.equal(history.get('c2')?.messages.length, 2);
  });

  // Issue 13: "the conversation being written is never evicted, so one with three 5 MB selections reaches
  // 15 MB against a 2 MB cap while every other conversation is dropped".
  it('caps the conversation being written too: a message over its cap is refused, nothing else goes', async () => {
    const { history, disk, evicted } = setup({ maxConversationBytes: 100_000, maxTotalBytes: 400_000 });
    for (let i = 0; i < 3; i++) {
      const { id } = await history.create();
      await history.append(id, { role: 'user', text: `他の会話 ${i}` });
    }
    const big = await history.create();
    const text = 'const x = 1; // 選択\n'.repeat(2400); // ~55 KB each
    await history.append(big.id, { role: 'user', text: '一つ目', attachments: [selection(text, 'one.ts')] });
    await assert.rejects(
      history.append(big.id, { role: 'user', text: '二つ目', attachments: [selection(`${text}!`, 'two.ts')] }),
      HistoryFullError,
    );
    await history.flush();
    assert.ok(history.conversationBytes(big.id) <= 100_000, `${history.conversationBytes(big.id)} bytes`);
    assert.ok(disk.stored <= 400_000, `${disk.stored} bytes on disk`);
    assert.equal(history.list().length, 4);
    assert.deepEqual(evicted, []);
    assert.equal(history.get(big.id)?.messages.length, 1);
  });

  it('says before sending whether a question fits, counting a text already stored only once', async () => {
    const { history } = setup({ maxConversationBytes: 100_000 });
    const { id } = await history.create();
    const text = 'x'.repeat(40_000);
    await history.append(id, { role: 'user', text: 'q', attachments: [selection(text)] });
    assert.equal(history.room(id, { role: 'user', text: 'again', attachments: [selection(text)] }).fits, true);
    const other = history.room(id, { role: 'user', text: 'other', attachments: [selection('y'.repeat(70_000))] });
    assert.equal(other.fits, false);
    assert.equal(other.limit, 100_000);
    assert.ok(other.bytes > 110_000);
    assert.equal(
      history.room(id, { role: 'user', text: 'after truncating', attachments: [selection('y'.repeat(70_000))] }, 0)
        .fits,
      true,
    );
  });

  it("stores an attachment's text once however many questions refer to it", async () => {
    const { history, disk } = setup();
    const { id } = await history.create();
    const text = 'export const config = {};\n'.repeat(4000); // ~100 KB
    for (let i = 0; i < 5; i++) {
      await history.append(id, {
        role: 'user',
        text: `質問 ${i}`,
        attachments: [{ kind: 'file', name: 'config.ts', language: 'typescript', text }],
      });
      await history.updateLastAssistant(id, `答え ${i}`);
    }
    await history.flush();
    assert.ok(
      disk.stored < Buffer.byteLength(text) + 5000,
      `${disk.stored} bytes on disk for five questions about one 100 KB file`,
    );
    assert.equal(new HistoryStore(disk).get(id)?.messages.filter((m) => m.attachments?.[0].text === text).length, 5);
  });

  // Issue 13: "the whole conversation is re-serialized on every message".
  it('writes one message, not the whole conversation, in a 200-message conversation', async () => {
    const { history, disk } = setup();
    const { id } = await history.create();
    let last = 0;
    for (let i = 0; i < 200; i++) {
      const before = disk.written;
      if (i % 2 === 0)
        await history.append(id, { role: 'user', text: `質問 ${i}: この関数の型エラーを直したい。`.repeat(8) });
      else await history.updateLastAssistant(id, `答え ${i}: まず型注釈を確認します。\n`.repeat(12));
      last = disk.written - before;
    }
    const message = Buffer.byteLength(`答え 199: まず型注釈を確認します。\n`.repeat(12));
    assert.ok(last < message + 1000, `message 200 wrote ${last} bytes for a ${message}-byte message`);
    assert.equal(new HistoryStore(disk).get(id)?.messages.length, 200);
  });

  it('cuts an answer that would take the conversation over its cap, and says so', async () => {
    const { history } = setup({ maxConversationBytes: 20_000 });
    const { id } = await history.create();
    await history.append(id, { role: 'user', text: '長い答えを' });
    const saved = await history.updateLastAssistant(id, 'あ'.repeat(10_000));
    assert.equal(saved?.trimmed, true);
    assert.ok(saved.conversation.messages[1].text.endsWith(CUT_MARK));
    assert.ok(history.conversationBytes(id) <= 20_000);
    assert.equal((await history.updateLastAssistant(id, '短い'))?.trimmed, false);
  });

  it('ignores unreadable stored data instead of failing, and tidies files nothing refers to', async () => {
    const disk = new MemoryDisk();
    disk.files.set(INDEX_FILE, JSON.stringify('garbage'));
    assert.deepEqual(new HistoryStore(disk).list(), []);

    const index = {
      version: 1,
      entries: [
        { id: 'ok', title: '読める', createdAt: 1, updatedAt: 2, messageCount: 2, logBytes: 10, blobs: {} },
        { id: 'gone', title: '消えた', createdAt: 1, updatedAt: 3, messageCount: 1, logBytes: 10, blobs: {} },
        { id: '../../etc/passwd', title: 'bad', createdAt: 1, updatedAt: 4 },
        { id: 42, title: 'bad' },
      ],
    };
    disk.files.set(INDEX_FILE, JSON.stringify(index));
    disk.files.set(
      logFile('ok'),
      [
        JSON.stringify({ op: 'message', role: 'user', text: 'q', createdAt: 1 }),
        'not json',
        JSON.stringify({ op: 'message', role: 'system', text: 'injected' }),
        JSON.stringify({ op: 'message', role: 'assistant', text: 5 }),
        JSON.stringify({
          op: 'message',
          role: 'user',
          text: 'with a lost attachment',
          createdAt: 2,
          attachments: [{ kind: 'file', name: 'x', language: '', blob: '0'.repeat(64) }],
        }),
      ].join('\n'),
    );
    disk.files.set(logFile('stray'), '{}');
    disk.files.set(blobFile('f'.repeat(64)), 'stray');
    const history = new HistoryStore(disk);
    assert.deepEqual(
      history.list().map((c) => c.id),
      ['gone', 'ok'],
    );
    assert.equal(history.get('gone'), undefined);
    assert.deepEqual(
      history.list().map((c) => c.id),
      ['ok'],
    );
    assert.deepEqual(history.get('ok')?.messages, [
      { role: 'user', text: 'q', createdAt: 1 },
      { role: 'user', text: 'with a lost attachment', createdAt: 2, attachments: [] },
    ]);
    await history.tidy();
    assert.deepEqual([...disk.files.keys()].sort(), [INDEX_FILE, logFile('ok')].sort());
  });

  it('reports a failed write to its caller and writes the whole log again on the next change', async () => {
    const { history, disk } = setup();
    await history.create();
    disk.failNext = true;
    await assert.rejects(history.append('c1', { role: 'user', text: 'x' }), /disk full/);
    await history.append('c1', { role: 'user', text: 'y' });
    await history.flush();
    assert.deepEqual(
      new HistoryStore(disk).get('c1')?.messages.map((m) => m.text),
      ['x', 'y'],
    );
  });

  it("moves the first version's history out of workspaceState", async () => {
    const memento = new MemoryStore();
    await memento.update(V1_INDEX_KEY, { version: 1, entries: [{ id: 'old1' }, { id: 'old2' }, { id: 'lost' }] });
    await memento.update(v1ConversationKey('old1'), {
      id: 'old1',
      title: '古い会話',
      createdAt: 1,
      updatedAt: 5,
      messages: [
        {
          role: 'user',
          text: 'q',
          createdAt: 1,
          attachments: [
            selection('x'),
            { kind: 'file', name: 'f.ts', language: 'typescript', text: 'f()', cursor: { line: 1 } },
          ],
        },
        { role: 'assistant', text: '途中', createdAt: 2, model: 'llm-jp-3-1.8b-instruct', cut: true },
      ],
    });
    await memento.update(v1ConversationKey('old2'), {
      id: 'old2',
      title: 'もっと新しい',
      customTitle: true,
      createdAt: 2,
      updatedAt: 9,
      messages: [],
    });
    const { history, disk } = setup();
    const migrating = migrateV1History(memento, history);
    assert.equal(history.get('old1')?.title, '古い会話', 'held before the writes finish');
    assert.deepEqual(await migrating, { moved: 2, skipped: 1 });
    assert.deepEqual(
      history.list().map((c) => [c.id, c.title]),
      [
        ['old2', 'もっと新しい'],
        ['old1', '古い会話'],
      ],
    );
    assert.equal(memento.data.size, 0);
    const moved = new HistoryStore(disk).get('old1')!.messages;
    assert.equal(moved[0].attachments?.[0].text, 'x');
    assert.deepEqual(moved[0].attachments?.[1].cursor, { line: 1 });
    assert.deepEqual(
      [moved[1].model, moved[1].cut],
      ['llm-jp-3-1.8b-instruct', true],
      'an answer keeps its model and cut mark',
    );
  });
});

describe('chat history on disk', () => {
  it('keeps its files readable by the user only', async function () {
    // Windows has no POSIX modes (its ACLs already keep a profile's files to the user): nothing to check there.
    if (process.platform === 'win32') this.skip();
    const root = mkdtempSync(join(tmpdir(), 'fude-history-'));
    try {
      const history = new HistoryStore(new NodeHistoryDisk(join(root, 'chat-history')), { newId: () => 'c1' });
      await history.create();
      await history.append('c1', { role: 'user', text: '秘密のコード', attachments: [selection('const secret = 1;')] });
      await history.flush();
      assert.equal(statSync(join(root, 'chat-history')).mode & 0o777, 0o700);
      for (const name of [INDEX_FILE, logFile('c1')])
        assert.equal(statSync(join(root, 'chat-history', name)).mode & 0o777, 0o600, name);
      assert.match(readFileSync(join(root, 'chat-history', logFile('c1')), 'utf8'), /秘密のコード/);
      assert.equal(
        new HistoryStore(new NodeHistoryDisk(join(root, 'chat-history'))).get('c1')?.messages[0].attachments?.[0].text,
        'const secret = 1;',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
