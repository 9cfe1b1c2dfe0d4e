import assert from 'node:assert/strict';
import { SseParser, type SseEvent } from '../../../../extension/engine/openai/sse-parser.js';

function parseAll(pieces: string[]): { events: SseEvent[]; leftover?: SseEvent; comments: number } {
  const p = new SseParser();
  const events = pieces.flatMap((x) => p.push(x));
  return { events, leftover: p.end(), comments: p.comments };
}

const data = (events: SseEvent[]) => events.map((e) => e.data);

describe('SseParser', () => {
  it('reads events ended by LF, CRLF or CR alike', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const { events } = parseAll([`data: {"a":1}${nl}${nl}data: [DONE]${nl}${nl}`]);
      assert.deepEqual(data(events), ['{"a":1}', '[DONE]'], JSON.stringify(nl));
    }
  });

  it('gives the same events however the text is split, a CRLF split between two pieces included', () => {
    const text =
      ': ping\r\ndata: {"t":"こんにちは"}\r\n\r\nevent: note\r\ndata: a\r\ndata: b\r\n\r\ndata: [DONE]\r\n\r\n';
    const whole = parseAll([text]);
    for (let size = 1; size <= 7; size++) {
      const pieces: string[] = [];
      for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
      const split = parseAll(pieces);
      assert.deepEqual(split.events, whole.events, `pieces of ${size}`);
      assert.equal(split.comments, 1);
    }
    assert.deepEqual(whole.events, [
      { event: 'message', data: '{"t":"こんにちは"}' },
      { event: 'note', data: 'a\nb' },
      { event: 'message', data: '[DONE]' },
    ]);
  });

  it('does not take a CR and a later, separate LF for one line ending', () => {
    const { events } = parseAll(['data: x\r', '\n', '\n', 'data: y\n\n']);
    assert.deepEqual(data(events), ['x', 'y']);
  });

  it('joins multi-line data with newlines and removes only one space after the colon', () => {
    const { events } = parseAll(['data:no space\ndata:  two spaces\ndata\n\n']);
    assert.deepEqual(data(events), ['no space\n two spaces\n']);
  });

  it('skips comments, blank runs and events with no data; drops a leading BOM; keeps the last id', () => {
    const { events, comments } = parseAll([
      '\uFEFF: hello\n\n\n\nid: 7\nevent: x\n\nretry: 100\nfoo: bar\ndata: z\n\n',
    ]);
    assert.deepEqual(events, [{ event: 'message', data: 'z', id: '7' }]);
    assert.equal(comments, 1);
  });

  it('hands an event left without its blank line at the end to the caller, and nothing when there is none', () => {
    assert.deepEqual(parseAll(['data: a\n\ndata: [DONE]']).leftover, { event: 'message', data: '[DONE]' });
    assert.deepEqual(parseAll(['data: a\n\ndata: [DONE]\n']).leftover, { event: 'message', data: '[DONE]' });
    assert.equal(parseAll(['data: a\n\n']).leftover, undefined);
  });
});
