import assert from 'node:assert/strict';
import { chunkFor, MIN_CHUNK_TOKENS } from '../../../../backend/engine/prompt-feed.js';
import { kvCacheBytes, kvShapeOf, laneLayout, paddedCells } from '../../../../backend/engine/lane-layout.js';
import { supersededBy } from '../../../../backend/server/connection.js';

const LLM_JP_1_8B = kvShapeOf({
  block_count: 24,
  embedding_length: 2048,
  attention: { head_count: 16, head_count_kv: 16 },
})!;
const LLM_JP_13B = kvShapeOf({
  block_count: 40,
  embedding_length: 5120,
  attention: { head_count: 40, head_count_kv: 40 },
})!;
const FUGAKU_13B = kvShapeOf({
  block_count: 40,
  embedding_length: 5184,
  attention: { head_count: 36, head_count_kv: 36 },
})!;

describe('laneLayout', () => {
  it('gives completion a context of its own at its window, chat and docs the full context, q8_0 with flash attention', () => {
    const l = laneLayout(4096);
    assert.deepEqual(
      l.contexts.map((c) => [c.name, c.lanes, c.contextSize]),
      [
        ['chat+docs', ['chat', 'docs'], 4096],
        ['complete', ['complete'], 2048],
      ],
    );
    assert.equal(l.kvCacheType, 'q8_0');
    assert.equal(l.flashAttention, true);
  });

  it('puts all lanes in one context when the completion window is the whole context', () => {
    assert.deepEqual(
      laneLayout(2048).contexts.map((c) => c.lanes),
      [['chat', 'docs', 'complete']],
    );
    assert.deepEqual(
      laneLayout(4096, { completeContextSize: 8192 }).contexts.map((c) => c.contextSize),
      [4096],
    );
  });

  it('keeps f16 when asked, and where heads are not multiples of 32 (Fugaku-LLM 13B: 144)', () => {
    assert.deepEqual(
      [laneLayout(4096, { kvCacheType: 'f16' }).kvCacheType, laneLayout(4096, { kvCacheType: 'f16' }).flashAttention],
      ['f16', false],
    );
    const fugaku = laneLayout(2048, {}, FUGAKU_13B);
    assert.equal(fugaku.kvCacheType, 'f16');
    assert.match(fugaku.warning!, /144 wide/);
    assert.equal(laneLayout(4096, {}, LLM_JP_13B).kvCacheType, 'q8_0');
  });
});

describe('KV cache arithmetic', () => {
  it('LLM-jp-3 1.8B: 192 KiB a token in f16, 102 KiB in q8_0 (what llama.cpp allocated: 768 and 408 MiB per 4096)', () => {
    assert.equal(kvCacheBytes(LLM_JP_1_8B, 4096, 'f16'), 768 * 2 ** 20);
    assert.equal(kvCacheBytes(LLM_JP_1_8B, 4096, 'q8_0'), 408 * 2 ** 20);
  });

  it('LLM-jp-3 13B: 800 KiB a token in f16, 425 KiB in q8_0', () => {
    assert.equal(kvCacheBytes(LLM_JP_13B, 1, 'f16') / 256, 800 * 1024);
    assert.equal(kvCacheBytes(LLM_JP_13B, 4096, 'q8_0'), 4096 * 425 * 1024);
  });

  it('rounds a sequence up to 256 cells, as llama.cpp does', () => {
    assert.deepEqual([paddedCells(1), paddedCells(256), paddedCells(2000)], [256, 256, 2048]);
  });

  it('reads grouped-query models (LLM-jp-3 172B: 16 KV heads of 128)', () => {
    const s = kvShapeOf({
      block_count: 96,
      embedding_length: 12288,
      attention: { head_count: 96, head_count_kv: 16 },
    })!;
    assert.deepEqual(s, { layers: 96, keyWidth: 2048, valueWidth: 2048, keyHeadDim: 128, valueHeadDim: 128 });
    assert.equal(kvShapeOf({ block_count: 2 }), undefined);
  });
});

describe('chunkFor', () => {
  it('sizes a chunk to take about the target time at the measured speed, within the batch', () => {
    assert.equal(chunkFor(137, 250, 256), 34);
    assert.equal(chunkFor(5000, 250, 256), 256, 'fast hardware: whole batches');
    assert.equal(chunkFor(20, 250, 256), MIN_CHUNK_TOKENS, 'never smaller than the minimum');
    assert.equal(chunkFor(0, 250, 256), 256, 'nothing measured: whole batches');
    assert.equal(chunkFor(137, 250, 16), 16, 'a batch smaller than the minimum wins');
  });
});

describe('supersededBy', () => {
  it('a complete cancels the previous complete and prefill; a prefill only the previous prefill', () => {
    assert.deepEqual(supersededBy('complete', { complete: 'c1', prefill: 'p1' }), ['c1', 'p1']);
    assert.deepEqual(supersededBy('prefill', { complete: 'c1', prefill: 'p1' }), ['p1']);
    assert.deepEqual(supersededBy('prefill', { complete: 'c1' }), []);
    assert.deepEqual(supersededBy('chat', { complete: 'c1', prefill: 'p1' }), []);
  });
});
