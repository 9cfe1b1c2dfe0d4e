import assert from 'node:assert/strict';
import { enterAction, IME_KEY_CODE, type EnterKeyEvent } from '../../../webview/chat/enter-key.js';
import { displayableText } from '../../../webview/chat/stream-text.js';
import { format, makeT } from '../../../webview/chat/strings.js';

const key = (o: Partial<EnterKeyEvent>): EnterKeyEvent => ({
  key: 'Enter',
  keyCode: 13,
  isComposing: false,
  shiftKey: false,
  altKey: false,
  ...o,
});

describe('chat webview: Enter and IME', () => {
  it('sends on a plain Enter', () => {
    assert.equal(enterAction(key({}), false), 'send');
  });

  it('leaves Enter to the IME while a composition is active (isComposing, keyCode 229, or between composition events)', () => {
    assert.equal(enterAction(key({ isComposing: true, keyCode: IME_KEY_CODE }), true), 'default');
    assert.equal(enterAction(key({ isComposing: true }), false), 'default');
    assert.equal(enterAction(key({ keyCode: IME_KEY_CODE }), false), 'default', 'Safari: compositionend came first');
    assert.equal(enterAction(key({}), true), 'default', 'composition still open by our own tracking');
  });

  it('adds a line on Shift+Enter (and Alt+Enter), and ignores other keys', () => {
    assert.equal(enterAction(key({ shiftKey: true }), false), 'default');
    assert.equal(enterAction(key({ altKey: true }), false), 'default');
    assert.equal(enterAction(key({ key: 'a', keyCode: 65 }), false), 'default');
  });
});

describe('chat webview: streamed text', () => {
  it('holds back half a surrogate pair until its other half arrives', () => {
    const emoji = '😀'; // two UTF-16 units
    assert.equal(displayableText(`答え${emoji[0]}`), '答え');
    assert.equal(displayableText(`答え${emoji}`), `答え${emoji}`);
    assert.equal(displayableText(''), '');
    assert.equal(displayableText('日本語。'), '日本語。');
  });
});

describe('chat webview: strings', () => {
  it('fills numbered placeholders and shows a missing key rather than nothing', () => {
    assert.equal(format('{0} tokens/s', '12.5'), '12.5 tokens/s');
    assert.equal(format('{1}{0}{2}', 'a', 'b'), 'ba{2}');
    const t = makeT({ hello: 'こんにちは {0}' });
    assert.equal(t('hello', '世界'), 'こんにちは 世界');
    assert.equal(t('missing'), 'missing');
  });
});
