/**
 * What the chat history writes: bytes handed to storage per message in a 200-message conversation, and what
 * three 5 MB selections do to the history. Not a test (it prints figures). Run after `npx tsc -p .`:
 *   node out/test/bench/history-bench.js
 */
import { HistoryStore, type KeyValueStore } from "../../extension/chat/history-store.js";

/** Like workspaceState, counting the JSON each update hands over. */
class CountingStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  written = 0;
  get(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) { this.data.delete(key); return; }
    const text = JSON.stringify(value);
    this.written += Buffer.byteLength(text);
    this.data.set(key, text);
  }
  get stored(): number {
    let total = 0;
    for (const text of this.data.values()) total += Buffer.byteLength(text);
    return total;
  }
}

const question = (i: number) => `質問 ${i}: この関数の型エラーを直したい。`.repeat(8);
const answer = (i: number) => `答え ${i}: まず型注釈を確認します。\n\n\`\`\`ts\nconst x: number = ${i};\n\`\`\`\n`.repeat(12);

async function perMessage(): Promise<void> {
  const kv = new CountingStore();
  const history = new HistoryStore(kv);
  const { id } = await history.create();
  const costs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const before = kv.written;
    if (i % 2 === 0) await history.append(id, { role: "user", text: question(i) });
    else await history.updateLastAssistant(id, answer(i));
    costs.push(kv.written - before);
  }
  const last10 = costs.slice(-10);
  console.log(`200-message conversation: ${kv.stored} bytes stored; bytes written for message 200: ${costs[199]}; ` +
    `average of the last 10: ${Math.round(last10.reduce((a, b) => a + b, 0) / last10.length)}; total written: ${kv.written}`);
}

async function threeSelections(): Promise<void> {
  const kv = new CountingStore();
  const history = new HistoryStore(kv);
  for (let i = 0; i < 5; i++) {
    const c = await history.create();
    await history.append(c.id, { role: "user", text: `他の会話 ${i}` });
    await history.updateLastAssistant(c.id, "答え");
  }
  const big = await history.create();
  const line = "const value = computeSomething(input); // 5 MB の選択範囲\n";
  const selection = line.repeat(Math.ceil(5_000_000 / line.length)).slice(0, 5_000_000);
  const outcomes: string[] = [];
  for (let i = 0; i < 3; i++) {
    try {
      await history.append(big.id, { role: "user", text: `選択 ${i + 1} について`, attachments: [{ kind: "selection", name: `big${i}.ts`, language: "typescript", text: selection, startLine: 1 }] });
      await history.updateLastAssistant(big.id, "答え");
      outcomes.push("stored");
    } catch (e) {
      outcomes.push(`refused: ${(e as Error).message}`);
    }
  }
  const others = history.list().filter((c) => c.id !== big.id).length;
  console.log(`three 5 MB selections: ${outcomes.join("; ")}; history now ${kv.stored} bytes; ` +
    `other conversations left: ${others} of 5; the conversation keeps ${history.get(big.id)?.messages.length ?? 0} messages`);
}

await perMessage();
await threeSelections();
