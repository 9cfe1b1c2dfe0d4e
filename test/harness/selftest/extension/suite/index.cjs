// Tests index for the harness self-test, loaded by the extension host like
// dist/test/vscode/index.cjs. FUDE_SELFTEST_MODE picks: pass | fail | silent (never runs mocha) |
// hang (never settles, so the harness must time out).
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  const mode = process.env.FUDE_SELFTEST_MODE || 'pass';
  if (mode === 'silent') return Promise.resolve();
  if (mode === 'hang') return new Promise(() => {});
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000 });
  mocha.addFile(path.join(__dirname, 'selftest.test.cjs'));
  if (mode === 'fail') mocha.addFile(path.join(__dirname, 'failing.test.cjs'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
};
