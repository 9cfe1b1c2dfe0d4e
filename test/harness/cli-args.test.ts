import assert from 'node:assert/strict';
import { parseArgs } from './cli-args.js';

describe('cli-args', () => {
  it('resolves paths against cwd and applies defaults', () => {
    const o = parseArgs(['--tests', 'dist/test/vscode/index.cjs', '--workspace', 'ws'], '/repo');
    assert.equal(o.extensionDir, '/repo');
    assert.equal(o.tests, '/repo/dist/test/vscode/index.cjs');
    assert.equal(o.workspace, '/repo/ws');
    assert.equal(o.outDir, '/repo/test-output/vscode');
    assert.equal(o.timeoutMs, 180000);
    assert.deepEqual(o.settings, {});
    assert.deepEqual(o.env, {});
    assert.equal(o.allowEmpty, false);
    assert.deepEqual(o.alsoExtensionDirs, []);
  });

  it('reads every option', () => {
    const o = parseArgs(
      [
        '--extension-dir',
        'ext',
        '--tests',
        '/t.cjs',
        '--workspace',
        '/ws',
        '--settings',
        '{"fude.x":true}',
        '--timeout-ms',
        '5000',
        '--out',
        'o',
        '--env',
        'FUDE_TEST_FIXTURES_DIR=/f=x',
        '--env',
        'B=',
        '--allow-empty',
        '--also-extension-dir',
        'test/client',
        '--also-extension-dir',
        '/other',
      ],
      '/repo',
    );
    assert.deepEqual(o.alsoExtensionDirs, ['/repo/test/client', '/other']);
    assert.equal(o.extensionDir, '/repo/ext');
    assert.equal(o.tests, '/t.cjs');
    assert.deepEqual(o.settings, { 'fude.x': true });
    assert.equal(o.timeoutMs, 5000);
    assert.equal(o.outDir, '/repo/o');
    assert.deepEqual(o.env, { FUDE_TEST_FIXTURES_DIR: '/f=x', B: '' });
    assert.equal(o.allowEmpty, true);
  });

  it('rejects missing, unknown and malformed arguments', () => {
    assert.throws(() => parseArgs(['--tests', 't'], '/'), /required/);
    assert.throws(() => parseArgs(['--tests', 't', '--workspace', 'w', '--bogus', '1'], '/'), /unknown argument/);
    assert.throws(() => parseArgs(['--tests', 't', '--workspace', 'w', '--timeout-ms', '0'], '/'), /positive integer/);
    assert.throws(() => parseArgs(['--tests', 't', '--workspace', 'w', '--env', 'NOEQUALS'], '/'), /KEY=VALUE/);
    assert.throws(() => parseArgs(['--tests'], '/'), /needs a value/);
  });
});
