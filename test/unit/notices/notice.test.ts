import assert from 'node:assert/strict';
import { noticeFor } from '../../../extension/notices/notice.js';

describe('noticeFor', () => {
  it('names the category and the LLM-jp-3 article, in English', () => {
    const text = noticeFor(['medical'], 'llm-jp-3-172b-beta1', 'en');
    assert.ok(text);
    assert.match(text, /medical or health advice/);
    assert.match(text, /Article 3 \(7\)/);
    assert.match(text, /Article 4, paragraph 1/);
  });

  it('names the category and the article in Japanese', () => {
    const text = noticeFor(['legal', 'financial'], 'llm-jp-3-172b-beta1', 'ja');
    assert.ok(text);
    assert.match(text, /法律に関する助言/);
    assert.match(text, /第3条\(5\)/);
    assert.match(text, /第3条\(6\)/);
    assert.match(text, /「LLM-jp-3 172B beta1」利用規約/);
  });

  it('cites both rights items of LLM-jp-3 (IP and privacy)', () => {
    assert.match(noticeFor(['rights'], 'llm-jp-3-172b-beta1', 'en') ?? '', /Article 3 \(1\), Article 3 \(2\)/);
  });

  it('Fugaku-LLM cites its 第3条 and has nothing to say about harm, which its terms do not list', () => {
    assert.match(noticeFor(['discrimination'], 'fugaku-llm', 'ja') ?? '', /第3条\(禁止行為\)/);
    assert.equal(noticeFor(['harm'], 'fugaku-llm', 'en'), undefined);
    assert.match(noticeFor(['harm', 'medical'], 'fugaku-llm', 'en') ?? '', /medical/);
  });

  it('no categories: no notice; unknown terms: an error', () => {
    assert.equal(noticeFor([], 'fugaku-llm', 'en'), undefined);
    assert.throws(() => noticeFor(['legal'], 'no-such-terms', 'en'), /unknown terms id/);
  });
});
