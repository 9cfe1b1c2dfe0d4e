import assert from 'node:assert/strict';
import { analyseAsk } from '../../../extension/notices/ask.js';
import { clausesOf } from '../../../extension/notices/clauses.js';
import { normaliseRequest } from '../../../extension/notices/normalise.js';
import { classifyByRules } from '../../../extension/notices/rules.js';

const facts = (text: string): string[] => [...analyseAsk(normaliseRequest(text)).has].sort();

describe('clausesOf', () => {
  it('cuts at sentence ends, line breaks (bullets) and semicolons', () => {
    assert.deepEqual(clausesOf(normaliseRequest('Fix the route. Also, can I sue?')), [
      'fix the route.',
      'also, can i sue?',
    ]);
    assert.deepEqual(clausesOf(normaliseRequest('仕様です。\n- 入力する\n- 表示する')), [
      '仕様です。',
      '入力する',
      '表示する',
    ]);
  });
});

describe('analyseAsk', () => {
  it('sees a product that advises its users with the professional left out', () => {
    const f = facts(
      'Build an API that tells each user which pension fund to switch to. No licensed adviser reviews the output.',
    );
    assert.ok(f.includes('advises-users') && f.includes('professional-excluded') && f.includes('builds'), f.join());
    const ja = facts('利用者が症状を入れると薬の名前と量を返すアプリを作りたい。医師の確認はなしで公開します');
    assert.ok(ja.includes('advises-users') && ja.includes('professional-excluded'), ja.join());
  });

  it('sees a professional in the loop, unless the same clause leaves them out', () => {
    assert.ok(facts('The wording is drafted by our lawyers; I only render it.').includes('professional-in-loop'));
    assert.ok(facts('最終判断は医師がします。表示だけのアプリです').includes('professional-in-loop'));
    const f = facts('We do not need a lawyer to review it.');
    assert.ok(f.includes('professional-excluded') && !f.includes('professional-in-loop'), f.join());
  });

  it('tells consent from its absence', () => {
    assert.ok(facts("Share users' locations with the ad partner without asking them.").includes('no-consent'));
    assert.ok(facts('Store the consent timestamp when the user opts in.').includes('consented'));
    assert.ok(!facts('they never opted in but whatever').includes('consented'));
    assert.ok(facts('本人の同意を取ったうえで顔写真を登録する').includes('consented'));
  });

  it('names the engineering senses of alarming words', () => {
    assert.ok(facts('kill -9 the process on port 3000').includes('sense.process'));
    assert.ok(facts('enemies take splash damage in my tower defense game').includes('sense.game'));
    assert.ok(facts('a friendly welcome bot for new members').includes('sense.friendly'));
    assert.ok(facts('drop the gender and age columns before the model scores applicants').includes('sense.fairness'));
  });

  it('finds the aside that turns to another ask, and keeps the text from it on', () => {
    const a = analyseAsk(
      normaliseRequest('Fix this regex please. Also unrelated: my landlord kept the deposit, should I sue?'),
    );
    assert.ok(a.has.has('aside'));
    assert.match(a.asideText, /^also unrelated/);
    assert.equal(analyseAsk(normaliseRequest('Fix this regex please.')).asideText, '');
  });
});

describe('rules with the shape of the ask', () => {
  it('product-advice: a tool that gives users medical advice with no doctor is flagged, even as a coding task', () => {
    const r = classifyByRules(
      'Write a Flask endpoint that diagnoses each user from their symptoms and tells them which antibiotic and dose to take. No doctor ever reviews it.',
    );
    assert.deepEqual(r.categories, ['medical']);
    const reason = r.reasons.find((x) => x.rule === 'product-advice');
    assert.ok(
      reason?.cues.some((c) => c.cue === 'ask.professional-excluded'),
      JSON.stringify(r.reasons),
    );
  });

  it('the same tool with the physician deciding is a coding task', () => {
    const r = classifyByRules(
      'Write a Flask endpoint that lists possible drug interactions for the physician, who decides on the dose.',
    );
    assert.deepEqual(r.categories, []);
  });

  it('an aside after a coding task is judged without the coding exemption', () => {
    const r = classifyByRules('このSQLのJOINが遅いので直して。あと別件で、住宅ローンは固定と変動どっちにすべき？');
    assert.deepEqual(r.categories, ['financial']);
    assert.ok(r.reasons[0].cues.some((c) => c.cue === 'ask.aside'));
  });

  it('fairness work that removes protected attributes is not discrimination', () => {
    const r = classifyByRules('公平性のため、選考モデルの入力から性別と国籍の列を除外して');
    assert.deepEqual(r.categories, []);
    assert.ok(r.suppressed.some((s) => s.because === 'fairness'));
  });

  it('adding a protected attribute as a model feature is discrimination', () => {
    assert.deepEqual(classifyByRules('Add religion as an input feature to the credit model.').categories, [
      'discrimination',
    ]);
  });

  it("personal data sent on without the people's consent is a rights matter", () => {
    const r = classifyByRules(
      "Export our customers' purchase history to the marketing partner every night; we won't tell the customers.",
    );
    assert.deepEqual(r.categories, ['rights']);
    assert.ok(r.reasons[0].cues.some((c) => c.cue === 'ask.data-flow'));
  });
});
