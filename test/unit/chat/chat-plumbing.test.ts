import assert from 'node:assert/strict';
import { DeltaBatcher } from '../../../extension/chat/delta-batcher.js';
import { PanelNotices } from '../../../extension/chat/panel-notices.js';
import { attachmentLabel, PendingAttachments } from '../../../extension/chat/pending-attachments.js';
import { tokensPerSecond } from '../../../extension/engine/tokens-per-second.js';
import type { ExtensionMessage } from '../../../extension/chat/panel-messages.js';

/** Timers the test fires by hand. */
function manualTimers() {
  const due: Array<() => void> = [];
  return {
    fire: () => due.splice(0).forEach((f) => f()),
    timers: {
      set: ((f: () => void) => {
        due.push(f);
        return due.length as unknown as ReturnType<typeof setTimeout>;
      }) as unknown as typeof setTimeout,
      clear: (() => {
        due.length = 0;
      }) as unknown as typeof clearTimeout,
    },
  };
}

describe('chat plumbing', () => {
  it('batches streamed text into one message per interval, whole chunks only', () => {
    const sent: string[] = [];
    const { fire, timers } = manualTimers();
    const batcher = new DeltaBatcher((t) => sent.push(t), 40, timers);
    for (const chunk of ['こん', 'にちは', '😀', '']) batcher.push(chunk);
    assert.deepEqual(sent, []);
    fire();
    assert.deepEqual(sent, ['こんにちは😀']);
    batcher.push('。');
    batcher.flush();
    batcher.flush();
    assert.deepEqual(sent, ['こんにちは😀', '。']);
  });

  it('keeps one selection chip and one chip per file, and names them with lines', () => {
    const pending = new PendingAttachments();
    pending.add({ kind: 'selection', name: 'a.ts', language: 'typescript', text: 'a\nb', startLine: 3 });
    pending.add({ kind: 'file', name: 'a.ts', language: 'typescript', text: 'whole' });
    pending.add({ kind: 'selection', name: 'b.ts', language: 'typescript', text: 'c', startLine: 9 });
    pending.add({ kind: 'file', name: 'a.ts', language: 'typescript', text: 'whole again' });
    assert.deepEqual(
      pending.views().map((v) => [v.id, v.kind, v.name, v.lines]),
      [
        ['att-3', 'selection', 'b.ts', { start: 9, end: 9 }],
        ['att-4', 'file', 'a.ts', null],
      ],
    );
    assert.deepEqual(
      pending.select(['att-4', 'nope']).map((a) => a.text),
      ['whole again'],
    );
    assert.equal(
      attachmentLabel({ kind: 'selection', name: 'a.ts', language: 'ts', text: 'a\nb', startLine: 3 }),
      'a.ts:3-4',
    );
    assert.equal(attachmentLabel({ kind: 'file', name: 'a.ts', language: 'ts', text: 'a' }), 'a.ts');
    pending.clear();
    assert.equal(pending.size, 0);
  });

  it("measures generation speed without the prompt's time", () => {
    assert.equal(
      tokensPerSecond(
        { inputTokens: 5, evaluatedInputTokens: 5, outputTokens: 11 },
        { firstTokenMs: 500, totalMs: 1500 },
      ),
      10,
    );
    assert.equal(
      tokensPerSecond(
        { inputTokens: 5, evaluatedInputTokens: 5, outputTokens: 1 },
        { firstTokenMs: 200, totalMs: 200 },
      ),
      5,
    );
    assert.equal(
      tokensPerSecond({ inputTokens: 5, evaluatedInputTokens: 5, outputTokens: 0 }, { firstTokenMs: 0, totalMs: 10 }),
      null,
    );
  });

  it('resolves a panel notice with the choice, a dismissal or a newer notice', async () => {
    const posted: ExtensionMessage[] = [];
    const notices = new PanelNotices((m) => posted.push(m));
    const first = notices.ask('一つ目', [{ id: 'ok', label: 'OK' }]);
    const second = notices.ask('二つ目', [{ id: 'ok', label: 'OK' }]);
    assert.equal(await first, undefined, 'replaced by the newer one');
    const id = (posted[1] as Extract<ExtensionMessage, { type: 'notice' }>).id;
    assert.equal(notices.answer(id, 'not-offered'), true);
    assert.equal(await second, undefined);
    const third = notices.ask('三つ目', [{ id: 'ok', label: 'OK' }]);
    assert.equal(notices.answer((posted[2] as Extract<ExtensionMessage, { type: 'notice' }>).id, 'ok'), true);
    assert.equal(await third, 'ok');
    assert.equal(notices.answer('notice-unknown', 'ok'), false);
  });

  it('sends what the choices mean beside them, apart from the message', () => {
    const posted: ExtensionMessage[] = [];
    const notices = new PanelNotices((m) => posted.push(m));
    void notices.ask(
      '長い説明',
      [
        { id: 'cancel', label: 'Cancel' },
        { id: 'continue', label: 'Continue' },
      ],
      'warning',
      'Continue only if…',
    );
    assert.deepEqual(posted[0], {
      type: 'notice',
      id: 'notice-1',
      severity: 'warning',
      message: '長い説明',
      choices: [
        { id: 'cancel', label: 'Cancel' },
        { id: 'continue', label: 'Continue' },
      ],
      note: 'Continue only if…',
    });
    notices.dismissAll();
  });
});
