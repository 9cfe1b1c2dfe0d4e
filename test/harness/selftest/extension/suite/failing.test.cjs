const assert = require('assert/strict');

describe('harness selftest failure', () => {
  it('fails on purpose so the harness must exit 1', () => {
    assert.equal(1 + 1, 3);
  });
});
