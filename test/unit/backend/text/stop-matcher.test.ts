import assert from 'node:assert/strict';
import { StopMatcher } from '../../../../backend/text/stop-matcher.js';

interface Outcome {
  emitted: string;
  stopped: boolean;
  pieces: string[];
}

/** Streams `chunks` through a matcher and flushes at the end, as the generation loop does. */
function stream(stops: readonly string[], chunks: readonly string[]): Outcome {
  const m = new StopMatcher(stops);
  const pieces: string[] = [];
  let stopped = false;
  for (const c of chunks) {
    const step = m.push(c);
    pieces.push(step.emit);
    if (step.stopped) {
      stopped = true;
      break;
    }
  }
  if (!stopped) pieces.push(m.flush());
  return { emitted: pieces.join(''), stopped, pieces };
}

/** Every way to cut `text` into non-empty chunks at code point boundaries (2^(n-1) ways for n code points). */
function* chunkings(text: string): Generator<string[]> {
  const cps = Array.from(text);
  for (let mask = 0; mask < 2 ** (cps.length - 1); mask++) {
    const chunks: string[] = [];
    let cur = cps[0];
    for (let i = 1; i < cps.length; i++) {
      if (mask & (1 << (i - 1))) {
        chunks.push(cur);
        cur = cps[i];
      } else cur += cps[i];
    }
    chunks.push(cur);
    yield chunks;
  }
}

describe('StopMatcher', () => {
  it('passes text through when there is no stop string', () => {
    assert.deepEqual(stream([], ['abc', 'def']), { emitted: 'abcdef', stopped: false, pieces: ['abc', 'def', ''] });
  });

  it('finds a stop string split across every chunk boundary, and never emits it or anything after it', () => {
    const text = 'ok\n\n### 指示:\nnext turn';
    const stops = ['\n\n### 指示:', '\n\n### 応答:'];
    // Every chunking of the text up to the stop's last character, which comes with the rest.
    for (const chunks of chunkings(text.slice(0, 10))) {
      const out = stream(stops, [...chunks, text.slice(10)]);
      assert.deepEqual(
        { emitted: out.emitted, stopped: out.stopped },
        { emitted: 'ok', stopped: true },
        chunks.join('|'),
      );
    }
  });

  it('gives the same result for every chunking of a stream with several stops', () => {
    const stops = ['。\n', 'END', '終わり'];
    for (const [text, expected] of [
      ['はい。続きEND終わり', 'はい。続き'],
      ['はい。\nEND', 'はい'],
      ['ENDは最初', ''],
      ['終わりEND', ''],
      ['EN。DEN終わ', 'EN。DEN終わ'],
    ] as const) {
      for (const chunks of chunkings(text)) {
        const out = stream(stops, chunks);
        assert.equal(out.emitted, expected, `${text}: ${chunks.join('|')}`);
        assert.equal(out.stopped, expected !== text, `${text}: ${chunks.join('|')}`);
      }
    }
  });

  it('the earliest of several stops wins, whatever the order they are listed in', () => {
    for (const stops of [
      ['B', 'A'],
      ['A', 'B'],
    ]) {
      assert.equal(stream(stops, ['xxAyyB']).emitted, 'xx');
      assert.equal(stream(stops, ['xxByyA']).emitted, 'xx');
    }
    // Two stops completing in the same chunk: the one that starts first.
    assert.equal(stream(['cd', 'bcde'], ['abcdef']).emitted, 'a');
  });

  it('holds a partial prefix of a stop, then releases it once it cannot be a stop', () => {
    const m = new StopMatcher(['</end>']);
    assert.deepEqual(m.push('text </'), { emit: 'text ', stopped: false });
    assert.deepEqual(m.push('en'), { emit: '', stopped: false });
    assert.deepEqual(m.push('x'), { emit: '</enx', stopped: false });
    assert.deepEqual(m.push('<'), { emit: '', stopped: false });
    assert.equal(m.flush(), '<', 'held text is released at the end');
    assert.equal(m.flush(), '');
  });

  it('holds the longest possible partial when one stop is a prefix of another', () => {
    const m = new StopMatcher(['ab', 'abcd']);
    assert.deepEqual(m.push('xa'), { emit: 'x', stopped: false });
    assert.deepEqual(m.push('b'), { emit: '', stopped: true });
  });

  it('restarts matching inside held text (a stop that overlaps itself)', () => {
    // "aab" holds "aa"; "aab" + "ab" contains "aab" at 0 only if we do not lose the second "a".
    assert.deepEqual(stream(['aab'], ['xa', 'a', 'a', 'b', 'zz']), {
      emitted: 'xa',
      stopped: true,
      pieces: ['x', '', 'a', ''],
    });
  });

  it('Japanese stops, including ones that arrive one character at a time', () => {
    assert.deepEqual(stream(['。'], ['こんにちは。', 'さようなら']), {
      emitted: 'こんにちは',
      stopped: true,
      pieces: ['こんにちは'],
    });
    const chars = Array.from('ご質問ありがとうございます\n\n### 応答:\nまた');
    assert.equal(stream(['\n\n### 応答:'], chars).emitted, 'ご質問ありがとうございます');
  });

  it('an emoji stop and emoji text', () => {
    assert.equal(stream(['😀!'], ['a😀', 'b😀', '!c']).emitted, 'a😀b');
  });

  it('after stopping, further pushes emit nothing and flush is empty', () => {
    const m = new StopMatcher(['x']);
    assert.deepEqual(m.push('axb'), { emit: 'a', stopped: true });
    assert.equal(m.stopped, true);
    assert.deepEqual(m.push('more'), { emit: '', stopped: true });
    assert.equal(m.flush(), '');
  });

  it('never emits text that is later found to be a stop: all emitted text is a prefix of the answer', () => {
    const stops = ['\n\n', '}'];
    const text = 'x = 1;\n\n}\nz';
    for (const chunks of chunkings(text)) {
      const out = stream(stops, chunks);
      let sofar = '';
      for (const p of out.pieces) {
        sofar += p;
        assert.ok('x = 1;'.startsWith(sofar), `${chunks.join('|')}: emitted ${JSON.stringify(sofar)}`);
      }
      assert.equal(out.emitted, 'x = 1;');
    }
  });
});
