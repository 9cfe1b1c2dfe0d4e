/**
 * What the chat history writes: bytes handed to storage per message in a 200-message conversation, and what
 * three 5 MB selections do to the history (through the chat session, as "Ask about Selection" does).
 * Not a test (it prints figures). Run after `npx tsc -p .`:
 *   node out/test/bench/history-bench.js
 */
import { HistoryStore } from '../../extension/chat/history-store.js';
import { MemoryDisk } from '../unit/chat/memory-disk.js';
import { ask, harness } from '../unit/chat/session-fakes.js';

const question = (i: number) => `質問 ${i}: この関数の型エラーを直したい。`.repeat(8);
const answer = (i: number) =>
  `答え ${i}: まず型注釈を確認します。\n\n\`\`\`ts\nconst x: number = ${i};\n\`\`\`\n`.repeat(12);

async function perMessage(): Promise<void> {
  const disk = new MemoryDisk();
  const history = new HistoryStore(disk);
  const { id } = await history.create();
  const costs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const before = disk.written;
    if (i % 2 === 0) await history.append(id, { role: 'user', text: question(i) });
    else await history.updateLastAssistant(id, answer(i));
    costs.push(disk.written - before);
  }
  const last10 = costs.slice(-10);
  console.log(
    `200-message conversation: ${disk.stored} bytes stored; bytes written for message 200: ${costs[199]} ` +
      `(the message itself: ${Buffer.byteLength(answer(199))}); average of the last 10: ${Math.round(last10.reduce((a, b) => a + b, 0) / last10.length)}; total written: ${disk.written}`,
  );
}

async function threeSelections(): Promise<void> {
  const h = harness();
  for (let i = 0; i < 5; i++) {
    await h.session.receive({ type: 'newChat' });
    await ask(h, `他の会話 ${i}`);
  }
  await h.session.receive({ type: 'newChat' });
  const line = 'const value = computeSomething(input); // 5 MB の選択範囲\n';
  const selection = line.repeat(Math.ceil(5_000_000 / line.length)).slice(0, 5_000_000);
  const outcomes: string[] = [];
  // Three different selections, then more until the history says no.
  for (let i = 0; i < 6 && !outcomes.some((o) => o.startsWith('refused')); i++) {
    h.session.attach({
      kind: 'selection',
      name: `big${i}.ts`,
      language: 'typescript',
      text: `// ${i}\n${selection}`,
      startLine: 1,
    });
    const id = h.of('attachments').at(-1)!.items[0].id;
    const errors = h.of('error').length;
    await ask(h, `選択 ${i + 1} について`, [id]);
    outcomes.push(h.of('error').length > errors ? `refused ("${h.of('error').at(-1)!.message}")` : 'sent and stored');
  }
  await h.history.flush();
  const current = h.session.snapshot().currentConversationId!;
  const notes = h.of('note').map((n) => n.message);
  console.log(
    `5 MB selections, one per question: ${outcomes.map((o, i) => `${i + 1}: ${o}`).join('; ')}; history now ${h.disk.stored} bytes on disk; this conversation ${h.history.conversationBytes(current)} bytes; ` +
      `other conversations left: ${h.history.list().length - 1} of 5; notes in the panel: ${JSON.stringify([...new Set(notes)])}`,
  );
}

await perMessage();
await threeSelections();
