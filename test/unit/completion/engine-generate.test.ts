import assert from 'node:assert/strict';
import type { CompleteRequest, DoneEvent } from '../../../protocol/messages.js';
import { isCancelled } from '../../../extension/engine/engine-error.js';
import {
  EngineGenerate,
  type CompleteClient,
  type GenerationRecord,
} from '../../../extension/completion/engine-generate.js';
import { TokenCalibration } from '../../../extension/completion/token-calibration.js';
import { roughTokenCount } from '../../../extension/completion/token-estimate.js';

type Body = Omit<CompleteRequest, 'id' | 'type'>;

function done(inputTokens: number, mode: 'fim' | 'prefix' = 'fim'): DoneEvent {
  return {
    id: 'r',
    type: 'done',
    stopReason: 'eos',
    usage: { inputTokens, evaluatedInputTokens: inputTokens, outputTokens: 2 },
    timings: { firstTokenMs: 5, totalMs: 9 },
    mode,
  };
}

/** A client answering every request with `chunks`, then `end` (a done event or an error). */
function fakeClient(chunks: string[], end: DoneEvent | Error, sent: Body[] = []): CompleteClient {
  return {
    complete(body) {
      sent.push(body);
      const finished = end instanceof Error ? Promise.reject(end) : Promise.resolve(end);
      finished.catch(() => undefined);
      return {
        done: finished,
        async *[Symbol.asyncIterator]() {
          for (const c of chunks) yield c;
          await finished;
        },
      };
    },
  };
}

const code = 'const value = compute(input, options);\n'.repeat(3);
const hints = { maxTokens: 64, languageId: 'typescript' };

describe('EngineGenerate', () => {
  it('streams the chunks, sends the budget and language, and counts the request', async () => {
    const sent: Body[] = [];
    const g = new EngineGenerate(() => fakeClient(['ab', 'c'], done(40), sent));
    let text = '';
    await g.generate('pre', 'suf', new AbortController().signal, (t) => (text += t), hints);
    assert.equal(text, 'abc');
    assert.deepEqual(sent, [{ prefix: 'pre', suffix: 'suf', maxTokens: 64, language: 'typescript' }]);
    assert.deepEqual(g.counts, { sent: 1, done: 1, cancelled: 0, failed: 0 });
    assert.equal(g.lastMode, 'fim');
  });

  it('feeds the calibration with the prompt that was tokenized (FIM: prefix and suffix; prefix mode: prefix)', async () => {
    const fim = new TokenCalibration();
    await new EngineGenerate(() => fakeClient([], done(100, 'fim')), { calibration: fim }).generate(
      code,
      code,
      new AbortController().signal,
      () => {},
      hints,
    );
    const prefixOnly = new TokenCalibration();
    await new EngineGenerate(() => fakeClient([], done(100, 'prefix')), { calibration: prefixOnly }).generate(
      code,
      code,
      new AbortController().signal,
      () => {},
      hints,
    );
    assert.ok(Math.abs(fim.factor - (100 / roughTokenCount(code + code)) * 1.1) < 1e-9);
    assert.ok(Math.abs(prefixOnly.factor - (100 / roughTokenCount(code)) * 1.1) < 1e-9);
  });

  it('tells a cancellation from a failure, and learns from a context overflow', async () => {
    const calibration = new TokenCalibration();
    const records: GenerationRecord[] = [];
    const cancelled = Object.assign(new Error('superseded'), { code: 'cancelled' });
    const overflow = Object.assign(new Error('too long'), { code: 'context_overflow' });
    let end: Error = cancelled;
    const g = new EngineGenerate(() => fakeClient(['x'], end), { calibration, onRecord: (r) => records.push(r) });
    await assert.rejects(
      g.generate('p', '', new AbortController().signal, () => {}, hints),
      (e) => isCancelled(e),
    );
    end = overflow;
    await assert.rejects(
      g.generate('p', '', new AbortController().signal, () => {}, hints),
      /too long/,
    );
    assert.deepEqual(g.counts, { sent: 2, done: 0, cancelled: 1, failed: 1 });
    assert.equal(calibration.factor, 7);
    assert.deepEqual(
      records.map((r) => [r.ok, r.errorCode]),
      [
        [false, 'cancelled'],
        [false, 'context_overflow'],
      ],
    );
  });

  it('fails clearly when the backend is not running', async () => {
    const g = new EngineGenerate(() => undefined);
    await assert.rejects(
      g.generate('p', '', new AbortController().signal, () => {}, hints),
      /not running/,
    );
    assert.equal(g.counts.sent, 0);
  });

  it('passes the abort signal to the client, which turns it into a cancel', async () => {
    let seen: AbortSignal | undefined;
    const client: CompleteClient = {
      complete: (_b, signal) => {
        seen = signal;
        return fakeClient([], done(1)).complete(_b);
      },
    };
    const controller = new AbortController();
    await new EngineGenerate(() => client).generate('p', '', controller.signal, () => {}, hints);
    assert.equal(seen, controller.signal);
  });
});
