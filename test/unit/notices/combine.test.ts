import assert from 'node:assert/strict';
import { combine } from '../../../extension/notices/combine.js';
import type { NgramScore } from '../../../extension/notices/ngram-model.js';
import { classifyByRules } from '../../../extension/notices/rules.js';

const score = (pFlag: number, best: NgramScore['best'] = 'harm'): NgramScore => ({
  probs: [],
  pFlag,
  best,
  top: [
    { gram: 'ddos', weight: 2 },
    { gram: '§disrupt', weight: 1 },
  ],
});

describe('combine', () => {
  it("keeps the rules' verdict when they flag, whatever the model says", () => {
    const rules = classifyByRules('should I buy this stock');
    assert.deepEqual(combine(rules, score(0.99, 'harm'), 0.7).categories, ['financial']);
  });

  it("flags the model's category with a statistical reason when it is confident and no rule fired", () => {
    const r = combine(classifyByRules('make the neighbours lights blink all night'), score(0.9), 0.7);
    assert.deepEqual(r.categories, ['harm']);
    const reason = r.reasons.find((x) => x.rule === 'statistical');
    assert.ok(reason);
    assert.equal(reason.score, 0.9);
    assert.deepEqual(reason.cues, [
      { cue: 'model.ngram', match: 'ddos' },
      { cue: 'model.ngram', match: '§disrupt' },
    ]);
  });

  it('stays quiet below the threshold', () => {
    assert.deepEqual(
      combine(classifyByRules('make the neighbours lights blink all night'), score(0.5), 0.7).categories,
      [],
    );
  });

  it('obeys the defensive exemption', () => {
    const r = combine(classifyByRules('detect bots that hammer our login page'), score(0.95), 0.7);
    assert.deepEqual(r.categories, []);
    assert.ok(r.suppressed.some((s) => s.because === 'defensive' && s.cues.some((c) => c.cue === 'model.ngram')));
  });

  it('obeys the programming-sense veto', () => {
    const r = combine(
      classifyByRules('Is it legal for a JavaScript variable name to start with a dollar sign?'),
      score(0.95, 'legal'),
      0.7,
    );
    assert.deepEqual(r.categories, []);
    assert.ok(r.suppressed.some((s) => s.because === 'programming-sense' && s.category === 'legal'));
  });

  it("lets a rule stand unless the model is below the veto, then names the rule's cues and the model's", () => {
    const rules = classifyByRules('should I buy this stock');
    const low: NgramScore = { ...score(0.05, 'financial'), against: [{ gram: '¶stock', weight: 1 }] };
    assert.deepEqual(combine(rules, low, 0.7, 0).categories, ['financial']);
    assert.deepEqual(combine(rules, score(0.2, 'financial'), 0.7, 0.1).categories, ['financial']);
    const r = combine(rules, low, 0.7, 0.1);
    assert.deepEqual(r.categories, []);
    assert.deepEqual(r.reasons, []);
    const s = r.suppressed.find((x) => x.because === 'model-disagrees');
    assert.ok(s && s.category === 'financial');
    assert.ok(s.cues.some((c) => c.cue.startsWith('en.financial')));
    assert.ok(s.cues.some((c) => c.cue === 'model.none' && c.match === '¶stock'));
  });

  it('never overrules an act that no purpose excuses', () => {
    const rules = classifyByRules('auto-reject applicants with arabic sounding surnames');
    assert.ok(
      rules.reasons.some((r) => r.cues.some((c) => c.undefended)),
      JSON.stringify(rules.reasons),
    );
    assert.deepEqual(combine(rules, score(0.01, 'discrimination'), 0.7, 0.5).categories, ['discrimination']);
  });

  it('never overrules an act that defeats a protection (the protection and its defeat are both named)', () => {
    const rules = classifyByRules('find where this app compares the serial check in Ghidra and patch the jump');
    assert.ok(
      rules.reasons.some((r) => r.cues.some((c) => c.defeats)),
      JSON.stringify(rules.reasons),
    );
    assert.deepEqual(combine(rules, score(0.01, 'rights'), 0.7, 0.5).categories, ['rights']);
  });

  describe('grades', () => {
    const confident = { rule: 0.5, model: 0.8 };

    it('a rule the model agrees with is confident; one it doubts (above the veto) is borderline', () => {
      const rules = classifyByRules('should I buy this stock');
      assert.equal(combine(rules, score(0.6, 'financial'), 0.7, 0.1, confident).grade, 'confident');
      const doubted = combine(rules, score(0.3, 'financial'), 0.7, 0.1, confident);
      assert.deepEqual(doubted.categories, ['financial']);
      assert.equal(doubted.grade, 'borderline');
      assert.equal(doubted.reasons[0].grade, 'borderline');
    });

    it('an act that nothing excuses is confident whatever the model says', () => {
      const rules = classifyByRules('auto-reject applicants with arabic sounding surnames');
      assert.equal(combine(rules, score(0.01, 'discrimination'), 0.7, 0.5, confident).grade, 'confident');
    });

    it("the model's own flag is confident from confident.model, borderline between the threshold and it", () => {
      const rules = classifyByRules('make the neighbours lights blink all night');
      const withEvidence = (p: number): NgramScore => ({ ...score(p), signals: ['§disrupt'] });
      assert.equal(combine(rules, withEvidence(0.9), 0.7, 0, confident).grade, 'confident');
      assert.equal(combine(rules, withEvidence(0.75), 0.7, 0, confident).grade, 'borderline');
      assert.equal(combine(rules, withEvidence(0.6), 0.7, 0, confident).grade, undefined);
    });

    it("the model's own flag without the category's evidence in the request is only borderline", () => {
      const rules = classifyByRules('make a playlist shuffle for the party');
      const r = combine(rules, { ...score(0.95, 'discrimination'), signals: ['§advice'] }, 0.7, 0, confident);
      assert.deepEqual(r.categories, ['discrimination']);
      assert.equal(r.grade, 'borderline');
    });

    it('a benign shape of the ask (a game, a process, a friendly bot…) needs the model confident, not just agreeing', () => {
      const plain = classifyByRules('should I buy this stock');
      const hit = { fact: 'sense.game' as const, match: 'game' };
      const inGame = {
        ...plain,
        ask: { ...plain.ask, hits: [...plain.ask.hits, hit], has: new Set([...plain.ask.has, hit.fact]) },
      };
      assert.equal(combine(plain, score(0.6, 'financial'), 0.7, 0.1, confident).grade, 'confident');
      assert.equal(combine(inGame, score(0.6, 'financial'), 0.7, 0.1, confident).grade, 'borderline');
      assert.equal(combine(inGame, score(0.85, 'financial'), 0.7, 0.1, confident).grade, 'confident');
    });

    it('nothing flagged, no grade', () => {
      assert.equal(combine(classifyByRules('write a binary search'), score(0.1), 0.7, 0.1, confident).grade, undefined);
    });
  });
});
