import assert from 'node:assert/strict';
import { roughTokenCount } from '../../../extension/completion/token-estimate.js';
import { answerTokens, fitCode, INSTRUCTION_TOKENS } from '../../../extension/docs/fit-code.js';

describe('docs: fitting the code into the context', () => {
  it('keeps code that fits as it is', () => {
    assert.deepEqual(fitCode('const a = 1;\n', 4096, 384), { code: 'const a = 1;\n', truncated: false });
  });
  it('keeps whole lines from the top within the budget', () => {
    const code = Array.from({ length: 2000 }, (_, i) => `const value${i} = ${i}; // 値`).join('\n');
    const fitted = fitCode(code, 2048, 512);
    assert.equal(fitted.truncated, true);
    assert.ok(code.startsWith(fitted.code));
    assert.ok(fitted.code.endsWith('// 値'), 'ends on a whole line');
    assert.ok(roughTokenCount(fitted.code) <= 2048 - 512 - INSTRUCTION_TOKENS);
  });
  it('caps the answer at a quarter of a small context', () => {
    assert.equal(answerTokens(2048, 1024), 512);
    assert.equal(answerTokens(4096, 384), 384);
  });
});
