import assert from 'node:assert/strict';
import {
  InflightReuse,
  SharedGeneration,
  type GenerationReader,
} from '../../../extension/completion/inflight-reuse.js';
import { FakeClock, flush } from './fake-clock.js';

/** A backend the test feeds by hand. */
function manualBackend() {
  const state = {
    signal: undefined as AbortSignal | undefined,
    emit: (_: string) => {},
    finish: () => {},
    fail: (_: Error) => {},
  };
  const run = (signal: AbortSignal, onText: (d: string) => void): Promise<void> =>
    new Promise((resolve, reject) => {
      state.signal = signal;
      state.emit = onText;
      state.finish = resolve;
      state.fail = reject;
    });
  return { state, run };
}

function recorder(): GenerationReader & { text: string; ended?: string } {
  const r = {
    text: '',
    ended: undefined as string | undefined,
    onText(d: string) {
      r.text += d;
    },
    onEnd(state: string) {
      r.ended = state;
    },
  };
  return r;
}

describe('SharedGeneration', () => {
  it('replays what came so far from the reader offset, then streams the rest', async () => {
    const clock = new FakeClock();
    const { state, run } = manualBackend();
    const g = new SharedGeneration('d', 'p', '', clock, 100);
    g.start(run);
    state.emit('hello');
    const r = recorder();
    g.attach(2, r);
    assert.equal(r.text, 'llo');
    state.emit(' world');
    assert.equal(r.text, 'llo world');
    state.finish();
    await flush();
    assert.equal(r.ended, 'done');
    assert.equal(g.state, 'done');
  });

  it('a reader attached before the text reaches its offset gets only what is past it', () => {
    const { state, run } = manualBackend();
    const g = new SharedGeneration('d', 'p', '', new FakeClock(), 100);
    g.start(run);
    state.emit('ab');
    const r = recorder();
    g.attach(4, r);
    state.emit('cdef');
    assert.equal(r.text, 'ef');
  });

  it('aborts the backend at once when its last reader stops', () => {
    const { state, run } = manualBackend();
    const g = new SharedGeneration('d', 'p', '', new FakeClock(), 100);
    g.start(run);
    const detach = g.attach(0, recorder());
    detach('stopped');
    assert.equal(state.signal?.aborted, true);
    assert.equal(g.state, 'aborted');
  });

  it('after a cancellation keeps going for the grace time, for the next request to pick up', () => {
    const clock = new FakeClock();
    const { state, run } = manualBackend();
    const g = new SharedGeneration('d', 'p', '', clock, 100);
    g.start(run);
    g.attach(0, recorder())('cancelled');
    clock.advance(50);
    assert.equal(state.signal?.aborted, false);
    const detach = g.attach(0, recorder());
    clock.advance(500);
    assert.equal(state.signal?.aborted, false, 'picked up: the grace timer is off');
    detach('cancelled');
    clock.advance(100);
    assert.equal(state.signal?.aborted, true);
  });

  it('reports a backend failure to its readers', async () => {
    const { state, run } = manualBackend();
    const g = new SharedGeneration('d', 'p', '', new FakeClock(), 100);
    g.start(run);
    const r = recorder();
    g.attach(0, r);
    state.fail(new Error('boom'));
    await flush();
    assert.equal(r.ended, 'failed');
  });
});

describe('InflightReuse', () => {
  function started(prefix: string, suffix = '') {
    const backend = manualBackend();
    const g = new SharedGeneration('doc', prefix, suffix, new FakeClock(), 100);
    g.start(backend.run);
    return { g, backend };
  }

  it('reuses the stream when the user typed what it already wrote', () => {
    const reuse = new InflightReuse();
    const { g, backend } = started('const x = ');
    reuse.track(g);
    backend.state.emit('compute(1)');
    const found = reuse.find('doc', 'const x = comp', '');
    assert.equal(found?.generation, g);
    assert.equal(found?.typed, 'comp');
    const r = recorder();
    found.generation.attach(found.typed.length, r);
    assert.equal(r.text, 'ute(1)');
  });

  it('does not reuse when the typed text differs, is not yet streamed, or the place differs', () => {
    const reuse = new InflightReuse();
    const { g, backend } = started('const x = ', ';');
    reuse.track(g);
    backend.state.emit('comp');
    assert.equal(reuse.find('doc', 'const x = cam', ';'), undefined);
    assert.equal(reuse.find('doc', 'const x = compute', ';'), undefined, 'typed past what streamed');
    assert.equal(reuse.find('doc', 'const x = c', ')'), undefined, 'other suffix');
    assert.equal(reuse.find('other', 'const x = c', ';'), undefined, 'other document');
    assert.equal(reuse.find('doc', 'const x =', ';'), undefined, 'deleted a character');
  });

  it('does not reuse an aborted generation, nor a finished one with nothing left', async () => {
    const reuse = new InflightReuse();
    const a = started('x');
    reuse.track(a.g);
    a.backend.state.emit('yz');
    a.g.abort();
    assert.equal(reuse.find('doc', 'xy', ''), undefined);
    const b = started('x');
    reuse.track(b.g);
    b.backend.state.emit('yz');
    b.backend.state.finish();
    await flush();
    assert.equal(reuse.find('doc', 'xy', '')?.typed, 'y');
    assert.equal(reuse.find('doc', 'xyz', ''), undefined);
  });

  it('aborts the previous generation when a new one is tracked and nobody reads the old one', () => {
    const reuse = new InflightReuse();
    const a = started('a');
    const b = started('b');
    const c = started('c');
    reuse.track(a.g);
    reuse.track(b.g);
    assert.equal(a.backend.state.signal?.aborted, true);
    b.g.attach(0, recorder());
    reuse.track(c.g);
    assert.equal(b.backend.state.signal?.aborted, false, 'still read');
    reuse.dispose();
    assert.equal(c.backend.state.signal?.aborted, true);
  });
});
