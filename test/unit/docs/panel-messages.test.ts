import assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../../extension/docs/panel-messages.js';

const style = { politeness: 'de-aru', length: 'one-line' };

describe('docs: panel messages from the webview', () => {
  it('accepts the messages the panel sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'run', action: 'explain', style }), {
      type: 'run',
      action: 'explain',
      style,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'insert', text: '/** a */', replace: false, extra: 1 }), {
      type: 'insert',
      text: '/** a */',
      replace: false,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'stop' }), { type: 'stop' });
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      'run',
      {},
      { type: 'run', action: 'rm -rf', style },
      { type: 'run', action: 'explain', style: { politeness: 'x', length: 'short' } },
      { type: 'insert', text: 1, replace: false },
      { type: 'insert', text: 'x'.repeat(200_001), replace: true },
      { type: 'applyTranslation' },
      { type: 'eval' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
    }
  });
});
