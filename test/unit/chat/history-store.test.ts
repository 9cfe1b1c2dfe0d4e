import assert from "node:assert/strict";
import type { Memento } from "vscode";
import { conversationKey, HistoryStore, INDEX_KEY, type HistoryOptions, type KeyValueStore } from "../../../extension/chat/history-store.js";

// Compile-time check: VS Code's workspaceState can be passed as it is (type only, vscode is not loaded).
const acceptsMemento = (memento: Memento): KeyValueStore => memento;
void acceptsMemento;

/** Like workspaceState: values go through JSON, undefined removes the key. */
class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  failNext = false;
  get(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("disk full");
    }
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
  }
}

function setup(options: HistoryOptions = {}, kv = new MemoryStore()) {
  let clock = 1000;
  let ids = 0;
  const history = new HistoryStore(kv, { now: () => clock++, newId: () => `c${++ids}`, ...options });
  return { kv, history };
}

describe("chat history store", () => {
  it("creates an untitled conversation and titles it from the first question", async () => {
    const { history } = setup();
    const created = await history.create();
    assert.deepEqual(history.list(), [{ id: "c1", title: "新しいチャット", updatedAt: created.updatedAt, messageCount: 0 }]);
    await history.append("c1", { role: "user", text: "  TypeScript の型エラーを\n直したい  " });
    await history.updateLastAssistant("c1", "まず");
    await history.append("c1", { role: "user", text: "二つ目の質問" });
    assert.equal(history.get("c1")?.title, "TypeScript の型エラーを 直したい");
  });

  it("updates the answer being written in place, or adds it", async () => {
    const { history } = setup();
    await history.create();
    await history.append("c1", { role: "user", text: "質問" });
    await history.updateLastAssistant("c1", "途中");
    await history.updateLastAssistant("c1", "途中まで書いた答え");
    assert.deepEqual(history.get("c1")?.messages.map((m) => [m.role, m.text]), [["user", "質問"], ["assistant", "途中まで書いた答え"]]);
  });

  it("keeps attachments with a question", async () => {
    const { history } = setup();
    await history.create();
    const attachments = [{ kind: "selection" as const, name: "a.ts", language: "typescript", text: "x", startLine: 3 }];
    await history.append("c1", { role: "user", text: "説明して", attachments });
    assert.deepEqual(history.get("c1")?.messages[0].attachments, attachments);
  });

  it("keeps a file's cursor and outline across a restart (regenerate cuts it the same way), and drops malformed ones", async () => {
    const kv = new MemoryStore();
    const { history } = setup({}, kv);
    await history.create();
    const file = {
      kind: "file" as const, name: "a.ts", language: "typescript", text: "import x from 'x';\nfunction f() {\n  return 1;\n}",
      cursor: { line: 3, declaration: { start: 2, end: 4, name: "f" } }, outline: [{ line: 1, kind: "import" as const }, { line: 2, kind: "signature" as const }],
    };
    await history.append("c1", { role: "user", text: "説明して", attachments: [file] });
    await history.updateLastAssistant("c1", "答え", { model: "llm-jp-3-1.8b-instruct" });
    const reopened = new HistoryStore(kv);
    assert.deepEqual(reopened.get("c1")?.messages[0].attachments, [file]);
    assert.equal(reopened.get("c1")?.messages[1].model, "llm-jp-3-1.8b-instruct");

    const stored = kv.get("fude.chat.history.conversation.c1") as { messages: Array<{ attachments?: unknown[] }> };
    stored.messages[0].attachments = [{ ...file, cursor: { line: -1 }, outline: [{ line: 2, kind: "body" }, { line: 0, kind: "import" }] }];
    await kv.update("fude.chat.history.conversation.c1", stored);
    const { cursor, outline, ...plain } = file;
    void cursor; void outline;
    assert.deepEqual(new HistoryStore(kv).get("c1")?.messages[0].attachments, [plain]);
  });

  it("lists the most recently used first", async () => {
    const { history } = setup();
    await history.create();
    await history.create();
    await history.create();
    assert.deepEqual(history.list().map((c) => c.id), ["c3", "c2", "c1"]);
    await history.append("c1", { role: "user", text: "戻ってきた" });
    assert.deepEqual(history.list().map((c) => c.id), ["c1", "c3", "c2"]);
  });

  it("renames without reordering, and keeps a typed title when the first question comes later", async () => {
    const { history } = setup();
    await history.create();
    await history.create();
    await history.rename("c1", "  設計\nメモ ");
    assert.deepEqual(history.list().map((c) => [c.id, c.title]), [["c2", "新しいチャット"], ["c1", "設計 メモ"]]);
    await history.append("c1", { role: "user", text: "最初の質問" });
    assert.equal(history.get("c1")?.title, "設計 メモ");
    await history.rename("c1", "   ");
    assert.equal(history.get("c1")?.title, "設計 メモ");
  });

  it("truncates for regenerate and edit-and-resend", async () => {
    const { history } = setup();
    await history.create();
    for (const text of ["q1", "a1", "q2", "a2"]) await history.append("c1", { role: text.startsWith("q") ? "user" : "assistant", text });
    await history.truncate("c1", 2);
    assert.deepEqual(history.get("c1")?.messages.map((m) => m.text), ["q1", "a1"]);
  });

  it("deletes a conversation and its key", async () => {
    const { history, kv } = setup();
    await history.create();
    await history.create();
    assert.equal(await history.delete("c1"), true);
    assert.equal(await history.delete("c1"), false);
    assert.deepEqual(history.list().map((c) => c.id), ["c2"]);
    assert.equal(kv.data.has(conversationKey("c1")), false);
    assert.equal(history.get("c1"), undefined);
  });

  it("answers undefined for unknown conversations", async () => {
    const { history } = setup();
    assert.equal(await history.append("nope", { role: "user", text: "x" }), undefined);
    assert.equal(await history.updateLastAssistant("nope", "x"), undefined);
    assert.equal(await history.rename("nope", "x"), undefined);
  });

  it("survives a restart", async () => {
    const { history, kv } = setup();
    await history.create();
    await history.append("c1", { role: "user", text: "保存される?" });
    await history.updateLastAssistant("c1", "はい");
    await history.create();
    const reopened = new HistoryStore(kv);
    assert.deepEqual(reopened.list(), history.list());
    assert.deepEqual(reopened.get("c1"), history.get("c1"));
  });

  it("hands out copies, so callers cannot change what is stored", async () => {
    const { history } = setup();
    const created = await history.create();
    created.messages.push({ role: "user", text: "sneaky", createdAt: 0 });
    const got = history.get("c1");
    got?.messages.push({ role: "user", text: "sneaky", createdAt: 0 });
    assert.equal(history.get("c1")?.messages.length, 0);
  });

  it("evicts the least recently used over the count cap, keys included", async () => {
    const { history, kv } = setup({ maxConversations: 3 });
    for (let i = 0; i < 5; i++) await history.create();
    assert.deepEqual(history.list().map((c) => c.id), ["c5", "c4", "c3"]);
    assert.equal(kv.data.has(conversationKey("c1")), false);
    assert.equal(kv.data.has(conversationKey("c2")), false);
  });

  it("evicts over the size cap, but never the conversation being written", async () => {
    const { history } = setup({ maxTotalChars: 3000 });
    await history.create();
    await history.append("c1", { role: "user", text: "古い".repeat(800) });
    await history.create();
    await history.append("c2", { role: "user", text: "新しい".repeat(500) });
    assert.deepEqual(history.list().map((c) => c.id), ["c2"]);
    await history.append("c2", { role: "assistant", text: "長い答え".repeat(1000) });
    assert.deepEqual(history.list().map((c) => c.id), ["c2"]);
    assert.equal(history.get("c2")?.messages.length, 2);
  });

  it("ignores unreadable stored data instead of failing", async () => {
    const kv = new MemoryStore();
    kv.data.set(INDEX_KEY, JSON.stringify("garbage"));
    assert.deepEqual(new HistoryStore(kv).list(), []);

    const index = { version: 1, entries: [
      { id: "ok", title: "読める", createdAt: 1, updatedAt: 2, messageCount: 2, size: 10 },
      { id: "gone", title: "消えた", createdAt: 1, updatedAt: 3, messageCount: 0, size: 10 },
      { id: 42, title: "bad" },
    ] };
    kv.data.set(INDEX_KEY, JSON.stringify(index));
    kv.data.set(conversationKey("ok"), JSON.stringify({
      id: "ok", title: "読める", createdAt: 1, updatedAt: 2,
      messages: [{ role: "user", text: "q", createdAt: 1 }, { role: "system", text: "injected" }, { role: "assistant", text: 5 }],
    }));
    const history = new HistoryStore(kv);
    assert.deepEqual(history.list().map((c) => c.id), ["gone", "ok"]);
    assert.equal(history.get("gone"), undefined);
    assert.deepEqual(history.list().map((c) => c.id), ["ok"]);
    assert.deepEqual(history.get("ok")?.messages, [{ role: "user", text: "q", createdAt: 1 }]);
  });

  it("reports a failed write to its caller and keeps writing afterwards", async () => {
    const { history, kv } = setup();
    await history.create();
    kv.failNext = true;
    await assert.rejects(history.append("c1", { role: "user", text: "x" }), /disk full/);
    await history.append("c1", { role: "user", text: "y" });
    await history.flush();
    assert.deepEqual(new HistoryStore(kv).get("c1")?.messages.map((m) => m.text), ["x", "y"]);
  });
});
