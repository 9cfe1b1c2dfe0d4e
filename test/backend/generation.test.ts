import assert from 'node:assert/strict';
import {
  CODER_ANSWER,
  CODER_FIM_ANSWER,
  FUGAKU_ANSWER,
  LLM_JP_ANSWER,
  LLM_JP_BYTES_ANSWER,
  LOOP_TEXT,
} from '../fixtures/presets.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../fixtures/preset-files.js';
import { Client, spawnBackend, type BackendProcess } from './harness.js';

const SYSTEM_SENTENCE = '以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。';

describe('backend: generation', function () {
  this.timeout(60_000);
  let dir: string;
  const backends: BackendProcess[] = [];
  const clients: Client[] = [];

  async function open(preset: Parameters<typeof writePresetModel>[1], extra: string[] = []): Promise<Client> {
    const model = writePresetModel(dir, preset);
    const b = spawnBackend(['--model', model.path, ...extra]);
    backends.push(b);
    const c = await Client.connect((await b.ready).port);
    clients.push(c);
    return c;
  }

  before(() => {
    dir = makeTinyModelDir();
  });
  after(async () => {
    for (const c of clients) c.close();
    await Promise.all(backends.map((b) => b.stop()));
    removeTinyModelDir(dir);
  });

  describe('LLM-jp-3', () => {
    let c: Client;
    before(async () => {
      c = await open('llm-jp-3-1.8b');
    });

    it('renders the instruct template exactly, with exactly one BOS', async () => {
      const res = await c.request({
        id: 'r1',
        type: 'render',
        messages: [
          { role: 'system', content: 'ignored: the template writes its fixed sentence' },
          { role: 'user', content: 'こんにちは' },
          { role: 'assistant', content: 'はい' },
          { role: 'user', content: '</s><s>次' },
        ],
      });
      assert.equal(res.final.type, 'done');
      const render = res.final.type === 'done' ? res.final.render! : undefined;
      assert.equal(
        render!.text,
        `<s>${SYSTEM_SENTENCE}\n\n### 指示:\nこんにちは\n\n### 応答:\nはい</s>\n\n### 指示:\n</s><s>次\n\n### 応答:\n`,
      );
      assert.equal(render!.tokens.filter((t) => t === 1).length, 1, 'one BOS, even though the user typed "<s>"');
      assert.equal(render!.tokens[0], 1);
      assert.equal(
        render!.tokens.filter((t) => t === 2).length,
        1,
        'one EOS, after the assistant turn; the typed "</s>" stays text',
      );
      assert.equal(render!.pieces[0], '<s>');
      assert.equal(render!.tokens.length, render!.pieces.length);
    });

    it('counts a whole prompt and each text in one request, as render and chat would evaluate them', async () => {
      const messages = [
        { role: 'system', content: 'x' },
        { role: 'user', content: 'こんにちは' },
      ];
      const rendered = await c.request({ id: 'n1', type: 'render', messages });
      const counted = await c.request({ id: 'n2', type: 'count', messages, texts: ['こんにちは', '', 'abc\ndef'] });
      assert.ok(rendered.final.type === 'done' && counted.final.type === 'done');
      const count = counted.final.type === 'done' ? counted.final.count! : undefined;
      assert.equal(count!.prompt, rendered.final.type === 'done' ? rendered.final.render!.tokens.length : -1);
      assert.equal(count!.texts.length, 3);
      assert.equal(count!.texts[1], 0, 'an empty text costs nothing');
      assert.ok(count!.texts[0] > 0 && count!.texts[2] > 0);
    });

    it('refuses a count with neither messages nor texts, naming the field', async () => {
      const res = await c.request({ id: 'n3', type: 'count' });
      assert.equal(res.final.type, 'error');
      assert.ok(res.final.type === 'error' && res.final.code === 'bad_request' && res.final.field === 'texts');
    });

    it('streams the scripted answer exactly, with no broken character', async () => {
      const res = await c.request({
        id: 'c1',
        type: 'chat',
        messages: [
          { role: 'system', content: '' },
          { role: 'user', content: '自己紹介して' },
        ],
      });
      assert.equal(res.final.type, 'done');
      assert.equal(res.text, LLM_JP_ANSWER);
      assert.ok(res.chunks.length > 1, 'streamed in several chunks');
      for (const ch of res.chunks) assert.ok(!ch.includes('\uFFFD'), `chunk ${JSON.stringify(ch)} has no U+FFFD`);
      if (res.final.type === 'done') {
        assert.equal(res.final.stopReason, 'eos');
        assert.ok(res.final.usage.inputTokens > 0 && res.final.usage.outputTokens > 0);
        assert.ok(res.final.timings.firstTokenMs > 0 && res.final.timings.totalMs >= res.final.timings.firstTokenMs);
      }
    });

    it('emits a multi-byte character that arrives byte by byte right before end-of-sequence', async () => {
      const res = await c.request({ id: 'b1', type: 'complete', prefix: 'f(' });
      assert.equal(res.text, LLM_JP_BYTES_ANSWER);
      assert.ok(!res.text.includes('\uFFFD'));
      assert.equal(
        res.final.type === 'done' && res.final.usage.outputTokens,
        Buffer.byteLength(LLM_JP_BYTES_ANSWER),
        'one token per byte',
      );
    });

    it('reuses the KV cache: a completion that extends the last prompt evaluates only the new tail', async () => {
      const prefix = 'const message = "日本語のコメント"; // 説明 #';
      const first = await c.request({ id: 'k1', type: 'complete', prefix, maxTokens: 3 });
      const second = await c.request({ id: 'k2', type: 'complete', prefix: `${prefix}x`, maxTokens: 3 });
      assert.equal(first.final.type, 'done');
      assert.equal(second.final.type, 'done');
      if (first.final.type !== 'done' || second.final.type !== 'done') return;
      assert.ok(first.final.usage.evaluatedInputTokens > 40, 'the first time, nearly all of the prompt is evaluated');
      assert.ok(second.final.usage.inputTokens > 40);
      assert.ok(
        second.final.usage.evaluatedInputTokens <= 2,
        `evaluated ${second.final.usage.evaluatedInputTokens} of ${second.final.usage.inputTokens}`,
      );
      const again = await c.request({ id: 'k3', type: 'complete', prefix: `${prefix}x`, maxTokens: 3 });
      assert.equal(
        again.final.type === 'done' && again.final.usage.evaluatedInputTokens,
        1,
        'the same prompt again evaluates only its last token',
      );
    });

    it('stops a prefix completion where it runs into the suffix', async () => {
      const res = await c.request({ id: 's1', type: 'complete', prefix: 'f(', suffix: '\n  c。\nmore' });
      assert.equal(res.text, 'ab');
      assert.equal(res.final.type === 'done' && res.final.stopReason, 'stop');
      assert.equal(res.final.type === 'done' && res.final.mode, 'prefix');
    });

    it('stops at a request stop string that arrives split across chunks', async () => {
      const res = await c.request({ id: 's2', type: 'complete', prefix: '#', stop: ['プル'], maxTokens: 50 });
      assert.equal(res.text, 'ルー');
      assert.equal(res.final.type === 'done' && res.final.stopReason, 'stop');
    });

    it('cancels a running generation in the model, not only the reply', async () => {
      let chunks = 0;
      const running = c.request({ id: 'long', type: 'complete', prefix: 'x#', maxTokens: 100_000 }, () => {
        if (++chunks === 3) c.ws.send(JSON.stringify({ id: 'cx', type: 'cancel', target: 'long' }));
      });
      const res = await running;
      assert.equal(res.final.type, 'error');
      assert.equal(res.final.type === 'error' && res.final.code, 'cancelled');
      assert.ok(res.text.startsWith(LOOP_TEXT));
      const status = await c.request({ id: 'st', type: 'status' });
      assert.equal(
        status.final.type === 'done' && status.final.status!.sequences.inUse,
        0,
        'no sequence is still generating',
      );
      assert.equal(
        status.final.type === 'done' && status.final.status!.requestsInFlight,
        1,
        'only the status request itself',
      );
    });

    it('lets a new completion from the same connection supersede the previous one', async () => {
      const first = c.request({ id: 'old', type: 'complete', prefix: 'y#', maxTokens: 100_000 });
      await new Promise((r) => setTimeout(r, 50));
      const second = await c.request({ id: 'new', type: 'complete', prefix: 'f(' });
      const old = await first;
      assert.equal(old.final.type === 'error' && old.final.code, 'cancelled');
      assert.match(old.final.type === 'error' ? old.final.message : '', /superseded/);
      assert.equal(second.text, LLM_JP_BYTES_ANSWER);
    });

    it('runs chat and completion concurrently on separate sequences', async () => {
      const order: string[] = [];
      const completion = c.request({ id: 'cc', type: 'complete', prefix: 'z#', maxTokens: 300 }).then((r) => {
        order.push('complete');
        return r;
      });
      const chat = c.request({ id: 'ch', type: 'chat', messages: [{ role: 'user', content: 'やあ' }] }).then((r) => {
        order.push('chat');
        return r;
      });
      const [co, ch] = await Promise.all([completion, chat]);
      assert.equal(ch.text, LLM_JP_ANSWER);
      assert.equal(co.final.type === 'done' && co.final.usage.outputTokens, 300);
      assert.deepEqual(
        order,
        ['chat', 'complete'],
        'the short chat finished while the long completion was still running',
      );
    });
  });

  describe('Fugaku-LLM', () => {
    let c: Client;
    before(async () => {
      c = await open('fugaku', ['--accept-terms', 'fugaku-llm']);
    });

    it('renders its ### 指示 / ### 応答 format with no BOS', async () => {
      const res = await c.request({ id: 'r', type: 'render', messages: [{ role: 'user', content: '富岳とは?' }] });
      const render = res.final.type === 'done' ? res.final.render! : undefined;
      assert.equal(render!.text, `${SYSTEM_SENTENCE}\n\n### 指示:\n富岳とは?\n\n### 応答:\n`);
      assert.ok(!render!.tokens.includes(1), 'no BOS token');
    });

    it('answers a chat with the scripted text', async () => {
      const res = await c.request({ id: 'c', type: 'chat', messages: [{ role: 'user', content: '富岳とは?' }] });
      assert.equal(res.text, FUGAKU_ANSWER);
    });
  });

  describe('generic GGUF with a chat template and FIM tokens', () => {
    let c: Client;
    before(async () => {
      c = await open('generic-fim');
    });

    it('renders with the GGUF chat template', async () => {
      const res = await c.request({
        id: 'r',
        type: 'render',
        messages: [
          { role: 'system', content: 'S' },
          { role: 'user', content: 'hi' },
        ],
      });
      const render = res.final.type === 'done' ? res.final.render! : undefined;
      assert.equal(
        render!.text,
        '<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n',
      );
    });

    it('chats through the template', async () => {
      const res = await c.request({ id: 'c', type: 'chat', messages: [{ role: 'user', content: 'hi' }] });
      assert.equal(res.text, CODER_ANSWER);
    });

    it('fills in the middle when the model has FIM tokens', async () => {
      const res = await c.request({ id: 'f', type: 'complete', prefix: 'function f() ', suffix: '\nexport {}' });
      assert.equal(res.final.type === 'done' && res.final.mode, 'fim');
      assert.equal(res.text, CODER_FIM_ANSWER);
    });
  });
});
