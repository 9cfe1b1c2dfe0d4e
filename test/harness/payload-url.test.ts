import assert from 'node:assert/strict';
import { remoteUri, workbenchUrl } from './payload-url.js';

describe('payload-url', () => {
  it('builds a plain workbench URL for a folder', () => {
    const url = new URL(workbenchUrl({ port: 8123, workspace: '/tmp/ws' }));
    assert.equal(url.origin, 'http://127.0.0.1:8123');
    assert.equal(url.searchParams.get('folder'), '/tmp/ws');
    assert.equal(url.searchParams.get('payload'), null);
  });

  it('puts extension and tests paths into a URL-encoded JSON payload of vscode-remote URIs', () => {
    const text = workbenchUrl({
      port: 8123,
      workspace: '/tmp/ws',
      extensionDevelopmentPath: '/repo',
      extensionTestsPath: '/repo/dist/test/vscode/index.cjs',
    });
    assert.ok(!text.includes('"'), 'JSON must be encoded in the URL');
    const payload: unknown = JSON.parse(new URL(text).searchParams.get('payload') ?? 'null');
    assert.deepEqual(payload, [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:8123/repo'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:8123/repo/dist/test/vscode/index.cjs'],
    ]);
  });

  it('loads several extensions under development, the one under test first', () => {
    const text = workbenchUrl({
      port: 8123,
      workspace: '/tmp/ws',
      extensionDevelopmentPath: ['/repo', '/repo/test/client'],
      extensionTestsPath: '/t.cjs',
    });
    assert.deepEqual(JSON.parse(new URL(text).searchParams.get('payload') ?? 'null'), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:8123/repo'],
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:8123/repo/test/client'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:8123/t.cjs'],
    ]);
  });

  it('percent-encodes odd characters in paths', () => {
    assert.equal(remoteUri('127.0.0.1', 1, '/a b/c#d'), 'vscode-remote://127.0.0.1:1/a%20b/c%23d');
  });

  it('rejects relative paths and a tests path without an extension', () => {
    assert.throws(() => workbenchUrl({ port: 1, workspace: 'ws' }), /absolute/);
    assert.throws(() => remoteUri('h', 1, 'rel'), /absolute/);
    assert.throws(
      () => workbenchUrl({ port: 1, workspace: '/ws', extensionTestsPath: '/t.cjs' }),
      /extensionDevelopmentPath/,
    );
  });
});
