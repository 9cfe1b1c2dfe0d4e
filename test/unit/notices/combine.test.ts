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
  it('keeps the rules\' verdict when they flag, whatever the model says', () => {
    const rules = classifyByRules('should I buy this stock');
    assert.deepEqual(combine(rules, score(0.99, 'harm'), 0.7).categories, ['financial']);
  });

  it('flags the model\'s category with a statistical reason when it is confident and no rule fired', () => {
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
    assert.deepEqual(combine(classifyByRules('make the neighbours lights blink all night'), score(0.5), 0.7).categories, []);
  });

  it('obeys the defensive exemption', () => {
    const r = combine(classifyByRules('detect bots that hammer our login page'), score(0.95), 0.7);
    assert.deepEqual(r.categories, []);
    assert.ok(r.suppressed.some((s) => s.because === 'defensive' && s.cues.some((c) => c.cue === 'model.ngram')));
  });

  it('obeys the programming-sense veto', () => {
    const r = combine(classifyByRules('Is it legal for a JavaScript variable name to start with a dollar sign?'), score(0.95, 'legal'), 0.7);
    assert.deepEqual(r.categories, []);
    assert.ok(r.suppressed.some((s) => s.because === 'programming-sense' && s.category === 'legal'));
  });

  it('lets a rule stand unless the model is below the veto, then names the rule\'s cues and the model\'s', () => {
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
    assert.ok(rules.reasons.some((r) => r.cues.some((c) => c.undefended)), JSON.stringify(rules.reasons));
    assert.deepEqual(combine(rules, score(0.01, 'discrimination'), 0.7, 0.5).categories, ['discrimination']);
  });
});
