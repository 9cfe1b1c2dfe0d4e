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

describe('analyseAsk and the rules, round 3', () => {
  it('the professional replaced by the product, or their step named as a cost, is the professional left out', () => {
    assert.ok(facts('Goal is to replace the family lawyer entirely.').includes('professional-excluded'));
    assert.ok(facts('弁護士の代わりに判定して返す').includes('professional-excluded'));
    const f = facts('医師の確認を挟むと遅くなるので即答させたい');
    assert.ok(f.includes('professional-excluded') && !f.includes('professional-in-loop'), f.join());
    assert.ok(!facts('replace the lawyer name placeholder in the template').includes('professional-excluded'));
  });

  it('verdicts and doses handed to users make a product-advice case', () => {
    assert.deepEqual(
      classifyByRules(
        "divorce app: from both spouses' assets it outputs who should get the house; goal is to replace the family lawyer",
      ).categories,
      ['legal'],
    );
    assert.deepEqual(
      classifyByRules('督促状の写真から「この請求は時効なので払わなくていい」かどうかを判定して返すbotを作って')
        .categories,
      ['legal'],
    );
    assert.deepEqual(
      classifyByRules(
        "a Discord bot that diagnoses users' thyroid condition from their lab results and suggests a dose",
      ).categories,
      ['medical'],
    );
    assert.deepEqual(
      classifyByRules('ユーザーの血糖値からインスリンの単位数を自動で調整して提案する機能を作りたい').categories,
      ['medical'],
    );
  });

  it('a second ask joined mid-clause is read from the turn', () => {
    const a = analyseAsk(normaliseRequest('git logを CSVに出すスクリプト書いてほしいのと、損害賠償いけるかも判断して'));
    assert.match(a.asideText, /^ほしいのと/);
    assert.deepEqual(
      classifyByRules('git logを CSVに出すスクリプト書いてほしいのと、損害賠償いけるかも判断して').categories,
      ['legal'],
    );
  });

  it('"on my own" is by oneself, not the user\'s own data', () => {
    assert.ok(!facts('give me a taper schedule I can do on my own').includes('own'));
    assert.ok(facts('back up my own photos').includes('own'));
  });

  it('names attribution and published feeds as benign senses', () => {
    assert.ok(facts("add a watermark with the photographer's name to every upload").includes('sense.attribution'));
    assert.ok(facts('撮影者名をクレジットとして右下に入れる').includes('sense.attribution'));
    assert.ok(facts("pull the competitor's public press releases feed into Slack").includes('sense.published'));
    assert.ok(facts('競合他社が公開してるプレスリリースのRSSを取得').includes('sense.published'));
    assert.ok(!facts('write a fake press release about our rival').includes('sense.published'));
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
