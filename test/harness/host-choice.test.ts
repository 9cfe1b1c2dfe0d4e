import assert from 'node:assert/strict';
import { chooseHost } from './host-choice.js';

describe('host-choice', () => {
  it('uses code-server when no VS Code executable is known', () => {
    assert.equal(chooseHost({}).kind, 'code-server');
  });

  it('uses test-electron with FUDE_VSCODE_EXECUTABLE', () => {
    assert.deepEqual(
      { ...chooseHost({ FUDE_VSCODE_EXECUTABLE: '/opt/code/code' }), reason: '' },
      { kind: 'electron', executable: '/opt/code/code', reason: '' },
    );
  });

  it('lets FUDE_TEST_HOST force either host', () => {
    const electron = chooseHost({ FUDE_TEST_HOST: 'electron' });
    assert.equal(electron.kind, 'electron');
    assert.equal(electron.kind === 'electron' ? electron.executable : 'x', undefined);
    assert.equal(chooseHost({ FUDE_TEST_HOST: 'code-server', FUDE_VSCODE_EXECUTABLE: '/x' }).kind, 'code-server');
    assert.throws(() => chooseHost({ FUDE_TEST_HOST: 'desktop' }), /must be/);
  });
});
