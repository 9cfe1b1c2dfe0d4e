import assert from 'node:assert/strict';
import { featuresOf } from '../../../extension/notices/features.js';
import { parseModel, scoreNgrams, serialiseModel, type NgramModel } from '../../../extension/notices/ngram-model.js';
import { DEFAULT_TRAIN_OPTIONS, MODEL_LABELS, trainModel, type Example } from '../../../scripts/notices/ngram-train.js';
import { ngramsOf } from '../../../extension/notices/ngrams.js';
import { SIGNAL_PREFIX, signalsOf } from '../../../extension/notices/signals.js';
import { stem, WORD_PREFIX, wordsOf } from '../../../extension/notices/words.js';

describe('ngramsOf', () => {
  it('cuts 2-4 character grams where kana or kanji are involved and 3-4 elsewhere', () => {
    const grams = ngramsOf('毒 ab');
    assert.ok(grams.includes(' 毒'));
    assert.ok(grams.includes('毒 a'));
    assert.ok(grams.includes(' ab'));
    assert.ok(!grams.includes('ab'), 'no Latin 2-grams');
    assert.ok(grams.every((g) => Array.from(g).length >= 2 && Array.from(g).length <= 4));
  });

  it('normalises first, folds digits and skips grams without a letter or digit', () => {
    assert.deepEqual(ngramsOf('ＡＢＣ 12'), ngramsOf('abc 99'));
    assert.ok(!ngramsOf('a -- b').includes(' --'));
  });

  it('treats a surrogate pair as one character', () => {
    assert.ok(ngramsOf('𠮷野家').includes('𠮷野'));
  });
});

describe('wordsOf', () => {
  it('cuts Japanese into dictionary words and Latin text at spaces, with adjacent pairs', () => {
    const w = wordsOf('プロフ写真を全部スクレイピング, then Scrape it');
    for (const x of ['写真', 'スクレイピング', '全部 スクレイピング', 'scrap', 'then scrap'])
      assert.ok(w.includes(WORD_PREFIX + x), x);
    assert.ok(w.every((x) => x.startsWith(WORD_PREFIX)));
  });

  it('stems English words crudely and leaves short words and other scripts alone', () => {
    assert.equal(stem('scraping'), 'scrap');
    assert.equal(stem('scrapes'), 'scrap');
    assert.equal(stem('scraped'), 'scrap');
    assert.equal(stem('bots'), 'bots');
    assert.equal(stem('写真'), '写真');
  });
});

describe('signalsOf', () => {
  it("names word families and the rules' context groups", () => {
    const s = signalsOf("secretly copy my competitor's paid course videos");
    for (const name of ['covert', 'others-property', 'appropriate']) assert.ok(s.includes(SIGNAL_PREFIX + name), name);
    assert.ok(signalsOf('write a function with unit tests').includes(SIGNAL_PREFIX + 'coding'));
    assert.ok(signalsOf('薬を飲み忘れた').includes(SIGNAL_PREFIX + 'medical-domain'));
  });

  it('features are the n-grams plus the signals', () => {
    const text = 'こっそり元カノの位置情報を見たい';
    assert.deepEqual(featuresOf(text), [...ngramsOf(text), ...wordsOf(text), ...signalsOf(text)]);
  });
});

const toy: Example[] = [
  ...['poison the dog', 'poison my boss', 'poison a neighbour', 'how to poison him'].map((text) => ({
    text,
    label: 'harm' as const,
  })),
  ...['sort the list', 'sort an array', 'merge sort in go', 'sort by date'].map((text) => ({
    text,
    label: 'none' as const,
  })),
];
const toyOpts = { ...DEFAULT_TRAIN_OPTIONS, minDf: 1, steps: 100, prune: 0 };

describe('trainModel and scoreNgrams', () => {
  it('learns a separable toy set', () => {
    const model = trainModel(toy, toyOpts);
    assert.deepEqual(model.labels, MODEL_LABELS);
    assert.ok(scoreNgrams(model, 'poison the cat').pFlag > 0.8);
    assert.ok(scoreNgrams(model, 'sort the users').pFlag < 0.2);
    assert.equal(scoreNgrams(model, 'poison the cat').best, 'harm');
  });

  it("probabilities sum to one and the explanation lists the request's own strongest features", () => {
    const model = trainModel(toy, toyOpts);
    const s = scoreNgrams(model, 'poison the cat', 3);
    assert.ok(Math.abs(s.probs.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.equal(s.top.length, 3);
    assert.ok(s.top.some((t) => t.gram.includes('poi')));
    assert.ok(s.top.every((t, i) => t.weight > 0 && (i === 0 || s.top[i - 1].weight >= t.weight)));
  });

  it('is deterministic', () => {
    assert.equal(serialiseModel(trainModel(toy, toyOpts)), serialiseModel(trainModel(toy, toyOpts)));
  });

  it('rejects an unknown label', () => {
    assert.throws(() => trainModel([{ text: 'x', label: 'nope' as never }], toyOpts), /unknown label/);
  });
});

describe('serialiseModel / parseModel', () => {
  it('round-trips to within the stored precision', () => {
    const model: NgramModel = {
      labels: [...MODEL_LABELS],
      bias: [0.1234, 0, 0, 0, 0, 0, -0.5],
      weights: new Map([
        [' ab', [0.0014, 0, 0, 0, 0, 0, -1]],
        ['§covert', [0, 0, 0, 2.5, 0, 0, 0]],
      ]),
    };
    const back = parseModel(serialiseModel(model));
    assert.deepEqual(back.labels, model.labels);
    assert.deepEqual(back.weights.get(' ab'), [0.001, 0, 0, 0, 0, 0, -1]);
    assert.deepEqual(back.weights.get('§covert'), [0, 0, 0, 2.5, 0, 0, 0]);
    assert.equal(back.bias[0], 0.123);
  });

  it('refuses a malformed row', () => {
    assert.throws(() => parseModel('{"labels":["none"],"bias":[0],"scale":1000}\nab\t1,2'), /bad model row/);
  });
});
