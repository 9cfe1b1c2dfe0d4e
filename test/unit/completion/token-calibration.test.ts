import assert from 'node:assert/strict';
import { TokenCalibration } from '../../../extension/completion/token-calibration.js';
import { roughTokenCount } from '../../../extension/completion/token-estimate.js';

const code = 'const value = compute(input, options);\n'.repeat(4);

describe('TokenCalibration', () => {
  it('starts on the safe side: one token per ASCII character', () => {
    const c = new TokenCalibration();
    assert.equal(c.estimate('abcdefg'), 7);
  });

  it("learns the model's ratio from reported prompt sizes, with a margin", () => {
    const c = new TokenCalibration();
    const rough = roughTokenCount(code);
    c.observe(code, rough); // the model spells code as compactly as the rough guess
    assert.ok(Math.abs(c.factor - 1.1) < 1e-9);
    assert.equal(c.estimate(code), Math.ceil(rough * 1.1));
  });

  it('keeps the largest recent ratio, so a denser stretch of text is not underestimated', () => {
    const c = new TokenCalibration({ samples: 3 });
    const rough = roughTokenCount(code);
    c.observe(code, rough * 2);
    c.observe(code, rough);
    assert.ok(Math.abs(c.factor - 2.2) < 1e-9);
    c.observe(code, rough);
    c.observe(code, rough);
    assert.ok(Math.abs(c.factor - 1.1) < 1e-9, 'the dense sample left the window');
  });

  it('ignores prompts too short to say anything, and nonsense counts', () => {
    const c = new TokenCalibration();
    c.observe('x = 1', 100);
    c.observe(code, 0);
    c.observe(code, Number.NaN);
    assert.equal(c.factor, 3.5);
  });

  it('doubles the estimate after a context overflow, within the clamp', () => {
    const c = new TokenCalibration({ maxFactor: 8 });
    c.observe(code, roughTokenCount(code));
    c.overflowed();
    assert.ok(Math.abs(c.factor - 2.2) < 1e-9);
    for (let i = 0; i < 5; i++) c.overflowed();
    assert.equal(c.factor, 8);
    c.reset();
    assert.equal(c.factor, 3.5);
  });
});
