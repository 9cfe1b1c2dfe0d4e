// The local engine's side of the issue-14 protocol against a fake backend speaking it (a real WebSocket
// server): `progress` events reach the chat call's onProgress before the text, `prefill` is sent as the
// contract says and ends with its done, and streamAnswer turns progress into tokens read and time left.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DoneEvent } from '../../../protocol/messages.js';
import { BackendClient } from '../../../extension/engine/local/backend-client.js';
import { refusesPrefill } from '../../../extension/engine/local/local-engine.js';
import { EngineError } from '../../../extension/engine/engine-error.js';
import type { ChatCall, EvaluationProgress } from '../../../extension/engine/engine.js';
import { ReadingProgress, type ReadingView } from '../../../extension/engine/reading-progress.js';
import { streamAnswer } from '../../../extension/engine/stream-answer.js';
import { TextStream } from '../../../extension/engine/text-stream.js';

type Received = Record<string, unknown> & { id: string; type: string };

async function fakeBackend(answer: (req: Received, ws: WebSocket) => void) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const received: Received[] = [];
  server.on('connection', (ws) =>
    ws.on('message', (data) => {
      const req = JSON.parse((data as Buffer).toString('utf8')) as Received;
      received.push(req);
      answer(req, ws);
    }),
  );
  const client = new BackendClient();
  await client.attach({ port: (server.address() as AddressInfo).port, token: 't' });
  return {
    client,
    received,
    close: () => {
      client.detach('done');
      server.close();
    },
  };
}

const done = (id: string, more: Partial<DoneEvent> = {}): string =>
  JSON.stringify({
    id,
    type: 'done',
    stopReason: 'eos',
    usage: { inputTokens: 3400, evaluatedInputTokens: 3400, outputTokens: 2 },
    timings: { firstTokenMs: 9000, totalMs: 9200, queuedMs: 12 },
    throughput: { promptTokensPerSecond: 137, decodeTokensPerSecond: 11 },
    ...more,
  });

describe('local engine: progress and prefill (issue 14 protocol)', () => {
  it('routes progress events to the chat call, before the text; done carries throughput and queue time', async () => {
    const b = await fakeBackend((req, ws) => {
      if (req.type !== 'chat') return;
      for (const n of [512, 1024])
        ws.send(JSON.stringify({ id: req.id, type: 'progress', evaluatedTokens: n, totalTokens: 3400 }));
      ws.send(JSON.stringify({ id: req.id, type: 'chunk', text: '答え' }));
      ws.send(done(req.id));
    });
    try {
      const seen: Array<EvaluationProgress | string> = [];
      const stream = b.client.chat(
        { messages: [{ role: 'user', content: 'q' }], lane: 'chat', predictFrom: 'input' },
        undefined,
        (p) => seen.push(p),
      );
      for await (const text of stream) seen.push(text);
      const end = await stream.done;
      assert.deepEqual(seen, [
        { evaluatedTokens: 512, totalTokens: 3400 },
        { evaluatedTokens: 1024, totalTokens: 3400 },
        '答え',
      ]);
      assert.deepEqual(end.throughput, { promptTokensPerSecond: 137, decodeTokensPerSecond: 11 });
      assert.equal(end.timings.queuedMs, 12);
      assert.equal(b.received[0].predictFrom, 'input', 'predictFrom travels with the chat request');
      assert.equal('onProgress' in b.received[0], false);
    } finally {
      b.close();
    }
  });

  it('sends prefill as {type, prefix, suffix} and resolves with its done; aborting sends a cancel', async () => {
    const b = await fakeBackend((req, ws) => {
      if (req.type === 'prefill' && req.prefix === 'const a')
        ws.send(
          done(req.id, { stopReason: 'none', usage: { inputTokens: 4, evaluatedInputTokens: 4, outputTokens: 0 } }),
        );
      if (req.type === 'cancel')
        ws.send(JSON.stringify({ id: req.target, type: 'error', code: 'cancelled', message: 'cancelled' }));
    });
    try {
      const end = await b.client.prefill({ prefix: 'const a', suffix: '' }).done;
      assert.equal(end.stopReason, 'none');
      assert.equal(end.usage.evaluatedInputTokens, 4);
      assert.deepEqual(
        { type: b.received[0].type, prefix: b.received[0].prefix, suffix: b.received[0].suffix },
        { type: 'prefill', prefix: 'const a', suffix: '' },
      );
      const abort = new AbortController();
      const pending = b.client.prefill({ prefix: 'never answered' }, abort.signal).done;
      abort.abort();
      await assert.rejects(pending, (e: unknown) => (e as EngineError).code === 'cancelled');
      assert.equal(b.received.at(-1)?.type, 'cancel');
    } finally {
      b.close();
    }
  });

  it("knows an older backend's refusal of the request type (then it stops asking)", () => {
    assert.equal(
      refusesPrefill(new EngineError('bad_request', 'unknown request type "prefill"; expected one of chat, complete')),
      true,
    );
    assert.equal(refusesPrefill(new EngineError('bad_request', '"prefix" must be a string')), false);
    assert.equal(refusesPrefill(new EngineError('cancelled', 'superseded')), false);
  });
});

describe('reading progress: tokens read and time left', () => {
  it('estimates the seconds left from the speed between reports; none from a single report', () => {
    let now = 0;
    const p = new ReadingProgress(() => now);
    assert.deepEqual(p.update({ evaluatedTokens: 512, totalTokens: 3400 }), {
      evaluatedTokens: 512,
      totalTokens: 3400,
      secondsLeft: undefined,
    });
    now = 2000; // 688 tokens in 2 s: 344 tokens/s, 2200 left
    assert.deepEqual(p.update({ evaluatedTokens: 1200, totalTokens: 3400 }), {
      evaluatedTokens: 1200,
      totalTokens: 3400,
      secondsLeft: 7,
    });
    now = 2010;
    assert.equal(p.update({ evaluatedTokens: 0, totalTokens: 500 }).secondsLeft, undefined, 'a new prompt starts over');
  });

  it('streamAnswer reports reading before the first words and never after', async () => {
    const views: ReadingView[] = [];
    const calls: ChatCall[] = [];
    const engine = {
      chat(call: ChatCall) {
        calls.push(call);
        const s = new TextStream('s');
        const tick = () => new Promise((r) => setImmediate(r));
        void (async () => {
          call.onProgress?.({ evaluatedTokens: 100, totalTokens: 300 });
          await tick();
          s.push('a');
          await tick();
          call.onProgress?.({ evaluatedTokens: 300, totalTokens: 300 }); // out of order: after the first words
          s.finish({
            stopReason: 'eos',
            usage: { inputTokens: 300, evaluatedInputTokens: 300, outputTokens: 1 },
            timings: { firstTokenMs: 1, totalMs: 2 },
          });
        })();
        return s;
      },
    };
    const outcome = await streamAnswer(
      engine,
      { messages: [{ role: 'user', content: 'q' }] },
      new AbortController().signal,
      () => undefined,
      (v) => views.push(v),
    );
    assert.equal(outcome.kind, 'finished');
    assert.deepEqual(
      views.map((v) => v.evaluatedTokens),
      [100],
    );
    const plain = await streamAnswer(
      engine,
      { messages: [{ role: 'user', content: 'q' }] },
      new AbortController().signal,
    );
    assert.equal(plain.kind, 'finished');
    assert.equal(calls[1].onProgress, undefined, 'no progress asked for, none passed on');
  });
});
