// How the extension starts fude-models: the backend's Node, the token in the environment only.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { modelsCliSpec } from '../../../extension/models/cli-spec.js';

const rt = {
  extensionPath: '/ext',
  execPath: '/vscode/code',
  isElectron: true,
  nodePath: '',
  env: { PATH: '/bin', HF_TOKEN: 'from-the-editor-env', ELECTRON_RUN_AS_NODE: undefined },
};

describe('modelsCliSpec', () => {
  it('runs bin/fude-models.js with the editor as plain Node and passes the token in the environment only', () => {
    const s = modelsCliSpec(rt, ['fit', 'x.gguf', '--json'], 'hf_secret');
    assert.equal(s.command, '/vscode/code');
    assert.deepEqual(s.args, [join('/ext', 'bin', 'fude-models.js'), 'fit', 'x.gguf', '--json']);
    assert.equal(s.env.ELECTRON_RUN_AS_NODE, '1');
    assert.equal(s.env.HF_TOKEN, 'hf_secret');
    assert.ok(!s.args.join(' ').includes('hf_secret'));
  });
  it('never passes on an HF_TOKEN the editor happened to inherit, and uses fude.backend.nodePath when set', () => {
    const s = modelsCliSpec({ ...rt, nodePath: '/usr/bin/node' }, ['list']);
    assert.equal(s.command, '/usr/bin/node');
    assert.equal(s.env.HF_TOKEN, undefined);
    assert.equal(s.env.ELECTRON_RUN_AS_NODE, undefined);
  });
});
